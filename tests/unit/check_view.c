/* view: the value trees templates read, on the fixture site. */
#include "harness.h"

#include <stdlib.h>

#include "check/check.h"
#include "load/load.h"
#include "model/urls.h"
#include "render/bodies.h"
#include "view/view.h"

/* The string at a dotted path of a value tree, or NULL. */
static const char *at(const value_t *v, const char *path)
{
	char key[64];
	while (v && *path) {
		size_t n = strcspn(path, ".");
		snprintf(key, sizeof key, "%.*s", (int)n, path);
		if (v->kind == VAL_LIST) {
			size_t i = (size_t)atoi(key);
			v = i < v->as.list.len ? v->as.list.items[i] : NULL;
		} else {
			v = val_get(v, key);
		}
		path += n + (path[n] == '.');
	}
	return v && v->kind == VAL_STRING ? v->as.str.s : NULL;
}

static bool flag(const value_t *v, const char *key)
{
	const value_t *b = val_get(v, key);
	return b && b->kind == VAL_BOOL && b->as.boolean;
}

typedef struct {
	size_t pages, per_kind[PAGE_FREE + 1];
} count_t;

static int count(const page_ref_t *ref, void *ctx)
{
	count_t *c = ctx;
	c->pages++;
	c->per_kind[ref->kind]++;
	return 0;
}

int main(void)
{
	diags_t d;
	diags_init(&d);
	site_t *site = load_site("tests/sites/mini/content", "themes/default", &d);
	check_site(site, false, &d);
	urls_assign(site);
	bodies_render(site, &d);
	view_prepare(site);
	CHECK(d.len == 0);
	programme_t *p = site->current;

	count_t c = {0};
	view_pages(site, count, &c);
	/* Per language: the front page, 2 free pages, the open data and search
	 * pages, programme, 2 themes, the lists, 2 actions, 2 indicators. */
	CHECK(c.per_kind[PAGE_HOME] == 2 && c.per_kind[PAGE_FREE] == 4);
	CHECK(c.per_kind[PAGE_DATA] == 2 && c.per_kind[PAGE_SEARCH] == 2);
	CHECK(c.per_kind[PAGE_PROGRAMME] == 2 && c.per_kind[PAGE_THEME] == 4);
	CHECK(c.per_kind[PAGE_ACTIONS] == 2 && c.per_kind[PAGE_INDICATORS] == 2);
	/* Per language: themes 2, statuses 2, years 2, units 2,
	 * beneficiaries 2, level, statutory, cost and impact class 1 each. */
	CHECK(c.per_kind[PAGE_FILTER] == 28);
	CHECK(c.per_kind[PAGE_ACTION] == 4 && c.per_kind[PAGE_INDICATOR] == 4);
	/* Two years of roadmap, one follow-up, one indicator with numbers. */
	CHECK(c.per_kind[PAGE_ROADMAP] == 4 && c.per_kind[PAGE_FOLLOW_UP] == 2);
	CHECK(c.per_kind[PAGE_CHART] == 2);
	CHECK(c.per_kind[PAGE_ROOT] == 1 && c.per_kind[PAGE_NOT_FOUND] == 1);

	arena_t *a = arena_new();
	page_ref_t ref = {PAGE_ACTION, 1, p, model_action(p, "a1"), 0};
	CHECK_STR(view_template(ref.kind), "action");
	value_t *v = view_build(a, site, &ref, NULL);
	CHECK_STR(at(v, "lang"), "sv");
	CHECK_STR(at(v, "page.title"), "Vi skapar ett kundregister");
	CHECK_STR(at(v, "page.canonical"),
	          "https://example.org/mini/sv/programmet/atgarder/a1/");
	CHECK_STR(at(v, "action.code"), "A1");
	CHECK_STR(at(v, "action.status.name"), "Påbörjad");
	CHECK_STR(at(v, "action.problem"), "Hur ser invånaren sina egna ärenden?");
	CHECK(val_get(val_get(v, "action"), "impact") != NULL);
	CHECK_STR(at(v, "action.facts.1.label"), "Mål");
	CHECK_STR(at(v, "action.facts.1.items.0.url"),
	          "/mini/sv/programmet/teman/tjanster/");
	CHECK_STR(at(v, "action.history.0.year"), "2024");
	CHECK_STR(at(v, "action.updates.0.date"), "1.10.2024");
	CHECK_STR(at(v, "other_languages.0.url"), "/mini/fi/ohjelma/toimenpiteet/a1/");
	CHECK_STR(at(v, "languages.0.absolute_url"),
	          "https://example.org/mini/fi/ohjelma/toimenpiteet/a1/");
	CHECK_STR(at(v, "breadcrumbs.items.2.text"), "Åtgärder");
	const value_t *nav = val_get(v, "nav");
	CHECK(nav && nav->as.list.len == 4);
	CHECK(flag(nav->as.list.items[2], "section"));
	CHECK(!flag(nav->as.list.items[2], "current"));
	/* A key the template may read is there even when empty, so that
	 * Mustache does not find the page's own value instead. */
	const value_t *fact = val_get(val_get(v, "action"), "facts")->as.list.items[0];
	const value_t *item = val_get(fact, "items")->as.list.items[0];
	CHECK(val_member(item, "url") && val_get(item, "url")->kind == VAL_NULL);
	arena_free(a);

	a = arena_new();
	page_ref_t home = {PAGE_HOME, 0, p, NULL, 0};
	v = view_build(a, site, &home, NULL);
	CHECK_STR(at(v, "programme.progress.total"), "2");
	CHECK_STR(at(v, "programme.progress.statuses.0.name"), "Tehty");
	CHECK_STR(at(v, "programme.progress.statuses.0.percent"), "50\xc2\xa0%");
	CHECK_STR(at(v, "programme.progress.statuses.0.width"), "50.00");
	CHECK_STR(at(v, "updates.0.iso_date"), "2024-10-01");
	CHECK(val_get(v, "breadcrumbs") == NULL);
	arena_free(a);

	a = arena_new();
	page_ref_t root = {PAGE_ROOT, 0, NULL, NULL, 0};
	v = view_build(a, site, &root, NULL);
	CHECK_STR(at(v, "all_languages.1.language_name"), "Svenska");
	CHECK_STR(at(v, "all_languages.1.url"), "/mini/sv/");
	arena_free(a);

	model_free(site);
	diags_free(&d);
	return harness_report();
}
