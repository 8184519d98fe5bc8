/* Output safety (issue 7). The theme's templates and scripts hold nothing
 * the pages' Content-Security-Policy would refuse: no inline script or
 * style, no event handler attribute, no javascript: address. Every page of
 * a build carries that policy before anything it loads. And hostile text
 * in every field of tests/sites/hostile (markup, "</script>", "]]>",
 * "<!--", Mustache tags, formulas, javascript: addresses, U+2028, U+202E,
 * control characters) stays text in every file written: HTML escaped with
 * no script, handler or javascript: address of its own, JSON-LD that
 * cannot close its element, well-formed XML, valid JSON, CSV cells that
 * no spreadsheet takes for a formula, robots.txt with its own lines only. */
#include "core/report.h"
#include "harness.h"

#include <ctype.h>
#include <stdlib.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "built_site.h"

#define POLICY "default-src 'self'; script-src 'self'; style-src 'self'; " \
	"img-src 'self' data:; object-src 'none'; base-uri 'none'; " \
	"form-action 'self'"
#define CSP_META "<meta http-equiv=\"Content-Security-Policy\" content=\"" \
	POLICY "\">"

/* Off while the scanners are tested on what they must find. */
static bool reporting = true;

/* What a check found wrong, with the file it is in. */
static void problem(const char *file, const char *what, const char *detail)
{
	if (reporting)
		printf("FAIL %s: %s%s%.120s%s\n", file, what, detail ? " [" : "",
		       detail ? detail : "", detail ? "]" : "");
}

