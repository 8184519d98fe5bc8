/* Shared by the files of the view stage. */
#ifndef PORTA_VIEW_INTERNAL_H
#define PORTA_VIEW_INTERNAL_H

#include "format.h"
#include "view.h"

typedef struct {
	arena_t *arena;
	const site_t *site;
	size_t lang;
	const page_ref_t *ref;
	view_reads_t *reads; /* what the page reads, or NULL */
} view_ctx_t;

/* Notes that the page read text (NULL is allowed). Every read of a text
 * goes through here, or through view_text, which calls it. */
void view_read(const view_ctx_t *v, const text_t *text);
/* The front page's text in language l. */
const text_t *view_front(const view_ctx_t *v, size_t l);

/* The text of a set in the page's language (NULL only for broken input,
 * which never reaches the view stage). */
const text_t *view_text(const view_ctx_t *v, text_t *const *texts);
const char *view_title(const view_ctx_t *v, text_t *const *texts);
const char *view_word(const view_ctx_t *v, const char *key);
/* The i18n pattern at key with "{n}" replaced by s ("Target {n}"). */
const char *view_fill(const view_ctx_t *v, const char *key, const char *s);

/* Sets key to s, or to null when s is NULL. Templates look a missing key
 * up in the enclosing contexts (Mustache's rule), so every key a template
 * may read is always set, even when it has nothing to say. */
void view_set_text(const view_ctx_t *v, value_t *map, const char *key,
                   const char *s);

/* Sets key to list and has_<key> to whether it has items, so that a
 * template can wrap a list without repeating the wrapper per item. */
void view_set_list(const view_ctx_t *v, value_t *map, const char *key,
                   value_t *list);

/* s escaped for an HTML attribute (for snippets a page shows as code). */
const char *view_attr_text(const view_ctx_t *v, const char *s);

/* {text, url} items and lists of them. */
value_t *view_link(const view_ctx_t *v, const char *text, const char *url);
/* A fact row for a definition list: {label, items: [{text, url, last}]}. */
value_t *view_fact(const view_ctx_t *v, const char *label_key);
void view_fact_add(const view_ctx_t *v, value_t *fact, const char *text,
                   const char *url);

/* "Goal: A Title" (or capability, enabler), linked to the theme. */
value_t *view_theme_fact(const view_ctx_t *v, const theme_t *t);

/* Summaries used by several pages. */
const char *view_years(const view_ctx_t *v, const action_t *x);
/* What lists show of an action or an indicator: made once per language
 * (view_prepare) and shared by every list, so not to be changed; the
 * _copy forms return a copy to add members to. */
value_t *view_action_item(const view_ctx_t *v, const action_t *a);
value_t *view_indicator_item(const view_ctx_t *v, const indicator_t *ind);
value_t *view_action_item_copy(const view_ctx_t *v, const action_t *a);
value_t *view_indicator_item_copy(const view_ctx_t *v,
                                  const indicator_t *ind);
value_t *view_progress(const view_ctx_t *v, const programme_t *p,
                       const theme_t *only);
/* The same from counts per status. */
value_t *view_progress_of(const view_ctx_t *v, const size_t *counts,
                          size_t total);
/* programme: title, links, themes, progress and counts. */
void view_programme_summary(const view_ctx_t *v, value_t *root,
                            const programme_t *p);
const char *view_indicator_value(const view_ctx_t *v, const indicator_t *ind,
                                 const indicator_value_t *val);
/* Adds body, borrowed-language notice and description from a text. */
void view_add_text(const view_ctx_t *v, value_t *page, const text_t *t);

/* Charts (view/chart.c): SVG text, or NULL for an indicator without
 * numbers; *desc, unless desc is NULL, gets the chart said in words. */
const char *view_chart(const view_ctx_t *v, const indicator_t *ind,
                       bool standalone, const char **desc);
/* An indicator's chart in one language, for its page and its file: drawn
 * once, for both, before pages are made (see view_items_prepare). */
typedef struct {
	const char *inline_svg, *file_svg, *desc;
} view_chart_t;
void view_chart_make(const view_ctx_t *v, const indicator_t *ind,
                     view_chart_t *out);
/* The chart made for ind in v's language, or NULL when none was. */
const view_chart_t *view_chart_made(const view_ctx_t *v,
                                    const indicator_t *ind);
const char *view_sparkline(const view_ctx_t *v, const indicator_t *ind);
void view_chart_file(const view_ctx_t *v, value_t *root);
/* The latest value as percent of the target (direction considered), or
 * negative when unknown. */
double view_indicator_progress(const indicator_t *ind);

