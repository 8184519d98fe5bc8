/* What lists show of an action or an indicator, and the status summary. */
#include "view_internal.h"

#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/parallel.h"
#include "../render/chart.h"

/* "2024–2026", "2025" or "2024, 2026". */
static const char *years_text(arena_t *a, const int *years, size_t n)
{
	buf_t b = BUF_INIT;
	for (size_t i = 0; i < n; i++) {
		size_t j = i;
		while (j + 1 < n && years[j + 1] == years[j] + 1)
			j++;
		if (b.len)
			buf_puts(&b, ", ");
		buf_put_int(&b, years[i]);
		if (j > i) {
			buf_puts(&b, "\xe2\x80\x93"); /* en dash */
			buf_put_int(&b, years[j]);
		}
		i = j;
	}
	const char *s = arena_strdup(a, buf_cstr(&b));
	buf_free(&b);
	return s;
}

const char *view_years(const view_ctx_t *v, const action_t *x)
{
	return years_text(v->arena, x->years, x->nyears);
}

value_t *view_theme_fact(const view_ctx_t *v, const theme_t *t)
{
	const char *kind = t->kind.id >= 0 ? enum_id(ENUM_THEME_KIND, t->kind.id)
	                                   : "goal";
	value_t *f = view_fact(v, arena_printf(v->arena, "labels.%s", kind));
	view_fact_add(v, f,
	              arena_printf(v->arena, "%s %s", t->code,
	                           view_title(v, t->texts)),
	              t->urls[v->lang]);
	return f;
}

static value_t *build_action_item(const view_ctx_t *v, const action_t *x)
{
	arena_t *a = v->arena;
	const text_t *t = view_text(v, x->texts);
	value_t *m = val_map(a);
	val_set(a, m, "id", val_str_ref(a, x->id));
	val_set(a, m, "code", val_str_ref(a, x->code));
	val_set(a, m, "title", val_str_ref(a, t && t->title ? t->title : x->id));
	val_set(a, m, "url", val_str_ref(a, x->urls[v->lang]));
	view_set_text(v, m, "summary", t ? t->summary : NULL);
	view_set_text(v, m, "borrowed_lang", t && t->borrowed ? t->lang : NULL);
	val_set(a, m, "years", val_str_ref(a, years_text(a, x->years, x->nyears)));
	val_set(a, m, "facet_keys", val_str_ref(a, view_facet_keys(v, x)));
	int status = model_current_status(x);
	if (status >= 0) {
		value_t *s = val_map(a);
		val_set(a, s, "id", val_str_ref(a, enum_id(ENUM_STATUS, status)));
		val_set(a, s, "name",
		        val_str_ref(a, format_enum(v->site, v->lang, ENUM_STATUS,
		                                   status)));
		val_set(a, m, "status", s);
	} else {
		val_set(a, m, "status", val_null(a));
	}
	return m;
}

const char *view_indicator_value(const view_ctx_t *v, const indicator_t *ind,
                                 const indicator_value_t *val)
{
	if (!val->is_number)
		return format_enum(v->site, v->lang, ENUM_VALUE_STATE,
		                   val->state.id);
	switch (ind->unit.id) {
	case MEASURE_EUR:
		return format_money(v->arena, v->site, v->lang, val->number);
	case MEASURE_PERCENT:
		return format_percent(v->arena, v->site, v->lang, val->number);
	default:
		return format_number(v->arena, v->site, v->lang, val->number);
	}
}

static value_t *build_indicator_item(const view_ctx_t *v,
                                     const indicator_t *ind)
{
	arena_t *a = v->arena;
	const text_t *t = view_text(v, ind->texts);
	value_t *m = val_map(a);
	val_set(a, m, "id", val_str_ref(a, ind->id));
	val_set(a, m, "title", val_str_ref(a, t && t->title ? t->title : ind->id));
	val_set(a, m, "url", val_str_ref(a, ind->urls[v->lang]));
	view_set_text(v, m, "summary", t ? t->summary : NULL);
	view_set_text(v, m, "borrowed_lang", t && t->borrowed ? t->lang : NULL);
	if (ind->nvalues) {
		const indicator_value_t *last = &ind->values[ind->nvalues - 1];
		value_t *latest = val_map(a);
		val_set(a, latest, "year",
		        val_str_ref(a, arena_printf(a, "%d", last->year)));
		val_set(a, latest, "value",
		        val_str_ref(a, view_indicator_value(v, ind, last)));
		val_set(a, m, "latest", latest);
	} else {
		val_set(a, m, "latest", val_null(a));
	}
	if (ind->has_target) {
		indicator_value_t target = {0};
		target.is_number = true;
		target.number = ind->target;
		val_set(a, m, "target",
		        val_str_ref(a, view_indicator_value(v, ind, &target)));
	} else {
		view_set_text(v, m, "target", t ? t->target : NULL);
	}
	view_set_text(v, m, "sparkline", view_sparkline(v, ind));
	double progress = view_indicator_progress(ind);
	view_set_text(v, m, "progress",
	              progress >= 0
	              ? view_fill(v, "chart.of_target",
	                          format_percent(v->arena, v->site, v->lang,
	                                         progress))
	              : NULL);
	return m;
}

