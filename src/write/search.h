/* The search index: for each language, /<lang>/search.json with every
 * page a resident may look for (actions, indicators, themes, programmes,
 * free pages) and the Snowball stems of their words (without hyphens),
 * each with the fields it stands in (title, summary, text). The theme's
 * script searches it in the browser; see docs/search.md for why stems and
 * how queries match and rank them. */
#ifndef PORTA_SEARCH_H
#define PORTA_SEARCH_H

#include "../model/model.h"
#include "emit.h"

/* Writes the index of language lang. */
int search_write(const site_t *site, size_t lang, emit_fn emit, void *ctx);

/* The same, kept between the preview's builds: a write indexes again
 * only the actions and indicators whose texts were replaced since. */
typedef struct search_index search_index_t;
search_index_t *search_index_new(const site_t *site, size_t lang);
int search_index_write(search_index_t *x, emit_fn emit, void *ctx);
void search_index_free(search_index_t *x); /* accepts NULL */

/* The index's address in language lang (below the site's base path). */
const char *search_index_url(arena_t *arena, const site_t *site, size_t lang);

#endif
