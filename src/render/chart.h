/* Indicator charts as SVG, written with libxml2's text writer: yearly
 * values as labelled bars, the target as a dashed reference line, years
 * without a number as labelled gaps, and a title and description that say
 * in words what the chart shows. All words come from the caller, already
 * in the page's language. */
#ifndef PORTA_CHART_H
#define PORTA_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"

typedef struct {
	const char *label;      /* the year */
	bool has_value;
	double value;
	const char *text;       /* the value as written ("2,08"), or the state */
} chart_bar_t;

typedef struct {
	const char *id;         /* prefix for the ids of title and desc */
	const char *title;
	const char *desc;       /* the chart in words */
	const chart_bar_t *bars;
	size_t nbars;
	bool has_target;
	double target;
	const char *target_text; /* "Target 3" */
	const char *direction_text; /* "↑ higher is better", or NULL */
	bool has_scale;
	double scale_min, scale_max;
	char decimal;           /* the language's decimal mark for tick labels */
	const char *lang;       /* for standalone files */
} chart_t;

/* Sets libxml2 up; once, before charts are drawn on several threads at
 * once. */
void chart_prepare(void);

/* Appends the chart, drawn once, to inline_out as inline SVG for an HTML
 * page and to file_out as a complete SVG file with its own styles. */
void chart_svg(const chart_t *chart, buf_t *inline_out, buf_t *file_out);

/* Appends a small chart for lists, hidden from assistive technology (the
 * list says the value in words next to it). */
void chart_sparkline(const chart_t *chart, buf_t *out);

#endif
