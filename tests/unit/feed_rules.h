/* What tests/unit/check_feeds.c and check_schemas.c share: the schemas
 * of tests/schemas/ loaded into libxml2's validators (RELAX NG for Atom,
 * XML Schema for the sitemap), a built site read from disk (its address
 * from robots.txt, its languages, every page's head), and the rules a
 * schema cannot hold: every page in the sitemap once with the versions its
 * head names, each a version of the others; in a feed, one alternate link
 * per type and language, unique ids, real RFC 3339 dates, newest first.
 * Everything here is static inline, as in built_site.h. */
#ifndef PORTA_FEED_RULES_H
#define PORTA_FEED_RULES_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlschemas.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/fs.h"
#include "core/map.h"
#include "harness.h"

#define ATOM_NS "http://www.w3.org/2005/Atom"
#define SITEMAP_NS "http://www.sitemaps.org/schemas/sitemap/0.9"
#define XHTML_NS "http://www.w3.org/1999/xhtml"
#define MAX_LANGS 8
#define MAX_FEEDS 4 /* Atom links in one page's head */

/* --- Schemas ------------------------------------------------------------ */

static xmlRelaxNGPtr atom_schema;
static xmlSchemaPtr sitemap_schema;

/* What the validators said about the last document, kept to be shown
 * only when a document that should pass does not. */
static buf_t said = BUF_INIT;
static int nsaid;

#if LIBXML_VERSION >= 21200
static inline void hear(void *ctx, const xmlError *e)
#else
static inline void hear(void *ctx, xmlErrorPtr e)
#endif
{
	(void)ctx;
	if (nsaid++ < 5)
		buf_printf(&said, "    line %d: %s", e->line,
		           e->message ? e->message : "(no message)\n");
}

static inline void load_schemas(void)
{
	xmlRelaxNGParserCtxtPtr rp = xmlRelaxNGNewParserCtxt("tests/schemas/atom.rng");
	xmlRelaxNGSetParserStructuredErrors(rp, hear, NULL);
	atom_schema = xmlRelaxNGParse(rp);
	xmlRelaxNGFreeParserCtxt(rp);
	xmlSchemaParserCtxtPtr sp = xmlSchemaNewParserCtxt("tests/schemas/sitemap.xsd");
	xmlSchemaSetParserStructuredErrors(sp, hear, NULL);
	sitemap_schema = xmlSchemaParse(sp);
	xmlSchemaFreeParserCtxt(sp);
	CHECK(atom_schema != NULL);
	CHECK(sitemap_schema != NULL);
	if (!atom_schema || !sitemap_schema)
		printf("  the schemas do not load:\n%s", buf_cstr(&said));
}

/* True when doc is valid; what was wrong is in said. */
static inline bool valid_atom(xmlDocPtr doc)
{
	buf_reset(&said);
	nsaid = 0;
	if (!atom_schema)
		return false;
	xmlRelaxNGValidCtxtPtr v = xmlRelaxNGNewValidCtxt(atom_schema);
	xmlRelaxNGSetValidStructuredErrors(v, hear, NULL);
	int rc = xmlRelaxNGValidateDoc(v, doc);
	xmlRelaxNGFreeValidCtxt(v);
	return rc == 0;
}

static inline bool valid_sitemap(xmlDocPtr doc)
{
	buf_reset(&said);
	nsaid = 0;
	if (!sitemap_schema)
		return false;
	xmlSchemaValidCtxtPtr v = xmlSchemaNewValidCtxt(sitemap_schema);
	xmlSchemaSetValidStructuredErrors(v, hear, NULL);
	int rc = xmlSchemaValidateDoc(v, doc);
	xmlSchemaFreeValidCtxt(v);
	return rc == 0;
}

/* --- Small helpers ------------------------------------------------------ */

static inline bool is(xmlNodePtr n, const char *ns, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->ns &&
	       xmlStrEqual(n->ns->href, BAD_CAST ns) &&
	       xmlStrEqual(n->name, BAD_CAST name);
}

static inline bool is_in(xmlNodePtr n, const char *ns)
{
	return n->type == XML_ELEMENT_NODE && n->ns && xmlStrEqual(n->ns->href, BAD_CAST ns);
}

