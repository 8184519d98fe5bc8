/* load/yaml: typing, positions, and the errors editors will meet. */
#include "harness.h"

#include "core/diag.h"
#include "load/yaml.h"

static value_t *parse(arena_t *a, const char *text, diags_t *d)
{
	return yaml_parse(a, text, strlen(text), "t.yaml", 1, d);
}

static void test_types_and_positions(void)
{
	arena_t *a = arena_new();
	diags_t d;
	diags_init(&d);
	value_t *v = parse(a,
		"id: a1\n"
		"years: [2024, 2025]\n"
		"statutory: false\n"
		"value: 2.08\n"
		"quoted: '2024'\n"
		"nothing:\n"
		"tilde: ~\n", &d);
	CHECK(v && v->kind == VAL_MAP);
	CHECK(d.len == 0);
	value_t *id = val_get(v, "id");
	CHECK(id && id->kind == VAL_STRING && strcmp(id->as.str.s, "a1") == 0);
	CHECK(id && id->pos.line == 1 && id->pos.col == 5);
	value_t *years = val_get(v, "years");
	CHECK(years && years->kind == VAL_LIST && years->as.list.len == 2);
	CHECK(years && years->as.list.items[1]->kind == VAL_NUMBER &&
	      years->as.list.items[1]->as.number == 2025);
	CHECK(years && years->as.list.items[1]->pos.line == 2 &&
	      years->as.list.items[1]->pos.col == 15);
	CHECK(val_get(v, "statutory")->kind == VAL_BOOL);
	CHECK(val_get(v, "value")->as.number == 2.08);
	CHECK(val_get(v, "quoted")->kind == VAL_STRING);
	CHECK(val_get(v, "nothing")->kind == VAL_NULL);
	CHECK(val_get(v, "tilde")->kind == VAL_NULL);
	CHECK(val_member(v, "years")->pos.line == 2);
	diags_free(&d);
	arena_free(a);
}

static void test_first_line_offset(void)
{
	arena_t *a = arena_new();
	diags_t d;
	diags_init(&d);
	value_t *v = yaml_parse(a, "title: x\n", 9, "p.md", 2, &d);
	CHECK(v && val_get(v, "title")->pos.line == 2);
	diags_free(&d);
	arena_free(a);
}

static void test_errors(void)
{
	struct {
		const char *text;
		msg_id_t msg;
		int line, col;
	} cases[] = {
		{"a: 1\na: 2\n", MSG_YAML_DUPLICATE_KEY, 2, 1},
		{"a: &x 1\nb: *x\n", MSG_YAML_ALIAS, 2, 4},
		{"a: [1, 2\n", MSG_YAML_SYNTAX_CONTEXT, 2, 1},
		{"a: 1\n  b: 2\n", MSG_YAML_COLON, 2, 4},
		{"a: \"x\n", MSG_YAML_UNCLOSED, 1, 4},
		{"a:\n\t- 1\n", MSG_YAML_TAB, 2, 1},
		{"--- 1\n--- 2\n", MSG_YAML_SECOND_DOCUMENT, 2, 1},
		{"? [a]\n: 1\n", MSG_YAML_COMPLEX_KEY, 1, 3},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		arena_t *a = arena_new();
		diags_t d;
		diags_init(&d);
		value_t *v = parse(a, cases[i].text, &d);
		CHECK(v == NULL);
		CHECK(d.len == 1);
		if (d.len) {
			CHECK(d.items[0].msg == cases[i].msg);
			if (d.items[0].line != cases[i].line ||
			    d.items[0].col != cases[i].col) {
				printf("  case %zu at %d:%d\n", i, d.items[0].line,
				       d.items[0].col);
				CHECK(!"position");
			}
		}
		diags_free(&d);
		arena_free(a);
	}
}

static void test_depth_limit(void)
{
	char text[400];
	memset(text, '[', 200);
	text[200] = '\0';
	arena_t *a = arena_new();
	diags_t d;
	diags_init(&d);
	CHECK(parse(a, text, &d) == NULL);
	CHECK(d.len == 1 && d.items[0].msg == MSG_YAML_TOO_DEEP);
	diags_free(&d);
	arena_free(a);
}

int main(void)
{
	test_types_and_positions();
	test_first_line_offset();
	test_errors();
	test_depth_limit();
	return harness_report();
}
