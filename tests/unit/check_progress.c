/* The progress views on the real content: every indicator's chart says its
 * values in words and has its table; the 2024 follow-up report holds every
 * indicator value and project status of the data; every facet value has
 * its filter page with the right count; the archive holds every use case
 * of the 2020–2023 programme. */
#include "core/report.h"
#include "harness.h"

#include "built_site.h"
#include "view/view_internal.h"

#define CURRENT "digiohjelma-2024-2026"
#define ARCHIVE "digiohjelma-2020-2023"

/* From seeds 000 and 001: the use cases of the three themes. */
enum { ARCHIVE_USE_CASES = 63 };

/* The axis labels fit left of the axis: at most 9 units a character of
 * the 15-unit font, 6 units from the axis, none beyond x = 0. */
static void labels_fit(const char *svg, const char *id)
{
	const char *axis = strstr(svg, "class=\"chart-axis\"");
	const char *x1 = axis ? strstr(svg, "<line x1=\"") : NULL;
	double left = 0;
	while (x1 && x1 < axis) {
		left = atof(x1 + strlen("<line x1=\""));
		x1 = strstr(x1 + 1, "<line x1=\"");
	}
	CHECK(left > 0);
	for (const char *t = svg; (t = strstr(t, "text-anchor=\"end\""));) {
		const char *open = strchr(t, '>'), *close = open ? strchr(open, '<') : NULL;
		if (!close)
			break;
		size_t chars = (size_t)(close - open - 1);
		if (left - 6 - 9.0 * (double)chars < 0) {
			printf("  %s: the axis label '%.*s' does not fit\n", id, (int)chars,
			       open + 1);
			CHECK(!"axis label fits");
		}
		t = close;
	}
}

static void charts(const built_t *b, const programme_t *p)
{
	arena_t *a = arena_new();
	size_t charted = 0;
	for (size_t l = 0; l < b->site->nlangs; l++) {
		for (size_t i = 0; i < p->nindicators; i++) {
			const indicator_t *ind = &p->indicators[i];
			page_ref_t ref = {PAGE_INDICATOR, l, p, ind, 0};
			view_ctx_t v = {a, b->site, l, &ref, NULL};
			char *html = built_page(b, ind->urls[l]);
			CHECK(html && strstr(html, "<table class=\"values\">"));
			if (!view_has_chart(ind)) {
				free(html);
				continue;
			}
			char *id = arena_printf(a, "<desc id=\"chart-%s-desc\">", ind->id);
			char *desc = built_between(html, id, "</desc>");
			CHECK(desc != NULL);
			CHECK(html && strstr(html, "role=\"img\""));
			for (size_t k = 0; desc && k < ind->nvalues; k++) {
				const char *value = view_indicator_value(&v, ind, &ind->values[k]);
				char *said = arena_printf(a, "%d: %s", ind->values[k].year, value);
				if (!strstr(desc, said)) {
					printf("  %s: '%s' not in %s\n", ind->id, said, desc);
					CHECK(!"value in desc");
				}
			}
			/* The same chart as a file of its own, for embedding. */
			char *file = built_page(b, ind->chart_urls[l]);
			CHECK(file && strstr(file, "<?xml") && strstr(file, id));
			if (file)
				labels_fit(file, ind->id);
			charted += desc != NULL;
			free(file);
			free(desc);
			free(html);
		}
	}
	CHECK(charted > 0);
	printf("progress: %zu charts checked\n", charted);
	arena_free(a);
}

static void follow_up_report(const built_t *b, const programme_t *p, int year)
{
	arena_t *a = arena_new();
	for (size_t l = 0; l < b->site->nlangs; l++) {
		page_ref_t ref = {PAGE_FOLLOW_UP, l, p, NULL, year};
		view_ctx_t v = {a, b->site, l, &ref, NULL};
		char *html = built_page(b, view_url(a, b->site, &ref));
		CHECK(html != NULL);
		/* Every indicator's row has every value up to the year. */
		for (size_t i = 0; html && i < p->nindicators; i++) {
			const indicator_t *ind = &p->indicators[i];
			char *row = built_between(html, arena_printf(a, "<a href=\"%s\">",
			                                             ind->urls[l]), "</tr>");
			CHECK(row != NULL);
			for (size_t k = 0; row && k < ind->nvalues; k++) {
				const indicator_value_t *val = &ind->values[k];
				if (val->year > year)
					continue;
				const char *text = view_indicator_value(&v, ind, val);
				if (!strstr(row, text)) {
					printf("  %s %d: '%s' not in the report row\n", ind->id,
					       val->year, text);
					CHECK(!"indicator value in report");
				}
			}
			free(row);
		}
		/* Every project of the year, with its status at the follow-up. */
		size_t projects = 0;
		for (size_t i = 0; html && i < p->nactions; i++) {
			const action_t *x = &p->actions[i];
			if (!model_action_in_year(x, year))
				continue;
			projects++;
			char *row = built_between(html, arena_printf(a, "<a href=\"%s\">",
			                                             x->urls[l]), "</tr>");
			int s = model_status_in(x, year);
			CHECK(row && s >= 0 &&
			      strstr(row, format_enum(b->site, l, ENUM_STATUS, s)));
			free(row);
		}
		CHECK(projects == 26); /* the 26 projects of the 2024 follow-up */
		free(html);
	}
	arena_free(a);
}

