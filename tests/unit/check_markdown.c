/* render/markdown: GFM rendering, link rewriting and the problems a body
 * can have, with positions in the file. */
#include "harness.h"

#include <stdlib.h>

#include "render/markdown.h"

/* Knows "action:a9" and leaves web addresses alone. */
static const char *resolve(void *ctx, const char *target)
{
	(void)ctx;
	if (strcmp(target, "action:a9") == 0)
		return "/fi/p/toimenpiteet/a9/";
	if (strncmp(target, "https:", 6) == 0 || target[0] == '#')
		return target;
	return NULL;
}

static char *render(const char *src, bool allow_html, diags_t *d)
{
	markdown_opts_t o = {allow_html, resolve, NULL, "x.md", 5, d};
	return markdown_render(src, strlen(src), &o);
}

static void test_rendering(void)
{
	diags_t d;
	diags_init(&d);
	char *html = render("Ks. [A9](action:a9) ja https://example.org ~~x~~\n\n"
	                    "| a | b |\n|---|---|\n| 1 | 2 |\n", false, &d);
	CHECK(strstr(html, "<a href=\"/fi/p/toimenpiteet/a9/\">A9</a>"));
	CHECK(strstr(html, "<a href=\"https://example.org\">"));
	CHECK(strstr(html, "<del>x</del>"));
	CHECK(strstr(html, "<div class=\"table-scroll\" tabindex=\"0\"><table>"));
	CHECK(strstr(html, "</table></div>"));
	CHECK(d.len == 0);
	free(html);
	diags_free(&d);
}

static void test_problems(void)
{
	diags_t d;
	diags_init(&d);
	char *html = render("# Otsikko\n\nTeksti ja [rikki](action:nope).\n\n"
	                    "äö ![](kuva.png)\n\n<script>alert(1)</script>\n",
	                    false, &d);
	CHECK(d.len == 4);
	CHECK(d.errors == 3 && d.warnings == 1);
	/* Body line 1 is file line 5. */
	CHECK(d.items[0].msg == MSG_HEADING_LEVEL_1 && d.items[0].line == 5);
	CHECK(d.items[1].msg == MSG_BROKEN_LINK && d.items[1].line == 7 &&
	      d.items[1].col == 11);
	CHECK_STR(d.items[1].args[0], "action:nope");
	/* Columns count characters, not bytes. */
	CHECK(d.items[2].msg == MSG_IMAGE_WITHOUT_ALT && d.items[2].line == 9 &&
	      d.items[2].col == 4);
	CHECK(d.items[3].msg == MSG_RAW_HTML && d.items[3].line == 11);
	CHECK(!strstr(html, "<script>"));
	free(html);
	diags_free(&d);
}

static void test_unsafe_urls(void)
{
	diags_t d;
	diags_init(&d);
	char *html = render("[x](javascript:alert(1))\n", false, &d);
	CHECK(!strstr(html, "javascript:"));
	free(html);
	diags_free(&d);
}

static void test_allowed_html(void)
{
	diags_t d;
	diags_init(&d);
	char *html = render("<abbr title=\"x\">X</abbr>\n", true, &d);
	CHECK(strstr(html, "<abbr title=\"x\">X</abbr>"));
	CHECK(d.len == 0);
	free(html);
	diags_free(&d);
}

int main(void)
{
	test_rendering();
	test_problems();
	test_unsafe_urls();
	test_allowed_html();
	return harness_report();
}
