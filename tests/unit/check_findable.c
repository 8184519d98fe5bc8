/* Feeds, sitemap, robots.txt and the head of every page: valid Atom
 * (RFC 4287's required elements, unique ids, newest first), a sitemap with
 * every page and its versions in every language, and the metadata search
 * engines and link previews read. The site's own search index: its form
 * (docs/search.md), its size, and the fields of some words. */
#include "core/report.h"
#include "harness.h"

#include <libxml/parser.h>
#include <libxml/tree.h>

#include "built_site.h"
#include "view/view.h"
#include "write/feeds.h"
#include "write/search.h"

static xmlDocPtr parse(const built_t *b, const char *url)
{
	char *text = built_page(b, url);
	CHECK(text != NULL);
	if (!text)
		return NULL;
	xmlDocPtr doc = xmlReadMemory(text, (int)strlen(text), url, "UTF-8",
	                              XML_PARSE_NONET | XML_PARSE_NOERROR);
	free(text);
	CHECK(doc != NULL);
	return doc;
}

static size_t children(xmlNodePtr n, const char *name)
{
	size_t k = 0;
	for (xmlNodePtr c = n->children; c; c = c->next)
		k += c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name);
	return k;
}

static const char *child_text(xmlNodePtr n, const char *name, char *out,
                              size_t size)
{
	out[0] = '\0';
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name)) {
			xmlChar *t = xmlNodeGetContent(c);
			snprintf(out, size, "%s", (const char *)t);
			xmlFree(t);
		}
	return out;
}

static bool rfc3339(const char *s)
{
	return strlen(s) == 20 && s[4] == '-' && s[7] == '-' && s[10] == 'T' &&
	       s[19] == 'Z';
}

/* Returns the number of entries. */
static size_t atom(const built_t *b, const char *url)
{
	xmlDocPtr doc = parse(b, url);
	if (!doc)
		return 0;
	xmlNodePtr feed = xmlDocGetRootElement(doc);
	CHECK(xmlStrEqual(feed->name, BAD_CAST "feed"));
	CHECK(feed->ns && xmlStrEqual(feed->ns->href,
	                              BAD_CAST "http://www.w3.org/2005/Atom"));
	CHECK(children(feed, "id") == 1 && children(feed, "title") == 1 &&
	      children(feed, "updated") == 1 && children(feed, "author") == 1);
	char buf[512], prev[512] = "9999";
	CHECK(rfc3339(child_text(feed, "updated", buf, sizeof buf)));
	map_t ids = MAP_INIT;
	arena_t *a = arena_new();
	size_t n = 0;
	for (xmlNodePtr e = feed->children; e; e = e->next) {
		if (e->type != XML_ELEMENT_NODE || !xmlStrEqual(e->name, BAD_CAST "entry"))
			continue;
		n++;
		CHECK(children(e, "id") == 1 && children(e, "title") == 1 &&
		      children(e, "updated") == 1 && children(e, "link") >= 1 &&
		      children(e, "content") == 1);
		const char *id = arena_strdup(a, child_text(e, "id", buf, sizeof buf));
		CHECK(strncmp(id, "tag:", 4) == 0);
		CHECK(map_put(&ids, id, (void *)1) == NULL); /* ids are unique */
		child_text(e, "updated", buf, sizeof buf);
		CHECK(rfc3339(buf) && strcmp(buf, prev) <= 0); /* newest first */
		snprintf(prev, sizeof prev, "%s", buf);
	}
	map_free(&ids);
	arena_free(a);
	xmlFreeDoc(doc);
	return n;
}

typedef struct {
	const built_t *b;
	arena_t *arena;
	map_t urls;  /* from the sitemap */
	size_t pages, missing, heads;
} pages_t;

