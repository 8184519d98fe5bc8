/* The load stage's readers on files given in memory (as the fuzz targets
 * give them): the bytes are read as the file would be (normalised, checked
 * to be UTF-8, front matter split off) and no file is opened; and what
 * they check that needs no other file. */
#include "core/report.h"
#include "harness.h"

#include "load/load_internal.h"
#include "view/format.h"

static reader_t from(site_t *site, diags_t *d, const char *bytes)
{
	reader_t r = {.site = site, .arena = site->arena, .diags = d,
	              .path = "no/such/file", .bytes = bytes,
	              .nbytes = strlen(bytes)};
	return r;
}

static void test_markdown(void)
{
	site_t *site = model_new();
	diags_t d;
	diags_init(&d);
	reader_t r = from(site, &d, "\xef\xbb\xbf---\r\ntitle: Otsikko\r\n"
	                            "updates: [{date: 2025-03-14, text: x}]\r\n"
	                            "---\r\nTeksti\r\n");
	text_t *t = load_text(&r, TEXT_ACTION, "fi", "a1");
	CHECK(!t->unreadable && d.len == 0);
	CHECK_STR(t->title, "Otsikko");
	CHECK_STR(t->body, "Teksti\n");
	CHECK(t->body_line == 5 && t->nupdates == 1);
	if (d.len)
		show_diags(&d);
	diags_free(&d);
	model_free(site);
}

static void test_invalid_utf8(void)
{
	site_t *site = model_new();
	diags_t d;
	diags_init(&d);
	reader_t r = from(site, &d, "- id: a\n- id: \xc3\x28\n");
	programme_t p = {.id = "p"};
	load_actions(&r, &p);
	CHECK(d.len == 1 && d.items[0].msg == MSG_INVALID_UTF8);
	CHECK(d.len == 1 && d.items[0].line == 2 && d.items[0].col == 7);
	CHECK(d.len == 1 && strcmp(d.items[0].path, "no/such/file") == 0);
	CHECK(p.nactions == 0 && p.actions_incomplete);
	diags_free(&d);
	model_free(site);
}

static void test_entries(void)
{
	site_t *site = model_new();
	diags_t d;
	diags_init(&d);
	reader_t r = from(site, &d, "- id: i1\n  theme: a\n  unit: count\n"
	                            "  values: {2024: 3}\n");
	programme_t p = {.id = "p"};
	load_indicators(&r, &p);
	CHECK(d.len == 0 && p.nindicators == 1);
	CHECK(p.nindicators == 1 && p.indicators[0].nvalues == 1);
	diags_free(&d);
	model_free(site);
}

/* A site of one language whose i18n file is yaml; problems go to d. */
static site_t *i18n_site(diags_t *d, const char *yaml)
{
	site_t *site = model_new();
	site->nlangs = 1;
	site->i18n = arena_alloc(site->arena, sizeof(value_t *));
	diags_init(d);
	reader_t r = from(site, d, yaml);
	load_i18n_file(&r, 0);
	return site;
}

/* The theme's address words become directories of the output: none may
 * lead out of it. */
static void test_i18n_address_words(void)
{
	diags_t d;
	site_t *site = i18n_site(&d, "paths: { actions: ../../../x, data: data }\n"
	                             "facets: { theme: { path: /etc }, level: {} }\n");
	CHECK(site->i18n[0] != NULL);
	CHECK(d.len == 2 && d.items[0].msg == MSG_BAD_SLUG);
	CHECK(d.len == 2 && d.items[0].line == 1 && d.items[0].col == 19);
	CHECK(d.len == 2 && strcmp(d.items[0].args[0], "../../../x") == 0);
	CHECK(d.len == 2 && d.items[1].msg == MSG_BAD_SLUG);
	CHECK(d.len == 2 && d.items[1].line == 2 && d.items[1].col == 26);
	diags_free(&d);
	model_free(site);
}

/* A word is found by its dotted name (format_word): a key with a dot
 * in it is no name, and a map is no word. */
static void test_i18n_words(void)
{
	diags_t d;
	site_t *site = i18n_site(&d, "words: { a: A, 'x.y': XY }\n"
	                             "deep: { er: { est: E } }\ntop: T\n");
	CHECK(d.len == 0);
	CHECK_STR(format_word(site, 0, "words.a"), "A");
	CHECK_STR(format_word(site, 0, "deep.er.est"), "E");
	CHECK_STR(format_word(site, 0, "top"), "T");
	CHECK_STR(format_word(site, 0, "words.x.y"), "words.x.y");
	CHECK_STR(format_word(site, 0, "deep.er"), "deep.er");
	CHECK_STR(format_word(site, 0, "words.b"), "words.b");
	diags_free(&d);
	model_free(site);
}

int main(void)
{
	test_markdown();
	test_invalid_utf8();
	test_entries();
	test_i18n_address_words();
	test_i18n_words();
	return harness_report();
}
