/* The front page, the programme page, theme pages and the two lists. */
#include "view_internal.h"

#include "../write/feeds.h"

#include <string.h>

static value_t *theme_item(const view_ctx_t *v, const theme_t *t)
{
	arena_t *a = v->arena;
	const text_t *text = view_text(v, t->texts);
	value_t *m = val_map(a);
	val_set(a, m, "id", val_str_ref(a, t->id));
	val_set(a, m, "code", val_str_ref(a, t->code));
	val_set(a, m, "title", val_str_ref(a, view_title(v, t->texts)));
	val_set(a, m, "url", val_str_ref(a, t->urls[v->lang]));
	val_set(a, m, "kind",
	        val_str_ref(a, format_enum(v->site, v->lang, ENUM_THEME_KIND,
	                                   t->kind.id)));
	view_set_text(v, m, "summary", text ? text->summary : NULL);
	val_set(a, m, "progress", view_progress(v, t->programme, t));
	return m;
}

/* Each theme with the actions (or indicators) that belong to it. */
static value_t *by_theme(const view_ctx_t *v, const programme_t *p,
                         bool indicators)
{
	arena_t *a = v->arena;
	value_t *themes = val_list(a);
	for (size_t i = 0; i < p->nthemes; i++) {
		const theme_t *t = &p->themes[i];
		value_t *m = theme_item(v, t);
		value_t *items = val_list(a);
		if (indicators) {
			for (size_t j = 0; j < p->nindicators; j++)
				if (p->indicators[j].theme == t)
					val_push(a, items, view_indicator_item(v, &p->indicators[j]));
		} else {
			for (size_t j = 0; j < p->nactions; j++)
				if (p->actions[j].theme == t)
					val_push(a, items, view_action_item(v, &p->actions[j]));
		}
		view_set_list(v, m, "items", items);
		val_set(a, m, "count",
		        val_str_ref(a, arena_printf(a, "%zu", items->as.list.len)));
		if (items->as.list.len)
			val_push(a, themes, m);
	}
	return themes;
}

/* What every page of a programme says of it: its words, themes and
 * progress. */
static value_t *summary_of(const view_ctx_t *v, const programme_t *p)
{
	arena_t *a = v->arena;
	value_t *m = val_map(a);
	const text_t *t = view_text(v, p->texts);
	val_set(a, m, "title", val_str_ref(a, view_title(v, p->texts)));
	val_set(a, m, "url", val_str_ref(a, p->urls[v->lang]));
	val_set(a, m, "actions_url", val_str_ref(a, p->action_list_urls[v->lang]));
	val_set(a, m, "indicators_url",
	        val_str_ref(a, p->indicator_list_urls[v->lang]));
	view_set_text(v, m, "summary", t ? t->summary : NULL);
	val_set(a, m, "period",
	        val_str_ref(a, arena_printf(a, "%d\xe2\x80\x93%d", p->first_year,
	                                    p->last_year)));
	val_set_bool(a, m, "archived", p->status.id == PROGRAMME_ARCHIVED);
	value_t *themes = val_list(a);
	for (size_t i = 0; i < p->nthemes; i++)
		val_push(a, themes, theme_item(v, &p->themes[i]));
	val_set(a, m, "themes", themes);
	val_set(a, m, "progress", view_progress(v, p, NULL));
	val_set(a, m, "action_count",
	        val_str_ref(a, arena_printf(a, "%zu", p->nactions)));
	val_set(a, m, "indicator_count",
	        val_str_ref(a, arena_printf(a, "%zu", p->nindicators)));
	if (p->nfollow_ups) {
		const follow_up_t *f = &p->follow_ups[p->nfollow_ups - 1];
		value_t *fu = val_map(a);
		val_set(a, fu, "year", val_str_ref(a, arena_printf(a, "%d", f->year)));
		val_set(a, fu, "date",
		        val_str_ref(a, format_date(a, v->site, v->lang, f->date)));
		val_set(a, m, "latest_follow_up", fu);
	} else {
		val_set(a, m, "latest_follow_up", val_null(a));
	}
	return m;
}

value_t **view_summaries_prepare(const site_t *site)
{
	value_t **all = arena_alloc(site->arena, (site->nprogrammes *
	                                          site->nlangs + 1) * sizeof *all);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t l = 0; l < site->nlangs; l++) {
			page_ref_t ref = {PAGE_PROGRAMME, l, p, NULL, 0};
			view_ctx_t v = {site->arena, site, l, &ref, NULL};
			value_t *m = summary_of(&v, p);
			m->lasting = true;
			all[i * site->nlangs + l] = m;
		}
	}
	return all;
}

/* It reads no action's or indicator's text: an edit to one of those,
 * the only kind the preview applies to a kept build, leaves it as it
 * was, and pages need not note what it read. */
void view_programme_summary(const view_ctx_t *v, value_t *root,
                            const programme_t *p)
{
	const site_t *site = v->site;
	value_t *m = site->view_cache
	             ? site->view_cache->summaries[(size_t)(p - site->programmes) *
	                                               site->nlangs + v->lang]
	             : summary_of(v, p);
	val_set(v->arena, root, "programme", m);
}

enum { KEY_INDICATORS = 12 };

/* Indicators whose latest value can be set against their target, in
 * theme order, at most KEY_INDICATORS of them. */
static value_t *indicator_progress(const view_ctx_t *v, const programme_t *p)
{
	value_t *list = val_list(v->arena);
	for (size_t t = 0; t < p->nthemes; t++)
		for (size_t i = 0; i < p->nindicators; i++) {
			const indicator_t *ind = &p->indicators[i];
			if (ind->theme == &p->themes[t] && view_indicator_progress(ind) >= 0 &&
			    list->as.list.len < KEY_INDICATORS)
				val_push(v->arena, list, view_indicator_item(v, ind));
		}
	return list;
}

