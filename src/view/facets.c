/* Facets of the action list: the ways a resident can narrow it (theme,
 * status, year, responsible unit, beneficiary, level, statutory, cost and
 * impact class). Each value that some action has gets a page of its own,
 * so that filtering works without JavaScript; the list's items carry
 * their values for the script that filters in place. */
#include "view_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"

/* Appends to list the keys action x has for a facet. */
typedef void (*keys_fn)(arena_t *a, const action_t *x, value_t *list);

static void push(arena_t *a, value_t *list, const char *key)
{
	val_push(a, list, val_str_ref(a, key));
}

static void theme_keys(arena_t *a, const action_t *x, value_t *l)
{
	if (x->theme)
		push(a, l, x->theme->id);
}

static void status_keys(arena_t *a, const action_t *x, value_t *l)
{
	int s = model_current_status(x);
	if (s >= 0)
		push(a, l, enum_id(ENUM_STATUS, s));
}

static void year_keys(arena_t *a, const action_t *x, value_t *l)
{
	for (size_t i = 0; i < x->nyears; i++)
		push(a, l, arena_printf(a, "%d", x->years[i]));
}

static void unit_keys(arena_t *a, const action_t *x, value_t *l)
{
	for (size_t i = 0; i < x->nresponsible; i++)
		push(a, l, x->responsible[i]->id);
}

static void enum_keys(arena_t *a, value_t *l, enum_kind_t kind,
                      const enum_ref_t *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (e[i].id >= 0)
			push(a, l, enum_id(kind, e[i].id));
}

static void beneficiary_keys(arena_t *a, const action_t *x, value_t *l)
{
	enum_keys(a, l, ENUM_BENEFICIARY, x->beneficiaries, x->nbeneficiaries);
}

static void level_keys(arena_t *a, const action_t *x, value_t *l)
{
	enum_keys(a, l, ENUM_LEVEL, &x->level, 1);
}

static void statutory_keys(arena_t *a, const action_t *x, value_t *l)
{
	if (x->statutory >= 0)
		push(a, l, x->statutory ? "yes" : "no");
}

static void cost_keys(arena_t *a, const action_t *x, value_t *l)
{
	enum_keys(a, l, ENUM_CLASS, &x->cost_class, 1);
}

static void impact_keys(arena_t *a, const action_t *x, value_t *l)
{
	enum_keys(a, l, ENUM_CLASS, &x->impact_class, 1);
}

typedef enum { BY_KEY, BY_THEME, BY_ENUM } order_t;

static const struct {
	const char *id;     /* the i18n group under facets.; the script's name */
	keys_fn keys;
	order_t order;
	enum_kind_t kind;   /* BY_ENUM: the enumeration; also the words */
} facets[] = {
	{"theme", theme_keys, BY_THEME, 0},
	{"status", status_keys, BY_ENUM, ENUM_STATUS},
	{"year", year_keys, BY_KEY, 0},
	{"responsible", unit_keys, BY_KEY, 0},
	{"beneficiary", beneficiary_keys, BY_ENUM, ENUM_BENEFICIARY},
	{"level", level_keys, BY_ENUM, ENUM_LEVEL},
	{"statutory", statutory_keys, BY_KEY, 0},
	{"cost_class", cost_keys, BY_ENUM, ENUM_CLASS},
	{"impact_class", impact_keys, BY_ENUM, ENUM_CLASS},
};

size_t view_facet_count(void)
{
	return sizeof facets / sizeof *facets;
}

const char *view_facet_id(size_t f)
{
	return facets[f].id;
}

static int rank_of(const programme_t *p, size_t f, const char *key)
{
	if (facets[f].order == BY_ENUM)
		return enum_find(facets[f].kind, key);
	if (facets[f].order == BY_THEME)
		return (int)(model_theme(p, key) - p->themes);
	return 0;
}

static int by_rank(const void *pa, const void *pb)
{
	const facet_value_t *a = pa, *b = pb;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return strcmp(a->key, b->key);
}

