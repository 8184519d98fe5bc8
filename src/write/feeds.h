/* Atom feeds of what happens to the actions: per language (/fi/feed.xml)
 * and per theme (<theme page>feed.xml). Entries are the updates editors
 * write and the statuses each follow-up records, newest first, with ids
 * that stay the same from build to build. */
#ifndef PORTA_FEEDS_H
#define PORTA_FEEDS_H

#include "../model/model.h"
#include "emit.h"

/* Writes the feeds of language lang. */
int feeds_write(const site_t *site, size_t lang, emit_fn emit, void *ctx);

/* The feed addresses (below the site's base path). */
const char *feeds_url(arena_t *arena, const site_t *site, size_t lang);
const char *feeds_theme_url(arena_t *arena, const theme_t *t, size_t lang);

#endif
