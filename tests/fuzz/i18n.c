/* Fuzz target: a theme's i18n file (themes/<theme>/i18n/<lang>.yaml), read
 * as load_i18n reads it, checked as check does against the default theme's
 * Finnish file (once as the first language, once as the second), then
 * used as the model uses it: page addresses, and numbers, money,
 * percentages, dates and the names of enumerated values in its patterns
 * and words. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"

#include "check/check_internal.h"
#include "core/fs.h"
#include "load/load_internal.h"
#include "load/yaml.h"
#include "model/urls.h"
#include "view/format.h"

#define FINNISH "themes/default/i18n/fi.yaml"
#define FUZZED "fuzz/i18n.yaml" /* only named in messages */

static arena_t *arena;
static const value_t *finnish;
static const char *langs[] = {"fi", "sv"};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	char *text;
	size_t len;
	diags_t d;
	diags_init(&d);
	arena = arena_new();
	if (fs_read(FINNISH, &text, &len) < 0 ||
	    !(finnish = yaml_parse(arena, text, len, FINNISH, 1, &d))) {
		fprintf(stderr, "cannot read %s; run from the repository's root\n",
		        FINNISH);
		exit(1);
	}
	free(text);
	diags_free(&d);
	return 0;
}

/* Everything the model and the views make from the words. */
static void use(site_t *site, size_t lang)
{
	static const double numbers[] = {0, -0.5, 7, 1234.5, 12345.678, -1e9,
	                                 1e21, NAN, INFINITY};
	arena_t *a = site->arena;
	for (size_t i = 0; i < sizeof numbers / sizeof *numbers; i++) {
		format_number(a, site, lang, numbers[i]);
		format_money(a, site, lang, numbers[i]);
		format_percent(a, site, lang, numbers[i]);
	}
	format_date(a, site, lang, "2024-01-22");
	format_date(a, site, lang, "2025-12-31");
	for (int kind = 0; kind < ENUM_KIND_COUNT; kind++)
		for (int id = 0; enum_def(kind)->values[id]; id++)
			format_enum(site, lang, kind, id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diags_t d;
	diags_init(&d);
	for (size_t fuzzed = 0; fuzzed < 2; fuzzed++) {
		site_t *site = model_new();
		site->langs = langs;
		site->nlangs = 2;
		site->base_path = "/";
		site->i18n = arena_alloc(site->arena, 2 * sizeof(value_t *));
		site->i18n_paths = arena_alloc(site->arena, 2 * sizeof(char *));
		site->i18n[!fuzzed] = finnish;
		site->i18n_paths[!fuzzed] = FINNISH;
		load_i18n_words(site, !fuzzed);
		reader_t r = {.site = site, .arena = site->arena, .diags = &d,
		              .path = FUZZED, .bytes = (const char *)data,
		              .nbytes = size};
		site->i18n_paths[fuzzed] = r.path;
		load_i18n_file(&r, fuzzed);
		checker_t c = {site, &d, false};
		check_i18n(&c);
		urls_assign(site);
		for (size_t lang = 0; lang < 2; lang++)
			use(site, lang);
		model_free(site);
	}
	fuzz_report(&d);
	return 0;
}
