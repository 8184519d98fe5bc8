/* render/mustache beyond the spec: syntax errors with their positions,
 * escaping, the recursion guard, and a page rendered through a layout. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "core/diag.h"
#include "core/utf8.h"
#include "load/yaml.h"
#include "render/escape.h"
#include "render/mustache.h"

static int add(tmpl_set_t *set, const char *name, const char *src,
               diags_t *d)
{
	return tmpl_set_add(set, name, src, strlen(src), "t.mustache", d);
}

static value_t *data(arena_t *a, const char *yaml)
{
	diags_t d;
	diags_init(&d);
	value_t *v = yaml_parse(a, yaml, strlen(yaml), "data.yaml", 1, &d);
	CHECK(v != NULL);
	diags_free(&d);
	return v;
}

/* Renders name from set against YAML data into a fresh string; the
 * render must return rc. */
static char *render_rc(const tmpl_set_t *set, const char *name,
                       const char *yaml, int rc)
{
	arena_t *a = arena_new();
	buf_t out = BUF_INIT;
	CHECK(tmpl_render(set, name, yaml ? data(a, yaml) : NULL, &out) == rc);
	arena_free(a);
	return buf_detach(&out);
}

static char *render(const tmpl_set_t *set, const char *name,
                    const char *yaml)
{
	return render_rc(set, name, yaml, 0);
}

/* One template, one render. */
static void expect(const char *src, const char *yaml, const char *want)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "t", src, &d) == 0);
	char *got = render(set, "t", yaml);
	CHECK_STR(got, want);
	free(got);
	diags_free(&d);
	tmpl_set_free(set);
}

static void test_syntax_errors(void)
{
	char deep[101 * 6 + 1] = "";
	for (int i = 0; i < 101; i++)
		strcat(deep, "{{#a}}");
	struct {
		const char *src;
		int line, col;
		const char *msg;
	} cases[] = {
		{"a\n{{#x}}\nb\n", 2, 1,
		 "template error: section 'x' opened on line 2 is never closed"},
		{"{{#x}}\n  {{/y}}\n", 2, 3,
		 "template error: '/y' closes 'x', which was opened on line 1"},
		{"ab {{name", 1, 4,
		 "template error: unclosed tag: '{{' has no matching '}}'"},
		{"{{{x}}", 1, 1,
		 "template error: unclosed tag: '{{{' has no matching '}}}'"},
		{"x\ny {{/y}}", 2, 3,
		 "template error: '/y' closes a section that was never opened"},
		{"\xc3\xa4 {{a b}}", 1, 3, /* columns count characters */
		 "template error: 'a b' is not a valid name: names cannot "
		 "contain spaces"},
		{"{{a..b}}", 1, 1,
		 "template error: 'a..b' is not a valid name: a dot must stand "
		 "between two names"},
		{"{{#}}", 1, 1, "template error: '{{#}}' has no name"},
		{"{{=<%=}}", 1, 1,
		 "template error: '{{=<%=}}' must give two delimiters separated "
		 "by a space, like {{=<% %>=}}"},
		{"{{=<% %>=}}\n<%#a%>\n{{/a}}", 2, 1,
		 "template error: section 'a' opened on line 2 is never closed"},
		{"{{#a}}{{$b}}{{/a}}", 1, 13,
		 "template error: '/a' closes 'b', which was opened on line 1"},
		{"{{<p}}\n{{$b}}\n", 2, 1,
		 "template error: block 'b' opened on line 2 is never closed"},
		{"{{<p}}{{x}", 1, 7,
		 "template error: unclosed tag: '{{' has no matching '}}'"},
		{deep, 1, 601,
		 "template error: sections, parents and blocks are nested more "
		 "than 100 deep"},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		tmpl_set_t *set = tmpl_set_new();
		diags_t d;
		diags_init(&d);
		CHECK(add(set, "t", cases[i].src, &d) == -1);
		CHECK(!tmpl_set_has(set, "t"));
		CHECK(d.len == 1 && d.errors == 1);
		if (d.len) {
			char *msg = diag_message(&d.items[0], MSG_LANG_EN);
			CHECK(d.items[0].msg == MSG_TEMPLATE_SYNTAX);
			CHECK_STR(d.items[0].path, "t.mustache");
			CHECK_STR(msg, cases[i].msg);
			if (d.items[0].line != cases[i].line ||
			    d.items[0].col != cases[i].col)
				printf("  case %zu at %d:%d, want %d:%d\n", i,
				       d.items[0].line, d.items[0].col,
				       cases[i].line, cases[i].col);
			CHECK(d.items[0].line == cases[i].line);
			CHECK(d.items[0].col == cases[i].col);
			free(msg);
		}
		diags_free(&d);
		tmpl_set_free(set);
	}
}

