/* Links between content: "action:a9", "page:about" or a relative path to
 * another Markdown file become the address of that page in the language
 * being rendered. Anything with another scheme (https:, mailto:) or an
 * absolute path is left as written. */
#ifndef PORTA_LINKS_H
#define PORTA_LINKS_H

#include "../model/model.h"

typedef struct {
	const site_t *site;
	size_t lang;
	const programme_t *programme; /* the text's programme, or NULL */
	const char *path;             /* the text's file */
	arena_t *arena;               /* for the addresses returned */
} links_ctx_t;

/* A markdown_resolve_fn: ctx is a links_ctx_t. */
const char *links_resolve(void *ctx, const char *target);

#endif
