/* The pages of one year: the roadmap (what was planned for the year and
 * what became of it) and the follow-up report the city board receives
 * (indicators, the status of every project, the completed ones with their
 * impact and cost, and the next year's actions). */
#include "view_internal.h"

#include <stdio.h>

#include "../core/parallel.h"

static const char *year_text(const view_ctx_t *v, int year)
{
	return arena_printf(v->arena, "%d", year);
}

/* An action as a row of the year's tables. */
static value_t *row(const view_ctx_t *v, const action_t *x, int year)
{
	arena_t *a = v->arena;
	value_t *m = view_action_item_copy(v, x);
	int s = model_status_in(x, year);
	value_t *status = NULL;
	if (s >= 0) {
		status = val_map(a);
		val_set(a, status, "id", val_str_ref(a, enum_id(ENUM_STATUS, s)));
		val_set(a, status, "name",
		        val_str_ref(a, format_enum(v->site, v->lang, ENUM_STATUS, s)));
	}
	val_set(a, m, "status_then", status ? status : val_null(a));
	const text_t *t = view_text(v, x->texts);
	view_set_text(v, m, "problem", t ? t->problem : NULL);
	view_set_text(v, m, "impact", t ? t->impact : NULL);
	view_set_text(v, m, "theme_code", x->theme ? x->theme->code : NULL);
	const char *cost = NULL;
	if (x->has_cost) {
		cost = arena_printf(a, "%s %s",
		                    format_money(a, v->site, v->lang, x->cost_eur),
		                    format_enum(v->site, v->lang, ENUM_COST_KIND,
		                                x->cost_kind.id));
		if (x->funding.id >= 0)
			cost = arena_printf(a, "%s (%s)", cost,
			                    format_enum(v->site, v->lang, ENUM_FUNDING,
			                                x->funding.id));
	}
	view_set_text(v, m, "cost", cost);
	return m;
}

/* The first year of a table up to year: that of the earliest value any
 * of the programme's indicators has, if earlier. */
static int first_value_year(const programme_t *p, int year)
{
	int first = year;
	for (size_t i = 0; i < p->nindicators; i++)
		for (size_t j = 0; j < p->indicators[i].nvalues; j++)
			if (p->indicators[i].values[j].year < first)
				first = p->indicators[i].values[j].year;
	return first;
}

/* An indicator with its value in each year from first to year. */
static value_t *indicator_row(const view_ctx_t *v, const indicator_t *ind,
                              int first, int year)
{
	arena_t *a = v->arena;
	value_t *m = view_indicator_item_copy(v, ind);
	value_t *cells = val_list(a);
	for (int y = first; y <= year; y++) {
		const indicator_value_t *found = NULL;
		for (size_t j = 0; j < ind->nvalues; j++)
			if (ind->values[j].year == y)
				found = &ind->values[j];
		value_t *cell = val_map(a);
		view_set_text(v, cell, "value",
		              found ? view_indicator_value(v, ind, found) : NULL);
		val_set_bool(a, cell, "is_state", found && !found->is_number);
		val_push(a, cells, cell);
	}
	val_set(a, m, "cells", cells);
	view_set_text(v, m, "theme_code", ind->theme ? ind->theme->code : NULL);
	return m;
}

/* The rows of every action in every year of its programme (and the year
 * after the last, which a follow-up looks ahead to), in every language:
 * made once by view_prepare and lasting, like list items, so that
 * templates render each once. [programme][(year - first) * nactions +
 * action) * nlangs + lang], NULL where the action is not in the year. */
struct year_rows {
	value_t ***rows;
	value_t ***indicators; /* [programme][(follow-up * nindicators +
	                          indicator) * nlangs + lang]: the follow-ups'
	                          indicator tables */
};

static size_t years_of(const programme_t *p)
{
	return p->first_year ? (size_t)(p->last_year - p->first_year + 2) : 0;
}

static size_t action_rows_of(const site_t *site, const programme_t *p)
{
	(void)site;
	return years_of(p) * p->nactions;
}