static inline xmlNodePtr child(xmlNodePtr n, const char *ns, const char *name)
{
	for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
		if (is(c, ns, name))
			return c;
	return NULL;
}

static inline xmlNodePtr next_sibling(xmlNodePtr n, const char *ns, const char *name)
{
	for (n = n->next; n; n = n->next)
		if (is(n, ns, name))
			return n;
	return NULL;
}

/* The text of an element or the value of an attribute, from arena; ""
 * when there is none. */
static inline const char *text_of(arena_t *a, xmlNodePtr n)
{
	xmlChar *t = n ? xmlNodeGetContent(n) : NULL;
	const char *s = arena_strdup(a, t ? (const char *)t : "");
	xmlFree(t);
	return s;
}

static inline const char *attr(arena_t *a, xmlNodePtr n, const char *name)
{
	xmlChar *t = xmlGetProp(n, BAD_CAST name);
	const char *s = t ? arena_strdup(a, (const char *)t) : NULL;
	xmlFree(t);
	return s;
}

/* Problems are counted; printed unless the check is run on a mutated
 * copy that is meant to have them. */
static bool quiet;

__attribute__((format(printf, 2, 3)))
static inline void problem(size_t *n, const char *fmt, ...)
{
	(*n)++;
	if (quiet || *n > 20)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("  ", stdout);
	vprintf(fmt, ap);
	fputs("\n", stdout);
	va_end(ap);
}

static inline bool digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static inline int number(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* RFC 3339 date-time as Atom writes it (RFC 4287, 3.3): upper-case T and
 * Z, a day that exists, a time that does (a leap second included). */
static inline bool rfc3339(const char *s)
{
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (strlen(s) < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2) || s[10] != 'T' || !digits(s + 11, 2) ||
	    s[13] != ':' || !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
		return false;
	int y = number(s, 4), mo = number(s + 5, 2), d = number(s + 8, 2);
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] ||
	    (mo == 2 && d == 29 && !leap) || number(s + 11, 2) > 23 ||
	    number(s + 14, 2) > 59 || number(s + 17, 2) > 60)
		return false;
	const char *p = s + 19;
	if (*p == '.') {
		if (!digits(++p, 1))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (strcmp(p, "Z") == 0)
		return true;
	return (*p == '+' || *p == '-') && digits(p + 1, 2) && p[3] == ':' &&
	       digits(p + 4, 2) && p[6] == '\0' && number(p + 1, 2) <= 23 &&
	       number(p + 4, 2) <= 59;
}

/* --- The built site on disk --------------------------------------------- */

typedef struct {
	const char *url;             /* absolute */
	const char *lang;            /* of <html> */
	const char *alt[MAX_LANGS];  /* the head's hreflang alternates, by language */
	const char *feeds[MAX_FEEDS]; /* the head's Atom links, absolute */
	size_t nfeeds;
	int listed;                  /* times in the sitemap */
} web_page_t;

typedef struct {
	const char *url;   /* absolute */
	const char *lang;  /* xml:lang */
	const char *page;  /* the alternate link */
	map_t entries;     /* id -> the entry's alternate link */
	const char **ids;  /* in order */
	size_t nentries, cap;
} feed_file_t;

typedef struct {
	const char *name;  /* for messages */
	const char *dir;
	arena_t *arena;
	const char *base;  /* base_url with its final slash, from robots.txt */
	const char *origin; /* scheme and host of base */
	const char *langs[MAX_LANGS];
	size_t nlangs;
	map_t pages;       /* url -> web_page_t */
	web_page_t **page_list;
	size_t npages, pcap;
	feed_file_t **feeds;
	size_t nfeeds, fcap;
	const char **feed_files; /* site paths of the feed.xml files */
	size_t nfeed_files, ffcap;
	size_t problems;
} site_files_t;

static inline size_t lang_index(const site_files_t *s, const char *lang)
{
	for (size_t l = 0; lang && l < s->nlangs; l++)
		if (strcmp(s->langs[l], lang) == 0)
			return l;
	return MAX_LANGS;
}

/* A link of a page made absolute: porta writes absolute addresses and
 * paths from the host's root. */
