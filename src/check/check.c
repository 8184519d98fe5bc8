#include "check_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/hint.h"

void check_enum(checker_t *c, const char *path, enum_ref_t *e,
                enum_kind_t kind)
{
	e->id = -1;
	if (!e->v)
		return;
	const char *text = e->v->text ? e->v->text : "";
	e->id = enum_find(kind, text);
	if (e->id >= 0)
		return;
	const enum_def_t *def = enum_def(kind);
	char *list = enum_list(kind);
	diag_add(c->diags, SEV_ERROR, path, e->v->pos,
	         hint_closest(text, def->values), MSG_BAD_ENUM, text,
	         term(def->what), list, NULL);
	free(list);
}

const char *check_programme_path(checker_t *c, const programme_t *p)
{
	return arena_printf(c->site->arena, "%s/programme.yaml", p->dir);
}

const char *check_actions_path(checker_t *c, const programme_t *p)
{
	return arena_printf(c->site->arena, "%s/actions.yaml", p->dir);
}

const char *check_indicators_path(checker_t *c, const programme_t *p)
{
	return arena_printf(c->site->arena, "%s/indicators.yaml", p->dir);
}

static void check_action_enums(checker_t *c, const char *path, action_t *a)
{
	for (size_t i = 0; i < a->nstatuses; i++)
		check_enum(c, path, &a->statuses[i].status, ENUM_STATUS);
	check_enum(c, path, &a->level, ENUM_LEVEL);
	check_enum(c, path, &a->model, ENUM_MODEL);
	check_enum(c, path, &a->cost_class, ENUM_CLASS);
	check_enum(c, path, &a->impact_class, ENUM_CLASS);
	check_enum(c, path, &a->cost_kind, ENUM_COST_KIND);
	check_enum(c, path, &a->funding, ENUM_FUNDING);
	for (size_t i = 0; i < a->nneed; i++)
		check_enum(c, path, &a->need[i], ENUM_NEED);
	for (size_t i = 0; i < a->nbenefits; i++)
		check_enum(c, path, &a->benefits[i], ENUM_BENEFIT);
	for (size_t i = 0; i < a->nbeneficiaries; i++)
		check_enum(c, path, &a->beneficiaries[i], ENUM_BENEFICIARY);
}

static void check_enums(checker_t *c)
{
	site_t *site = c->site;
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		const char *path = check_programme_path(c, p);
		check_enum(c, path, &p->status, ENUM_PROGRAMME_STATUS);
		for (size_t j = 0; j < p->nthemes; j++)
			check_enum(c, path, &p->themes[j].kind, ENUM_THEME_KIND);
		path = check_actions_path(c, p);
		for (size_t j = 0; j < p->nactions; j++)
			check_action_enums(c, path, &p->actions[j]);
		path = check_indicators_path(c, p);
		for (size_t j = 0; j < p->nindicators; j++) {
			indicator_t *ind = &p->indicators[j];
			check_enum(c, path, &ind->unit, ENUM_MEASURE_UNIT);
			check_enum(c, path, &ind->direction, ENUM_DIRECTION);
			for (size_t k = 0; k < ind->nvalues; k++)
				if (!ind->values[k].is_number)
					check_enum(c, path, &ind->values[k].state,
					           ENUM_VALUE_STATE);
		}
	}
}

void check_site(site_t *site, bool draft, diags_t *diags)
{
	checker_t c = {site, diags, draft};
	if (site->nlangs == 0)
		return; /* site.yaml could not be read; load said why */
	site->draft = draft;
	check_enums(&c);
	check_references(&c);
	check_i18n(&c);
	check_translations(&c);
	check_placeholders(&c);
}