static char *lower(const char *s)
{
	char *l = xstrdup(s);
	for (char *p = l; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return l;
}

static bool ends_with(const char *s, const char *end)
{
	size_t n = strlen(s), m = strlen(end);
	return n >= m && strcmp(s + n - m, end) == 0;
}

/* --- Templates and scripts: what the policy would refuse ---------------- */

/* An attribute name at p, after a space, quote or Mustache tag, followed
 * by '=': " onclick=", "}}style =". */
static bool attribute_at(const char *text, const char *p, const char *name,
                         bool prefix)
{
	if (p == text || !strchr(" \t\n\"'}/", p[-1]))
		return false;
	size_t n = strlen(name);
	if (strncmp(p, name, n) != 0)
		return false;
	p += n;
	if (prefix) {
		if (!islower((unsigned char)*p))
			return false;
		while (islower((unsigned char)*p))
			p++;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	return *p == '=';
}

/* Every <script> is either <script src="..." ...></script> with nothing
 * inside, or the JSON-LD block, whose content is one triple Mustache tag
 * (the view writes it with every '<' escaped). */
static bool scripts_ok(const char *file, const char *text)
{
	bool ok = true;
	for (const char *p = strstr(text, "<script"); p; p = strstr(p + 1, "<script")) {
		const char *gt = strchr(p, '>');
		const char *close = gt ? strstr(gt, "</script>") : NULL;
		if (!close) {
			problem(file, "a <script> without </script>", p);
			ok = false;
			continue;
		}
		char *tag = xstrndup(p, (size_t)(gt - p));
		char *body = xstrndup(gt + 1, (size_t)(close - gt - 1));
		bool json = strstr(tag, "type=\"application/ld+json\"") != NULL;
		bool external = strstr(tag, " src=\"") != NULL;
		size_t n = strlen(body);
		bool one_tag = n > 6 && strncmp(body, "{{{", 3) == 0 &&
		               strcmp(body + n - 3, "}}}") == 0 &&
		               !strchr(body + 3, '{');
		if (!(external && !json && n == 0) && !(json && one_tag)) {
			problem(file, "an inline <script> with code", p);
			ok = false;
		}
		free(tag);
		free(body);
	}
	return ok;
}

static void check_template(const char *file)
{
	char *text;
	size_t len;
	CHECK(fs_read(file, &text, &len) == 0);
	if (!text)
		return;
	char *l = lower(text);
	bool ok = true;
	for (const char *p = l; *p; p++) {
		if (attribute_at(l, p, "on", true)) {
			problem(file, "an event handler attribute", p);
			ok = false;
		}
		if (attribute_at(l, p, "style", false)) {
			problem(file, "a style attribute", p);
			ok = false;
		}
	}
	if (strstr(l, "<style")) {
		problem(file, "a <style> element", strstr(l, "<style"));
		ok = false;
	}
	if (strstr(l, "javascript:")) {
		problem(file, "a javascript: address", strstr(l, "javascript:"));
		ok = false;
	}
	CHECK(ok);
	CHECK(scripts_ok(file, l));
	free(l);
	free(text);
}

/* The theme's scripts: no code made from strings (refused by the policy
 * without 'unsafe-eval') and no markup made from strings (where content
 * could become elements). */
static void check_script(const char *file)
{
	static const char *const banned[] = {
		"eval(", "new Function", "setTimeout(\"", "setInterval(\"",
		"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
		".setAttribute(\"on", ".setAttribute(\"style", NULL};
	char *text;
	size_t len;
	CHECK(fs_read(file, &text, &len) == 0);
	if (!text)
		return;
	bool ok = true;
	for (size_t i = 0; banned[i]; i++)
		if (strstr(text, banned[i])) {
			problem(file, "a script that makes code or markup from text",
			        banned[i]);
			ok = false;
		}
	CHECK(ok);
	free(text);
}

static void check_theme(const char *theme)
{
	static const struct {
		const char *dir, *ext;
		void (*check)(const char *);
	} kinds[] = {{"templates", ".mustache", check_template},
	             {"static", ".js", check_script}};
	for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++) {
		char *dir = fs_join(theme, kinds[k].dir);
		char **names;
		size_t n = 0;
		CHECK(fs_list(dir, &names, &n) == 0);
		size_t seen = 0;
		for (size_t i = 0; i < n; i++) {
			size_t len = strlen(names[i]), ext = strlen(kinds[k].ext);
			if (len <= ext || strcmp(names[i] + len - ext, kinds[k].ext) != 0)
				continue;
			char *file = fs_join(dir, names[i]);
			kinds[k].check(file);
			free(file);
			seen++;
		}
		CHECK(seen > 0);
		fs_list_free(names, n);
		free(dir);
	}
}

/* --- JSON, strictly (RFC 8259) ------------------------------------------- */

typedef struct {
	const char *p;
	int depth;
} json_t;

static bool json_value(json_t *j);

static void json_space(json_t *j)
{
	while (*j->p == ' ' || *j->p == '\t' || *j->p == '\n' || *j->p == '\r')
		j->p++;
}

static bool json_string_ok(json_t *j)
{
	if (*j->p != '"')
		return false;
	for (j->p++; *j->p != '"'; j->p++) {
		unsigned char c = (unsigned char)*j->p;
		if (c < 0x20)
			return false;
		if (c != '\\')
			continue;
		j->p++;
		if (*j->p == 'u') {
			for (int i = 1; i <= 4; i++)
				if (!isxdigit((unsigned char)j->p[i]))
					return false;
			j->p += 4;
		} else if (!*j->p || !strchr("\"\\/bfnrt", *j->p)) {
			return false;
		}
	}
	j->p++;
	return true;
}

static bool json_number_ok(json_t *j)
{
	const char *p = j->p;
	if (*p == '-')
		p++;
	if (*p == '0')
		p++;
	else if (isdigit((unsigned char)*p))
		while (isdigit((unsigned char)*p))
			p++;
	else
		return false;
	if (*p == '.') {
		if (!isdigit((unsigned char)*++p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!isdigit((unsigned char)*p))
			return false;
		while (isdigit((unsigned char)*p))
			p++;
	}
	j->p = p;
	return true;
}

/* A list of values (or, with keys, of "key": value) up to end. */
static bool json_items(json_t *j, char end, bool keys)
{
	j->p++;
	json_space(j);
	if (*j->p == end) {
		j->p++;
		return true;
	}
	for (;;) {
		if (keys) {
			if (!json_string_ok(j))
				return false;
			json_space(j);
			if (*j->p++ != ':')
				return false;
		}
		if (!json_value(j))
			return false;
		json_space(j);
		if (*j->p == end) {
			j->p++;
			return true;
		}
		if (*j->p++ != ',')
			return false;
		json_space(j);
	}
}

static bool json_value(json_t *j)
{
	json_space(j);
	if (++j->depth > 64)
		return false;
	bool ok;
	if (*j->p == '{')
		ok = json_items(j, '}', true);
	else if (*j->p == '[')
		ok = json_items(j, ']', false);
	else if (*j->p == '"')
		ok = json_string_ok(j);
	else if (strncmp(j->p, "true", 4) == 0 || strncmp(j->p, "null", 4) == 0)
		ok = (j->p += 4, true);
	else if (strncmp(j->p, "false", 5) == 0)
		ok = (j->p += 5, true);
	else
		ok = json_number_ok(j);
	j->depth--;
	return ok;
}

static bool json_valid(const char *text)
{
	json_t j = {text, 0};
	if (!json_value(&j))
		return false;
	json_space(&j);
	return *j.p == '\0';
}

static void test_json_validator(void)
{
	CHECK(json_valid("{\"a\":[1,-2.5e3,true,null,\"\\u003c\\n\"]}"));
	CHECK(json_valid(" [] "));
	CHECK(!json_valid("{\"a\":1,}"));
	CHECK(!json_valid("[\"\x01\"]"));
	CHECK(!json_valid("[01]"));
	CHECK(!json_valid("{\"a\" 1}"));
	CHECK(!json_valid("[1] x"));
	CHECK(!json_valid("[\"\\x\"]"));
}

/* --- One built site, file by file ----------------------------------------- */

typedef struct {
	const char *root; /* the output directory */
	const char *base; /* the site's path, "/mini/" */
	size_t html, xml, json, csv, scripts, jsonld;
} walk_t;

/* True when a URL would run code: javascript:, vbscript: or data:, in
 * any case and with the blanks and control characters browsers skip. */
static bool runs_code(const char *url)
{
	char clean[16];
	size_t n = 0;
	for (const unsigned char *p = (const unsigned char *)url; *p && n < 15; p++)
		if (*p > ' ')
			clean[n++] = (char)tolower(*p);
	clean[n] = '\0';
	return strncmp(clean, "javascript:", 11) == 0 ||
	       strncmp(clean, "vbscript:", 9) == 0 || strncmp(clean, "data:", 5) == 0;
}

static bool url_attribute(const xmlChar *name)
{
	static const char *const names[] = {"href", "src", "action", "formaction",
	                                    "xlink:href", "poster", "data", "cite",
	                                    "srcset", "background", NULL};
	for (size_t i = 0; names[i]; i++)
		if (xmlStrcasecmp(name, BAD_CAST names[i]) == 0)
			return true;
	return false;
}

static void html_node(walk_t *w, const char *file, xmlNodePtr n, bool *ok)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		const char *name = (const char *)n->name;
		static const char *const banned[] = {"style", "iframe", "frame", "object",
		                                     "embed", "base", "applet", NULL};
		for (size_t i = 0; banned[i]; i++)
			if (strcasecmp(name, banned[i]) == 0) {
				problem(file, "an element the page must not have", name);
				*ok = false;
			}
		for (xmlAttrPtr a = n->properties; a; a = a->next) {
			xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
			const char *value = v ? (const char *)v : "";
			if (strncasecmp((const char *)a->name, "on", 2) == 0 ||
			    strcasecmp((const char *)a->name, "style") == 0) {
				problem(file, "an attribute the policy refuses",
				        (const char *)a->name);
				*ok = false;
			}
			if (url_attribute(a->name) && runs_code(value)) {
				problem(file, "an address that runs code", value);
				*ok = false;
			}
			if (strcasecmp(name, "meta") == 0 &&
			    strcasecmp((const char *)a->name, "http-equiv") == 0 &&
			    strcasecmp(value, "refresh") == 0) {
				problem(file, "a meta refresh", value);
				*ok = false;
			}
			xmlFree(v);
		}
		if (strcasecmp(name, "script") == 0) {
			w->scripts++;
			xmlChar *type = xmlGetProp(n, BAD_CAST "type");
			xmlChar *src = xmlGetProp(n, BAD_CAST "src");
			xmlChar *body = xmlNodeGetContent(n);
			const char *text = body ? (const char *)body : "";
			if (type && xmlStrcmp(type, BAD_CAST "application/ld+json") == 0) {
				/* The parser ends the element at the first "</script"
				 * of the page: what it holds must be the whole JSON. */
				w->jsonld++;
				if (!json_valid(text) || strchr(text, '<')) {
					problem(file, "JSON-LD that is not valid JSON, or holds '<'",
					        text);
					*ok = false;
				}
			} else {
				char own[256];
				snprintf(own, sizeof own, "%sstatic/", w->base);
				if (!src || strncmp((const char *)src, own, strlen(own)) != 0 ||
				    text[0] || type) {
					problem(file, "a script that is not one of the theme's files",
					        src ? (const char *)src : text);
					*ok = false;
				}
			}
			xmlFree(type);
			xmlFree(src);
			xmlFree(body);
		}
		html_node(w, file, n->children, ok);
	}
}