/* Actions by their current status, as counts, shares and bar segments
 * (x and width in percent of the bar). only limits it to one theme. */
value_t *view_progress(const view_ctx_t *v, const programme_t *p,
                       const theme_t *only)
{
	size_t counts[STATUS_COUNT] = {0}, total = 0;
	for (size_t i = 0; i < p->nactions; i++) {
		const action_t *x = &p->actions[i];
		if (only && x->theme != only)
			continue;
		int s = model_current_status(x);
		counts[s < 0 ? STATUS_UNKNOWN : s]++;
		total++;
	}
	return view_progress_of(v, counts, total);
}

value_t *view_progress_of(const view_ctx_t *v, const size_t *counts,
                          size_t total)
{
	arena_t *a = v->arena;
	value_t *m = val_map(a);
	val_set(a, m, "total", val_str_ref(a, arena_printf(a, "%zu", total)));
	value_t *list = val_list(a);
	double x = 0;
	for (int s = 0; s < STATUS_COUNT; s++) {
		value_t *e = val_map(a);
		double share = total ? 100.0 * (double)counts[s] / (double)total : 0;
		val_set(a, e, "id", val_str_ref(a, enum_id(ENUM_STATUS, s)));
		val_set(a, e, "name",
		        val_str_ref(a, format_enum(v->site, v->lang, ENUM_STATUS, s)));
		val_set(a, e, "count", val_str_ref(a, arena_printf(a, "%zu", counts[s])));
		val_set(a, e, "percent",
		        val_str_ref(a, format_percent(a, v->site, v->lang, share)));
		val_set_bool(a, e, "nonzero", counts[s] > 0);
		/* Bar geometry in the C locale: these are SVG numbers, not text. */
		char buf[32];
		snprintf(buf, sizeof buf, "%.2f", x);
		val_set(a, e, "x", val_str(a, buf));
		snprintf(buf, sizeof buf, "%.2f", share);
		val_set(a, e, "width", val_str(a, buf));
		x += share;
		val_push(a, list, e);
	}
	val_set(a, m, "statuses", list);
	val_set_bool(a, m, "any", total > 0);
	return m;
}

/* Every list of actions shows the same few things of each: a site of
 * 10,000 actions has them on some 200,000 list rows, so they are made
 * once per language, and each page gets a copy to add to. */
struct item_cache {
	value_t **actions;    /* [programme][action * nlangs + lang] */
	value_t **indicators; /* [programme][indicator * nlangs + lang] */
	view_chart_t *charts; /* [programme][indicator * nlangs + lang] */
};

/* The items are lasting: the template engine may keep what it renders
 * of them (render/mustache.h). */
static value_t *lasting(value_t *item)
{
	item->lasting = true;
	return item;
}

/* Indicator k's item and chart in c, in v's language. */
static void make_indicator(const view_ctx_t *v, item_cache_t *c,
                           const programme_t *p, size_t k)
{
	size_t at = k * v->site->nlangs + v->lang;
	c->indicators[at] = lasting(build_indicator_item(v, &p->indicators[k]));
	if (view_has_chart(&p->indicators[k]))
		view_chart_make(v, &p->indicators[k], &c->charts[at]);
}

/* The items of every programme, language and entry, made on a few
 * threads: task t is entry k (actions, then indicators) of language l of
 * a programme. Each thread makes its items in an arena of its own. */
typedef struct {
	const site_t *site;
	item_cache_t *cache;
	arena_t *arenas[PARALLEL_MAX];
} preparing_t;

static size_t items_of(const site_t *site, const programme_t *p)
{
	return (p->nactions + p->nindicators) * site->nlangs;
}

