/* The theme's interface words: every language names every enumerated value
 * and has every key the first language has. */
#include "check_internal.h"

#include <string.h>

#include "../core/buf.h"

/* Keys the generator itself reads (page addresses), beyond the names of the
 * enumerated values. */
static const char *const required[] = {
	"paths.actions", "paths.indicators", "paths.themes", "paths.roadmap",
	"paths.follow_up", "paths.data", "paths.search", NULL};

static const value_t *lookup(const value_t *map, const char *dotted,
                             arena_t *arena)
{
	const char *dot;
	while (map && (dot = strchr(dotted, '.'))) {
		map = val_get(map, arena_strndup(arena, dotted,
		                                 (size_t)(dot - dotted)));
		dotted = dot + 1;
	}
	return val_get(map, dotted);
}

static void need(checker_t *c, size_t l, const char *key)
{
	site_t *site = c->site;
	const value_t *v = lookup(site->i18n[l], key, site->arena);
	if (v && v->kind == VAL_STRING && v->as.str.len > 0)
		return;
	pos_t pos = v ? v->pos : POS_NONE;
	diag_error(c->diags, site->i18n_paths[l], pos, MSG_MISSING_I18N,
	           site->langs[l], key, site->i18n_paths[l]);
}

/* Reports keys of model (the first language) missing from other. */
static void same_keys(checker_t *c, size_t l, const value_t *model,
                      const value_t *other, const char *prefix)
{
	for (size_t i = 0; i < model->as.map.len; i++) {
		const member_t *m = &model->as.map.items[i];
		const char *key = *prefix ? arena_printf(c->site->arena, "%s.%s",
		                                         prefix, m->key)
		                          : m->key;
		const value_t *v = val_get(other, m->key);
		if (m->val->kind == VAL_MAP && v && v->kind == VAL_MAP)
			same_keys(c, l, m->val, v, key);
		else if (m->val->kind != VAL_MAP)
			need(c, l, key);
		else
			diag_error(c->diags, c->site->i18n_paths[l],
			           v ? v->pos : POS_NONE, MSG_MISSING_I18N,
			           c->site->langs[l], key, c->site->i18n_paths[l]);
	}
}

/* A decision body must be one the theme names (in its first language);
 * otherwise the mistake is in programme.yaml and is reported there. */
static void known_body(checker_t *c, const programme_t *p)
{
	site_t *site = c->site;
	const value_t *bodies = val_get(site->i18n[0], "decision_bodies");
	if (val_get(bodies, p->decision_body))
		return;
	if (site->i18n[0] && p->decision_body_ref) {
		buf_t names = BUF_INIT;
		for (size_t i = 0; bodies && bodies->kind == VAL_MAP &&
		                   i < bodies->as.map.len; i++)
			buf_printf(&names, "%s%s", i ? ", " : "", bodies->as.map.items[i].key);
		diag_error(c->diags, check_programme_path(c, p),
		           p->decision_body_ref->pos, MSG_UNKNOWN_DECISION_BODY,
		           p->decision_body, buf_cstr(&names));
		buf_free(&names);
	}
}

void check_i18n(checker_t *c)
{
	site_t *site = c->site;
	/* Other languages must have the first one's keys: checked below. */
	for (size_t i = 0; i < site->nprogrammes; i++)
		if (site->programmes[i].decision_body)
			known_body(c, &site->programmes[i]);
	for (size_t l = 0; l < site->nlangs; l++) {
		if (!site->i18n[l])
			continue;
		for (size_t k = 0; required[k]; k++)
			need(c, l, required[k]);
		for (int kind = 0; kind < ENUM_KIND_COUNT; kind++) {
			const enum_def_t *def = enum_def(kind);
			for (size_t v = 0; def->values[v]; v++)
				need(c, l, arena_printf(site->arena, "%s.%s", def->i18n_group,
				                        def->values[v]));
		}
		if (l > 0 && site->i18n[0])
			same_keys(c, l, site->i18n[0], site->i18n[l], "");
	}
}