/* What view_prepare works out once for all pages: the facets of every
 * programme (facets.c), what lists show of each action and indicator in
 * each language (items.c), the A–Z index (search.c), the year tables'
 * rows (years.c), the programmes' summaries (programme.c) and which
 * actions have gone quiet (freshness.c).
 * Read-only while pages are built. */
typedef struct facet_cache facet_cache_t;
typedef struct item_cache item_cache_t;
typedef struct az_index az_index_t;
typedef struct year_rows year_rows_t;
struct view_cache {
	facet_cache_t **programmes; /* [programme][facet] */
	item_cache_t *items;
	az_index_t *az;     /* the search page's A–Z index, per language */
	year_rows_t *rows;  /* the rows of the roadmaps and follow-ups */
	value_t **summaries; /* [programme * nlangs + lang] */
	bool **stale;       /* [programme][action]: gone quiet */
};
item_cache_t *view_items_prepare(const site_t *site);
az_index_t *view_search_prepare(const site_t *site);
/* view_prepare's work on the threads: tasks numbered over the
 * programmes, count(site, p) of them each. view_task_programme says
 * which programme task t is of, and makes *t its number there. */
typedef size_t (*view_count_fn)(const site_t *site, const programme_t *p);
size_t view_tasks(const site_t *site, view_count_fn count);
const programme_t *view_task_programme(const site_t *site, size_t *t,
                                       view_count_fn count);
year_rows_t *view_years_prepare(const site_t *site);
value_t **view_summaries_prepare(const site_t *site);
/* Makes the rows of texts' action in language lang again, after its text
 * was replaced (view_replace_text). */
void view_years_replace(site_t *site, text_t *const *texts, size_t lang);
/* Puts the A–Z entry of texts in language lang in its place again, after
 * its text was replaced (view_replace_text). */
void view_search_replace(site_t *site, text_t *const *texts, size_t lang);

/* Facets of the action list (view/facets.c). */
typedef struct {
	const char *key;   /* language-neutral: a theme id, status id, year... */
	size_t count;      /* actions that have it */
	int rank;          /* display order */
} facet_value_t;

size_t view_facet_count(void);
const char *view_facet_id(size_t f);
/* The values of facet f among the programme's actions, in display order
 * (counted once by view_prepare). */
facet_value_t *view_facet_values(const site_t *site, const programme_t *p,
                                 size_t f, size_t *n);
const char *view_facet_keys(const view_ctx_t *v, const action_t *x);
const char *view_facet_label(const view_ctx_t *v, const programme_t *p,
                             size_t f, const char *key);
/* The address of the page listing the actions with this value. */
const char *view_facet_url(const view_ctx_t *v, const programme_t *p,
                           size_t f, const char *key);
/* facets: every facet with its values, counts and addresses. */
void view_facet_nav(const view_ctx_t *v, value_t *root, const programme_t *p);
void view_filter(const view_ctx_t *v, value_t *root);
void view_data(const view_ctx_t *v, value_t *root);
void view_search(const view_ctx_t *v, value_t *root);

/* Freshness (view/freshness.c): the date of the action's newest news, or
 * NULL; whether it has had none since the follow-up before the newest. */
const char *view_last_updated(const view_ctx_t *v, const action_t *x);
const char *view_content_date(const view_ctx_t *v);
/* Whether each action has gone quiet, for view_prepare; worked out again
 * for the action whose text was replaced (view_replace_text). */
bool **view_stale_prepare(const site_t *site);
void view_stale_replace(site_t *site, text_t *const *texts);
bool view_is_stale(const view_ctx_t *v, const action_t *x);
value_t *view_stale_actions(const view_ctx_t *v, const programme_t *p);

/* JSON-LD for the front page and the data page (view/jsonld.c). */
const char *view_jsonld_home(const view_ctx_t *v);
const char *view_jsonld_data(const view_ctx_t *v);

/* Page builders: each fills the page-specific part of the root map. */
void view_home(const view_ctx_t *v, value_t *root);
void view_programme(const view_ctx_t *v, value_t *root);
void view_theme(const view_ctx_t *v, value_t *root);
void view_actions(const view_ctx_t *v, value_t *root);
void view_action(const view_ctx_t *v, value_t *root);
void view_indicators(const view_ctx_t *v, value_t *root);
void view_roadmap(const view_ctx_t *v, value_t *root);
/* roadmap_years and follow_up_years: links to the programme's year pages. */
void view_year_links(const view_ctx_t *v, value_t *root,
                     const programme_t *p);
void view_follow_up(const view_ctx_t *v, value_t *root);
void view_indicator(const view_ctx_t *v, value_t *root);

#endif
