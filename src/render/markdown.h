/* Markdown to HTML with cmark-gfm (tables, autolinks, strikethrough).
 * Links are passed through a resolver so that links to other content
 * become page addresses; what the site does not allow (a link leading
 * nowhere, an image without alt text, a level-1 heading, raw HTML in safe
 * mode) is reported with the file's line and column. */
#ifndef PORTA_MARKDOWN_H
#define PORTA_MARKDOWN_H

#include <stdbool.h>

#include "../core/diag.h"

/* Returns the address to use for a link target as written: the target
 * itself when it needs no rewriting, a new string from the resolver's
 * arena, or NULL when it leads nowhere. */
typedef const char *(*markdown_resolve_fn)(void *ctx, const char *target);

typedef struct {
	bool allow_html;
	markdown_resolve_fn resolve;
	void *ctx;
	const char *path;  /* for messages */
	int first_line;    /* the file line the text starts on */
	diags_t *diags;
} markdown_opts_t;

/* Sets cmark-gfm up; once, before rendering on several threads at once. */
void markdown_prepare(void);

/* Renders src[0..len). The caller frees the result with free(). */
char *markdown_render(const char *src, size_t len, const markdown_opts_t *opts);

#endif
