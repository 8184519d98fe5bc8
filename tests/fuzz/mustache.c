/* Fuzz target: Mustache templates. The input is one or more templates
 * separated by NUL bytes: the first is "main", the others "p1", "p2"...
 * for partials, parents and dynamic names ({{>p1}}, {{<p2}}, {{>*name}}).
 * "main" is rendered against a fixed context holding every kind of
 * value, all of it lasting; then twice more with a memo of list items
 * (tmpl_memo_t), which must give the same bytes and the same result. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#include "load/yaml.h"
#include "render/mustache.h"

enum { MAX_TEMPLATES = 8 };

static const char context_yaml[] =
	"title: \"Porvoo <&\\\"'>\"\n"
	"number: 3.25\n"
	"zero: 0\n"
	"yes: true\n"
	"no: false\n"
	"none: null\n"
	"empty: []\n"
	"name: p1\n"
	"list: [1, two, {title: three, name: p2}]\n"
	"items:\n"
	"  - {title: A, url: /a/, tags: [x, y], yes: true}\n"
	"  - {title: B, url: /b/, tags: [], yes: false}\n"
	"map: {a: {b: {c: deep}}, name: p3, list: [{title: inner}]}\n";

static arena_t *arena;
static const value_t *context;

/* Marks v and everything in it lasting: the memo then keeps every list
 * item it can. */
static void make_lasting(value_t *v)
{
	v->lasting = true;
	if (v->kind == VAL_LIST)
		for (size_t i = 0; i < v->as.list.len; i++)
			make_lasting(v->as.list.items[i]);
	if (v->kind == VAL_MAP)
		for (size_t i = 0; i < v->as.map.len; i++)
			make_lasting(v->as.map.items[i].val);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	diags_t d;
	diags_init(&d);
	arena = arena_new();
	value_t *v = yaml_parse(arena, context_yaml, sizeof context_yaml - 1,
	                        "context", 1, &d);
	if (!v) {
		fprintf(stderr, "the fuzz target's context does not parse\n");
		exit(1);
	}
	make_lasting(v);
	context = v;
	diags_free(&d);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diags_t d;
	diags_init(&d);
	tmpl_set_t *set = tmpl_set_new();
	/* An input that takes more is runaway recursion, stopped the same way
	 * at any count; three renders of it at a page's count took more than
	 * the second an input may take with the sanitizers (docs/fuzzing.md). */
	tmpl_set_max_steps(set, 500 * 1000);
	const char *p = (const char *)data, *end = p + size;
	for (int i = 0; i < MAX_TEMPLATES; i++) {
		const char *nul = memchr(p, '\0', (size_t)(end - p));
		char name[8] = "main";
		if (i)
			snprintf(name, sizeof name, "p%d", i);
		tmpl_set_add(set, name, p, (size_t)((nul ? nul : end) - p),
		             "fuzz.mustache", &d);
		if (!nul)
			break;
		p = nul + 1;
	}
	buf_t out = BUF_INIT, kept = BUF_INIT;
	int rc = tmpl_render(set, "main", context, &out);
	tmpl_memo_t *memo = tmpl_memo_new();
	for (int i = 0; i < 2; i++) {
		buf_reset(&kept);
		if (tmpl_render_memo(set, "main", context, memo, &kept) != rc ||
		    kept.len != out.len ||
		    (out.len && memcmp(kept.data, out.data, out.len) != 0)) {
			fprintf(stderr, "the memo changed the output (render %d)\n",
			        i + 1);
			abort();
		}
	}
	tmpl_memo_free(memo);
	buf_free(&kept);
	buf_free(&out);
	tmpl_set_free(set);
	fuzz_report(&d);
	return 0;
}
