#include "chart.h"

#include <libxml/parser.h>
#include <libxml/xmlwriter.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/utf8.h"
#include "escape.h"

/* The drawing area, in viewBox units. Narrow enough that its text stays
 * readable when a phone scales it down to 320 px. */
enum { WIDTH = 360, HEIGHT = 260, RIGHT = 10, TOP = 56, BOTTOM = 30 };

/* The left margin holds the axis labels: room for the longest at about
 * 9 units a character of the 15-unit font, and never less than 48. */
enum { LEFT_MIN = 48, CHAR_WIDTH = 9, LABEL_GAP = 12 };

/* Colours for standalone files, which the site's stylesheet does not
 * reach; the same as the theme's defaults. Forced-colours mode gets
 * system colours. */
static const char standalone_style[] =
	".chart-background{fill:#fff}"
	"text{font-family:system-ui,sans-serif;font-size:15px;fill:#1b1f24}"
	".chart-bar{fill:#1f5fa8}.chart-grid{stroke:#c9d0d8}"
	".chart-axis{stroke:#1b1f24}.chart-target{stroke:#1b1f24;"
	"stroke-width:2;stroke-dasharray:6 4}.chart-gap{fill:none;stroke:#5f6b76;"
	"stroke-dasharray:3 3}.chart-muted{fill:#4a5563}"
	"@media (forced-colors:active){.chart-background{fill:Canvas}"
	".chart-bar{fill:CanvasText}"
	"text,.chart-muted{fill:CanvasText}"
	".chart-target,.chart-axis,.chart-gap{stroke:CanvasText}}";

typedef struct {
	xmlTextWriterPtr w;
	xmlBufferPtr buf;
	double left; /* where the plot starts */
	buf_t raw;   /* the drawing, written raw (see put_attr) */
} svg_t;

/* A coordinate with one decimal, written out by hand: printf's floating
 * point showed in profiles, and a coordinate's tenths fit a long long.
 * Returns its length. */
static size_t num(char out[32], double v)
{
	if (!(fabs(v) < 1e15)) /* also NaN */
		return (size_t)snprintf(out, 32, "%.1f", v);
	long long tenths = llround(v * 10);
	unsigned long long left = tenths < 0 ? 0 - (unsigned long long)tenths
	                                     : (unsigned long long)tenths;
	char *p = out;
	if (tenths < 0)
		*p++ = '-';
	p += buf_format_uint(p, left / 10);
	*p++ = '.';
	*p++ = (char)('0' + left % 10);
	*p = '\0';
	return (size_t)(p - out);
}

static void attr(svg_t *s, const char *name, const char *value)
{
	char *clean = utf8_xml_clean(value);
	xmlTextWriterWriteAttribute(s->w, BAD_CAST name,
	                            BAD_CAST(clean ? clean : value));
	free(clean);
}

/* The drawing inside the root element is written raw, and handed to the
 * writer whole: the writer's calls cost about a thousand instructions an
 * attribute or a text, of which a chart has a hundred and more. Its
 * attributes are numbers and names of ours; its texts, and the ids made
 * of the content's, are escaped as the writer escapes them (escape_xml). */
static void put_attr(buf_t *b, const char *name, const char *value)
{
	buf_putc(b, ' ');
	buf_puts(b, name);
	buf_puts(b, "=\"");
	buf_puts(b, value);
	buf_putc(b, '"');
}

static void put_text(buf_t *b, const char *text)
{
	escape_xml(b, text, strlen(text));
}

/* name="v", written in place: a chart has a hundred and more. */
static void put_num(buf_t *b, const char *name, double v)
{
	size_t n = strlen(name);
	buf_grow(b, n + 36);
	char *p = b->data + b->len;
	*p++ = ' ';
	memcpy(p, name, n);
	p += n;
	*p++ = '=';
	*p++ = '"';
	p += num(p, v);
	*p++ = '"';
	*p = '\0';
	b->len = (size_t)(p - b->data);
}