static void test_escaping(void)
{
	const char *yaml = "s: \"<a href='x'>\\\"Tom & Jerry\\\"</a>\"\n";
	expect("{{s}}", yaml,
	       "&lt;a href=&#39;x&#39;&gt;&quot;Tom &amp; Jerry&quot;&lt;/a&gt;");
	expect("{{{s}}}|{{&s}}", yaml,
	       "<a href='x'>\"Tom & Jerry\"</a>|<a href='x'>\"Tom & Jerry\"</a>");
	buf_t b = BUF_INIT;
	escape_html(&b, "a'b\"c&d<e>f", 11);
	CHECK_STR(buf_cstr(&b), "a&#39;b&quot;c&amp;d&lt;e&gt;f");
	buf_reset(&b);
	escape_html(&b, "plain", 5);
	CHECK_STR(buf_cstr(&b), "plain");
	/* Found wherever they stand among runs of plain text: control
	 * characters but tab and line ends become U+FFFD. */
	buf_reset(&b);
	escape_html(&b, "abcdefg<hijk\x01lmn\tq\x7frst\nuvw&", 27);
	CHECK_STR(buf_cstr(&b), "abcdefg&lt;hijk\xef\xbf\xbdlmn\tq\xef\xbf\xbd"
	                        "rst\nuvw&amp;");
	buf_free(&b);
}

/* escape_xml and escape_xml_attribute write what libxml2's text writer
 * writes of a text or an attribute value in a UTF-8 document, once
 * utf8_xml_clean has made it allowed: charts and the sitemap hand the
 * writer parts escaped by them. */
static void test_escape_xml(void)
{
	static const char *const texts[] = {
		"plain", "a'b\"c&d<e>f", "line\r\nnext\ttab", "bell\x01 del\x7f",
		"\xef\xbf\xbe and \xef\xbf\xbf and \xef\xbf\xbd", "\xc3\xa4 \xe2\x86\x91 20 %",
		"&amp; already", "",
	};
	for (int attribute = 0; attribute < 2; attribute++) {
		for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
			xmlBufferPtr xb = xmlBufferCreate();
			xmlTextWriterPtr w = xmlNewTextWriterMemory(xb, 0);
			xmlTextWriterStartDocument(w, NULL, "UTF-8", NULL);
			xmlTextWriterStartElement(w, BAD_CAST "t");
			char *clean = utf8_xml_clean(texts[i]);
			const xmlChar *text = BAD_CAST(clean ? clean : texts[i]);
			if (attribute) {
				xmlTextWriterWriteAttribute(w, BAD_CAST "a", text);
			} else {
				xmlTextWriterWriteRaw(w, BAD_CAST "");
				xmlTextWriterWriteString(w, text);
			}
			free(clean);
			xmlTextWriterEndDocument(w);
			xmlFreeTextWriter(w);
			buf_t b = BUF_INIT;
			buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
			buf_puts(&b, attribute ? "<t a=\"" : "<t>");
			(attribute ? escape_xml_attribute : escape_xml)(&b, texts[i],
			                                                strlen(texts[i]));
			buf_puts(&b, attribute ? "\"/>\n" : "</t>\n");
			CHECK_STR(buf_cstr(&b), (const char *)xmlBufferContent(xb));
			buf_free(&b);
			xmlBufferFree(xb);
		}
	}
}

