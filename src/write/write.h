/* The write stage: every page rendered with the theme's templates into a
 * fresh directory beside the output, the theme's static files copied, and
 * the result swapped in for the old site in one rename. Until that rename
 * the previous site is untouched; after a failure it stays as it was. */
#ifndef PORTA_WRITE_H
#define PORTA_WRITE_H

#include "../core/diag.h"
#include "../model/model.h"

typedef struct {
	size_t pages;   /* HTML pages; other files are not counted */
	char *io_error; /* what failed, or NULL; the caller frees it */
} write_result_t;

/* Writes the site of a checked model to out. inject, when not NULL, is
 * HTML put before the </body> of every page (only the preview server
 * uses it). Template errors are content errors and go to diags; file
 * system failures to io_error. */
write_result_t write_site(const site_t *site, const char *out,
                          const char *inject, diags_t *diags);

#endif
