/* Shared by the site checker's files: walk.c reads the site, page.c goes
 * through one parsed page, structure.c checks its elements, links.c checks
 * every link once all pages are known. */
#ifndef PORTA_SITECHECK_INTERNAL_H
#define PORTA_SITECHECK_INTERNAL_H

#include <libxml/tree.h>

#include "../core/map.h"
#include "sitecheck.h"

/* An address as written in a page (href, src, action...), and where. */
typedef struct {
	const char *url;
	pos_t pos;
} sc_link_t;

/* What a fragment can lead to: an element's id, or the name of an <a>. */
typedef struct {
	pos_t pos;
	bool is_id;
} sc_target_t;

/* One HTML file: what the checks across pages need after its tree is
 * freed. Everything lives in the checker's arena. */
typedef struct {
	const char *rel;       /* below the site directory: "fi/index.html" */
	const char *shown;     /* as reported: "build/site/fi/index.html" */
	map_t targets;         /* fragment -> sc_target_t */
	sc_link_t *links;
	size_t nlinks, cap;
} sc_page_t;

/* Every file of the site; page is NULL for files that are not HTML. */
typedef struct {
	const char *rel;
	sc_page_t *page;
} sc_file_t;

typedef struct {
	const char *dir;
	const char *base;      /* "/" or "/mini/": absolute links start so */
	const char *address;   /* "https://example.org/mini/", or NULL */
	arena_t *arena;
	map_t files;           /* rel -> sc_file_t */
	sc_page_t **pages;     /* in path order */
	size_t npages, cap;
	diags_t *diags;
} sitecheck_t;

/* Reads one parsed page into page (targets, links) and reports the
 * problems found inside it. source is the file's text, for columns. */
void page_check(sitecheck_t *sc, sc_page_t *page, xmlDoc *doc,
                const char *source, size_t len);

/* Per page, in document order: the state the heading checks carry. */
typedef struct {
	int level;             /* of the heading before, 0 before the first */
	int h1s;
	pos_t first_h1, body;
} sc_structure_t;

/* Checks one element (lang, headings, alt, names); structure_finish
 * reports what only the whole page shows (no h1). */
void structure_element(sitecheck_t *sc, const sc_page_t *page,
                       sc_structure_t *st, xmlNode *el, pos_t pos);
void structure_finish(sitecheck_t *sc, const sc_page_t *page,
                      const sc_structure_t *st);

/* An attribute's value, or NULL; the string lives in the checker's
 * arena. */
const char *sc_attr(sitecheck_t *sc, xmlNode *el, const char *name);

/* Sets sc->base and sc->address from the root page's hreflang
 * alternates, unless a base path was given. */
void links_base(sitecheck_t *sc, xmlDoc *root, const char *given);

/* Checks every link of every page against the files and their ids. */
void links_check(sitecheck_t *sc);

#endif