static void test_scalars(void)
{
	expect("{{n}} {{b}} [{{z}}] [{{l}}] [{{m}}] {{s}}",
	       "n: 2.50\nb: true\nz: null\nl: [1]\nm: {a: 1}\ns: '007'\n",
	       "2.5 true [] [] [] 007");
	expect("{{#list}}{{.}},{{/list}}", "list: [1.0, -0.5, 1e21, false]\n",
	       "1,-0.5,1e+21,false,");
	expect("[{{x}}]", NULL, "[]");
}

/* Hostile templates must stop, not exhaust the stack or the clock, and
 * say that they were cut short. */
static void test_recursion_guard(void)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "self", "x{{>self}}", &d) == 0);
	CHECK(add(set, "parent", "{{<parent}}{{/parent}}", &d) == 0);
	CHECK(add(set, "p", "{{$b}}{{/b}}", &d) == 0);
	CHECK(add(set, "block", "{{<p}}{{$b}}[{{$b}}{{/b}}]{{/b}}{{/p}}",
	          &d) == 0);
	CHECK(add(set, "dynamic", "{{>*name}}", &d) == 0);
	CHECK(add(set, "a", "{{#x}}{{>b}}{{/x}}", &d) == 0);
	CHECK(add(set, "b", "{{#x}}{{>a}}{{/x}}", &d) == 0);
	/* Shallow but exponential: 2^100 expansions. */
	CHECK(add(set, "wide", "{{>wide}}{{>wide}}", &d) == 0);
	CHECK(d.len == 0);

	/* The template's own x, then one per expansion. */
	char *got = render_rc(set, "self", NULL, 1);
	CHECK(strlen(got) == 101 && strspn(got, "x") == 101);
	free(got);
	got = render_rc(set, "parent", NULL, 1);
	CHECK_STR(got, "");
	free(got);
	/* The parent takes one level of the 100, each block one more. */
	got = render_rc(set, "block", NULL, 1);
	CHECK(strlen(got) == 198 && got[0] == '[' && got[197] == ']');
	free(got);
	got = render_rc(set, "dynamic", "name: dynamic\n", 1);
	CHECK_STR(got, "");
	free(got);
	got = render_rc(set, "a", "x: true\n", 1);
	CHECK_STR(got, "");
	free(got);
	got = render_rc(set, "wide", NULL, 1);
	CHECK_STR(got, "");
	free(got);

	/* Deep but legal nesting still renders; inside a recursion it is cut
	 * by the total depth. Sections nested over one list multiply. */
	char src[99 * 12 + 16] = "", loop[99 * 12 + 16] = "";
	for (int i = 0; i < 99; i++) {
		strcat(src, "{{#a}}");
		strcat(loop, "{{#a}}");
	}
	strcat(src, "{{b}}");
	strcat(loop, "{{>loop}}");
	for (int i = 0; i < 99; i++) {
		strcat(src, "{{/a}}");
		strcat(loop, "{{/a}}");
	}
	CHECK(add(set, "deep", src, &d) == 0);
	CHECK(add(set, "loop", loop, &d) == 0);
	got = render(set, "deep", "a: true\nb: ok\n");
	CHECK_STR(got, "ok");
	free(got);
	got = render_rc(set, "loop", "a: true\n", 1);
	CHECK_STR(got, "");
	free(got);
	got = render_rc(set, "deep", "a: [1, 2, 3, 4]\nb: x\n", 1);
	CHECK(strlen(got) > 1000 && strspn(got, "x") == strlen(got));
	free(got);
	diags_free(&d);
	tmpl_set_free(set);
}

/* Nested blocks whose closing tags share their line with text: whether
 * each is standalone is known only at its closing tag. Parsing must still
 * read the source a bounded number of times (this took 2^90 passes once). */
static void test_nested_blocks_parse_once(void)
{
	expect("{{$b}}\n x\n {{$b}}\n  x\n{{/b}} tail\n{{/b}} tail\n", NULL,
	       " x\n  x\n tail\n tail\n");
	buf_t src = BUF_INIT;
	for (int i = 0; i < 90; i++)
		buf_printf(&src, "%*s{{$b}}\n%*sx\n", i, "", i + 1, "");
	for (int i = 0; i < 90; i++)
		buf_puts(&src, "{{/b}} tail\n");
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "t", buf_cstr(&src), &d) == 0);
	char *got = render(set, "t", NULL);
	CHECK(strncmp(got, " x\n  x\n   x\n", 12) == 0);
	free(got);
	diags_free(&d);
	tmpl_set_free(set);
	buf_free(&src);
}