static size_t indicator_rows_of(const site_t *site, const programme_t *p)
{
	(void)site;
	return p->nfollow_ups * p->nindicators;
}

typedef struct {
	const site_t *site;
	year_rows_t *cache;
	int **first;  /* [programme][follow-up]: first_value_year */
	arena_t *arenas[PARALLEL_MAX];
} rows_making_t;

/* Task t: the rows of one action in one year of a programme, all
 * languages. */
static int make_rows(size_t t, size_t thread, void *ctx)
{
	rows_making_t *m = ctx;
	const site_t *site = m->site;
	const programme_t *p = view_task_programme(site, &t, action_rows_of);
	size_t i = (size_t)(p - site->programmes);
	const action_t *x = &p->actions[t % p->nactions];
	int year = p->first_year + (int)(t / p->nactions);
	if (!model_action_in_year(x, year))
		return 0;
	for (size_t l = 0; l < site->nlangs; l++) {
		page_ref_t ref = {PAGE_FOLLOW_UP, l, p, NULL, year};
		view_ctx_t v = {m->arenas[thread], site, l, &ref, NULL};
		value_t *r = row(&v, x, year);
		r->lasting = true;
		m->cache->rows[i][t * site->nlangs + l] = r;
	}
	return 0;
}

/* Task t: the rows of one indicator in one follow-up's table, all
 * languages. */
static int make_indicator_rows(size_t t, size_t thread, void *ctx)
{
	rows_making_t *m = ctx;
	const site_t *site = m->site;
	const programme_t *p = view_task_programme(site, &t, indicator_rows_of);
	size_t i = (size_t)(p - site->programmes);
	const indicator_t *ind = &p->indicators[t % p->nindicators];
	size_t fu = t / p->nindicators;
	int year = p->follow_ups[fu].year;
	int first = m->first[i][fu];
	for (size_t l = 0; l < site->nlangs; l++) {
		page_ref_t ref = {PAGE_FOLLOW_UP, l, p, NULL, year};
		view_ctx_t v = {m->arenas[thread], site, l, &ref, NULL};
		value_t *r = indicator_row(&v, ind, first, year);
		r->lasting = true;
		m->cache->indicators[i][t * site->nlangs + l] = r;
	}
	return 0;
}

year_rows_t *view_years_prepare(const site_t *site)
{
	arena_t *a = site->arena;
	year_rows_t *c = arena_alloc(a, sizeof *c);
	c->rows = arena_alloc(a, (site->nprogrammes + 1) * sizeof *c->rows);
	c->indicators = arena_alloc(a, (site->nprogrammes + 1) *
	                                   sizeof *c->indicators);
	rows_making_t m = {site, c, NULL, {NULL}};
	m.first = arena_alloc(a, (site->nprogrammes + 1) * sizeof *m.first);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		c->rows[i] = arena_alloc(a, (action_rows_of(site, p) * site->nlangs +
		                             1) * sizeof(value_t *));
		c->indicators[i] = arena_alloc(a, (indicator_rows_of(site, p) *
		                                   site->nlangs + 1) *
		                                      sizeof(value_t *));
		m.first[i] = arena_alloc(a, (p->nfollow_ups + 1) * sizeof(int));
		for (size_t fu = 0; fu < p->nfollow_ups; fu++)
			m.first[i][fu] = first_value_year(p, p->follow_ups[fu].year);
	}
	size_t n = view_tasks(site, action_rows_of);
	size_t nind = view_tasks(site, indicator_rows_of);
	size_t threads = parallel_threads();
	for (size_t t = 0; t < threads; t++)
		m.arenas[t] = arena_new();
	parallel_run(n, threads, make_rows, &m);
	parallel_run(nind, threads, make_indicator_rows, &m);
	for (size_t t = 0; t < threads; t++)
		arena_adopt(a, m.arenas[t]);
	return c;
}

