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
	bool partial;          /* only the pages that read the changed file
	                          were made: pipeline_finish makes the rest */
} pipeline_result_t;

/* Loads, checks and, when nothing is wrong and out is set, writes the
 * site. Content problems go to diags; the site is written only when there
 * are none. */
pipeline_result_t pipeline_run(const pipeline_opts_t *opts, diags_t *diags);

/* The preview server's builds: each keeps its model, its pages and what
 * each page read for the next, so that after an edit to one action or
 * indicator text only what shows that text is made again. */
typedef struct pipeline pipeline_t;

/* opts and the strings it points to must outlive the pipeline. */
pipeline_t *pipeline_new(const pipeline_opts_t *opts);
void pipeline_free(pipeline_t *p); /* accepts NULL */

/* Builds after a change. changed is the one file that changed since the
 * last build, named as the content directory names it, or NULL when
 * more did or it is not known. When the last build succeeded and the
 * file is an action's or an indicator's text whose new version is
 * correct and keeps its address, only the pages that read it are made
 * (result.partial); otherwise the whole site, as pipeline_run does. */
pipeline_result_t pipeline_build(pipeline_t *p, const char *changed,
                                 diags_t *diags);

/* After a partial build: the files made of the whole site (search
 * index, open data, feeds, sitemap). */
pipeline_result_t pipeline_finish(pipeline_t *p);

/* Then frees what the two left behind on disk (the old versions of the
 * files they replaced). */
void pipeline_tidy(pipeline_t *p);

#endif
