/* The view stage: the model seen as pages. Every page the site has is
 * listed by view_pages, and view_build turns one of them into the value
 * tree its template reads. Views hold no HTML except Markdown already
 * rendered; the templates decide the markup. */
#ifndef PORTA_VIEW_H
#define PORTA_VIEW_H

#include "../model/model.h"

typedef enum {
	PAGE_ROOT,       /* the language choice at the site's root */
	PAGE_NOT_FOUND,  /* 404.html */
	PAGE_HOME,
	PAGE_PROGRAMME,
	PAGE_THEME,
	PAGE_ACTIONS,
	PAGE_ACTION,
	PAGE_INDICATORS,
	PAGE_INDICATOR,
	PAGE_CHART,      /* an indicator's chart as an SVG file, for embedding */
	PAGE_ROADMAP,    /* a year's actions and what became of them */
	PAGE_FOLLOW_UP,  /* a year's follow-up report, as the city board gets it */
	PAGE_FILTER,     /* the actions with one value of a facet */
	PAGE_DATA,       /* what the open data files hold, and their licence */
	PAGE_SEARCH,     /* search with a script; an A–Z index without */
	PAGE_FREE,
	PAGE_KIND_COUNT
} page_kind_t;

typedef struct {
	page_kind_t kind;
	size_t lang;                  /* unused for the root and 404 */
	const programme_t *programme; /* for programme pages */
	const void *item;             /* theme_t, action_t, indicator_t, page_t;
	                                 for PAGE_FILTER the value's key */
	int year;                     /* roadmap and follow-up pages; for
	                                 PAGE_FILTER the facet */
} page_ref_t;

/* Counts and addresses that many pages show (the facets of the action
 * lists), made once before pages are built (write_site does it); after
 * it the model is only read, so pages can be built in parallel. */
void view_prepare(site_t *site);

/* Calls each(ref, ctx) for every page, in a fixed order. Returns the first
 * non-zero value each returns, or 0. */
int view_pages(const site_t *site, int (*each)(const page_ref_t *, void *),
               void *ctx);

/* The template a page is rendered with ("action" for PAGE_ACTION), or
 * NULL for a file the view makes whole (its tree's "content"). */
const char *view_template(page_kind_t kind);

/* Whether an indicator has numbers to chart (and a PAGE_CHART). */
bool view_has_chart(const indicator_t *ind);
/* The page's address (root-relative, below the site's base path),
 * allocated from arena when it must be made; NULL for the 404 page. */
const char *view_url(arena_t *arena, const site_t *site,
                     const page_ref_t *ref);
/* The texts a page read while its view was built: after an edit to one
 * text, the preview server builds again only the pages that read it. */
typedef struct {
	const text_t **texts;  /* in the order read, repeats mostly dropped */
	size_t len, cap;
	const text_t **bodies; /* the texts whose bodies it shows */
	size_t nbodies, bodies_cap;
} view_reads_t;

/* The value tree for one page, allocated from arena; the texts it reads
 * are added to reads unless that is NULL. */
value_t *view_build(arena_t *arena, const site_t *site, const page_ref_t *ref,
                    view_reads_t *reads);

/* After old was replaced by now: whether the page read old (with body,
 * whether it showed old's body) and so must be built again. A page that
 * need not be shows now as it did old, and its reads say so from here on. */
bool view_reads_replace(view_reads_t *reads, const text_t *old,
                        const text_t *now, bool body);
void view_reads_free(view_reads_t *reads);

/* Puts text in the place of texts[lang], the words of an action or an
 * indicator in one language, and makes again what view_prepare made of
 * them. */
void view_replace_text(site_t *site, text_t **texts, size_t lang,
                       text_t *text);

#endif
