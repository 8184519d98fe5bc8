/* The official Mustache spec (every .yml file in tests/mustache-spec, run
 * from the repository root): each test's partials and template go into a
 * fresh set, render against its data and must give its expected text byte
 * for byte. */
#include "core/report.h"
#include "harness.h"

#include <stdlib.h>

#include "core/diag.h"
#include "core/fs.h"
#include "load/yaml.h"
#include "render/mustache.h"

static const char *spec_dir = "tests/mustache-spec";

/* Plain YAML scalars such as "expected: c" or "1.210" may arrive typed. */
static const char *text_of(const value_t *v, char num[32])
{
	if (!v)
		return NULL;
	if (v->kind == VAL_STRING)
		return v->as.str.s;
	if (v->kind == VAL_NUMBER) {
		val_format_number(v->as.number, num);
		return num;
	}
	return v->text;
}

static void report_diags(const diags_t *d)
{
	show_diags(d);
}

static void run_test(const char *file, const value_t *test)
{
	const value_t *name = val_get(test, "name");
	const value_t *partials = val_get(test, "partials");
	char num[32], num2[32];
	const char *tmpl = text_of(val_get(test, "template"), num);
	const char *want = text_of(val_get(test, "expected"), num2);
	const char *title = name ? name->as.str.s : "?";
	tmpl_set_t *set = tmpl_set_new();
	buf_t out = BUF_INIT;
	diags_t d;
	diags_init(&d);
	bool ok = tmpl && want;
	if (partials && partials->kind == VAL_MAP) {
		for (size_t i = 0; i < partials->as.map.len; i++) {
			const member_t *m = &partials->as.map.items[i];
			char pnum[32];
			const char *src = text_of(m->val, pnum);
			if (!src || tmpl_set_add(set, m->key, src, strlen(src),
			                         m->key, &d) != 0)
				ok = false;
		}
	}
	if (ok && tmpl_set_add(set, "(template)", tmpl, strlen(tmpl), file,
	                       &d) != 0)
		ok = false;
	if (ok && tmpl_render(set, "(template)", val_get(test, "data"),
	                      &out) != 0)
		ok = false;
	ok = ok && strcmp(buf_cstr(&out), want) == 0;
	if (ok) {
		harness_passed++;
	} else {
		harness_failed++;
		printf("FAIL %s: %s\n", file, title);
		report_diags(&d);
		printf("  want: [%s]\n  got:  [%s]\n", want ? want : "(none)",
		       buf_cstr(&out));
	}
	diags_free(&d);
	buf_free(&out);
	tmpl_set_free(set);
}

static void run_file(const char *file)
{
	char *path = fs_join(spec_dir, file);
	char *text = NULL;
	size_t len = 0;
	arena_t *a = arena_new();
	diags_t d;
	diags_init(&d);
	if (fs_read(path, &text, &len) != 0) {
		harness_failed++;
		printf("FAIL %s: cannot read it\n", path);
		goto out;
	}
	value_t *doc = yaml_parse(a, text, len, path, 1, &d);
	const value_t *tests = val_get(doc, "tests");
	if (!tests || tests->kind != VAL_LIST) {
		harness_failed++;
		printf("FAIL %s: no tests in it\n", path);
		report_diags(&d);
		goto out;
	}
	for (size_t i = 0; i < tests->as.list.len; i++)
		run_test(file, tests->as.list.items[i]);
out:
	diags_free(&d);
	arena_free(a);
	free(text);
	free(path);
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);
	return n >= m && strcmp(s + n - m, suffix) == 0;
}

int main(void)
{
	char **names = NULL;
	size_t count = 0, files = 0;
	if (fs_list(spec_dir, &names, &count) != 0) {
		printf("FAIL %s: cannot list it (run from the repository "
		       "root)\n", spec_dir);
		harness_failed++;
		return harness_report();
	}
	for (size_t i = 0; i < count; i++) {
		if (!ends_with(names[i], ".yml"))
			continue;
		run_file(names[i]);
		files++;
	}
	fs_list_free(names, count);
	printf("%zu spec files\n", files);
	return harness_report();
}