static inline const char *absolute(const site_files_t *s, const char *href)
{
	if (href[0] == '/' && href[1] != '/')
		return arena_printf(s->arena, "%s%s", s->origin, href);
	return href;
}

/* What the sitemap and the feeds are compared with: the page's language,
 * its hreflang alternates and its Atom links. */
static inline void read_head(site_files_t *s, web_page_t *p, const char *path)
{
	/* Only the head is read: the body is most of the bytes. */
	char *text = NULL;
	size_t len = 0;
	if (fs_read(path, &text, &len) == 0) {
		char *end = strstr(text, "</head>");
		if (end)
			len = (size_t)(end - text);
	}
	htmlDocPtr doc = text ? htmlReadMemory(text, (int)len, path, "UTF-8",
	                                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                                       HTML_PARSE_NONET | HTML_PARSE_COMPACT)
	                      : NULL;
	free(text);
	if (!doc) {
		problem(&s->problems, "%s: %s cannot be read as HTML", s->name, path);
		return;
	}
	xmlNodePtr html = xmlDocGetRootElement(doc);
	p->lang = html ? attr(s->arena, html, "lang") : NULL;
	xmlNodePtr head = html ? html->children : NULL;
	while (head && !(head->type == XML_ELEMENT_NODE &&
	                 xmlStrEqual(head->name, BAD_CAST "head")))
		head = head->next;
	for (xmlNodePtr n = head ? head->children : NULL; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE || !xmlStrEqual(n->name, BAD_CAST "link"))
			continue;
		const char *rel = attr(s->arena, n, "rel");
		const char *href = attr(s->arena, n, "href");
		const char *hreflang = attr(s->arena, n, "hreflang");
		const char *type = attr(s->arena, n, "type");
		if (!rel || !href || strcmp(rel, "alternate") != 0)
			continue;
		size_t l = lang_index(s, hreflang);
		if (l < MAX_LANGS)
			p->alt[l] = absolute(s, href);
		else if (type && strcmp(type, "application/atom+xml") == 0 &&
		         p->nfeeds < MAX_FEEDS)
			p->feeds[p->nfeeds++] = absolute(s, href);
	}
	xmlFreeDoc(doc);
}

/* Every file of the site: pages (every .html but the 404 page) with
 * their addresses, and the feeds. */
static inline void walk(site_files_t *s, const char *rel)
{
	char *dir = fs_join(s->dir, rel);
	char **names;
	size_t n;
	if (fs_list(dir, &names, &n) < 0) {
		problem(&s->problems, "%s: cannot list %s", s->name, dir);
		free(dir);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		const char *r = *rel ? arena_printf(s->arena, "%s/%s", rel, names[i])
		                     : arena_strdup(s->arena, names[i]);
		char *path = fs_join(s->dir, r);
		size_t len = strlen(r);
		if (fs_is_dir(path)) {
			walk(s, r);
		} else if (strcmp(names[i], "feed.xml") == 0) {
			arena_grow(s->arena, (void **)&s->feed_files, s->nfeed_files,
			           &s->ffcap, sizeof *s->feed_files);
			s->feed_files[s->nfeed_files++] = r;
		} else if (len > 5 && strcmp(r + len - 5, ".html") == 0 &&
		           strcmp(r, "404.html") != 0) {
			web_page_t *p = arena_alloc(s->arena, sizeof *p);
			bool index = strcmp(names[i], "index.html") == 0;
			p->url = arena_printf(s->arena, "%s%.*s", s->base,
			                      (int)(index ? len - strlen("index.html") : len), r);
			read_head(s, p, path);
			map_put(&s->pages, p->url, p);
			arena_grow(s->arena, (void **)&s->page_list, s->npages, &s->pcap,
			           sizeof *s->page_list);
			s->page_list[s->npages++] = p;
		}
		free(path);
	}
	fs_list_free(names, n);
	free(dir);
}

static inline xmlDocPtr read_xml(site_files_t *s, const char *rel)
{
	char *path = fs_join(s->dir, rel);
	xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                                        XML_PARSE_NOWARNING);
	if (!doc)
		problem(&s->problems, "%s: %s is not well-formed XML", s->name, rel);
	free(path);
	return doc;
}

