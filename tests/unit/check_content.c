/* The real content: every action and indicator of the Porvoo seeds is in
 * content/data, has its words in every language, and gets a page in every
 * language of the built site. The seed counts are written out here so
 * that losing an action fails a test. */
#include "core/report.h"
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

#include "check/check.h"
#include "core/fs.h"
#include "load/load.h"
#include "load/yaml.h"
#include "model/urls.h"
#include "render/bodies.h"
#include "write/write.h"

/* From seed 004: the 26 projects of the 2024 follow-up, the 26 actions of
 * the 2025 roadmap and the 17 indicators in its tables. */
enum { PROJECTS_2024 = 26, ACTIONS_2025 = 26, INDICATORS = 17 };

/* Entries in a data file, counted from the YAML itself. */
static size_t entries(const char *path)
{
	char *text;
	size_t len;
	if (fs_read(path, &text, &len) < 0)
		return 0;
	arena_t *a = arena_new();
	diags_t d;
	diags_init(&d);
	value_t *root = yaml_parse(a, text, len, path, 1, &d);
	size_t n = root && root->kind == VAL_LIST ? root->as.list.len : 0;
	diags_free(&d);
	arena_free(a);
	free(text);
	return n;
}

static bool page_exists(const char *dir, const site_t *site, const char *url)
{
	arena_t *a = arena_new();
	char *path = fs_join(dir, urls_file(a, site, url));
	bool ok = fs_is_file(path);
	if (!ok)
		printf("  no page %s\n", path);
	free(path);
	arena_free(a);
	return ok;
}

int main(void)
{
	size_t n_actions = entries("content/data/digiohjelma-2024-2026/actions.yaml");
	size_t n_indicators = entries("content/data/digiohjelma-2024-2026/indicators.yaml");
	CHECK(n_actions == PROJECTS_2024 + ACTIONS_2025);
	CHECK(n_indicators == INDICATORS);

	diags_t d;
	diags_init(&d);
	site_t *site = load_site("content", NULL, &d);
	check_site(site, false, &d);
	urls_assign(site);
	bodies_render(site, &d);
	show_diags(&d);
	CHECK(d.errors == 0 && d.warnings == 0);

	programme_t *p = model_programme(site, "digiohjelma-2024-2026");
	CHECK(p && site->current == p);
	CHECK(site->nlangs == 2);
	CHECK(p->nactions == n_actions && p->nindicators == n_indicators);
	CHECK(p->nthemes == 4);

	/* The 2024 follow-up's statuses: 5 done, 16 started, 1 planned, 1
	 * cancelled, 3 without information. */
	size_t by_status[STATUS_COUNT] = {0}, in_2024 = 0, in_2025 = 0;
	for (size_t i = 0; i < p->nactions; i++) {
		const action_t *a = &p->actions[i];
		if (a->nyears == 1 && a->years[0] == 2024) {
			in_2024++;
			by_status[model_current_status(a)]++;
		}
		if (a->nyears == 1 && a->years[0] == 2025)
			in_2025++;
		for (size_t l = 0; l < site->nlangs; l++)
			CHECK(a->texts[l] && !a->texts[l]->borrowed && a->texts[l]->title);
	}
	CHECK(in_2024 == PROJECTS_2024 && in_2025 == ACTIONS_2025);
	CHECK(by_status[STATUS_DONE] == 5 && by_status[STATUS_STARTED] == 16 &&
	      by_status[STATUS_PLANNED] == 1 && by_status[STATUS_CANCELLED] == 1 &&
	      by_status[STATUS_UNKNOWN] == 3);
	for (size_t i = 0; i < p->nindicators; i++)
		for (size_t l = 0; l < site->nlangs; l++)
			CHECK(p->indicators[i].texts[l] &&
			      !p->indicators[i].texts[l]->borrowed);

	/* Every action and indicator has its page in both languages. */
	char dir[] = "/tmp/porta-content-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *out = fs_join(dir, "site");
	write_result_t w = write_site(site, out, NULL, &d, NULL);
	CHECK(w.io_error == NULL && d.errors == 0);
	free(w.io_error);
	size_t pages = 0;
	for (size_t l = 0; l < site->nlangs; l++) {
		for (size_t i = 0; i < p->nactions; i++)
			pages += page_exists(out, site, p->actions[i].urls[l]);
		for (size_t i = 0; i < p->nindicators; i++)
			pages += page_exists(out, site, p->indicators[i].urls[l]);
	}
	CHECK(pages == 2 * (n_actions + n_indicators));
	printf("content: %zu actions and %zu indicators, %zu pages in %zu "
	       "languages\n", n_actions, n_indicators, pages, site->nlangs);
	fs_remove_tree(dir);
	free(out);
	model_free(site);
	diags_free(&d);
	return harness_report();
}