static const char *layout =
	"<!doctype html>\n"
	"<html lang=\"{{lang}}\">\n"
	"<head>\n"
	"  <title>{{$title}}{{site}}{{/title}}</title>\n"
	"</head>\n"
	"<body>\n"
	"  <main>\n"
	"    {{$main}}\n"
	"    {{/main}}\n"
	"  </main>\n"
	"  {{>footer}}\n"
	"</body>\n"
	"</html>\n";

static const char *page =
	"{{<layout}}\n"
	"{{$title}}{{page.title}} – {{site}}{{/title}}\n"
	"{{$main}}\n"
	"  <h1>{{page.title}}</h1>\n"
	"  {{#page.items}}\n"
	"  <p>{{.}}</p>\n"
	"  {{/page.items}}\n"
	"{{/main}}\n"
	"{{/layout}}\n";

static const char *page_data =
	"lang: fi\n"
	"site: Porta\n"
	"page:\n"
	"  title: Tom & Jerry's\n"
	"  items: [a, b]\n";

static void test_page(void)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "layout", layout, &d) == 0);
	CHECK(add(set, "page", page, &d) == 0);
	CHECK(add(set, "footer", "<footer>\n  {{site}}\n</footer>\n", &d) == 0);
	CHECK(add(set, "bare", "{{<layout}}{{/layout}}", &d) == 0);
	CHECK(d.len == 0);
	CHECK(tmpl_set_has(set, "page") && !tmpl_set_has(set, "nope"));

	arena_t *a = arena_new();
	value_t *v = data(a, page_data);
	buf_t out = BUF_INIT;
	/* One buffer serves every page. */
	for (int i = 0; i < 2; i++) {
		buf_reset(&out);
		CHECK(tmpl_render(set, "page", v, &out) == 0);
		CHECK_STR(buf_cstr(&out),
		          "<!doctype html>\n"
		          "<html lang=\"fi\">\n"
		          "<head>\n"
		          "  <title>Tom &amp; Jerry&#39;s – Porta</title>\n"
		          "</head>\n"
		          "<body>\n"
		          "  <main>\n"
		          "    <h1>Tom &amp; Jerry&#39;s</h1>\n"
		          "    <p>a</p>\n"
		          "    <p>b</p>\n"
		          "  </main>\n"
		          "  <footer>\n"
		          "    Porta\n"
		          "  </footer>\n"
		          "</body>\n"
		          "</html>\n");
	}
	buf_reset(&out);
	CHECK(tmpl_render(set, "bare", v, &out) == 0);
	CHECK_STR(buf_cstr(&out),
	          "<!doctype html>\n"
	          "<html lang=\"fi\">\n"
	          "<head>\n"
	          "  <title>Porta</title>\n"
	          "</head>\n"
	          "<body>\n"
	          "  <main>\n"
	          "  </main>\n"
	          "  <footer>\n"
	          "    Porta\n"
	          "  </footer>\n"
	          "</body>\n"
	          "</html>\n");
	buf_reset(&out);
	CHECK(tmpl_render(set, "missing", v, &out) == -1);
	CHECK(out.len == 0);
	buf_free(&out);
	arena_free(a);
	diags_free(&d);
	tmpl_set_free(set);
}

static void test_set(void)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "a", "one", &d) == 0);
	CHECK(add(set, "a", "two", &d) == 0);
	char *got = render(set, "a", NULL);
	CHECK_STR(got, "two");
	free(got);
	/* A broken replacement leaves the old template in place. */
	CHECK(add(set, "a", "{{#x}}", &d) == -1);
	got = render(set, "a", NULL);
	CHECK_STR(got, "two");
	free(got);
	CHECK(add(set, "b", "[{{>gone}}]", &d) == 0);
	got = render(set, "b", NULL);
	CHECK_STR(got, "[]");
	free(got);
	/* The source is copied. */
	char src[] = "{{x}}";
	CHECK(add(set, "c", src, &d) == 0);
	src[2] = 'y';
	got = render(set, "c", "x: 1\ny: 2\n");
	CHECK_STR(got, "1");
	free(got);
	diags_free(&d);
	tmpl_set_free(set);
	tmpl_set_free(NULL);
}