static void check_html(walk_t *w, const char *file, const char *text, size_t len)
{
	w->html++;
	/* The policy comes first: a <meta> policy covers only what follows. */
	const char *meta = strstr(text, CSP_META);
	const char *head_end = strstr(text, "</head>");
	const char *first_link = strstr(text, "<link");
	const char *first_script = strstr(text, "<script");
	bool policy = meta && head_end && meta < head_end &&
	              (!first_link || meta < first_link) &&
	              (!first_script || meta < first_script) &&
	              !strstr(meta + sizeof CSP_META - 1, "Content-Security-Policy");
	if (!policy)
		problem(file, "no Content-Security-Policy before the page's files", NULL);
	CHECK(policy);
	htmlDocPtr doc = htmlReadMemory(text, (int)len, file, "UTF-8",
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                HTML_PARSE_NOWARNING);
	CHECK(doc != NULL);
	if (!doc)
		return;
	bool ok = true;
	html_node(w, file, xmlDocGetRootElement(doc), &ok);
	CHECK(ok);
	xmlFreeDoc(doc);
}

static void quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static void check_xml(walk_t *w, const char *file, const char *text, size_t len)
{
	w->xml++;
	xmlDocPtr doc = xmlReadMemory(text, (int)len, file, NULL,
	                              XML_PARSE_NONET | XML_PARSE_NOERROR |
	                              XML_PARSE_NOWARNING);
	if (!doc)
		problem(file, "not well-formed XML", NULL);
	CHECK(doc != NULL);
	xmlFreeDoc(doc);
	/* Links in feeds and charts: never code. */
	for (const char *p = strstr(text, "href=\""); p; p = strstr(p + 1, "href=\"")) {
		bool safe = !runs_code(p + 6);
		if (!safe)
			problem(file, "an address that runs code", p);
		CHECK(safe);
	}
}

