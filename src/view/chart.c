/* An indicator's chart in the page's language: the words of its title,
 * description, target and direction, for render/chart.c to draw. */
#include "view_internal.h"

#include <math.h>
#include <string.h>

#include "../core/buf.h"
#include "../render/chart.h"

/* The latest numeric value as a share of the target, in percent, taking
 * the direction into account; negative when it cannot be said. */
double view_indicator_progress(const indicator_t *ind)
{
	if (!ind->has_target || ind->target <= 0)
		return -1;
	for (size_t i = ind->nvalues; i-- > 0;) {
		const indicator_value_t *val = &ind->values[i];
		if (!val->is_number)
			return -1;
		if (ind->direction.id == DIRECTION_DOWN)
			return val->number > 0 ? 100 * ind->target / val->number : -1;
		return 100 * val->number / ind->target;
	}
	return -1;
}

/* "rising" or "falling" between the last two numbers, or NULL. */
static const char *trend(const view_ctx_t *v, const indicator_t *ind)
{
	const indicator_value_t *last = NULL, *before = NULL;
	for (size_t i = 0; i < ind->nvalues; i++) {
		if (!ind->values[i].is_number)
			continue;
		before = last;
		last = &ind->values[i];
	}
	if (!before)
		return NULL;
	if (last->number > before->number)
		return view_word(v, "chart.rising");
	if (last->number < before->number)
		return view_word(v, "chart.falling");
	return view_word(v, "chart.steady");
}

/* "Target 3; 2023: 2,08; 2024: 2,22; rising, 74 % of target", from the
 * chart's bars. */
static const char *describe(const view_ctx_t *v, const indicator_t *ind,
                            const chart_t *c)
{
	buf_t b = BUF_INIT;
	if (c->target_text)
		buf_puts(&b, c->target_text);
	for (size_t i = 0; i < c->nbars; i++) {
		if (b.len)
			buf_puts(&b, "; ");
		buf_puts(&b, c->bars[i].label);
		buf_puts(&b, ": ");
		buf_puts(&b, c->bars[i].text);
	}
	if (c->nbars == 0) {
		if (b.len)
			buf_puts(&b, "; ");
		buf_puts(&b, view_word(v, "chart.no_values"));
	}
	const char *t = trend(v, ind);
	double progress = view_indicator_progress(ind);
	if (t || progress >= 0)
		buf_puts(&b, "; ");
	if (t)
		buf_puts(&b, t);
	if (progress >= 0) {
		if (t)
			buf_puts(&b, ", ");
		buf_puts(&b, view_fill(v, "chart.of_target",
		                       format_percent(v->arena, v->site, v->lang,
		                                      progress)));
	}
	const char *s = arena_strdup(v->arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

/* Builds the chart's description: its shape, and with words its texts
 * in the page's language (a sparkline has none). */
static void build(const view_ctx_t *v, const indicator_t *ind, chart_t *c,
                  bool words)
{
	memset(c, 0, sizeof *c);
	chart_bar_t *bars = arena_alloc(v->arena,
	                                (ind->nvalues + 1) * sizeof *bars);
	for (size_t i = 0; i < ind->nvalues; i++) {
		const indicator_value_t *val = &ind->values[i];
		bars[i].has_value = val->is_number;
		bars[i].value = val->number;
		if (words) {
			bars[i].label = arena_printf(v->arena, "%d", val->year);
			bars[i].text = view_indicator_value(v, ind, val);
		}
	}
	c->bars = bars;
	c->nbars = ind->nvalues;
	c->has_target = ind->has_target;
	c->target = ind->target;
	c->has_scale = ind->has_scale;
	c->scale_min = ind->scale_min;
	c->scale_max = ind->scale_max;
	if (!words)
		return;
	const text_t *t = view_text(v, ind->texts);
	c->id = arena_printf(v->arena, "chart-%s", ind->id);
	c->title = t && t->title ? t->title : ind->id;
	if (ind->has_target) {
		indicator_value_t target = {.is_number = true, .number = ind->target};
		c->target_text = view_fill(v, "chart.target",
		                      view_indicator_value(v, ind, &target));
	}
	if (ind->direction.id >= 0)
		c->direction_text = arena_printf(
			v->arena, "%s %s",
			ind->direction.id == DIRECTION_DOWN ? "\xe2\x86\x93" : "\xe2\x86\x91",
			format_enum(v->site, v->lang, ENUM_DIRECTION, ind->direction.id));
	c->decimal = *format_word(v->site, v->lang, "format.decimal");
	c->lang = v->site->langs[v->lang];
	c->desc = describe(v, ind, c);
}

bool view_has_chart(const indicator_t *ind)
{
	return ind->unit.id != MEASURE_TEXT && ind->nvalues > 0;
}

void view_chart_make(const view_ctx_t *v, const indicator_t *ind,
                     view_chart_t *out)
{
	chart_t c;
	build(v, ind, &c, true);
	buf_t in_page = BUF_INIT, file = BUF_INIT;
	chart_svg(&c, &in_page, &file);
	*out = (view_chart_t){arena_strndup(v->arena, in_page.data, in_page.len),
	                      arena_strndup(v->arena, file.data, file.len), c.desc};
	buf_free(&in_page);
	buf_free(&file);
}

const char *view_chart(const view_ctx_t *v, const indicator_t *ind,
                       bool standalone, const char **desc)
{
	if (!view_has_chart(ind))
		return NULL;
	const view_chart_t *made = view_chart_made(v, ind);
	view_chart_t fresh;
	if (made) {
		view_text(v, ind->texts); /* what the chart read, for the preview */
	} else {
		view_chart_make(v, ind, &fresh);
		made = &fresh;
	}
	if (desc)
		*desc = made->desc;
	return standalone ? made->file_svg : made->inline_svg;
}

const char *view_sparkline(const view_ctx_t *v, const indicator_t *ind)
{
	if (!view_has_chart(ind))
		return NULL;
	chart_t c;
	build(v, ind, &c, false);
	buf_t b = BUF_INIT;
	chart_sparkline(&c, &b);
	const char *s = arena_strndup(v->arena, b.data, b.len);
	buf_free(&b);
	return s;
}

void view_chart_file(const view_ctx_t *v, value_t *root)
{
	view_set_text(v, root, "content",
	              view_chart(v, v->ref->item, true, NULL));
}