void view_years_replace(site_t *site, text_t *const *texts, size_t lang)
{
	year_rows_t *c = site->view_cache->rows;
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t k = 0; k < p->nindicators; k++) {
			const indicator_t *ind = &p->indicators[k];
			if (ind->texts != texts)
				continue;
			for (size_t fu = 0; fu < p->nfollow_ups; fu++) {
				int year = p->follow_ups[fu].year;
				page_ref_t ref = {PAGE_FOLLOW_UP, lang, p, NULL, year};
				view_ctx_t v = {site->arena, site, lang, &ref, NULL};
				value_t *r = indicator_row(&v, ind, first_value_year(p, year),
				                           year);
				r->lasting = true;
				c->indicators[i][(fu * p->nindicators + k) * site->nlangs +
				                 lang] = r;
			}
		}
		for (size_t k = 0; k < p->nactions; k++) {
			const action_t *x = &p->actions[k];
			if (x->texts != texts)
				continue;
			for (size_t y = 0; y < years_of(p); y++) {
				int year = p->first_year + (int)y;
				size_t at = (y * p->nactions + k) * site->nlangs + lang;
				if (!c->rows[i][at])
					continue;
				page_ref_t ref = {PAGE_FOLLOW_UP, lang, p, NULL, year};
				view_ctx_t v = {site->arena, site, lang, &ref, NULL};
				c->rows[i][at] = row(&v, x, year);
				c->rows[i][at]->lasting = true;
			}
		}
	}
}

/* The row of x in year: the one made by view_prepare, when there is. */
static value_t *row_of(const view_ctx_t *v, const programme_t *p,
                       size_t k, int year)
{
	const site_t *site = v->site;
	const action_t *x = &p->actions[k];
	year_rows_t *c = site->view_cache ? site->view_cache->rows : NULL;
	if (!c || year < p->first_year ||
	    (size_t)(year - p->first_year) >= years_of(p))
		return row(v, x, year);
	view_read(v, x->texts[v->lang]);
	size_t y = (size_t)(year - p->first_year);
	return c->rows[p - site->programmes][(y * p->nactions + k) * site->nlangs +
	                                     v->lang];
}

/* Actions carried out in year, each with its status at that year's
 * follow-up (status_then) and now (status). */
static value_t *actions_of(const view_ctx_t *v, const programme_t *p,
                           int year, bool (*keep)(const action_t *, int))
{
	value_t *list = val_list(v->arena);
	for (size_t i = 0; i < p->nactions; i++)
		if (keep(&p->actions[i], year))
			val_push(v->arena, list, row_of(v, p, i, year));
	return list;
}

static bool planned_for(const action_t *x, int year)
{
	return model_action_in_year(x, year);
}

static bool done_in(const action_t *x, int year)
{
	return model_action_in_year(x, year) &&
	       model_status_in(x, year) == STATUS_DONE;
}

/* Counts of the statuses at year's follow-up of the actions of year. */
static value_t *status_counts(const view_ctx_t *v, const programme_t *p,
                              int year)
{
	size_t counts[STATUS_COUNT] = {0}, total = 0;
	for (size_t i = 0; i < p->nactions; i++) {
		const action_t *x = &p->actions[i];
		int s = model_status_in(x, year);
		if (!model_action_in_year(x, year) || s < 0)
			continue;
		counts[s]++;
		total++;
	}
	return view_progress_of(v, counts, total);
}

/* Indicator rows with a value for each year up to and including year,
 * the follow-up f's: the ones view_prepare made, when there are. */
static value_t *indicator_table(const view_ctx_t *v, const programme_t *p,
                                const follow_up_t *f, int year,
                                value_t **years_out)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	int first = first_value_year(p, year);
	value_t *years = val_list(a);
	for (int y = first; y <= year; y++)
		val_push(a, years, val_str_ref(a, year_text(v, y)));
	*years_out = years;
	year_rows_t *c = site->view_cache ? site->view_cache->rows : NULL;
	value_t **kept = c && f ? c->indicators[p - site->programmes] +
	                          (size_t)(f - p->follow_ups) * p->nindicators *
	                          site->nlangs
	                        : NULL;
	value_t *rows = val_list(a);
	for (size_t i = 0; i < p->nindicators; i++) {
		const indicator_t *ind = &p->indicators[i];
		if (kept)
			view_read(v, ind->texts[v->lang]);
		val_push(a, rows, kept ? kept[i * site->nlangs + v->lang]
		                       : indicator_row(v, ind, first, year));
	}
	return rows;
}