/* Whether the space-separated list has token as one of its words. */
static bool has_token(const char *list, const char *token)
{
	size_t n = strlen(token);
	for (const char *s = list; (s = strstr(s, token)); s += n)
		if ((s == list || s[-1] == ' ') && (s[n] == ' ' || s[n] == '\0'))
			return true;
	return false;
}

static void filters(const built_t *b, const programme_t *p)
{
	arena_t *a = arena_new();
	size_t pages = 0;
	for (size_t l = 0; l < b->site->nlangs; l++) {
		page_ref_t ref = {PAGE_ACTIONS, l, p, NULL, 0};
		view_ctx_t v = {a, b->site, l, &ref, NULL};
		for (size_t f = 0; f < view_facet_count(); f++) {
			size_t n;
			facet_value_t *values = view_facet_values(b->site, p, f, &n);
			for (size_t k = 0; k < n; k++) {
				size_t count = 0;
				const char *token = arena_printf(a, "%s:%s", view_facet_id(f),
				                                 values[k].key);
				for (size_t i = 0; i < p->nactions; i++)
					count += has_token(view_facet_keys(&v, &p->actions[i]), token);
				char *html = built_page(b, view_facet_url(&v, p, f, values[k].key));
				char *said = arena_printf(a, "<strong>%zu</strong>", count);
				CHECK(html && count == values[k].count && strstr(html, said));
				/* One list item per action. */
				size_t items = 0;
				for (const char *s = html; s && (s = strstr(s, "<li data-facets")); s++)
					items++;
				CHECK(items == count);
				pages++;
				free(html);
			}
		}
	}
	printf("progress: %zu filter pages checked\n", pages);
	CHECK(pages > 20);
	arena_free(a);
}

static void archive(const built_t *b)
{
	const programme_t *p = model_programme(b->site, ARCHIVE);
	CHECK(p && p->status.id == PROGRAMME_ARCHIVED);
	if (!p)
		return;
	CHECK(p->nactions == ARCHIVE_USE_CASES);
	for (size_t l = 0; l < b->site->nlangs; l++) {
		size_t pages = 0;
		for (size_t i = 0; i < p->nactions; i++) {
			char *html = built_page(b, p->actions[i].urls[l]);
			pages += html && strstr(html, "class=\"notice archived\"");
			CHECK(p->actions[i].texts[l] && !p->actions[i].texts[l]->borrowed);
			free(html);
		}
		CHECK(pages == ARCHIVE_USE_CASES);
	}
	/* Continuations link both ways. */
	const programme_t *now = model_programme(b->site, CURRENT);
	const action_t *b6 = model_action(now, "b6");
	CHECK(b6 && b6->continues && b6->continues->programme == p);
	char *html = built_page(b, b6->continues->urls[0]);
	CHECK(html && strstr(html, b6->urls[0]));
	free(html);
}

/* The accessibility statement dates its last assessment by the newest
 * date in the content (never the clock), in every language. */
static void assessed(const built_t *b)
{
	const char *newest = "";
	for (size_t i = 0; i < b->site->nprogrammes; i++) {
		const programme_t *p = &b->site->programmes[i];
		if (p->decision_date && strcmp(p->decision_date, newest) > 0)
			newest = p->decision_date;
		for (size_t f = 0; f < p->nfollow_ups; f++)
			if (strcmp(p->follow_ups[f].date, newest) > 0)
				newest = p->follow_ups[f].date;
		for (size_t k = 0; k < p->nactions; k++)
			for (size_t l = 0; l < b->site->nlangs; l++) {
				const text_t *t = p->actions[k].texts[l];
				for (size_t u = 0; t && u < t->nupdates; u++)
					if (strcmp(t->updates[u].date, newest) > 0)
						newest = t->updates[u].date;
			}
	}
	CHECK(*newest);
	const page_t *pg = model_page(b->site, "accessibility");
	CHECK(pg != NULL);
	char want[64];
	snprintf(want, sizeof want, "<time datetime=\"%s\">", newest);
	for (size_t l = 0; pg && l < b->site->nlangs; l++) {
		char *html = built_page(b, pg->urls[l]);
		CHECK(html && strstr(html, want));
		free(html);
	}
}

int main(void)
{
	built_t b;
	built_open(&b, "content");
	show_diags(&b.diags);
	CHECK(b.diags.errors == 0);
	const programme_t *p = model_programme(b.site, CURRENT);
	CHECK(p != NULL);
	if (p) {
		charts(&b, p);
		follow_up_report(&b, p, 2024);
		filters(&b, p);
	}
	archive(&b);
	assessed(&b);
	built_close(&b);
	return harness_report();
}
