/* The site checker (porta check --site): the fixture of known faults,
 * small sites written here for each check, base paths, positions, and a
 * site porta built. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/report.h"
#include "harness.h"

#include "built_site.h"
#include "core/fs.h"
#include "sitecheck/sitecheck.h"

#define FAULTS "tests/sites-broken/faults"

/* The diagnostic with message msg on the file whose path ends in file, at
 * line (any line when 0); NULL if none. */
static const diag_t *find(const diags_t *d, msg_id_t msg, const char *file,
                          int line)
{
	size_t n = strlen(file);
	for (size_t i = 0; i < d->len; i++) {
		const diag_t *g = &d->items[i];
		size_t len = strlen(g->path);
		if (g->msg == msg && len >= n && strcmp(g->path + len - n, file) == 0 &&
		    (line == 0 || g->line == line))
			return g;
	}
	return NULL;
}

static size_t count(const diags_t *d, msg_id_t msg)
{
	size_t n = 0;
	for (size_t i = 0; i < d->len; i++)
		n += d->items[i].msg == msg;
	return n;
}

/* Writes text to dir/rel, creating the directories on the way. */
static void put(const char *dir, const char *rel, const char *text)
{
	char *path = fs_join(dir, rel);
	char *slash = strrchr(path, '/');
	*slash = '\0';
	fs_mkdirs(path);
	*slash = '/';
	if (fs_write(path, text, strlen(text)) < 0)
		abort();
	free(path);
}

/* A page with a language, a title and one h1, around body. */
static void page(const char *dir, const char *rel, const char *body)
{
	char *text = NULL;
	buf_t b = BUF_INIT;
	buf_printf(&b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head><title>t"
	               "</title></head>\n<body>\n<h1>Title</h1>\n%s\n</body>\n"
	               "</html>\n", body);
	text = buf_detach(&b);
	put(dir, rel, text);
	free(text);
}

static void run(diags_t *d, const char *dir, const char *base,
                sitecheck_result_t *r)
{
	diags_init(d);
	sitecheck_opts_t opts = {dir, base};
	*r = sitecheck_run(&opts, d);
	diags_sort(d);
}

/* The fixture: four of its seven faults need no browser, each by name. */
static void test_faults(void)
{
	diags_t d;
	sitecheck_result_t r;
	run(&d, FAULTS, NULL, &r);
	CHECK(!r.io_error);
	CHECK(r.pages == 8);
	const diag_t *g = find(&d, MSG_SITE_IMAGE_WITHOUT_ALT, "/missing-alt.html", 13);
	CHECK(g && g->col == 4);
	g = find(&d, MSG_SITE_BROKEN_LINK, "/broken-link.html", 12);
	CHECK(g && g->col == 9);
	CHECK(g && strcmp(g->args[0], "no-such-page.html") == 0);
	g = find(&d, MSG_SITE_MISSING_FRAGMENT, "/missing-fragment.html", 12);
	CHECK(g && strcmp(g->args[1], "no-such-section") == 0);
	CHECK(g && strcmp(g->args[2], "index.html") == 0);
	g = find(&d, MSG_SITE_NO_LANG, "/missing-lang.html", 2);
	CHECK(g && g->col == 1);
	CHECK_STR(g ? g->path : NULL, FAULTS "/missing-lang.html");
	/* Contrast, the wide table and the refused inline style need a
	 * browser; nothing else is wrong. */
	CHECK(d.len == 4 && d.errors == 4);
	if (d.len != 4)
		show_diags(&d);
	diags_free(&d);
}

