/* The site checker (porta check --site DIR): reads every HTML file of a
 * built site with libxml2's HTML parser and reports, as diagnostics, what
 * a reader would stumble on without needing a browser to find it: links and
 * fragments that lead nowhere, duplicate ids, images without alt, skipped
 * heading levels and pages without one h1, a missing <html lang>, and links
 * and buttons with no name. External addresses are never fetched. */
#ifndef PORTA_SITECHECK_H
#define PORTA_SITECHECK_H

#include "../core/diag.h"

typedef struct {
	const char *dir;       /* the built site, e.g. "build/site" */
	/* The path the site is published under ("/mini/"), which every
	 * absolute link starts with. NULL: read from the root index.html's
	 * hreflang alternates (as porta writes them), else "/". */
	const char *base_path;
} sitecheck_opts_t;

typedef struct {
	size_t pages;          /* HTML files checked */
	char *io_error;        /* the site cannot be read at all; caller frees */
} sitecheck_result_t;

/* Checks the site and appends every problem to d (one error each). A file
 * that cannot be read is a diagnostic too; io_error is only for a
 * directory that cannot be listed. */
sitecheck_result_t sitecheck_run(const sitecheck_opts_t *opts, diags_t *d);

/* The same for a site of one file given in memory, rel below opts->dir
 * ("index.html"), which is not read (the fuzz target, tests/fuzz/): links
 * to any other file lead nowhere. Returns the pages checked, 0 or 1. */
size_t sitecheck_page(const sitecheck_opts_t *opts, const char *rel,
                      const char *text, size_t len, diags_t *d);

#endif