static int each_page(const page_ref_t *ref, void *ctx)
{
	pages_t *p = ctx;
	if (!view_template(ref->kind) || ref->kind == PAGE_NOT_FOUND)
		return 0;
	const char *url = view_url(p->arena, p->b->site, ref);
	const char *abs = urls_absolute(p->arena, p->b->site, url);
	p->pages++;
	if (!map_get(&p->urls, abs)) {
		p->missing++;
		printf("  not in the sitemap: %s\n", abs);
	}
	if (ref->kind == PAGE_ROOT)
		return 0;
	/* The head: canonical address, description, feed, sharing data. */
	char *html = built_page(p->b, url);
	char *canonical = arena_printf(p->arena, "<link rel=\"canonical\" href=\"%s\">",
	                               abs);
	bool ok = html && strstr(html, canonical) &&
	          strstr(html, "<meta name=\"description\" content=\"") &&
	          strstr(html, "type=\"application/atom+xml\"") &&
	          strstr(html, "<meta property=\"og:title\"") &&
	          strstr(html, "<meta property=\"og:image\"") &&
	          strstr(html, "<meta name=\"twitter:card\"");
	p->heads += ok;
	if (!ok)
		printf("  incomplete head: %s\n", url);
	free(html);
	return 0;
}

static void sitemap(const built_t *b)
{
	xmlDocPtr doc = parse(b, "/sitemap.xml");
	if (!doc)
		return;
	xmlNodePtr set = xmlDocGetRootElement(doc);
	CHECK(xmlStrEqual(set->name, BAD_CAST "urlset"));
	pages_t p = {b, arena_new(), MAP_INIT, 0, 0, 0};
	size_t urls = 0, alternates = 0;
	for (xmlNodePtr u = set->children; u; u = u->next) {
		if (u->type != XML_ELEMENT_NODE)
			continue;
		urls++;
		char buf[512];
		map_put(&p.urls, arena_strdup(p.arena, child_text(u, "loc", buf, sizeof buf)),
		        (void *)1);
		size_t links = children(u, "link");
		CHECK(links == 0 || links == b->site->nlangs);
		alternates += links;
	}
	CHECK(urls > 0 && alternates > 0);
	view_pages(b->site, each_page, &p);
	CHECK(p.missing == 0 && p.pages == urls);
	CHECK(p.heads == p.pages - 1);
	printf("findable: %zu pages in the sitemap, %zu heads checked\n", urls,
	       p.heads);
	map_free(&p.urls);
	arena_free(p.arena);
	xmlFreeDoc(doc);
	char *robots = built_page(b, "/robots.txt");
	CHECK(robots && strstr(robots, "Sitemap: https://digiohjelma.porvoo.fi/sitemap.xml"));
	free(robots);
}

/* The search index of language lang, as search_write writes it: one
 * document a line after "docs", then one stem a line after "terms",
 * "stem":[doc,fields,...]. */
typedef struct {
	char *text;
	size_t ndocs;
	const char *docs;  /* the first document's line */
	const char *terms; /* the first stem's line */
} parsed_index_t;

static bool search_open(parsed_index_t *x, const built_t *b, size_t lang)
{
	arena_t *a = arena_new();
	x->text = built_page(b, search_index_url(a, b->site, lang));
	arena_free(a);
	x->ndocs = 0;
	x->docs = x->text ? strstr(x->text, "\"docs\":[\n") : NULL;
	x->terms = x->text ? strstr(x->text, "\n\"terms\":{\n") : NULL;
	CHECK(x->docs && x->terms && x->docs < x->terms);
	if (!x->docs || !x->terms)
		return false;
	x->docs += strlen("\"docs\":[\n");
	x->terms += strlen("\n\"terms\":{\n");
	for (const char *p = x->docs; p < x->terms; p = strchr(p, '\n') + 1)
		x->ndocs += *p == '[';
	return true;
}

/* The number of the document with this code, or -1. */
static long search_doc(const parsed_index_t *x, const char *code)
{
	char want[64];
	snprintf(want, sizeof want, "\",\"%s\",\"", code);
	long n = 0;
	for (const char *p = x->docs; p < x->terms; p = strchr(p, '\n') + 1, n++) {
		const char *end = strchr(p, '\n');
		const char *at = strstr(p, want);
		if (at && at < end)
			return n;
	}
	return -1;
}

/* The fields (IN_ bits of write/search.c) stem stands in in document
 * doc, 0 if none. */