static void text_at(svg_t *s, double x, double y, const char *anchor,
                    const char *class_name, const char *text)
{
	buf_puts(&s->raw, "<text");
	put_num(&s->raw, "x", x);
	put_num(&s->raw, "y", y);
	if (anchor)
		put_attr(&s->raw, "text-anchor", anchor);
	if (class_name)
		put_attr(&s->raw, "class", class_name);
	buf_putc(&s->raw, '>');
	put_text(&s->raw, text);
	buf_puts(&s->raw, "</text>");
}

/* An element with numbers for attributes, and a class. */
static void shape(svg_t *s, const char *element, const char *const names[4],
                  const double values[4], const char *class_name)
{
	buf_putc(&s->raw, '<');
	buf_puts(&s->raw, element);
	for (size_t i = 0; i < 4; i++)
		put_num(&s->raw, names[i], values[i]);
	put_attr(&s->raw, "class", class_name);
	buf_puts(&s->raw, "/>");
}

static void line(svg_t *s, double x1, double y1, double x2, double y2,
                 const char *class_name)
{
	static const char *const names[4] = {"x1", "y1", "x2", "y2"};
	shape(s, "line", names, (const double[4]){x1, y1, x2, y2}, class_name);
}

static void rect(svg_t *s, double x, double y, double w, double h,
                 const char *class_name)
{
	static const char *const names[4] = {"x", "y", "width", "height"};
	shape(s, "rect", names, (const double[4]){x, y, w, h}, class_name);
}

