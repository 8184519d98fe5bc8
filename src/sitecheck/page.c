/* One parsed page, element by element in document order: where each
 * element is, the ids and names fragments may lead to, the addresses it
 * links to, and the checks of structure.c. */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "sitecheck_internal.h"

/* libxml2 gives an element's line (the line its start tag ends on) but
 * no column. Start tags come in document order, so a cursor that only
 * moves forward through the source finds each "<tag" on its line, or on
 * an earlier line when the tag spans several. */
typedef struct {
	const char *text, *end;
	const char *at;         /* the search goes on from here */
	const char *line_start; /* of line `line` */
	int line;
} cursor_t;

typedef struct {
	sitecheck_t *sc;
	sc_page_t *page;
	cursor_t cursor;
	sc_structure_t structure;
} walker_t;

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '-' || c == ':' || c == '_';
}

static bool tag_at(const char *p, const char *end, const char *tag, size_t n)
{
	return p[0] == '<' && (size_t)(end - p) > n &&
	       strncasecmp(p + 1, tag, n) == 0 &&
	       ((size_t)(end - p) == n + 1 || !name_char(p[n + 1]));
}

/* Characters, not bytes, from start to p, plus one. */
static int column(const char *start, const char *p)
{
	int col = 1;
	for (; start < p; start++)
		col += ((unsigned char)*start & 0xc0) != 0x80;
	return col;
}

static pos_t locate(cursor_t *c, const xmlNode *el)
{
	long line = xmlGetLineNo(el);
	if (line <= 0)
		return POS_FIRST_LINE;
	while (c->line < line) {
		const char *nl = memchr(c->line_start, '\n',
		                        (size_t)(c->end - c->line_start));
		if (!nl)
			return (pos_t){(int)line, 1};
		c->line_start = nl + 1;
		c->line++;
	}
	if (c->line != line)
		return (pos_t){(int)line, 1};
	const char *tag = (const char *)el->name;
	size_t n = strlen(tag);
	const char *eol = memchr(c->line_start, '\n',
	                         (size_t)(c->end - c->line_start));
	if (!eol)
		eol = c->end;
	const char *from = c->at > c->line_start ? c->at : c->line_start;
	for (const char *p = from; p < eol; p++) {
		if (tag_at(p, c->end, tag, n)) {
			c->at = p + 1;
			return (pos_t){(int)line, column(c->line_start, p)};
		}
	}
	/* A start tag that spans lines: the last "<tag" before this line. */
	for (const char *p = c->line_start; p-- > c->at;) {
		if (tag_at(p, c->end, tag, n)) {
			int back = 0;
			const char *start = p;
			for (const char *q = p; q < c->line_start; q++)
				back += *q == '\n';
			while (start > c->text && start[-1] != '\n')
				start--;
			c->at = p + 1;
			return (pos_t){(int)line - back, column(start, p)};
		}
	}
	return (pos_t){(int)line, 1};
}

const char *sc_attr(sitecheck_t *sc, xmlNode *el, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(el, (const xmlChar *)name);
	if (!v)
		return NULL;
	const char *s = arena_strdup(sc->arena, (const char *)v);
	xmlFree(v);
	return s;
}

static void add_target(walker_t *w, const char *name, pos_t pos, bool is_id)
{
	if (!name || !*name)
		return;
	sc_target_t *first = map_get(&w->page->targets, name);
	if (first) {
		if (is_id && first->is_id) {
			char line[16];
			snprintf(line, sizeof line, "%d", first->pos.line);
			diag_error(w->sc->diags, w->page->shown, pos,
			           MSG_SITE_DUPLICATE_ID, name, line);
		}
		first->is_id |= is_id;
		return;
	}
	sc_target_t *t = arena_alloc(w->sc->arena, sizeof *t);
	t->pos = pos;
	t->is_id = is_id;
	map_put(&w->page->targets, name, t);
}

static void add_link(walker_t *w, const char *url, size_t len, pos_t pos)
{
	sitecheck_t *sc = w->sc;
	sc_page_t *page = w->page;
	arena_grow(sc->arena, (void **)&page->links, page->nlinks, &page->cap,
	           sizeof *page->links);
	page->links[page->nlinks++] = (sc_link_t){
		arena_strndup(sc->arena, url, len), pos};
}

/* srcset: "a.png 1x, b.png 2x": the address before each comma. */
static void add_srcset(walker_t *w, const char *set, pos_t pos)
{
	const char *p = set;
	while (*p) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == ',')
			p++;
		const char *start = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' &&
		       !(*p == ',' && (!p[1] || p[1] == ' ')))
			p++;
		if (p > start)
			add_link(w, start, (size_t)(p - start), pos);
		while (*p && *p != ',')
			p++;
	}
}

/* The attributes that hold an address a browser goes to or fetches. */
static void collect_links(walker_t *w, xmlNode *el, pos_t pos)
{
	static const struct {
		const char *tag, *attr;
	} kinds[] = {
		{"a", "href"}, {"area", "href"}, {"link", "href"},
		{"img", "src"}, {"script", "src"}, {"iframe", "src"},
		{"source", "src"}, {"audio", "src"}, {"video", "src"},
		{"video", "poster"}, {"track", "src"}, {"embed", "src"},
		{"object", "data"}, {"form", "action"}, {"input", "src"},
	};
	const char *tag = (const char *)el->name;
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		if (strcmp(tag, kinds[i].tag) != 0)
			continue;
		const char *url = sc_attr(w->sc, el, kinds[i].attr);
		if (url)
			add_link(w, url, strlen(url), pos);
	}
	if (strcmp(tag, "img") == 0 || strcmp(tag, "source") == 0) {
		const char *set = sc_attr(w->sc, el, "srcset");
		if (set)
			add_srcset(w, set, pos);
	}
}

static void visit(walker_t *w, xmlNode *n)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		pos_t pos = locate(&w->cursor, n);
		/* A template's content is not part of the page until a script
		 * copies it in. */
		if (strcmp((const char *)n->name, "template") == 0)
			continue;
		add_target(w, sc_attr(w->sc, n, "id"), pos, true);
		if (strcmp((const char *)n->name, "a") == 0)
			add_target(w, sc_attr(w->sc, n, "name"), pos, false);
		collect_links(w, n, pos);
		structure_element(w->sc, w->page, &w->structure, n, pos);
		visit(w, n->children);
	}
}

void page_check(sitecheck_t *sc, sc_page_t *page, xmlDoc *doc,
                const char *source, size_t len)
{
	walker_t w = {sc, page, {source, source + len, source, source, 1},
	              {0, 0, POS_NONE, POS_NONE}};
	visit(&w, xmlDocGetRootElement(doc));
	structure_finish(sc, page, &w.structure);
}