static int search_fields(const parsed_index_t *x, const char *stem, long doc)
{
	char want[128];
	snprintf(want, sizeof want, "\n\"%s\":[", stem);
	const char *p = strstr(x->terms - 1, want);
	if (!p)
		return 0;
	for (p += strlen(want); *p && *p != ']';) {
		char *end;
		long d = strtol(p, &end, 10);
		long f = strtol(end + 1, &end, 10);
		if (d == doc)
			return (int)f;
		p = *end == ',' ? end + 1 : end;
	}
	return 0;
}

/* Every stem once, in order, without hyphens (the browser drops them from
 * the query too); each with its documents in order, and fields 1 to 7
 * (title 1, summary 2, text 4). */
static void search_form(const parsed_index_t *x, size_t *nstems)
{
	char prev[256] = "";
	size_t bad = 0;
	*nstems = 0;
	for (const char *p = x->terms; *p == '"'; p = strchr(p, '\n') + 1) {
		const char *q = strchr(p + 1, '"');
		if (!q)
			break;
		char stem[256];
		snprintf(stem, sizeof stem, "%.*s", (int)(q - p - 1), p + 1);
		bool ok = q[1] == ':' && q[2] == '[' && !strchr(stem, '-') &&
		          strcmp(prev, stem) < 0;
		long last = -1;
		for (const char *r = q + 3; ok && *r != ']';) {
			char *end;
			long d = strtol(r, &end, 10);
			ok = *end == ',' && d > last && (size_t)d < x->ndocs;
			long f = strtol(end + 1, &end, 10);
			ok = ok && f >= 1 && f <= 7 && (*end == ',' || *end == ']');
			last = d;
			r = *end == ',' ? end + 1 : end;
		}
		if (!ok && bad++ < 5)
			printf("  search index: bad stem line %.60s\n", p);
		snprintf(prev, sizeof prev, "%s", stem);
		(*nstems)++;
		if (!strchr(p, '\n'))
			break;
	}
	CHECK(bad == 0 && *nstems > 0);
}

static void search_index(const built_t *b)
{
	for (size_t l = 0; l < b->site->nlangs; l++) {
		parsed_index_t x;
		if (!search_open(&x, b, l)) {
			free(x.text);
			continue;
		}
		size_t nstems, size = strlen(x.text);
		search_form(&x, &nstems);
		/* The whole index is loaded before the first search: about
		 * 100 kB for the real content (docs/search.md). */
		CHECK(size < 140 * 1024);
		printf("findable: search index %s: %zu documents, %zu stems, %zu bytes\n",
		       b->site->langs[l], x.ndocs, nstems, size);
		/* A word in the title has the title's bit; a hyphenated word is
		 * indexed without its hyphen. */
		if (strcmp(b->site->langs[l], "fi") == 0) {
			long k21 = search_doc(&x, "K21"), p19 = search_doc(&x, "P19");
			CHECK(k21 >= 0 && (search_fields(&x, "tekoälyrekister", k21) & 1));
			CHECK(p19 >= 0 && (search_fields(&x, "ekuit", p19) & 1));
		} else if (strcmp(b->site->langs[l], "sv") == 0) {
			long b10 = search_doc(&x, "B10");
			CHECK(b10 >= 0 && (search_fields(&x, "efakturering", b10) & 1));
			CHECK(search_fields(&x, "e-fakturering", b10) == 0);
		}
		free(x.text);
	}
}

int main(void)
{
	built_t b;
	built_open(&b, "content");
	show_diags(&b.diags);
	CHECK(b.diags.errors == 0);
	arena_t *a = arena_new();
	size_t feeds = 0, entries = 0;
	for (size_t l = 0; l < b.site->nlangs; l++) {
		entries += atom(&b, feeds_url(a, b.site, l));
		feeds++;
		for (size_t i = 0; i < b.site->nprogrammes; i++)
			for (size_t t = 0; t < b.site->programmes[i].nthemes; t++) {
				atom(&b, feeds_theme_url(a, &b.site->programmes[i].themes[t], l));
				feeds++;
			}
	}
	/* Each 2024 status is news in both languages' feeds. */
	CHECK(entries >= 2 * 52);
	printf("findable: %zu feeds, %zu entries in the language feeds\n", feeds,
	       entries);
	sitemap(&b);
	search_index(&b);
	arena_free(a);
	built_close(&b);
	return harness_report();
}