/* A step of 1, 2 or 5 times a power of ten giving about four ticks. */
static double tick_step(double span)
{
	double raw = span / 4;
	double power = pow(10, floor(log10(raw)));
	double m = raw / power;
	return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

typedef struct {
	double lo, hi;
} range_t;

static range_t value_range(const chart_t *c)
{
	range_t r = {0, 0};
	if (c->has_scale) {
		r.lo = c->scale_min;
		r.hi = c->scale_max;
	}
	for (size_t i = 0; i < c->nbars; i++) {
		if (!c->bars[i].has_value)
			continue;
		r.lo = fmin(r.lo, c->bars[i].value);
		r.hi = fmax(r.hi, c->bars[i].value);
	}
	if (c->has_target)
		r.hi = fmax(r.hi, c->target);
	if (r.hi <= r.lo)
		r.hi = r.lo + 1;
	double step = tick_step(r.hi - r.lo);
	r.hi = ceil(r.hi / step) * step;
	if (!c->has_scale)
		r.lo = floor(r.lo / step) * step;
	return r;
}

/* The y coordinate of v in the plot area. */
static double y_of(range_t r, double v)
{
	double plot = HEIGHT - TOP - BOTTOM;
	return TOP + plot * (1 - (v - r.lo) / (r.hi - r.lo));
}

/* The axis label of v: no decimals for whole numbers, the language's
 * decimal mark otherwise. */
static void axis_label(double v, const chart_t *c, char label[32])
{
	if (fabs(v - round(v)) >= 1e-9) {
		snprintf(label, 32, "%g", v);
	} else if (fabs(v) < 1e15) {
		/* As printf's "%.0f" says it ("-0" too), without printf. */
		char *p = label;
		if (signbit(v))
			*p++ = '-';
		p[buf_format_uint(p, (unsigned long long)llround(fabs(v)))] = '\0';
	} else {
		snprintf(label, 32, "%.0f", v);
	}
	char *point = strchr(label, '.');
	if (point && c->decimal)
		*point = c->decimal;
}

static double left_margin(range_t r, const chart_t *c)
{
	double step = tick_step(r.hi - r.lo);
	size_t longest = 0;
	char label[32];
	for (double v = r.lo; v <= r.hi + step / 2; v += step) {
		axis_label(v, c, label);
		if (strlen(label) > longest)
			longest = strlen(label);
	}
	return fmax(LEFT_MIN, (double)(longest * CHAR_WIDTH + LABEL_GAP));
}

static void grid(svg_t *s, range_t r, const chart_t *c)
{
	double step = tick_step(r.hi - r.lo);
	char label[32];
	for (double v = r.lo; v <= r.hi + step / 2; v += step) {
		double y = y_of(r, v);
		line(s, s->left, y, WIDTH - RIGHT, y, "chart-grid");
		axis_label(v, c, label);
		text_at(s, s->left - 6, y + 4, "end", "chart-muted", label);
	}
	line(s, s->left, TOP, s->left, HEIGHT - BOTTOM, "chart-axis");
	line(s, s->left, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM,
	     "chart-axis");
}

/* A year without a number: an outlined gap with its state written in it,
 * broken into lines at spaces. */
static void gap(svg_t *s, double x, double w, const char *state)
{
	double top = TOP + 20, bottom = HEIGHT - BOTTOM;
	rect(s, x, top, w, bottom - top, "chart-gap");
	char *copy = xstrdup(state ? state : "");
	double y = top + 18;
	char *save = NULL;
	buf_puts(&s->raw, "<text text-anchor=\"middle\" class=\"chart-muted\">");
	for (char *word = strtok_r(copy, " ", &save); word;
	     word = strtok_r(NULL, " ", &save)) {
		buf_puts(&s->raw, "<tspan");
		put_num(&s->raw, "x", x + w / 2);
		put_num(&s->raw, "y", y);
		buf_putc(&s->raw, '>');
		put_text(&s->raw, word);
		buf_puts(&s->raw, "</tspan>");
		y += 15;
	}
	buf_puts(&s->raw, "</text>");
	free(copy);
}

static void bars(svg_t *s, range_t r, const chart_t *c)
{
	double plot = WIDTH - s->left - RIGHT;
	double slot = plot / (double)(c->nbars ? c->nbars : 1);
	double w = fmin(slot * 0.6, 90);
	for (size_t i = 0; i < c->nbars; i++) {
		const chart_bar_t *b = &c->bars[i];
		double x = s->left + slot * (double)i + (slot - w) / 2;
		text_at(s, x + w / 2, HEIGHT - BOTTOM + 18, "middle", NULL, b->label);
		if (!b->has_value) {
			gap(s, x, w, b->text);
			continue;
		}
		/* Bars grow from zero, or from the bottom of a scale like 1–4. */
		double y0 = y_of(r, r.lo > 0 ? r.lo : 0);
		double y = y_of(r, b->value);
		rect(s, x, fmin(y, y0), w, fabs(y0 - y), "chart-bar");
		text_at(s, x + w / 2, fmin(y, y0) - 6, "middle", NULL, b->text);
	}
}

/* The target line, explained above the plot (a label on the line itself
 * would collide with a bar that reaches it). */
static void target(svg_t *s, range_t r, const chart_t *c)
{
	if (!c->has_target)
		return;
	double y = y_of(r, c->target);
	line(s, s->left, y, WIDTH - RIGHT, y, "chart-target");
	line(s, s->left, 38, s->left + 28, 38, "chart-target");
	text_at(s, s->left + 34, 43, NULL, NULL, c->target_text);
}

static void new_svg(svg_t *s)
{
	*s = (svg_t){NULL, xmlBufferCreate(), 0, BUF_INIT};
	s->w = s->buf ? xmlNewTextWriterMemory(s->buf, 0) : NULL;
	if (!s->w)
		abort(); /* only when out of memory */
}

static void open_svg(svg_t *s, const chart_t *c, bool standalone)
{
	new_svg(s);
	if (standalone)
		xmlTextWriterStartDocument(s->w, NULL, "UTF-8", NULL);
	xmlTextWriterStartElement(s->w, BAD_CAST "svg");
	char box[64];
	if (standalone) {
		attr(s, "xmlns", "http://www.w3.org/2000/svg");
		if (c->lang)
			attr(s, "xml:lang", c->lang);
		snprintf(box, sizeof box, "%d", WIDTH);
		attr(s, "width", box);
		snprintf(box, sizeof box, "%d", HEIGHT);
		attr(s, "height", box);
	}
	snprintf(box, sizeof box, "0 0 %d %d", WIDTH, HEIGHT);
	attr(s, "viewBox", box);
	attr(s, "class", "chart");
	attr(s, "role", "img");
	char *ids = xmalloc(2 * strlen(c->id) + 16);
	sprintf(ids, "%s-title %s-desc", c->id, c->id);
	attr(s, "aria-labelledby", ids);
	free(ids);
}

static void close_svg(svg_t *s, buf_t *out)
{
	if (s->raw.len)
		xmlTextWriterWriteRawLen(s->w, BAD_CAST s->raw.data, (int)s->raw.len);
	xmlTextWriterEndElement(s->w);
	xmlTextWriterEndDocument(s->w);
	xmlFreeTextWriter(s->w);
	buf_put(out, (const char *)xmlBufferContent(s->buf),
	        (size_t)xmlBufferLength(s->buf));
	xmlBufferFree(s->buf);
	buf_free(&s->raw);
}

static void titled(svg_t *s, const char *element, const char *id,
                   const char *suffix, const char *text)
{
	buf_t *b = &s->raw;
	buf_putc(b, '<');
	buf_puts(b, element);
	buf_puts(b, " id=\"");
	put_text(b, id);
	buf_puts(b, suffix);
	buf_puts(b, "\">");
	put_text(b, text);
	buf_puts(b, "</");
	buf_puts(b, element);
	buf_putc(b, '>');
}

/* The chart's title and description, then its drawing: the same in a
 * page and in the chart's own file. */
static void draw(const chart_t *c, buf_t *head, buf_t *body)
{
	svg_t s = {NULL, NULL, 0, BUF_INIT};
	titled(&s, "title", c->id, "-title", c->title);
	titled(&s, "desc", c->id, "-desc", c->desc);
	buf_put(head, s.raw.data, s.raw.len);
	buf_reset(&s.raw);
	range_t r = value_range(c);
	s.left = left_margin(r, c);
	grid(&s, r, c);
	if (c->direction_text)
		text_at(&s, s.left, 17, NULL, "chart-muted", c->direction_text);
	bars(&s, r, c);
	target(&s, r, c);
	buf_put(body, s.raw.data, s.raw.len);
	buf_free(&s.raw);
}

/* The chart as SVG from its parts, with its own styles when
 * standalone. */
static void wrap(const chart_t *c, bool standalone, const buf_t *head,
                 const buf_t *body, buf_t *out)
{
	svg_t s;
	open_svg(&s, c, standalone);
	buf_put(&s.raw, head->data, head->len);
	if (standalone) {
		/* Nothing in it to escape. */
		buf_puts(&s.raw, "<style>");
		buf_puts(&s.raw, standalone_style);
		buf_puts(&s.raw, "</style>");
		rect(&s, 0, 0, WIDTH, HEIGHT, "chart-background");
	}
	buf_put(&s.raw, body->data, body->len);
	close_svg(&s, out);
}

void chart_svg(const chart_t *c, buf_t *inline_out, buf_t *file_out)
{
	buf_t head = BUF_INIT, body = BUF_INIT;
	draw(c, &head, &body);
	wrap(c, false, &head, &body, inline_out);
	wrap(c, true, &head, &body, file_out);
	buf_free(&head);
	buf_free(&body);
}

void chart_prepare(void)
{
	xmlInitParser();
}

void chart_sparkline(const chart_t *c, buf_t *out)
{
	enum { W = 96, H = 24 };
	svg_t s;
	new_svg(&s);
	xmlTextWriterStartElement(s.w, BAD_CAST "svg");
	char box[32];
	snprintf(box, sizeof box, "0 0 %d %d", W, H);
	attr(&s, "viewBox", box);
	attr(&s, "class", "sparkline");
	attr(&s, "aria-hidden", "true");
	attr(&s, "focusable", "false");
	range_t r = value_range(c);
	double slot = (double)W / (double)(c->nbars ? c->nbars : 1);
	for (size_t i = 0; i < c->nbars; i++) {
		const chart_bar_t *b = &c->bars[i];
		double x = slot * (double)i + slot * 0.15;
		if (!b->has_value) {
			rect(&s, x, 2, slot * 0.7, H - 4, "chart-gap");
			continue;
		}
		double h = (H - 2) * (b->value - r.lo) / (r.hi - r.lo);
		rect(&s, x, H - 1 - h, slot * 0.7, h, "chart-bar");
	}
	if (c->has_target) {
		double y = H - 1 - (H - 2) * (c->target - r.lo) / (r.hi - r.lo);
		line(&s, 0, y, W, y, "chart-target");
	}
	close_svg(&s, out);
}