/* Whitespace cases the spec leaves open, pinned to what we chose. */
static void test_whitespace(void)
{
	/* A block whose closing tag shares its line with text is not
	 * standalone, so its content keeps its indentation. */
	expect("{{$b}}\n  x\n{{/b}} tail\n", NULL, "  x\n tail\n");
	expect("{{$b}}\n  {{=<% %>=}}\n  <%x%>\n<%/b%> tail", "x: 1\n",
	       "  1\n tail");
	/* Indented partials do not indent empty lines. */
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "p", "a\n\nb\n", &d) == 0);
	CHECK(add(set, "t", "<\n  {{>p}}\n>", &d) == 0);
	CHECK(add(set, "dyn", "{{<*layout}}{{$b}}x{{/b}}{{/*layout}}", &d) == 0);
	CHECK(add(set, "l", "[{{$b}}{{/b}}]", &d) == 0);
	char *got = render(set, "t", NULL);
	CHECK_STR(got, "<\n  a\n\n  b\n>");
	free(got);
	got = render(set, "dyn", "layout: l\n");
	CHECK_STR(got, "[x]");
	free(got);
	diags_free(&d);
	tmpl_set_free(set);
}

/* Renders name with memo and without, expects both to be want. */
static void same_with_memo(const tmpl_set_t *set, const char *name,
                           const value_t *v, tmpl_memo_t *memo,
                           const char *want)
{
	buf_t plain = BUF_INIT, kept = BUF_INIT;
	CHECK(tmpl_render(set, name, v, &plain) == 0);
	CHECK(tmpl_render_memo(set, name, v, memo, &kept) == 0);
	CHECK_STR(buf_cstr(&plain), want);
	CHECK_STR(buf_cstr(&kept), want);
	buf_free(&plain);
	buf_free(&kept);
}

/* Writes over a string value's bytes behind the memo's back: what a kept
 * text then shows tells whether it was used. */
static void overwrite(const value_t *map, const char *key, char c)
{
	value_t *v = val_get(map, key);
	CHECK(v && v->kind == VAL_STRING && v->as.str.len > 0);
	((char *)v->as.str.s)[0] = c;
}

/* A map of {a, b, c} in the order given ("ba": b, then a), each value
 * its key and n ("a1"). The keys are the same literals in every map, as
 * views make them, unless copied. */
static value_t *keyed(arena_t *a, const char *order, int n, bool copied)
{
	static const char *const keys[] = {"a", "b", "c"};
	value_t *m = val_map(a);
	for (const char *k = order; *k; k++) {
		const char *key = keys[*k - 'a'];
		val_set(a, m, copied ? arena_strdup(a, key) : key,
		        val_str(a, arena_printf(a, "%s%d", key, n)));
	}
	return m;
}

/* Each name part first tries the member it was last found at: maps whose
 * members stand elsewhere, lack the part or hold it under a key at
 * another address must still give what a search from the start gives. */