/* "theme:a status:started year:2025", for the filtering script. */
const char *view_facet_keys(const view_ctx_t *v, const action_t *x)
{
	buf_t b = BUF_INIT;
	value_t *keys = val_list(v->arena);
	for (size_t f = 0; f < view_facet_count(); f++) {
		keys->as.list.len = 0;
		facets[f].keys(v->arena, x, keys);
		for (size_t k = 0; k < keys->as.list.len; k++) {
			if (b.len)
				buf_putc(&b, ' ');
			buf_puts(&b, facets[f].id);
			buf_putc(&b, ':');
			buf_puts(&b, keys->as.list.items[k]->as.str.s);
		}
	}
	const char *s = arena_strdup(v->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

const char *view_facet_label(const view_ctx_t *v, const programme_t *p,
                             size_t f, const char *key)
{
	switch (facets[f].order) {
	case BY_THEME: {
		const theme_t *t = model_theme(p, key);
		return arena_printf(v->arena, "%s %s", t->code,
		                    view_title(v, t->texts));
	}
	case BY_ENUM:
		return format_enum(v->site, v->lang, facets[f].kind,
		                   enum_find(facets[f].kind, key));
	case BY_KEY:
		break;
	}
	if (strcmp(facets[f].id, "responsible") == 0) {
		const unit_t *u = map_get(&v->site->unit_index, key);
		return u && u->names[v->lang] ? u->names[v->lang] : key;
	}
	if (strcmp(facets[f].id, "statutory") == 0)
		return view_word(v, strcmp(key, "yes") == 0 ? "words.answer_yes"
		                                            : "words.answer_no");
	return key;
}

/* Lowercase ASCII letters, digits and '-' for an address: "Ei tietoa" ->
 * "ei-tietoa", "Påbörjad" -> "paborjad". Other letters are dropped. */
static const char *slugify(arena_t *arena, const char *s)
{
	static const char *const folds[][2] = {
		{"ä", "a"}, {"å", "a"}, {"ö", "o"}, {"Ä", "a"}, {"Å", "a"},
		{"Ö", "o"}, {"é", "e"}, {"É", "e"}, {"ü", "u"}, {"Ü", "u"}};
	buf_t b = BUF_INIT;
	bool gap = false;
	for (const char *p = s; *p;) {
		char c = *p;
		size_t skip = 1;
		for (size_t i = 0; i < sizeof folds / sizeof *folds; i++) {
			size_t n = strlen(folds[i][0]);
			if (strncmp(p, folds[i][0], n) == 0) {
				c = folds[i][1][0];
				skip = n;
				break;
			}
		}
		if (skip == 1 && ((unsigned char)c & 0x80))
			while (((unsigned char)p[skip] & 0xc0) == 0x80)
				skip++;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (gap && b.len)
				buf_putc(&b, '-');
			buf_putc(&b, c);
			gap = false;
		} else {
			gap = true;
		}
		p += skip;
	}
	const char *out = arena_strdup(arena, buf_cstr(&b));
	buf_free(&b);
	return out;
}

/* The facets of every programme, counted and given their addresses once
 * before pages are built: every list and filter page shows them. */
struct facet_cache {
	facet_value_t *values;
	size_t n;
	const char ***urls; /* urls[value][lang] */
	size_t **members;   /* members[value]: the actions that have it, */
	size_t *nmembers;   /* this many */
};

/* The values of facet f among the programme's actions, counted, in
 * display order, and the actions that have each, in the programme's
 * order (what a filter page lists): one pass over the actions, which
 * notes the value of each key they have, numbered as first seen. */
static void facet_values(arena_t *a, const programme_t *p, size_t f,
                         facet_cache_t *fc)
{
	map_t seen = MAP_INIT; /* key -> number as first seen + 1 */
	facet_value_t *values = NULL;
	size_t len = 0, cap = 0;
	typedef struct {
		size_t action, value;
	} hit_t;
	hit_t *hits = NULL;
	size_t nhits = 0, hits_cap = 0;
	value_t *keys = val_list(a);
	for (size_t i = 0; i < p->nactions; i++) {
		keys->as.list.len = 0;
		facets[f].keys(a, &p->actions[i], keys);
		for (size_t k = 0; k < keys->as.list.len; k++) {
			const char *key = keys->as.list.items[k]->as.str.s;
			size_t at = (size_t)map_get(&seen, key);
			if (!at) {
				arena_grow(a, (void **)&values, len, &cap, sizeof *values);
				values[len] = (facet_value_t){key, 0, rank_of(p, f, key)};
				map_put(&seen, key, (void *)++len);
				at = len;
			}
			values[at - 1].count++;
			if (nhits == hits_cap) {
				hits_cap = hits_cap ? hits_cap * 2 : 256;
				hits = xrealloc(hits, hits_cap * sizeof *hits);
			}
			hits[nhits++] = (hit_t){i, at - 1};
		}
	}
	if (len > 1)
		qsort(values, len, sizeof *values, by_rank);
	/* Where each value went in display order. */
	size_t *place = xmalloc((len + 1) * sizeof *place);
	for (size_t i = 0; i < len; i++)
		place[(size_t)map_get(&seen, values[i].key) - 1] = i;
	fc->values = values;
	fc->n = len;
	fc->nmembers = arena_alloc(a, (len + 1) * sizeof *fc->nmembers);
	fc->members = arena_alloc(a, (len + 1) * sizeof *fc->members);
	for (size_t i = 0; i < len; i++)
		fc->members[i] = arena_alloc(a, (values[i].count + 1) *
		                                    sizeof **fc->members);
	for (size_t h = 0; h < nhits; h++) {
		size_t v = place[hits[h].value], *filled = &fc->nmembers[v];
		/* A key twice for one action counts once in a list. */
		if (!*filled || fc->members[v][*filled - 1] != hits[h].action)
			fc->members[v][(*filled)++] = hits[h].action;
	}
	free(place);
	free(hits);
	map_free(&seen);
}

/* The address of each value in language l: its words as a slug; values
 * whose words give the same slug keep their keys instead. */
static void facet_urls(const site_t *site, const programme_t *p, size_t f,
                       facet_cache_t *fc, size_t l)
{
	arena_t *a = site->arena;
	page_ref_t ref = {PAGE_ACTIONS, l, p, NULL, 0};
	view_ctx_t v = {a, site, l, &ref, NULL};
	const char **slugs = arena_alloc(a, (fc->n + 1) * sizeof *slugs);
	for (size_t i = 0; i < fc->n; i++)
		slugs[i] = slugify(a, view_facet_label(&v, p, f, fc->values[i].key));
	map_t seen = MAP_INIT;
	for (size_t i = 0; i < fc->n; i++)
		map_put(&seen, slugs[i], (void *)(size_t)(map_get(&seen, slugs[i]) ? 2 : 1));
	const char *word = view_word(&v, arena_printf(a, "facets.%s.path",
	                                              facets[f].id));
	for (size_t i = 0; i < fc->n; i++) {
		const char *slug = slugs[i];
		if (!*slug || (size_t)map_get(&seen, slug) > 1)
			slug = slugify(a, fc->values[i].key);
		fc->urls[i][l] = arena_printf(a, "%s%s/%s/",
		                              p->action_list_urls[l], word, slug);
	}
	map_free(&seen);
}

size_t view_tasks(const site_t *site, view_count_fn count)
{
	size_t n = 0;
	for (size_t i = 0; i < site->nprogrammes; i++)
		n += count(site, &site->programmes[i]);
	return n;
}

const programme_t *view_task_programme(const site_t *site, size_t *t,
                                       view_count_fn count)
{
	const programme_t *p = site->programmes;
	for (size_t n; *t >= (n = count(site, p)); p++)
		*t -= n;
	return p;
}

void view_prepare(site_t *site)
{
	arena_t *a = site->arena;
	view_cache_t *cache = arena_alloc(a, sizeof *cache);
	cache->programmes = arena_alloc(a, (site->nprogrammes + 1) *
	                                       sizeof *cache->programmes);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		cache->programmes[i] = arena_alloc(a, view_facet_count() *
		                                          sizeof(facet_cache_t));
		for (size_t f = 0; f < view_facet_count(); f++) {
			facet_cache_t *fc = &cache->programmes[i][f];
			facet_values(a, p, f, fc);
			fc->urls = arena_alloc(a, (fc->n + 1) * sizeof *fc->urls);
			for (size_t k = 0; k < fc->n; k++)
				fc->urls[k] = arena_alloc(a, site->nlangs * sizeof(char *));
			for (size_t l = 0; l < site->nlangs; l++)
				facet_urls(site, p, f, fc, l);
		}
	}
	site->view_cache = cache;
	/* The words are the same for the whole build: lists may look them
	 * up and still be kept (items.c). */
	for (size_t l = 0; l < site->nlangs; l++)
		if (site->i18n[l])
			((value_t *)site->i18n[l])->lasting = true;
	/* Items show facet keys, so they come after the facets. */
	cache->items = view_items_prepare(site);
	cache->az = view_search_prepare(site);
	cache->rows = view_years_prepare(site);
	cache->summaries = view_summaries_prepare(site);
	cache->stale = view_stale_prepare(site);
}