static int prepare_item(size_t t, size_t thread, void *ctx)
{
	preparing_t *pr = ctx;
	const site_t *site = pr->site;
	const programme_t *p = view_task_programme(site, &t, items_of);
	size_t i = (size_t)(p - site->programmes);
	size_t per_lang = p->nactions + p->nindicators;
	size_t l = t / per_lang, k = t % per_lang;
	page_ref_t ref = {PAGE_ACTIONS, l, p, NULL, 0};
	view_ctx_t v = {pr->arenas[thread], site, l, &ref, NULL};
	item_cache_t *c = &pr->cache[i];
	if (k < p->nactions) {
		c->actions[k * site->nlangs + l] =
			lasting(build_action_item(&v, &p->actions[k]));
	} else {
		make_indicator(&v, c, p, k - p->nactions);
	}
	return 0;
}

item_cache_t *view_items_prepare(const site_t *site)
{
	arena_t *a = site->arena;
	item_cache_t *c = arena_alloc(a, (site->nprogrammes + 1) * sizeof *c);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		c[i].actions = arena_alloc(a, (p->nactions * site->nlangs + 1) *
		                                  sizeof(value_t *));
		c[i].indicators = arena_alloc(a, (p->nindicators * site->nlangs + 1) *
		                                     sizeof(value_t *));
		c[i].charts = arena_alloc(a, (p->nindicators * site->nlangs + 1) *
		                                 sizeof(view_chart_t));
	}
	size_t n = view_tasks(site, items_of);
	preparing_t pr = {site, c, {NULL}};
	size_t threads = parallel_threads();
	for (size_t t = 0; t < threads; t++)
		pr.arenas[t] = arena_new();
	chart_prepare(); /* sparklines and charts */
	parallel_run(n, threads, prepare_item, &pr);
	for (size_t t = 0; t < threads; t++)
		arena_adopt(a, pr.arenas[t]);
	return c;
}

value_t *view_action_item(const view_ctx_t *v, const action_t *x)
{
	const site_t *site = v->site;
	if (!site->view_cache || !site->view_cache->items)
		return build_action_item(v, x);
	view_read(v, x->texts[v->lang]);
	size_t i = (size_t)(x->programme - site->programmes);
	size_t k = (size_t)(x - x->programme->actions);
	return site->view_cache->items[i].actions[k * site->nlangs + v->lang];
}

value_t *view_indicator_item(const view_ctx_t *v, const indicator_t *ind)
{
	const site_t *site = v->site;
	if (!site->view_cache || !site->view_cache->items)
		return build_indicator_item(v, ind);
	view_read(v, ind->texts[v->lang]);
	size_t i = (size_t)(ind->programme - site->programmes);
	size_t k = (size_t)(ind - ind->programme->indicators);
	return site->view_cache->items[i].indicators[k * site->nlangs + v->lang];
}

const view_chart_t *view_chart_made(const view_ctx_t *v,
                                    const indicator_t *ind)
{
	const site_t *site = v->site;
	if (!site->view_cache || !site->view_cache->items)
		return NULL;
	size_t i = (size_t)(ind->programme - site->programmes);
	size_t k = (size_t)(ind - ind->programme->indicators);
	return &site->view_cache->items[i].charts[k * site->nlangs + v->lang];
}

value_t *view_action_item_copy(const view_ctx_t *v, const action_t *x)
{
	return val_copy_map(v->arena, view_action_item(v, x));
}

value_t *view_indicator_item_copy(const view_ctx_t *v, const indicator_t *ind)
{
	return val_copy_map(v->arena, view_indicator_item(v, ind));
}

void view_replace_text(site_t *site, text_t **texts, size_t lang,
                       text_t *text)
{
	texts[lang] = text;
	item_cache_t *c = site->view_cache ? site->view_cache->items : NULL;
	for (size_t i = 0; c && i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		page_ref_t ref = {PAGE_ACTIONS, lang, p, NULL, 0};
		view_ctx_t v = {site->arena, site, lang, &ref, NULL};
		for (size_t k = 0; k < p->nactions; k++)
			if (p->actions[k].texts == texts)
				c[i].actions[k * site->nlangs + lang] =
					lasting(build_action_item(&v, &p->actions[k]));
		for (size_t k = 0; k < p->nindicators; k++)
			if (p->indicators[k].texts == texts)
				make_indicator(&v, &c[i], p, k);
	}
	if (c) {
		view_search_replace(site, texts, lang);
		view_years_replace(site, texts, lang);
		view_stale_replace(site, texts);
	}
}