static void test_structure(const char *dir)
{
	page(dir, "index.html",
	     "<p id=\"a\">one</p>\n"
	     "<p id=\"a\">two</p>\n"
	     "<h3>skips h2</h3>\n"
	     "<h2>back up</h2><h3>fine</h3><h5>skips h4</h5>\n"
	     "<h1>second</h1>\n"
	     "<a href=\"#a\"></a>\n"
	     "<a href=\"#a\"> &nbsp; </a>\n"
	     "<a href=\"#a\"><img src=\"i.png\" alt=\"\"></a>\n"
	     "<a href=\"#a\"><span aria-hidden=\"true\">x</span></a>\n"
	     "<a href=\"#a\" aria-label=\"Home\"></a>\n"
	     "<a href=\"#a\" aria-labelledby=\"a\"></a>\n"
	     "<a href=\"#a\"><img src=\"i.png\" alt=\"Logo\"></a>\n"
	     "<a href=\"#a\"><svg role=\"img\" aria-label=\"Chart\"></svg></a>\n"
	     "<a href=\"#a\"><b>bold</b></a>\n"
	     "<a name=\"anchor\"></a>\n"
	     "<button></button>\n"
	     "<button title=\"Close\"></button>\n"
	     "<button>Search</button>\n"
	     "<img src=\"i.png\" alt=\"\">\n"
	     "<img src=\"i.png\">\n"
	     "<template><p id=\"a\">not in the page</p></template>");
	put(dir, "i.png", "");
	put(dir, "no-h1.html", "<!DOCTYPE html>\n<html lang=\"\">\n<head><title>t"
	                       "</title></head>\n<body>\n<h2>only h2</h2>\n</body>\n"
	                       "</html>\n");
	put(dir, "empty.html", "");
	diags_t d;
	sitecheck_result_t r;
	run(&d, dir, NULL, &r);
	CHECK(r.pages == 3);
	const diag_t *g = find(&d, MSG_SITE_DUPLICATE_ID, "/index.html", 7);
	CHECK(g && strcmp(g->args[0], "a") == 0 && strcmp(g->args[1], "6") == 0);
	CHECK(count(&d, MSG_SITE_DUPLICATE_ID) == 1);
	g = find(&d, MSG_SITE_HEADING_SKIPPED, "/index.html", 8);
	CHECK(g && strcmp(g->args[0], "h3") == 0 && strcmp(g->args[1], "h1") == 0 &&
	      strcmp(g->args[2], "h2") == 0);
	g = find(&d, MSG_SITE_HEADING_SKIPPED, "/index.html", 9);
	CHECK(g && strcmp(g->args[0], "h5") == 0 && g->col == 30);
	CHECK(count(&d, MSG_SITE_HEADING_SKIPPED) == 2);
	g = find(&d, MSG_SITE_SECOND_H1, "/index.html", 10);
	CHECK(g && strcmp(g->args[0], "5") == 0);
	/* Empty: nothing, spaces, an image with alt="", hidden text. */
	CHECK(find(&d, MSG_SITE_EMPTY_LINK, "/index.html", 11));
	CHECK(find(&d, MSG_SITE_EMPTY_LINK, "/index.html", 12));
	CHECK(find(&d, MSG_SITE_EMPTY_LINK, "/index.html", 13));
	CHECK(find(&d, MSG_SITE_EMPTY_LINK, "/index.html", 14));
	CHECK(count(&d, MSG_SITE_EMPTY_LINK) == 4);
	CHECK(find(&d, MSG_SITE_EMPTY_BUTTON, "/index.html", 21));
	CHECK(count(&d, MSG_SITE_EMPTY_BUTTON) == 1);
	CHECK(find(&d, MSG_SITE_IMAGE_WITHOUT_ALT, "/index.html", 25));
	CHECK(count(&d, MSG_SITE_IMAGE_WITHOUT_ALT) == 1);
	/* lang="" is no language; a page with no h1 is told at its body. */
	CHECK(find(&d, MSG_SITE_NO_LANG, "/no-h1.html", 2));
	CHECK(find(&d, MSG_SITE_NO_H1, "/no-h1.html", 4));
	CHECK(find(&d, MSG_SITE_NOT_HTML, "/empty.html", 0));
	CHECK(d.len == 13);
	diags_free(&d);
}

