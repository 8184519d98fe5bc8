/* One indicator's page: what it measures, its target and yearly values. */
#include "view_internal.h"

#include "../model/urls.h"

void view_indicator(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	const indicator_t *ind = v->ref->item;
	const text_t *t = view_text(v, ind->texts);
	view_add_text(v, val_get(root, "page"), t);
	value_t *m = view_indicator_item_copy(v, ind);
	value_t *facts = val_list(a);
	if (ind->theme)
		val_push(a, facts, view_theme_fact(v, ind->theme));
	value_t *f = view_fact(v, "labels.measure_unit");
	view_fact_add(v, f, format_enum(site, v->lang, ENUM_MEASURE_UNIT,
	                                ind->unit.id), NULL);
	val_push(a, facts, f);
	if (ind->has_scale) {
		f = view_fact(v, "labels.scale");
		view_fact_add(v, f,
		              arena_printf(a, "%s\xe2\x80\x93%s",
		                           format_number(a, site, v->lang,
		                                         ind->scale_min),
		                           format_number(a, site, v->lang,
		                                         ind->scale_max)),
		              NULL);
		val_push(a, facts, f);
	}
	if (ind->direction.id >= 0) {
		f = view_fact(v, "labels.direction");
		view_fact_add(v, f, format_enum(site, v->lang, ENUM_DIRECTION,
		                                ind->direction.id), NULL);
		val_push(a, facts, f);
	}
	if (ind->has_target || (t && t->target)) {
		f = view_fact(v, "labels.target");
		/* The words say more than the number when both exist. */
		const char *target = t && t->target
		                     ? t->target
		                     : val_get(m, "target")->as.str.s;
		view_fact_add(v, f, target, NULL);
		val_push(a, facts, f);
	}
	view_set_list(v, m, "facts", facts);
	value_t *values = val_list(a);
	for (size_t i = 0; i < ind->nvalues; i++) {
		value_t *row = val_map(a);
		val_set(a, row, "year",
		        val_str_ref(a, arena_printf(a, "%d", ind->values[i].year)));
		val_set(a, row, "value",
		        val_str_ref(a, view_indicator_value(v, ind, &ind->values[i])));
		val_set_bool(a, row, "is_state", !ind->values[i].is_number);
		val_push(a, values, row);
	}
	view_set_list(v, m, "values", values);
	const char *desc = NULL;
	const char *chart = view_chart(v, ind, false, &desc);
	view_set_text(v, m, "chart", chart);
	if (chart) {
		const char *url = urls_absolute(a, site, ind->chart_urls[v->lang]);
		view_set_text(v, m, "chart_url", ind->chart_urls[v->lang]);
		/* What a web editor pastes to show the chart elsewhere. */
		view_set_text(v, m, "embed",
		              arena_printf(a, "<img src=\"%s\" alt=\"%s\" "
		                              "width=\"360\" height=\"260\">",
		                           url, view_attr_text(v, arena_printf(
		                                    a, "%s: %s", view_title(v, ind->texts),
		                                    desc))));
	} else {
		view_set_text(v, m, "chart_url", NULL);
		view_set_text(v, m, "embed", NULL);
	}
	val_set(a, root, "indicator", m);
}