static void test_lookup_guess(void)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "t", "{{#items}}[{{a}} {{b}} {{c.a}}]{{/items}}",
	          &d) == 0);
	CHECK(add(set, "one", "[{{a}}]", &d) == 0);
	arena_t *a = arena_new();
	value_t *root = keyed(a, "ba", 0, false), *items = val_list(a);
	val_set(a, root, "items", items);
	val_push(a, items, keyed(a, "abc", 1, false));
	value_t *m = keyed(a, "b", 2, false);
	val_set(a, m, "c", keyed(a, "ba", 9, false));
	val_set(a, m, "a", val_str(a, "a2"));
	val_push(a, items, m);
	val_push(a, items, keyed(a, "b", 3, false));
	val_push(a, items, keyed(a, "", 4, false));
	val_push(a, items, keyed(a, "cba", 5, true));
	val_push(a, items, keyed(a, "a", 6, false));
	val_push(a, items, keyed(a, "ab", 7, true));
	val_push(a, items, keyed(a, "ab", 8, false));
	buf_t out = BUF_INIT;
	CHECK(tmpl_render(set, "t", root, &out) == 0);
	CHECK_STR(buf_cstr(&out), "[a1 b1 ][a2 b2 a9][a0 b3 ][a0 b0 ][a5 b5 ]"
	                          "[a6 b0 ][a7 b7 ][a8 b8 ]");
	/* A key freed and another written at its address: not the same. */
	char key[] = "a";
	m = val_map(a);
	val_set(a, m, key, val_str(a, "x"));
	buf_reset(&out);
	CHECK(tmpl_render(set, "one", m, &out) == 0);
	key[0] = 'b';
	CHECK(tmpl_render(set, "one", m, &out) == 0);
	CHECK_STR(buf_cstr(&out), "[x][]");
	buf_free(&out);
	arena_free(a);
	diags_free(&d);
	tmpl_set_free(set);
}

/* A set of one template, "list", made without problems. */
static tmpl_set_t *list_template(const char *src)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "list", src, &d) == 0);
	diags_free(&d);
	return set;
}

/* Marks the items of a list lasting, as views mark list items. */
static void make_lasting(value_t *list)
{
	for (size_t i = 0; i < list->as.list.len; i++)
		list->as.list.items[i]->lasting = true;
}

static void test_memo(void)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "list", "{{#items}}[{{name}} {{t.x}} {{page}}]{{/items}}",
	          &d) == 0);
	CHECK(add(set, "nested", "<ul>\n  {{>item}}\n</ul>\n", &d) == 0);
	CHECK(add(set, "deeper", "<div>\n    {{>item}}\n</div>\n", &d) == 0);
	CHECK(add(set, "item", "{{#items}}\n<li>{{name}}</li>\n{{/items}}\n",
	          &d) == 0);
	CHECK(add(set, "frame", "{{$b}}-{{/b}}", &d) == 0);
	CHECK(add(set, "blocks",
	          "{{<frame}}{{$b}}{{page}}{{/b}}{{/frame}}", &d) == 0);
	CHECK(add(set, "in-block",
	          "{{#items}}{{<frame}}{{$b}}{{name}}{{/b}}{{/frame}}{{/items}}",
	          &d) == 0);
	CHECK(add(set, "outer-map", "{{#items}}{{meta.v}}{{/items}}", &d) == 0);
	CHECK(add(set, "nothing", "{{#items}}{{/items}}", &d) == 0);
	CHECK(d.len == 0);
	arena_t *a = arena_new();
	value_t *v = data(a, "t: {x: one}\npage: p1\nmeta: {v: m}\n"
	                     "items: [{name: a}, {name: b}]\n");
	value_t *items = val_get(v, "items");
	value_t *t = val_get(v, "t");
	make_lasting(items);
	t->lasting = true;
	tmpl_memo_t *memo = tmpl_memo_new();

	same_with_memo(set, "list", v, memo, "[a one p1][b one p1]");
	/* Kept: the item's own words come from the memo... */
	overwrite(items->as.list.items[0], "name", 'A');
	buf_t out = BUF_INIT;
	CHECK(tmpl_render_memo(set, "list", v, memo, &out) == 0);
	CHECK_STR(buf_cstr(&out), "[a one p1][b one p1]");
	overwrite(items->as.list.items[0], "name", 'a');
	/* ...but what it looked up outside is looked up again: a scalar by
	 * its value, a lasting value by its address. */
	overwrite(v, "page", 'q');
	same_with_memo(set, "list", v, memo, "[a one q1][b one q1]");
	value_t *other = data(a, "{x: two}");
	other->lasting = true;
	v->as.map.items[0].val = other;
	same_with_memo(set, "list", v, memo, "[a two q1][b two q1]");
	v->as.map.items[0].val = t;

	/* The indentation in force is part of what was kept. */
	same_with_memo(set, "nested", v, memo, "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n");
	same_with_memo(set, "deeper", v, memo,
	               "<div>\n    <li>a</li>\n    <li>b</li>\n</div>\n");

	/* A block inside an item depends on what fills it: never kept. */
	same_with_memo(set, "in-block", v, memo, "ab");
	overwrite(items->as.list.items[0], "name", 'A');
	same_with_memo(set, "in-block", v, memo, "Ab");
	overwrite(items->as.list.items[0], "name", 'a');
	same_with_memo(set, "blocks", v, memo, "q1");

	/* Nor is an item that reads a map made for one render. */
	same_with_memo(set, "outer-map", v, memo, "mm");
	overwrite(val_get(v, "meta"), "v", 'n');
	same_with_memo(set, "outer-map", v, memo, "nn");

	/* An item that renders to nothing, into an empty buffer, is kept
	 * as nothing (the fuzz target found the null buffer). */
	same_with_memo(set, "nothing", v, memo, "");
	same_with_memo(set, "nothing", v, memo, "");

	/* Items that are not lasting are rendered every time. */
	items->as.list.items[1]->lasting = false;
	same_with_memo(set, "list", v, memo, "[a one q1][b one q1]");
	overwrite(items->as.list.items[1], "name", 'B');
	same_with_memo(set, "list", v, memo, "[a one q1][B one q1]");

	buf_free(&out);
	tmpl_memo_free(memo);
	arena_free(a);
	diags_free(&d);
	tmpl_set_free(set);
}

