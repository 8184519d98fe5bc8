/* Page addresses. Every page has one address per language, built from the
 * slugs in that language and the path words of the theme's i18n file:
 * /fi/digiohjelma-2024-2026/toimenpiteet/a1/. Addresses start with the
 * base path of base_url, so a site may live below a domain's root. */
#ifndef PORTA_URLS_H
#define PORTA_URLS_H

#include "model.h"

/* Sets the urls of every page of a checked model. */
void urls_assign(site_t *site);

/* The i18n word for a path part ("actions" -> "toimenpiteet"). */
const char *urls_segment(const site_t *site, size_t lang, const char *key);

/* The file a page's address is written to, relative to the output
 * directory ("fi/x/index.html"), allocated from arena. */
const char *urls_file(arena_t *arena, const site_t *site, const char *url);

/* The absolute address of a page (base_url + path). */
const char *urls_absolute(arena_t *arena, const site_t *site, const char *url);

#endif
