/* write: a site is swapped in whole or not at all. */
#include "harness.h"

#include <stdlib.h>
#include <unistd.h>

#include "check/check.h"
#include "core/fs.h"
#include "load/load.h"
#include "model/urls.h"
#include "render/bodies.h"
#include "view/view.h"
#include "write/write.h"

static site_t *load(const char *theme, diags_t *d)
{
	site_t *site = load_site("tests/sites/mini/content", theme, d);
	check_site(site, false, d);
	urls_assign(site);
	bodies_render(site, d);
	return site;
}

/* Leftover <out>.new-* directories in dir. */
static size_t leftovers(const char *dir)
{
	char **names;
	size_t n, found = 0;
	if (fs_list(dir, &names, &n) < 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		found += strstr(names[i], ".new-") != NULL;
	fs_list_free(names, n);
	return found;
}

static int count_html(const page_ref_t *ref, void *ctx)
{
	*(size_t *)ctx += view_template(ref->kind) != NULL;
	return 0;
}

/* The pages that have a template: every one must be written. */
static size_t html_pages(const site_t *site)
{
	size_t n = 0;
	view_pages(site, count_html, &n);
	return n;
}

int main(void)
{
	char dir[] = "/tmp/porta-write-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	char *out = fs_join(dir, "site");
	char *marker = fs_join(out, "previous.txt");
	CHECK(fs_mkdirs(out) == 0 && fs_write(marker, "old", 3) == 0);

	/* A theme without templates: a content error, nothing replaced. */
	char *empty_theme = fs_join(dir, "theme");
	char *i18n = fs_join(empty_theme, "i18n");
	fs_mkdirs(i18n);
	char *fi = fs_join(i18n, "fi.yaml"), *sv = fs_join(i18n, "sv.yaml");
	fs_copy("themes/default/i18n/fi.yaml", fi);
	fs_copy("themes/default/i18n/sv.yaml", sv);
	diags_t d;
	diags_init(&d);
	site_t *site = load(empty_theme, &d);
	CHECK(d.errors == 0);
	write_result_t w = write_site(site, out, NULL, &d, NULL);
	CHECK(w.io_error == NULL && w.pages == 0);
	CHECK(d.errors > 0 && d.items[0].msg == MSG_MISSING_FILE);
	CHECK(fs_is_file(marker));
	CHECK(leftovers(dir) == 0);
	model_free(site);
	diags_free(&d);

	/* The real theme: every page written, the old site gone. */
	diags_init(&d);
	site = load("themes/default", &d);
	w = write_site(site, out, NULL, &d, NULL);
	CHECK(w.io_error == NULL && d.errors == 0);
	CHECK(w.pages == html_pages(site));
	CHECK(!fs_is_file(marker));
	char *page = fs_join(out, "sv/programmet/atgarder/a1/index.html");
	CHECK(fs_is_file(page));
	char *css = fs_join(out, "static/style.css");
	CHECK(fs_is_file(css));
	char *chart = fs_join(out, "fi/ohjelma/mittarit/tyytyvaisyys/chart.svg");
	CHECK(fs_is_file(chart));
	free(chart);
	static const char *const data[] = {"data/schema.json", "data/mini.json",
	                                   "data/mini-actions.csv",
	                                   "data/mini-indicators.csv"};
	for (size_t i = 0; i < sizeof data / sizeof *data; i++) {
		char *file = fs_join(out, data[i]);
		CHECK(fs_is_file(file));
		free(file);
	}
	CHECK(leftovers(dir) == 0);
	model_free(site);
	diags_free(&d);

	fs_remove_tree(dir);
	free(out);
	free(marker);
	free(empty_theme);
	free(i18n);
	free(fi);
	free(sv);
	free(page);
	free(css);
	return harness_report();
}