static void check_json(walk_t *w, const char *file, const char *text)
{
	w->json++;
	bool valid = json_valid(text);
	if (!valid)
		problem(file, "not valid JSON", NULL);
	CHECK(valid);
	/* What comes from the content is written with '<' escaped, so that
	 * any of it could go into a page (the schema is ours, as it is). */
	if (!ends_with(file, "/schema.json"))
		CHECK(!strchr(text, '<'));
}

/* A cell a spreadsheet would run: =, +, -, @, tab or CR first, unless it
 * is a plain number. */
static bool formula(const char *cell)
{
	if (!*cell || !strchr("=+-@\t\r", *cell))
		return false;
	char *end;
	strtod(cell, &end);
	return *end != '\0' || *cell == '+';
}

/* RFC 4180: every row has as many cells as the header, and no cell is a
 * formula. Appends every cell's text and a '\n' to cells. */
static void check_csv(walk_t *w, const char *file, const char *text, buf_t *cells)
{
	w->csv++;
	size_t columns = 0, n = 0, rows = 0;
	bool ok = true;
	buf_t cell = BUF_INIT;
	for (const char *p = text; *p;) {
		buf_reset(&cell);
		if (*p == '"') {
			for (p++; *p && !(*p == '"' && p[1] != '"'); p++) {
				if (*p == '"')
					p++;
				buf_putc(&cell, *p);
			}
			if (*p != '"') {
				problem(file, "a quoted cell that does not end", NULL);
				ok = false;
				break;
			}
			p++;
		} else {
			while (*p && *p != ',' && *p != '\r' && *p != '\n')
				buf_putc(&cell, *p++);
		}
		const char *c = buf_cstr(&cell);
		if (formula(c)) {
			problem(file, "a cell a spreadsheet would take for a formula", c);
			ok = false;
		}
		buf_puts(cells, c);
		buf_putc(cells, '\n');
		n++;
		if (*p == ',') {
			p++;
			continue;
		}
		if (strncmp(p, "\r\n", 2) != 0) {
			problem(file, "a row that does not end in CRLF", p);
			ok = false;
			break;
		}
		p += 2;
		if (rows++ == 0)
			columns = n;
		else if (n != columns) {
			problem(file, "a row with another number of cells", NULL);
			ok = false;
		}
		n = 0;
	}
	CHECK(ok && rows >= 1);
	buf_free(&cell);
}

