/* The write stage: every page rendered with the theme's templates, on as
 * many threads as there are cores, together with the other files (open
 * data, search index, feeds, sitemap) and the theme's static files, and
 * the result put in place by write/output.h: whole or not at all, and
 * touching only the files whose bytes changed. */
#ifndef PORTA_WRITE_H
#define PORTA_WRITE_H

#include "../core/diag.h"
#include "../model/model.h"

typedef struct {
	size_t pages;   /* HTML pages; other files are not counted */
	size_t written; /* files whose bytes changed, and those kept as they */
	size_t kept;    /* were (with their times) */
	char *io_error; /* what failed, or NULL; the caller frees it */
} write_result_t;

/* Writes the site of a checked model to out. inject, when not NULL, is
 * HTML put before the </body> of every page (only the preview server
 * uses it). Template errors are content errors and go to diags; file
 * system failures to io_error. */
write_result_t write_site(site_t *site, const char *out, const char *inject,
                          diags_t *diags);

#endif
