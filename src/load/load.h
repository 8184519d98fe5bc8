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

#endif