typedef struct {
	const update_t *update;
	const action_t *action;
} dated_t;

static int newest_first(const void *pa, const void *pb)
{
	const dated_t *a = pa, *b = pb;
	int c = strcmp(b->update->date, a->update->date);
	if (c)
		return c;
	return strcmp(a->action->id, b->action->id);
}

enum { LATEST_UPDATES = 5 };

/* The newest updates across the programme's actions: one pass keeping
 * the newest few in order (a later one of equal rank after an earlier),
 * not a sort of them all. */
static value_t *latest_updates(const view_ctx_t *v, const programme_t *p)
{
	arena_t *a = v->arena;
	dated_t newest[LATEST_UPDATES];
	size_t n = 0;
	for (size_t i = 0; i < p->nactions; i++) {
		const text_t *t = view_text(v, p->actions[i].texts);
		for (size_t j = 0; t && j < t->nupdates; j++) {
			dated_t d = {&t->updates[j], &p->actions[i]};
			size_t at = n;
			while (at > 0 && newest_first(&d, &newest[at - 1]) < 0)
				at--;
			if (at == LATEST_UPDATES)
				continue;
			if (n < LATEST_UPDATES)
				n++;
			memmove(&newest[at + 1], &newest[at], (n - 1 - at) * sizeof *newest);
			newest[at] = d;
		}
	}
	value_t *list = val_list(a);
	for (size_t i = 0; i < n; i++) {
		value_t *m = view_action_item_copy(v, newest[i].action);
		val_set(a, m, "date",
		        val_str_ref(a, format_date(a, v->site, v->lang,
		                                   newest[i].update->date)));
		val_set(a, m, "iso_date", val_str_ref(a, newest[i].update->date));
		val_set(a, m, "text", val_str_ref(a, newest[i].update->text));
		val_push(a, list, m);
	}
	return list;
}

void view_home(const view_ctx_t *v, value_t *root)
{
	value_t *page = val_get(root, "page");
	view_add_text(v, page, view_front(v, v->lang));
	const programme_t *p = v->site->current;
	if (!p)
		return;
	view_programme_summary(v, root, p);
	view_year_links(v, root, p);
	view_set_list(v, root, "updates", latest_updates(v, p));
	view_set_list(v, root, "stale", view_stale_actions(v, p));
	view_set_list(v, root, "key_indicators", indicator_progress(v, p));
	value_t *others = val_list(v->arena);
	for (size_t i = 0; i < v->site->nprogrammes; i++) {
		const programme_t *q = &v->site->programmes[i];
		if (q == p)
			continue;
		value_t *m = view_link(v, view_title(v, q->texts), q->urls[v->lang]);
		val_set_bool(v->arena, m, "archived",
		             q->status.id == PROGRAMME_ARCHIVED);
		val_push(v->arena, others, m);
	}
	view_set_list(v, root, "other_programmes", others);
}

void view_programme(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const programme_t *p = v->ref->programme;
	view_add_text(v, val_get(root, "page"), view_text(v, p->texts));
	view_programme_summary(v, root, p);
	view_year_links(v, root, p);
	view_set_list(v, root, "stale", view_stale_actions(v, p));
	view_set_list(v, root, "key_indicators", indicator_progress(v, p));
	if (p->decision_date) {
		value_t *d = val_map(a);
		view_set_text(v, d, "body",
		              p->decision_body
		              ? format_word(v->site, v->lang,
		                            arena_printf(a, "decision_bodies.%s",
		                                         p->decision_body))
		              : NULL);
		val_set(a, d, "date",
		        val_str_ref(a, format_date(a, v->site, v->lang,
		                                   p->decision_date)));
		view_set_text(v, d, "section", p->decision_section);
		view_set_text(v, d, "reference", p->decision_reference);
		val_set(a, root, "decision", d);
	} else {
		val_set(a, root, "decision", val_null(a));
	}
}

void view_theme(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const theme_t *t = v->ref->item;
	const programme_t *p = v->ref->programme;
	view_add_text(v, val_get(root, "page"), view_text(v, t->texts));
	value_t *item = theme_item(v, t);
	val_set(a, item, "feed_url", val_str_ref(a, feeds_theme_url(a, t, v->lang)));
	val_set(a, root, "theme", item);
	view_programme_summary(v, root, p);
	value_t *actions = val_list(a), *indicators = val_list(a);
	for (size_t i = 0; i < p->nactions; i++)
		if (p->actions[i].theme == t)
			val_push(a, actions, view_action_item(v, &p->actions[i]));
	for (size_t i = 0; i < p->nindicators; i++)
		if (p->indicators[i].theme == t)
			val_push(a, indicators, view_indicator_item(v, &p->indicators[i]));
	/* {items, has_items}: the shape the list partials read. */
	value_t *group = val_map(a);
	view_set_list(v, group, "items", actions);
	val_set(a, root, "actions", group);
	group = val_map(a);
	view_set_list(v, group, "items", indicators);
	val_set(a, root, "indicators", group);
}

void view_actions(const view_ctx_t *v, value_t *root)
{
	const programme_t *p = v->ref->programme;
	view_programme_summary(v, root, p);
	val_set(v->arena, root, "themes", by_theme(v, p, false));
	view_facet_nav(v, root, p);
}

void view_indicators(const view_ctx_t *v, value_t *root)
{
	const programme_t *p = v->ref->programme;
	view_programme_summary(v, root, p);
	val_set(v->arena, root, "themes", by_theme(v, p, true));
}