/* A memo whose items render anew on every page keeps only the newest
 * renders: the replaced are let go of (the memo's arena is compacted past
 * a few megabytes of them), and what is kept still reads right after. */
static void test_memo_replaced(void)
{
	tmpl_set_t *set = list_template("{{#items}}[{{name}}:{{page}}]{{/items}}");
	arena_t *a = arena_new();
	char text[2001];
	memset(text, 'p', sizeof text - 1);
	text[sizeof text - 1] = '\0';
	value_t *v = val_map(a);
	value_t *page_value = val_str(a, text);
	val_set(a, v, "page", page_value);
	value_t *items = data(a, "[{name: a}, {name: b}]");
	make_lasting(items);
	val_set(a, v, "items", items);
	tmpl_memo_t *memo = tmpl_memo_new();
	buf_t out = BUF_INIT;
	for (int i = 0; i < 3000; i++) {
		/* A new value of page each time: every item renders again. */
		char *s = (char *)page_value->as.str.s;
		for (int k = 3, n = i; k >= 0; k--, n /= 10)
			s[k] = (char)('0' + n % 10);
		buf_reset(&out);
		CHECK(tmpl_render_memo(set, "list", v, memo, &out) == 0);
		CHECK(out.len == 2 * (sizeof text - 1 + 4));
		CHECK(strncmp(buf_cstr(&out), "[a:", 3) == 0);
		CHECK(strncmp(buf_cstr(&out) + 3, s, 4) == 0);
	}
	/* Still kept: an item's changed name does not show. */
	overwrite(items->as.list.items[1], "name", 'B');
	buf_reset(&out);
	CHECK(tmpl_render_memo(set, "list", v, memo, &out) == 0);
	CHECK(strstr(buf_cstr(&out), "[b:2999p") != NULL);
	buf_free(&out);
	tmpl_memo_free(memo);
	arena_free(a);
	tmpl_set_free(set);
}

/* Threads' memos over a shared one: a text kept by one memo is used by
 * another once merged into the memo both look into; a newer text merged
 * replaces the one shared, and a memo's own text comes before it. */