static const facet_cache_t *cached(const site_t *site, const programme_t *p,
                                   size_t f)
{
	return &site->view_cache->programmes[p - site->programmes][f];
}

facet_value_t *view_facet_values(const site_t *site, const programme_t *p,
                                 size_t f, size_t *n)
{
	const facet_cache_t *fc = cached(site, p, f);
	*n = fc->n;
	return fc->values;
}

const char *view_facet_url(const view_ctx_t *v, const programme_t *p,
                           size_t f, const char *key)
{
	const facet_cache_t *fc = cached(v->site, p, f);
	for (size_t i = 0; i < fc->n; i++)
		if (strcmp(fc->values[i].key, key) == 0)
			return fc->urls[i][v->lang];
	return NULL;
}

void view_facet_nav(const view_ctx_t *v, value_t *root, const programme_t *p)
{
	arena_t *a = v->arena;
	const page_ref_t *r = v->ref;
	value_t *list = val_list(a);
	for (size_t f = 0; f < view_facet_count(); f++) {
		size_t n;
		facet_value_t *values = view_facet_values(v->site, p, f, &n);
		if (n == 0)
			continue;
		value_t *facet = val_map(a);
		val_set(a, facet, "id", val_str_ref(a, facets[f].id));
		val_set(a, facet, "name",
		        val_str_ref(a, view_word(v, arena_printf(a, "facets.%s.name",
		                                                 facets[f].id))));
		value_t *items = val_list(a);
		for (size_t i = 0; i < n; i++) {
			value_t *m = view_link(v, view_facet_label(v, p, f, values[i].key),
			                       view_facet_url(v, p, f, values[i].key));
			val_set(a, m, "key", val_str_ref(a, values[i].key));
			val_set(a, m, "count",
			        val_str_ref(a, arena_printf(a, "%zu", values[i].count)));
			val_set_bool(a, m, "current",
			             r->kind == PAGE_FILTER && (size_t)r->year == f &&
			             strcmp(r->item, values[i].key) == 0);
			val_push(a, items, m);
		}
		val_set(a, facet, "values", items);
		val_push(a, list, facet);
	}
	view_set_list(v, root, "facets", list);
}

void view_filter(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const programme_t *p = v->ref->programme;
	size_t f = (size_t)v->ref->year;
	const char *key = v->ref->item;
	const facet_cache_t *fc = cached(v->site, p, f);
	value_t *items = val_list(a);
	for (size_t i = 0; i < fc->n; i++) {
		if (strcmp(fc->values[i].key, key) != 0)
			continue;
		for (size_t k = 0; k < fc->nmembers[i]; k++)
			val_push(a, items,
			         view_action_item(v, &p->actions[fc->members[i][k]]));
	}
	value_t *m = val_map(a);
	val_set(a, m, "facet",
	        val_str_ref(a, view_word(v, arena_printf(a, "facets.%s.name",
	                                                 facets[f].id))));
	val_set(a, m, "value", val_str_ref(a, view_facet_label(v, p, f, key)));
	val_set(a, m, "count",
	        val_str_ref(a, arena_printf(a, "%zu", items->as.list.len)));
	view_set_list(v, m, "items", items);
	val_set(a, root, "filter", m);
	view_programme_summary(v, root, p);
	view_facet_nav(v, root, p);
}
