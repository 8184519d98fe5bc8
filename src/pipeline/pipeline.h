/* One run of the whole pipeline, from a content directory to a written
 * site (or to the list of its problems), for the command line and the
 * preview server alike. */
#ifndef PORTA_PIPELINE_H
#define PORTA_PIPELINE_H

#include <stdbool.h>

#include "../core/diag.h"

typedef struct {
	const char *content;   /* content directory */
	const char *theme;     /* theme directory, or NULL for site.yaml's */
	const char *out;       /* where to write; NULL only checks */
	bool draft;            /* borrow missing translations */
	const char *inject;    /* HTML put before </body> of every page (the
	                          preview server's reload script), or NULL */
} pipeline_opts_t;

typedef struct {
	size_t pages;          /* pages made */
	size_t written, kept;  /* files changed, and files left as they were */
	char *io_error;        /* what failed on disk, or NULL; caller frees */
} pipeline_result_t;

/* Loads, checks and, when nothing is wrong and out is set, writes the
 * site. Content problems go to diags; the site is written only when there
 * are none. */
pipeline_result_t pipeline_run(const pipeline_opts_t *opts, diags_t *diags);

#endif
