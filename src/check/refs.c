/* Cross-references in data/: duplicate ids, ids that name nothing, years
 * outside the programme period. */
#include "check_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/hint.h"

/* ids[i] is the id of the i-th of n items, each stride bytes apart. */
static const char *id_at(const void *items, size_t stride, size_t i)
{
	return *(const char *const *)((const char *)items + i * stride);
}

/* " (a, b or c)" when the choice is short enough to list, else "". */
static const char *choices(checker_t *c, const void *items, size_t n,
                           size_t stride)
{
	if (n == 0 || n > 12)
		return "";
	buf_t b = BUF_INIT;
	buf_puts(&b, " (");
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(&b, i + 1 == n ? " " : ", ");
		if (i && i + 1 == n)
			buf_printf(&b, "%s ", term(TERM_OR));
		buf_puts(&b, id_at(items, stride, i));
	}
	buf_puts(&b, ")");
	const char *s = arena_strdup(c->site->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* Reports that ref names none of items; suggests the closest id. */
static void unknown_ref(checker_t *c, const char *path, const value_t *ref,
                        term_id_t what, const void *items, size_t n,
                        size_t stride)
{
	const char *id = ref->text ? ref->text : "";
	diag_add(c->diags, SEV_ERROR, path, ref->pos,
	         hint_closest_strided(id, items, n, stride), MSG_UNKNOWN_REF,
	         term(what), id, choices(c, items, n, stride), NULL);
}

/* Reports the second and later uses of an id. Each item's position comes
 * from raw(i). */
static void duplicates(checker_t *c, const char *path, const void *items,
                       size_t n, size_t stride,
                       const value_t *(*raw)(const void *, size_t))
{
	map_t seen = MAP_INIT;
	for (size_t i = 0; i < n; i++) {
		const char *id = id_at(items, stride, i);
		void *first = map_get(&seen, id);
		if (!first) {
			map_put(&seen, id, (void *)(i + 1));
			continue;
		}
		const value_t *here = raw(items, i);
		const value_t *there = raw(items, (size_t)first - 1);
		char line[16];
		snprintf(line, sizeof line, "%d", there->pos.line);
		const char *where = term_with(c->site->arena, TERM_LINE, line);
		pos_t pos = here ? here->pos : POS_NONE;
		const value_t *idv = val_get(here, "id");
		if (idv)
			pos = idv->pos;
		diag_error(c->diags, path, pos, MSG_DUPLICATE_ID, id, where);
	}
	map_free(&seen);
}

static const value_t *unit_raw(const void *items, size_t i)
{
	return ((const unit_t *)items)[i].raw;
}
static const value_t *theme_raw(const void *items, size_t i)
{
	return ((const theme_t *)items)[i].raw;
}
static const value_t *action_raw(const void *items, size_t i)
{
	return ((const action_t *)items)[i].raw;
}
static const value_t *indicator_raw(const void *items, size_t i)
{
	return ((const indicator_t *)items)[i].raw;
}

/* Reports year unless from <= year <= to. */
static void year_in_range(checker_t *c, const char *path, pos_t pos, int year,
                          const programme_t *p, int from, int to)
{
	if (year >= from && year <= to)
		return;
	char y[16], period[32], first[16], last[16];
	snprintf(y, sizeof y, "%d", year);
	snprintf(period, sizeof period, "%d\u2013%d", p->first_year, p->last_year);
	snprintf(first, sizeof first, "%d", from);
	snprintf(last, sizeof last, "%d", to);
	diag_error(c->diags, path, pos, MSG_YEAR_OUT_OF_PERIOD, y, period, first,
	           last);
}

/* The position of the n-th item of list key in entry. */
static pos_t item_pos(const value_t *entry, const char *key, size_t n)
{
	const value_t *list = val_get(entry, key);
	if (list && list->kind == VAL_LIST && n < list->as.list.len)
		return list->as.list.items[n]->pos;
	return list ? list->pos : entry->pos;
}

static void check_action(checker_t *c, const char *path, programme_t *p,
                         action_t *a)
{
	site_t *site = c->site;
	if (a->theme_ref) {
		a->theme = model_theme(p, a->theme_ref->text);
		if (!a->theme && !p->themes_incomplete)
			unknown_ref(c, path, a->theme_ref, TERM_THING_THEME, p->themes,
			            p->nthemes, sizeof(theme_t));
	}
	if (p->first_year) {
		for (size_t i = 0; i < a->nyears; i++)
			year_in_range(c, path, item_pos(a->raw, "years", i), a->years[i],
			              p, p->first_year, p->last_year);
		for (size_t i = 0; i < a->nstatuses; i++)
			year_in_range(c, path, a->statuses[i].pos, a->statuses[i].year, p,
			              p->first_year, p->last_year + 1);
	}
	for (size_t i = 0; p->nfollow_ups && i < a->nstatuses; i++) {
		const status_entry_t *s = &a->statuses[i];
		bool found = false;
		for (size_t f = 0; f < p->nfollow_ups && !found; f++)
			found = p->follow_ups[f].year == s->year;
		if (found || s->year < p->first_year || s->year > p->last_year + 1)
			continue;
		char year[16];
		snprintf(year, sizeof year, "%d", s->year);
		diag_error(c->diags, path, s->pos, MSG_NO_FOLLOW_UP, year,
		           check_programme_path(c, p));
	}
	if (a->responsible_refs) {
		const value_t *list = a->responsible_refs;
		a->responsible = arena_alloc(site->arena,
		                             (list->as.list.len + 1) * sizeof(unit_t *));
		for (size_t i = 0; i < list->as.list.len; i++) {
			const value_t *ref = list->as.list.items[i];
			unit_t *u = map_get(&site->unit_index, ref->text);
			if (u)
				a->responsible[a->nresponsible++] = u;
			else if (!site->units_incomplete)
				unknown_ref(c, path, ref, TERM_THING_UNIT, site->units,
				            site->nunits, sizeof(unit_t));
		}
	}
	if (a->related_refs) {
		const value_t *list = a->related_refs;
		a->related = arena_alloc(site->arena,
		                         (list->as.list.len + 1) * sizeof(action_t *));
		for (size_t i = 0; i < list->as.list.len; i++) {
			const value_t *ref = list->as.list.items[i];
			action_t *other = model_action(p, ref->text);
			if (other == a)
				diag_error(c->diags, path, ref->pos, MSG_RELATED_TO_ITSELF,
				           ref->text);
			else if (other)
				a->related[a->nrelated++] = other;
			else if (!p->actions_incomplete)
				unknown_ref(c, path, ref, TERM_THING_ACTION, p->actions,
				            p->nactions, sizeof(action_t));
		}
	}
	if (a->continues_ref) {
		const char *ref = a->continues_ref->text;
		const char *slash = strchr(ref, '/');
		programme_t *other = slash ? model_programme(
			site, arena_strndup(site->arena, ref, (size_t)(slash - ref))) : NULL;
		a->continues = other ? model_action(other, slash + 1) : NULL;
		if (!a->continues && !(other && other->actions_incomplete))
			diag_error(c->diags, path, a->continues_ref->pos, MSG_UNKNOWN_REF,
			           term(TERM_THING_ACTION), ref, term(TERM_CONTINUES_FORM));
	}
}

static void check_indicator(checker_t *c, const char *path, programme_t *p,
                            indicator_t *ind)
{
	if (ind->theme_ref) {
		ind->theme = model_theme(p, ind->theme_ref->text);
		if (!ind->theme && !p->themes_incomplete)
			unknown_ref(c, path, ind->theme_ref, TERM_THING_THEME, p->themes,
			            p->nthemes, sizeof(theme_t));
	}
	if (!p->first_year)
		return;
	/* A value may be the baseline from the year before the period, and
	 * the final follow-up may come the year after it. */
	for (size_t i = 0; i < ind->nvalues; i++)
		year_in_range(c, path, ind->values[i].pos, ind->values[i].year, p,
		              p->first_year - 1, p->last_year + 1);
}

/* Links each action to the later ones that continue it. Walking
 * backwards and prepending keeps the lists in forward order. */
static void link_continuers(site_t *site)
{
	for (size_t i = site->nprogrammes; i-- > 0;) {
		programme_t *p = &site->programmes[i];
		for (size_t j = p->nactions; j-- > 0;) {
			action_t *a = &p->actions[j];
			if (!a->continues)
				continue;
			a->next_continuer = a->continues->first_continuer;
			a->continues->first_continuer = a;
		}
	}
}

void check_references(checker_t *c)
{
	site_t *site = c->site;
	const char *units_path = arena_printf(site->arena, "%s/data/units.yaml",
	                                      site->content_dir);
	duplicates(c, units_path, site->units, site->nunits, sizeof(unit_t),
	           unit_raw);
	if (site->current_ref) {
		site->current = model_programme(site, site->current_ref->text);
		if (!site->current)
			diag_add(c->diags, SEV_ERROR,
			         arena_printf(site->arena, "%s/site.yaml",
			                      site->content_dir),
			         site->current_ref->pos,
			         hint_closest_strided(site->current_ref->text,
			                              site->programmes, site->nprogrammes,
			                              sizeof(programme_t)),
			         MSG_NO_PROGRAMME, site->current_ref->text, NULL);
	}
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		duplicates(c, check_programme_path(c, p), p->themes, p->nthemes,
		           sizeof(theme_t), theme_raw);
		const char *path = check_actions_path(c, p);
		duplicates(c, path, p->actions, p->nactions, sizeof(action_t),
		           action_raw);
		for (size_t j = 0; j < p->nactions; j++)
			check_action(c, path, p, &p->actions[j]);
		path = check_indicators_path(c, p);
		duplicates(c, path, p->indicators, p->nindicators,
		           sizeof(indicator_t), indicator_raw);
		for (size_t j = 0; j < p->nindicators; j++)
			check_indicator(c, path, p, &p->indicators[j]);
	}
	link_continuers(site);
}