/* robots.txt: every line a field the format knows, the whole site
 * allowed, and the sitemap's absolute address, from which the site's
 * own address is read. */
static inline bool robots(site_files_t *s)
{
	char *path = fs_join(s->dir, "robots.txt");
	char *text = NULL;
	size_t len;
	int rc = fs_read(path, &text, &len);
	free(path);
	if (rc < 0) {
		problem(&s->problems, "%s: no robots.txt", s->name);
		return false;
	}
	bool agent = false;
	for (char *line = text, *end; *line; line = end + (*end != '\0')) {
		end = line + strcspn(line, "\n");
		const char *l = arena_strndup(s->arena, line, (size_t)(end - line));
		const char *colon = strchr(l, ':');
		if (!*l || *l == '#')
			continue;
		const char *value = colon ? colon + 1 + strspn(colon + 1, " \t") : "";
		size_t field = colon ? (size_t)(colon - l) : 0;
		if (field == 10 && strncasecmp(l, "User-agent", 10) == 0) {
			agent = true;
		} else if (field == 5 && strncasecmp(l, "Allow", 5) == 0) {
			/* porta allows everything */
		} else if (field == 8 && strncasecmp(l, "Disallow", 8) == 0) {
			if (strcmp(value, "/") == 0)
				problem(&s->problems, "%s: robots.txt disallows the whole site", s->name);
		} else if (field == 7 && strncasecmp(l, "Sitemap", 7) == 0) {
			size_t n = strlen(value);
			if (strncmp(value, "https://", 8) && strncmp(value, "http://", 7))
				problem(&s->problems, "%s: robots.txt: the sitemap's address %s is not absolute",
				        s->name, value);
			else if (n < 12 || strcmp(value + n - 12, "/sitemap.xml") != 0)
				problem(&s->problems, "%s: robots.txt names %s, not the site's sitemap.xml",
				        s->name, value);
			else
				s->base = arena_strndup(s->arena, value, n - strlen("sitemap.xml"));
		} else {
			problem(&s->problems, "%s: robots.txt: unknown line \"%s\"", s->name, l);
		}
	}
	free(text);
	if (!agent)
		problem(&s->problems, "%s: robots.txt has no User-agent line", s->name);
	if (!s->base) {
		problem(&s->problems, "%s: robots.txt does not name the sitemap", s->name);
		return false;
	}
	const char *host = strstr(s->base, "://") + 3;
	s->origin = arena_strndup(s->arena, s->base, (size_t)(host - s->base) + strcspn(host, "/"));
	return true;
}

/* The site's languages: the root page's hreflang alternates but
 * x-default. */
static inline void languages(site_files_t *s)
{
	char *path = fs_join(s->dir, "index.html");
	char *html = NULL;
	size_t len;
	if (fs_read(path, &html, &len) == 0) {
		const char *key = "hreflang=\"";
		for (const char *p = strstr(html, key); p && s->nlangs < MAX_LANGS;
		     p = strstr(p, key)) {
			p += strlen(key);
			size_t n = strcspn(p, "\"");
			if (n && strncmp(p, "x-default", n) != 0)
				s->langs[s->nlangs++] = arena_strndup(s->arena, p, n);
		}
	}
	free(html);
	free(path);
	if (!s->nlangs)
		problem(&s->problems, "%s: the root page names no language", s->name);
}

/* --- The sitemap --------------------------------------------------------- */

/* Every url of the sitemap is a page of the site; a page in a language
 * lists itself and its versions in every language, each a page of the
 * sitemap that lists the same versions, and the same as the page's own
 * head says. Counts how often each page is listed. */