static void test_links(const char *dir)
{
	page(dir, "index.html",
	     "<a href=\"a/\">1</a> <a href=\"a\">2</a> <a href=\"/a/b.html#t\">3</a>\n"
	     "<a href=\"a/b.html#nope\">4</a>\n"
	     "<a href=\"../x.html\">5</a>\n"
	     "<a href=\"./a/../a/b.html\">6</a> <a href=\"%61/b.html\">7</a> "
	     "<a href=\"?q=1\">8</a> <a href=\"#\">9</a> <a href=\"#top\">10</a> "
	     "<a href=\"#:~:text=x\">11</a> <a href=\" a/ \">12</a>\n"
	     "<a href=\"https://example.org/nope\">13</a> <a href=\"mailto:x@y\">14</a> "
	     "<a href=\"tel:+358\">15</a> <a href=\"//cdn.example/x.js\">16</a> "
	     "<a href=\"javascript:void(0)\">17</a>\n"
	     "<a href=\"nope/\">18</a>\n"
	     "<link rel=\"stylesheet\" href=\"/nope.css\">\n"
	     "<form action=\"/a/\"><button>Go</button></form>\n"
	     "<img src=\"i.png\" srcset=\"i.png 1x, nope.png 2x\" alt=\"\">\n"
	     "<a href=\"a/b.html#named\">19</a> <a href=\"a/b.html#spaced%20id\">20</a>\n"
	     "<a href=\"i.png#x\">21</a> <a href=\"a/b.html\">ok</a> <a href=\"a/c.html\">22</a>");
	put(dir, "i.png", "");
	page(dir, "a/index.html", "<a href=\"../\">up</a> <a href=\"b.html\">b</a>");
	page(dir, "a/b.html", "<p id=\"t\">t</p><a name=\"named\">n</a>"
	                      "<p id=\"spaced id\">s</p><a href=\"../../up.html\">x</a>");
	diags_t d;
	sitecheck_result_t r;
	run(&d, dir, NULL, &r);
	const diag_t *g = find(&d, MSG_SITE_MISSING_FRAGMENT, "/index.html", 7);
	CHECK(g && g->col == 1 && strcmp(g->args[1], "nope") == 0 &&
	      strcmp(g->args[2], "a/b.html") == 0);
	g = find(&d, MSG_SITE_LINK_OUTSIDE, "/index.html", 8);
	CHECK(g && strcmp(g->args[0], "../x.html") == 0 &&
	      strcmp(g->args[1], "/") == 0);
	g = find(&d, MSG_SITE_BROKEN_LINK, "/index.html", 11);
	CHECK(g && strcmp(g->args[1], "nope/index.html") == 0);
	g = find(&d, MSG_SITE_BROKEN_LINK, "/index.html", 12);
	CHECK(g && strcmp(g->args[1], "nope.css") == 0);
	g = find(&d, MSG_SITE_BROKEN_LINK, "/index.html", 14);
	CHECK(g && strcmp(g->args[0], "nope.png") == 0);
	/* The second link of a line is found at its own column. */
	g = find(&d, MSG_SITE_BROKEN_LINK, "/index.html", 16);
	CHECK(g && strcmp(g->args[0], "a/c.html") == 0 && g->col == 52);
	g = find(&d, MSG_SITE_LINK_OUTSIDE, "/a/b.html", 0);
	CHECK(g && strcmp(g->args[0], "../../up.html") == 0);
	CHECK(count(&d, MSG_SITE_MISSING_FRAGMENT) == 1);
	CHECK(count(&d, MSG_SITE_BROKEN_LINK) == 4);
	CHECK(count(&d, MSG_SITE_LINK_OUTSIDE) == 2);
	CHECK(d.len == 7);
	if (d.len != 7)
		show_diags(&d);
	diags_free(&d);
}

/* A site published under /sub/: the base path and the site's own address
 * come from the root page's hreflang alternates, as porta writes them. */
static void test_base_path(const char *dir)
{
	page(dir, "index.html",
	     "<link rel=\"alternate\" hreflang=\"fi\" href=\"https://example.org/sub/fi/\">\n"
	     "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/sub/\">\n"
	     "<a href=\"/sub/fi/\">fi</a>");
	page(dir, "fi/index.html",
	     "<a href=\"/sub/fi/\">1</a> <a href=\"/sub\">2</a> <a href=\"/sub/\">3</a>\n"
	     "<a href=\"/fi/\">4</a>\n"
	     "<a href=\"https://example.org/sub/fi/#nope\">5</a>\n"
	     "<a href=\"https://EXAMPLE.org/sub/nope/\">6</a>\n"
	     "<a href=\"https://example.org/other/\">7</a> <a href=\"//example.org/sub/fi/\">8</a>");
	diags_t d;
	sitecheck_result_t r;
	run(&d, dir, NULL, &r);
	const diag_t *g = find(&d, MSG_SITE_LINK_OUTSIDE, "/fi/index.html", 7);
	CHECK(g && strcmp(g->args[1], "/sub/") == 0);
	CHECK(find(&d, MSG_SITE_MISSING_FRAGMENT, "/fi/index.html", 8));
	g = find(&d, MSG_SITE_BROKEN_LINK, "/fi/index.html", 9);
	CHECK(g && strcmp(g->args[1], "nope/index.html") == 0);
	CHECK(d.len == 3);
	if (d.len != 3)
		show_diags(&d);
	diags_free(&d);

	/* Given, with or without slashes: the same. */
	run(&d, dir, "sub", &r);
	CHECK(d.len == 3 && find(&d, MSG_SITE_BROKEN_LINK, "/fi/index.html", 9));
	diags_free(&d);
	/* Given as another path, it wins: the /sub/ links lead nowhere, and
	 * the site's own address is not known (so not checked). */
	run(&d, dir, "/", &r);
	CHECK(count(&d, MSG_SITE_BROKEN_LINK) == 4 && d.len == 4);
	diags_free(&d);
}

