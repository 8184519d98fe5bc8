/* The load stage: content/ and the theme's i18n files to a typed model
 * with source positions. Checks syntax and shapes (unknown keys, types);
 * what refers to what is left to the check stage. */
#ifndef PORTA_LOAD_H
#define PORTA_LOAD_H

#include "../core/diag.h"
#include "../model/model.h"

/* Loads everything under content_dir. theme_dir may be NULL: then the
 * theme named in site.yaml is looked for in themes/ beside content_dir.
 * Problems go to diags. Returns the model (never NULL); free it with
 * model_free. */
site_t *load_site(const char *content_dir, const char *theme_dir,
                  diags_t *diags);

/* Where a text is in the model: texts[lang], a set of the programme. */
typedef struct {
	text_t **texts;
	size_t lang;
	programme_t *programme;
} text_slot_t;

/* Reads again the file at path (as the model has it), when it is an
 * action's or an indicator's text, for the preview server's rebuild after
 * an edit: returns the new text, allocated from the site's arena, and
 * sets *slot to where the old one is; NULL when the model has no such
 * text. Problems go to diags. */
text_t *load_text_again(site_t *site, const char *path, text_slot_t *slot,
                        diags_t *diags);

#endif
