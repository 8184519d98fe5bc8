/* The Markdown stage: renders the body of every text once, before any
 * page is written, so that broken links are reported with the other
 * content errors. */
#ifndef PORTA_BODIES_H
#define PORTA_BODIES_H

#include "../core/diag.h"
#include "../model/model.h"

/* Sets text->html for every text of a checked model with urls assigned. */
void bodies_render(site_t *site, diags_t *diags);

/* Sets text->html of one text, texts[lang] of a set in programme p
 * (check_text's, after an edit). */
void bodies_render_text(site_t *site, text_t *text, size_t lang,
                        const programme_t *p, diags_t *diags);

#endif