/* Columns: "<tag" found on the element's line, also for a start tag
 * that spans lines (libxml2 gives the line it ends on). */
static void test_positions(const char *dir)
{
	put(dir, "index.html", "<!DOCTYPE html>\n<html lang=\"fi\"><head><title>t"
	                       "</title></head><body><h1>ä</h1>\n"
	                       "  <p>ä <img src=\"x\" alt=\"\"> <img src=\"y\"\n"
	                       "      width=\"1\"></p>\n</body></html>\n");
	put(dir, "x", "");
	diags_t d;
	sitecheck_result_t r;
	run(&d, dir, NULL, &r);
	const diag_t *g = find(&d, MSG_SITE_BROKEN_LINK, "/index.html", 0);
	CHECK(g && g->line == 3 && g->col == 29);
	g = find(&d, MSG_SITE_IMAGE_WITHOUT_ALT, "/index.html", 0);
	CHECK(g && g->line == 3 && g->col == 29);
	CHECK(d.len == 2);
	diags_free(&d);
}

static void test_io(void)
{
	diags_t d;
	sitecheck_result_t r;
	run(&d, "tests/sites-broken/no-such-dir", NULL, &r);
	CHECK(r.io_error && strstr(r.io_error, "no-such-dir"));
	CHECK(d.len == 0);
	free(r.io_error);
	diags_free(&d);
}

/* A site porta built, published under /mini/: the base path is found,
 * and the only problems are the content's own links to fragments the
 * indicator page does not have (a1.md: "satisfaction.md#arvot"). */
static void test_built(void)
{
	built_t b;
	built_open(&b, "tests/sites/mini/content");
	CHECK(b.diags.errors == 0);
	diags_t d;
	sitecheck_result_t r;
	run(&d, b.out, NULL, &r);
	CHECK(!r.io_error && r.pages > 20);
	CHECK(count(&d, MSG_SITE_MISSING_FRAGMENT) == d.len);
	for (size_t i = 0; i < d.len; i++)
		CHECK(strcmp(d.items[i].args[1], "arvot") == 0 ||
		      strcmp(d.items[i].args[1], "varden") == 0);
	if (count(&d, MSG_SITE_MISSING_FRAGMENT) != d.len)
		show_diags(&d);
	diags_free(&d);
	built_close(&b);
}

/* A page given in memory (the fuzz target's way) is checked as the only
 * file of its site. */
static void test_page_in_memory(void)
{
	static const char text[] =
		"<!DOCTYPE html>\n<html><body>\n<h1 id=\"a\">T</h1>\n"
		"<a href=\"#a\">up</a> <a href=\"#b\">b</a> <a href=\"x/\">x</a>\n"
		"<img src=\"index.html\">\n</body></html>\n";
	diags_t d;
	diags_init(&d);
	sitecheck_opts_t opts = {"mem", NULL};
	CHECK(sitecheck_page(&opts, "index.html", text, sizeof text - 1, &d) == 1);
	diags_sort(&d);
	CHECK(find(&d, MSG_SITE_NO_LANG, "mem/index.html", 2));
	CHECK(find(&d, MSG_SITE_MISSING_FRAGMENT, "mem/index.html", 4));
	CHECK(find(&d, MSG_SITE_BROKEN_LINK, "mem/index.html", 4));
	CHECK(find(&d, MSG_SITE_IMAGE_WITHOUT_ALT, "mem/index.html", 5));
	CHECK(d.len == 4);
	if (d.len != 4)
		show_diags(&d);
	diags_free(&d);
}

int main(void)
{
	char tmp[] = "/tmp/porta-sitecheck-XXXXXX";
	if (!mkdtemp(tmp))
		return 2;
	static void (*const on_dir[])(const char *) = {
		test_structure, test_links, test_base_path, test_positions};
	for (size_t i = 0; i < sizeof on_dir / sizeof *on_dir; i++) {
		char name[16];
		snprintf(name, sizeof name, "%zu", i);
		char *dir = fs_join(tmp, name);
		on_dir[i](dir);
		free(dir);
	}
	test_faults();
	test_page_in_memory();
	test_io();
	test_built();
	fs_remove_tree(tmp);
	return harness_report();
}