static void check_robots(const char *file, const char *text)
{
	char *copy = xstrdup(text), *save = NULL;
	bool ok = true;
	for (char *line = strtok_r(copy, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save))
		if (strncmp(line, "User-agent: ", 12) != 0 &&
		    strncmp(line, "Allow: ", 7) != 0 &&
		    strncmp(line, "Disallow: ", 10) != 0 &&
		    strncmp(line, "Sitemap: ", 9) != 0) {
			problem(file, "a line robots.txt should not have", line);
			ok = false;
		}
	CHECK(ok);
	free(copy);
}

static void walk(walk_t *w, const char *dir, buf_t *cells)
{
	char **names;
	size_t n;
	CHECK(fs_list(dir, &names, &n) == 0);
	for (size_t i = 0; i < n; i++) {
		char *path = fs_join(dir, names[i]);
		if (fs_is_dir(path)) {
			walk(w, path, cells);
			free(path);
			continue;
		}
		char *text = NULL;
		size_t len;
		CHECK(fs_read(path, &text, &len) == 0);
		if (!text)
			;
		else if (ends_with(path, ".html"))
			check_html(w, path, text, len);
		else if (ends_with(path, ".xml") || ends_with(path, ".svg"))
			check_xml(w, path, text, len);
		else if (ends_with(path, ".json"))
			check_json(w, path, text);
		else if (ends_with(path, ".csv"))
			check_csv(w, path, text, cells);
		else if (strcmp(path + strlen(w->root), "/robots.txt") == 0)
			check_robots(path, text);
		free(text);
		free(path);
	}
	fs_list_free(names, n);
}

/* The text of a page's body, entities decoded: what a reader sees. */
static char *page_text(const built_t *b, const char *url)
{
	char *html = built_page(b, url);
	CHECK(html != NULL);
	if (!html)
		return xstrdup("");
	htmlDocPtr doc = htmlReadMemory(html, (int)strlen(html), url, "UTF-8",
	                                HTML_PARSE_NONET | HTML_PARSE_NOERROR |
	                                HTML_PARSE_NOWARNING);
	xmlChar *t = doc ? xmlNodeGetContent(xmlDocGetRootElement(doc)) : NULL;
	char *text = xstrdup(t ? (const char *)t : "");
	xmlFree(t);
	xmlFreeDoc(doc);
	free(html);
	return text;
}

static bool has(const char *text, const char *part)
{
	bool found = strstr(text, part) != NULL;
	if (!found)
		printf("  missing: [%s]\n", part);
	return found;
}

