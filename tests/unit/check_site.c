/* load, check, urls and links on the small fixture site: the model that
 * reaches the views. */
#include "core/report.h"
#include "harness.h"

#include "check/check.h"
#include "load/load.h"
#include "model/urls.h"
#include "render/bodies.h"
#include "render/links.h"
#include "view/format.h"

#define MINI "tests/sites/mini/content"

static site_t *load(diags_t *d)
{
	site_t *site = load_site(MINI, "themes/default", d);
	check_site(site, false, d);
	urls_assign(site);
	bodies_render(site, d);
	return site;
}

static void test_model(site_t *site)
{
	CHECK(site->nlangs == 2);
	CHECK_STR(site->base_path, "/mini/");
	CHECK(site->current && strcmp(site->current->id, "mini") == 0);
	programme_t *p = site->current;
	CHECK(p->first_year == 2024 && p->last_year == 2025);
	CHECK(p->nthemes == 2 && p->nactions == 2 && p->nindicators == 2);
	action_t *a1 = model_action(p, "a1");
	CHECK(a1 && a1->theme == model_theme(p, "a"));
	CHECK(a1->nresponsible == 1 && strcmp(a1->responsible[0]->id, "it") == 0);
	CHECK(a1->nrelated == 1 && a1->related[0] == model_action(p, "k1"));
	CHECK(model_current_status(a1) == STATUS_STARTED);
	CHECK(a1->cost_class.id == 1 && a1->statutory == 0);
	CHECK(a1->texts[1] && strcmp(a1->texts[1]->title,
	                             "Vi skapar ett kundregister") == 0);
	CHECK(a1->texts[0]->nupdates == 2);
	indicator_t *s = model_indicator(p, "satisfaction");
	CHECK(s && s->nvalues == 2 && s->values[0].year == 2023);
	CHECK(s->has_target && s->target == 3);
	indicator_t *m = model_indicator(p, "monitoring");
	CHECK(m && !m->values[0].is_number && m->values[0].state.id == 1);
	/* Pages are in footer order: weight, then id. */
	CHECK(site->npages == 2 && strcmp(site->pages[0].id, "about") == 0);
}

static void test_urls(site_t *site)
{
	programme_t *p = site->current;
	CHECK_STR(site->home_urls[1], "/mini/sv/");
	CHECK_STR(p->urls[0], "/mini/fi/ohjelma/");
	CHECK_STR(model_action(p, "a1")->urls[1], "/mini/sv/programmet/atgarder/a1/");
	CHECK_STR(model_theme(p, "a")->urls[0], "/mini/fi/ohjelma/teemat/palvelut/");
	CHECK_STR(model_indicator(p, "satisfaction")->urls[1],
	          "/mini/sv/programmet/matare/kundnojdhet/");
	CHECK_STR(model_page(site, "about")->urls[1], "/mini/sv/om/");
	arena_t *a = arena_new();
	CHECK_STR(urls_file(a, site, "/mini/fi/ohjelma/"), "fi/ohjelma/index.html");
	CHECK_STR(urls_absolute(a, site, "/mini/sv/om/"),
	          "https://example.org/mini/sv/om/");
	arena_free(a);
}

static void test_links(site_t *site)
{
	arena_t *a = arena_new();
	links_ctx_t c = {site, 1, site->current,
	                 MINI "/sv/mini/actions/a1.md", a};
	CHECK_STR(links_resolve(&c, "action:k1"), "/mini/sv/programmet/atgarder/k1/");
	CHECK_STR(links_resolve(&c, "action:mini/k1#x"),
	          "/mini/sv/programmet/atgarder/k1/#x");
	CHECK_STR(links_resolve(&c, "../indicators/satisfaction.md"),
	          "/mini/sv/programmet/matare/kundnojdhet/");
	CHECK_STR(links_resolve(&c, "../../../fi/pages/about.md"), "/mini/fi/tietoa/");
	CHECK_STR(links_resolve(&c, "../_index.md"), "/mini/sv/programmet/");
	CHECK_STR(links_resolve(&c, "theme:k"), "/mini/sv/programmet/teman/k/");
	CHECK_STR(links_resolve(&c, "page:about"), "/mini/sv/om/");
	CHECK_STR(links_resolve(&c, "programme:mini"), "/mini/sv/programmet/");
	CHECK_STR(links_resolve(&c, "https://example.org/"), "https://example.org/");
	CHECK_STR(links_resolve(&c, "mailto:x@example.org"), "mailto:x@example.org");
	CHECK_STR(links_resolve(&c, "#top"), "#top");
	CHECK(links_resolve(&c, "action:nope") == NULL);
	CHECK(links_resolve(&c, "../nope.md") == NULL);
	CHECK(links_resolve(&c, "../../../../../etc/passwd.md") == NULL);
	CHECK(links_resolve(&c, "notes.txt") == NULL);
	CHECK(links_resolve(&c, "JavaScript:alert(1)") == NULL);
	arena_free(a);
	/* Rendered bodies carry the rewritten addresses. */
	const char *html = model_action(site->current, "a1")->texts[0]->html;
	CHECK(strstr(html, "href=\"/mini/fi/ohjelma/mittarit/tyytyvaisyys/#arvot\""));
}

static void test_format(site_t *site)
{
	arena_t *a = arena_new();
	CHECK_STR(format_number(a, site, 0, 2.08), "2,08");
	CHECK_STR(format_number(a, site, 0, 1500), "1500");
	CHECK_STR(format_number(a, site, 0, 320838), "320\xc2\xa0" "838");
	CHECK_STR(format_number(a, site, 0, 18650), "18\xc2\xa0" "650");
	CHECK_STR(format_number(a, site, 1, -0.5), "\xe2\x88\x92" "0,5");
	/* Whole numbers are written without printf: the same text. */
	CHECK_STR(format_number(a, site, 0, -25000), "\xe2\x88\x92" "25\xc2\xa0" "000");
	CHECK_STR(format_number(a, site, 0, -0.0), "0");
	CHECK_STR(format_number(a, site, 0, 0), "0");
	CHECK_STR(format_number(a, site, 0, 2.5), "2,5");
	CHECK_STR(format_number(a, site, 0, 123456789012345.0),
	          "123\xc2\xa0" "456\xc2\xa0" "789\xc2\xa0" "012\xc2\xa0" "345");
	CHECK_STR(format_date(a, site, 0, "2024-12-31"), "31.12.2024");
	CHECK_STR(format_money(a, site, 0, 3100), "3100\xc2\xa0\xe2\x82\xac");
	CHECK_STR(format_percent(a, site, 1, 74.4), "74\xc2\xa0%");
	CHECK_STR(format_date(a, site, 0, "2024-01-22"), "22.1.2024");
	CHECK_STR(format_enum(site, 1, ENUM_STATUS, STATUS_DONE), "Klar");
	CHECK_STR(format_word(site, 0, "paths.actions"), "toimenpiteet");
	CHECK_STR(format_word(site, 0, "no.such.key"), "no.such.key");
	arena_free(a);
}

int main(void)
{
	diags_t d;
	diags_init(&d);
	site_t *site = load(&d);
	CHECK(d.len == 0);
	show_diags(&d);
	test_model(site);
	test_urls(site);
	test_links(site);
	test_format(site);
	model_free(site);
	diags_free(&d);
	return harness_report();
}