void view_year_links(const view_ctx_t *v, value_t *root,
                     const programme_t *p)
{
	arena_t *a = v->arena;
	value_t *roadmaps = val_list(a), *reports = val_list(a);
	for (int y = p->first_year; y && y <= p->last_year; y++) {
		value_t *m = view_link(v, year_text(v, y),
		                       arena_printf(a, "%s%d/", p->roadmap_urls[v->lang],
		                                    y));
		val_set_bool(a, m, "current",
		             v->ref->kind == PAGE_ROADMAP && v->ref->year == y);
		val_push(a, roadmaps, m);
	}
	for (size_t i = 0; i < p->nfollow_ups; i++) {
		int y = p->follow_ups[i].year;
		value_t *m = view_link(v, year_text(v, y),
		                       arena_printf(a, "%s%d/",
		                                    p->follow_up_urls[v->lang], y));
		val_set_bool(a, m, "current",
		             v->ref->kind == PAGE_FOLLOW_UP && v->ref->year == y);
		val_push(a, reports, m);
	}
	view_set_list(v, root, "roadmap_years", roadmaps);
	view_set_list(v, root, "follow_up_years", reports);
}

void view_roadmap(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const programme_t *p = v->ref->programme;
	int year = v->ref->year;
	value_t *m = val_map(a);
	val_set(a, m, "year", val_str_ref(a, year_text(v, year)));
	value_t *list = actions_of(v, p, year, planned_for);
	view_set_list(v, m, "actions", list);
	val_set(a, m, "count",
	        val_str_ref(a, arena_printf(a, "%zu", list->as.list.len)));
	const follow_up_t *f = model_follow_up(p, year);
	if (f) {
		value_t *fu = val_map(a);
		val_set(a, fu, "date",
		        val_str_ref(a, format_date(a, v->site, v->lang, f->date)));
		val_set(a, fu, "url",
		        val_str_ref(a, arena_printf(a, "%s%d/",
		                                    p->follow_up_urls[v->lang], year)));
		val_set(a, fu, "progress", status_counts(v, p, year));
		val_set(a, m, "follow_up", fu);
	} else {
		val_set(a, m, "follow_up", val_null(a));
	}
	val_set(a, root, "roadmap", m);
	view_year_links(v, root, p);
	view_programme_summary(v, root, p);
}

void view_follow_up(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const programme_t *p = v->ref->programme;
	int year = v->ref->year;
	const follow_up_t *f = model_follow_up(p, year);
	value_t *m = val_map(a);
	val_set(a, m, "year", val_str_ref(a, year_text(v, year)));
	val_set(a, m, "next_year", val_str_ref(a, year_text(v, year + 1)));
	val_set(a, m, "date",
	        val_str_ref(a, format_date(a, v->site, v->lang, f ? f->date : "")));
	value_t *years;
	value_t *indicators = indicator_table(v, p, f, year, &years);
	view_set_list(v, m, "indicators", indicators);
	val_set(a, m, "indicator_years", years);
	value_t *projects = actions_of(v, p, year, planned_for);
	view_set_list(v, m, "projects", projects);
	val_set(a, m, "project_count",
	        val_str_ref(a, arena_printf(a, "%zu", projects->as.list.len)));
	val_set(a, m, "progress", status_counts(v, p, year));
	view_set_list(v, m, "completed", actions_of(v, p, year, done_in));
	view_set_list(v, m, "next", actions_of(v, p, year + 1, planned_for));
	val_set(a, root, "report", m);
	view_year_links(v, root, p);
	view_programme_summary(v, root, p);
}