static inline size_t sitemap_rules(site_files_t *s, xmlDocPtr doc, size_t *nurls,
                            size_t *nalternates)
{
	size_t problems = 0;
	xmlNodePtr set = xmlDocGetRootElement(doc);
	for (size_t i = 0; i < s->npages; i++)
		s->page_list[i]->listed = 0;
	*nurls = *nalternates = 0;
	for (xmlNodePtr u = child(set, SITEMAP_NS, "url"); u;
	     u = next_sibling(u, SITEMAP_NS, "url")) {
		(*nurls)++;
		const char *loc = text_of(s->arena, child(u, SITEMAP_NS, "loc"));
		web_page_t *p = map_get(&s->pages, loc);
		if (!p) {
			problem(&problems, "%s: sitemap: %s is not a page of the site", s->name, loc);
			continue;
		}
		p->listed++;
		const char *alt[MAX_LANGS] = {0};
		size_t nalt = 0;
		for (xmlNodePtr c = u->children; c; c = c->next) {
			/* The protocol's own elements are the schema's to check;
			 * it lets through other XHTML elements, which are not
			 * part of the extension. */
			if (c->type != XML_ELEMENT_NODE || is_in(c, SITEMAP_NS))
				continue;
			if (!is(c, XHTML_NS, "link")) {
				if (is_in(c, XHTML_NS))
					problem(&problems, "%s: sitemap: %s has an <xhtml:%s>",
					        s->name, loc, (const char *)c->name);
				continue;
			}
			const char *lang = attr(s->arena, c, "hreflang");
			size_t l = lang_index(s, lang);
			if (l == MAX_LANGS)
				problem(&problems, "%s: sitemap: %s has an alternate in %s, not a language of the site",
				        s->name, loc, lang ? lang : "no language");
			else
				alt[l] = attr(s->arena, c, "href");
			nalt++;
		}
		*nalternates += nalt;
		/* The root page chooses the language: it is no language's
		 * version. */
		if (strcmp(loc, s->base) == 0) {
			if (nalt)
				problem(&problems, "%s: sitemap: the root page has language alternates", s->name);
			continue;
		}
		size_t own = lang_index(s, p->lang);
		if (own == MAX_LANGS || !alt[own] || strcmp(alt[own], loc) != 0)
			problem(&problems, "%s: sitemap: %s (%s) does not list itself among its alternates",
			        s->name, loc, p->lang ? p->lang : "no lang");
		for (size_t l = 0; l < s->nlangs; l++) {
			if (!alt[l]) {
				problem(&problems, "%s: sitemap: %s has no %s alternate", s->name, loc, s->langs[l]);
				continue;
			}
			if (!p->alt[l] || strcmp(p->alt[l], alt[l]) != 0)
				problem(&problems, "%s: sitemap: %s's %s alternate is %s, its head says %s",
				        s->name, loc, s->langs[l], alt[l], p->alt[l] ? p->alt[l] : "nothing");
			web_page_t *q = map_get(&s->pages, alt[l]);
			if (!q) {
				problem(&problems, "%s: sitemap: %s's %s alternate %s is not a page",
				        s->name, loc, s->langs[l], alt[l]);
				continue;
			}
			if (!q->lang || strcmp(q->lang, s->langs[l]) != 0)
				problem(&problems, "%s: sitemap: %s's %s alternate %s is in %s",
				        s->name, loc, s->langs[l], alt[l], q->lang ? q->lang : "no language");
		}
		/* Each version lists the same versions (its own url is checked
		 * when it comes). */
		for (size_t l = 0; l < s->nlangs; l++) {
			web_page_t *q = alt[l] ? map_get(&s->pages, alt[l]) : NULL;
			for (size_t k = 0; q && k < s->nlangs; k++)
				if (alt[k] && (!q->alt[k] || strcmp(q->alt[k], alt[k]) != 0))
					problem(&problems, "%s: %s and its %s version %s disagree on the %s version",
					        s->name, loc, s->langs[l], alt[l], s->langs[k]);
		}
	}
	for (size_t i = 0; i < s->npages; i++)
		if (s->page_list[i]->listed != 1)
			problem(&problems, "%s: sitemap: %s is listed %d times", s->name,
			        s->page_list[i]->url, s->page_list[i]->listed);
	return problems;
}

/* --- Feeds ---------------------------------------------------------------- */

/* Rules of RFC 4287 a grammar cannot hold, and porta's own: one
 * alternate link per type and language, unique entry ids, real dates,
 * the feed as new as its newest entry, entries newest first. Fills f
 * when it is given. */