static void test_memo_shared(void)
{
	tmpl_set_t *set = list_template("{{#items}}[{{name}} {{page}}]{{/items}}");
	arena_t *a = arena_new();
	value_t *v = data(a, "page: p1\nitems: [{name: a}, {name: b}]\n");
	value_t *items = val_get(v, "items");
	make_lasting(items);
	tmpl_memo_t *shared = tmpl_memo_new(), *one = tmpl_memo_new(),
	            *two = tmpl_memo_new();
	tmpl_memo_over(one, shared);
	tmpl_memo_over(two, shared);
	buf_t out = BUF_INIT;
	CHECK(tmpl_render_memo(set, "list", v, one, &out) == 0);
	overwrite(items->as.list.items[0], "name", 'A');
	/* Not merged yet: the second memo renders the item anew. */
	buf_reset(&out);
	CHECK(tmpl_render_memo(set, "list", v, two, &out) == 0);
	CHECK_STR(buf_cstr(&out), "[A p1][b p1]");
	tmpl_memo_merge(shared, one);
	tmpl_memo_merge(shared, two);
	/* Merged: the newer text, from the second memo, for a memo that had
	 * none of its own. */
	overwrite(items->as.list.items[0], "name", 'x');
	buf_reset(&out);
	CHECK(tmpl_render_memo(set, "list", v, one, &out) == 0);
	CHECK_STR(buf_cstr(&out), "[A p1][b p1]");
	/* A text the page's words no longer fit is made again, and kept by
	 * the memo that made it, before the shared one. */
	overwrite(v, "page", 'q');
	buf_reset(&out);
	CHECK(tmpl_render_memo(set, "list", v, one, &out) == 0);
	CHECK_STR(buf_cstr(&out), "[x q1][b q1]");
	overwrite(items->as.list.items[0], "name", 'y');
	buf_reset(&out);
	CHECK(tmpl_render_memo(set, "list", v, one, &out) == 0);
	CHECK_STR(buf_cstr(&out), "[x q1][b q1]");
	buf_free(&out);
	tmpl_memo_free(one);
	tmpl_memo_free(two);
	tmpl_memo_free(shared);
	arena_free(a);
	tmpl_set_free(set);
}

/* A set may allow fewer steps (the fuzz target's does): the same
 * recursion stops sooner, and what stays within them is not cut. */
static void test_max_steps(void)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	CHECK(add(set, "wide", "x{{>wide}}{{>wide}}", &d) == 0);
	CHECK(add(set, "short", "{{#items}}{{.}}{{/items}}", &d) == 0);
	char *most = render_rc(set, "wide", NULL, 1);
	tmpl_set_max_steps(set, 1000);
	char *fewer = render_rc(set, "wide", NULL, 1);
	CHECK(strlen(fewer) > 0 && strlen(fewer) < 1000 && strlen(most) > 100000);
	free(fewer);
	free(most);
	char *got = render_rc(set, "short", "items: [a, b, c]\n", 0);
	CHECK_STR(got, "abc");
	free(got);
	diags_free(&d);
	tmpl_set_free(set);
}

/* The limits come out the same with a memo: a kept text counts the steps
 * rendering it would have taken. */
static void test_memo_limits(void)
{
	tmpl_set_t *set = tmpl_set_new();
	diags_t d;
	diags_init(&d);
	/* Each item takes some steps; the list is repeated until the
	 * step limit cuts the render in the same place either way. */
	CHECK(add(set, "items", "{{#items}}{{name}}{{name}}{{name}}{{/items}}", &d) == 0);
	CHECK(add(set, "again", "{{>items}}{{>again}}", &d) == 0);
	arena_t *a = arena_new();
	value_t *v = data(a, "items: [{name: a}, {name: b}, {name: c}]\n");
	make_lasting(val_get(v, "items"));
	tmpl_memo_t *memo = tmpl_memo_new();
	buf_t plain = BUF_INIT, kept = BUF_INIT;
	int rc = tmpl_render(set, "again", v, &plain);
	CHECK(rc == 1);
	CHECK(tmpl_render_memo(set, "again", v, memo, &kept) == rc);
	CHECK(plain.len == kept.len);
	CHECK_STR(buf_cstr(&kept), buf_cstr(&plain));
	buf_free(&plain);
	buf_free(&kept);
	tmpl_memo_free(memo);
	arena_free(a);
	diags_free(&d);
	tmpl_set_free(set);
}

int main(void)
{
	test_syntax_errors();
	test_escaping();
	test_escape_xml();
	test_scalars();
	test_recursion_guard();
	test_nested_blocks_parse_once();
	test_page();
	test_set();
	test_whitespace();
	test_lookup_guess();
	test_memo();
	test_memo_replaced();
	test_memo_shared();
	test_memo_limits();
	test_max_steps();
	return harness_report();
}