static void test_site(const char *name, const char *content, bool hostile)
{
	built_t b;
	built_open(&b, content);
	if (b.diags.errors)
		show_diags(&b.diags);
	CHECK(b.diags.errors == 0);
	walk_t w = {b.out, b.site->base_path, 0, 0, 0, 0, 0, 0};
	buf_t cells = BUF_INIT;
	xmlSetGenericErrorFunc(NULL, quiet);
	walk(&w, b.out, &cells);
	printf("%s: %zu HTML (%zu scripts, %zu JSON-LD), %zu XML and SVG, "
	       "%zu JSON, %zu CSV files\n", name, w.html, w.scripts, w.jsonld, w.xml,
	       w.json, w.csv);
	CHECK(w.html > 10 && w.xml > 2 && w.json > 2 && w.csv >= 2);
	/* The front page and the data page of each language. */
	CHECK(w.jsonld == 2 * b.site->nlangs);
	if (hostile) {
		/* The hostile text is all there, as text. */
		char *a1 = page_text(&b, "/mini/fi/ohjelma/toimenpiteet/a1/");
		CHECK(has(a1, "\"><script>alert(1)</script><img src=x onerror=alert(2)>"));
		CHECK(has(a1, "=cmd|' /C calc'!A0"));
		/* Raw HTML is left out; the text between its tags stays. */
		CHECK(has(a1, "Rekisteri kootaan alert(5) lihava."));
		CHECK(has(a1, "</code><script>alert(19)</script>"));
		CHECK(has(a1, "{{site.title}}"));
		CHECK(has(a1, "Tietohallintojohtaja <script>alert(13)</script> \u202e"));
		CHECK(has(a1, "Esimerkkikunta \"><script>alert(12)</script> ]]> <!-- {{site.title}}"));
		free(a1);
		/* The summary is in the head, an attribute's value. */
		char *a1_html = built_page(&b, "/mini/fi/ohjelma/toimenpiteet/a1/");
		CHECK(a1_html && has(a1_html, "<meta name=\"description\" content=\""
		      "]]&gt;&lt;/summary&gt;&lt;x&gt;&amp;amp; &lt;/script&gt;\">"));
		free(a1_html);
		char *k1 = page_text(&b, "/mini/fi/ohjelma/toimenpiteet/k1/");
		/* A control character shows as U+FFFD; U+2028 stays. */
		CHECK(has(k1, "</script>\u2028<!-- ]]> \xef\xbf\xbd \xef\xbf\xbd valmis"));
		CHECK(has(k1, "@K1</script>"));
		free(k1);
		/* Formulas are text in a spreadsheet; numbers stay numbers. */
		const char *c = buf_cstr(&cells);
		CHECK(has(c, "\n'=cmd|' /C calc'!A0\n"));
		CHECK(has(c, "\n'@K1</script>\n"));
		CHECK(has(c, "\n'@SUM(1) Koulutuspolku\n"));
		CHECK(has(c, "\n'-1 tai +1?\n"));
		CHECK(has(c, "\n'-2+3 \"quoted\", with, commas\n"));
		CHECK(has(c, "\n'=1+1 Utbildningsstig\n"));
		CHECK(has(c, "\n'@Järjestelmät viikoittain käytössä ]]>\n"));
		CHECK(has(c, "\n'+3 på skalan 1–4 \u2028\n"));
		CHECK(has(c, "\n3100\n"));
	}
	buf_free(&cells);
	built_close(&b);
}

/* The scanners themselves find what they are for. */
static void test_scanners(void)
{
	reporting = false;
	static const char *const bad[] = {
		"<a href=\"#\" onclick=\"x()\">", "<p class=\"x\"{{#a}} onmouseover=x{{/a}}>",
		"<div style=\"color:red\">", "<style>p{}</style>",
		"<script>alert(1)</script>", "<script src=\"x.js\">go()</script>",
		"<a href=\"JavaScript:x\">", NULL};
	for (size_t i = 0; bad[i]; i++) {
		char *l = lower(bad[i]);
		bool found = strstr(l, "<style") || strstr(l, "javascript:") ||
		             !scripts_ok("(test)", l);
		for (const char *p = l; *p && !found; p++)
			found = attribute_at(l, p, "on", true) ||
			        attribute_at(l, p, "style", false);
		CHECK(found);
		free(l);
	}
	CHECK(scripts_ok("(test)", "<script src=\"{{site.static_url}}x.js\" defer></script>"));
	CHECK(scripts_ok("(test)", "<script type=\"application/ld+json\">{{{jsonld}}}</script>"));
	CHECK(!attribute_at("<a data-on=\"x\">", strstr("<a data-on=\"x\">", "on"), "on", true));
	CHECK(!attribute_at("x one=", strstr("x one=", "one"), "on", false));
	CHECK(runs_code(" JaVa\tScRiPt:alert(1)"));
	CHECK(runs_code("data:text/html,x"));
	CHECK(!runs_code("https://example.org/javascript:"));
	CHECK(formula("=1+1") && formula("+1") && formula("@SUM(1)") &&
	      formula("-1+1") && formula("\tx"));
	CHECK(!formula("-1") && !formula("-2.5") && !formula("'=1") && !formula("1"));
	reporting = true;
}

int main(void)
{
	test_scanners();
	test_json_validator();
	check_theme("themes/default");
	test_site("hostile", "tests/sites/hostile/content", true);
	test_site("mini", "tests/sites/mini/content", false);
	test_site("content", "content", false);
	xmlCleanupParser();
	return harness_report();
}