static inline size_t atom_rules(site_files_t *s, const char *where, xmlDocPtr doc,
                         feed_file_t *f)
{
	size_t problems = 0;
	arena_t *a = s->arena;
	xmlNodePtr feed = xmlDocGetRootElement(doc);
	map_t ids = MAP_INIT;
	const char *newest = "", *prev = NULL;
	const char *updated = text_of(a, child(feed, ATOM_NS, "updated"));
	if (!rfc3339(updated))
		problem(&problems, "%s: the feed's updated %s is not an RFC 3339 date", where, updated);
	for (xmlNodePtr n = feed->children; n; n = n->next) {
		if (!is(n, ATOM_NS, "entry"))
			continue;
		const char *id = text_of(a, child(n, ATOM_NS, "id"));
		const char *up = text_of(a, child(n, ATOM_NS, "updated"));
		if (map_put(&ids, id, (void *)id))
			problem(&problems, "%s: two entries have the id %s", where, id);
		if (!rfc3339(up))
			problem(&problems, "%s: %s: updated %s is not an RFC 3339 date", where, id, up);
		xmlNodePtr pub = child(n, ATOM_NS, "published");
		if (pub && !rfc3339(text_of(a, pub)))
			problem(&problems, "%s: %s: published is not an RFC 3339 date", where, id);
		if (prev && strcmp(up, prev) > 0)
			problem(&problems, "%s: %s is newer than the entry before it", where, id);
		prev = up;
		if (strcmp(up, newest) > 0)
			newest = up;
		const char *page = NULL;
		size_t nalt = 0;
		for (xmlNodePtr l = child(n, ATOM_NS, "link"); l; l = next_sibling(l, ATOM_NS, "link")) {
			const char *rel = attr(a, l, "rel");
			if (!rel || strcmp(rel, "alternate") == 0) {
				page = attr(a, l, "href");
				nalt++;
			}
		}
		if (nalt > 1)
			problem(&problems, "%s: %s has %zu alternate links", where, id, nalt);
		if (f) {
			map_put(&f->entries, id, (void *)(page ? page : ""));
			arena_grow(a, (void **)&f->ids, f->nentries, &f->cap, sizeof *f->ids);
			f->ids[f->nentries++] = id;
		}
	}
	if (*newest && strcmp(updated, newest) != 0)
		problem(&problems, "%s: the feed is dated %s, its newest entry %s", where,
		        updated, newest);
	/* Alternate links of the feed: one per type and language. */
	const char *seen[16];
	size_t nseen = 0;
	for (xmlNodePtr l = child(feed, ATOM_NS, "link"); l; l = next_sibling(l, ATOM_NS, "link")) {
		const char *rel = attr(a, l, "rel");
		if (rel && strcmp(rel, "alternate") != 0)
			continue;
		const char *type = attr(a, l, "type"), *lang = attr(a, l, "hreflang");
		const char *k = arena_printf(a, "%s|%s", type ? type : "", lang ? lang : "");
		for (size_t i = 0; i < nseen; i++)
			if (strcmp(seen[i], k) == 0)
				problem(&problems, "%s: two alternate links of type %s", where,
				        type ? type : "(none)");
		if (nseen < 16)
			seen[nseen++] = k;
		if (f)
			f->page = attr(a, l, "href");
	}
	map_free(&ids);
	return problems;
}

/* --- Opening and closing ------------------------------------------------- */

/* Reads what the rules compare with: the site's address (robots.txt),
 * its languages and every page's head. False when the address cannot be
 * found. Close with site_files_close in any case. */
static inline bool site_files_open(site_files_t *s, const char *name,
                                   const char *dir)
{
	*s = (site_files_t){.name = name, .dir = dir, .arena = arena_new(),
	                    .pages = MAP_INIT};
	if (!robots(s))
		return false;
	languages(s);
	walk(s, "");
	return true;
}

static inline void site_files_close(site_files_t *s)
{
	for (size_t i = 0; i < s->nfeeds; i++)
		map_free(&s->feeds[i]->entries);
	map_free(&s->pages);
	arena_free(s->arena);
}

static inline void schemas_free(void)
{
	xmlRelaxNGFree(atom_schema);
	xmlSchemaFree(sitemap_schema);
	buf_free(&said);
	xmlCleanupParser();
}

#endif
