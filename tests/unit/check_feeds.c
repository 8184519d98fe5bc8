/* Feeds, sitemap and robots.txt of built sites (issue 8): every Atom feed
 * valid against tests/schemas/atom.rng (RFC 4287) and the sitemap against
 * tests/schemas/sitemap.xsd (sitemaps.org with Google's hreflang links),
 * for the real content built afresh and for the golden sites' expected
 * output; then the rules of feed_rules.h, and: every feed linked from its
 * page, in its page's language, with its own address as self, and its
 * twin in each other language holding the same entries, each leading to
 * the version of the page its twin's entry leads to.
 * check_schemas.c shows that the schemas and rules reject broken copies. */
#include "core/report.h"
#include "harness.h"

#include "built_site.h"
#include "feed_rules.h"
#include "write/feeds.h"

/* One feed file: valid Atom, the rules above, its own address as self,
 * in the language of its page, and linked from that page's head. */
static void one_feed(site_files_t *s, const char *rel, size_t *entries)
{
	xmlDocPtr doc = read_xml(s, rel);
	if (!doc)
		return;
	const char *where = arena_printf(s->arena, "%s: /%s", s->name, rel);
	bool ok = valid_atom(doc);
	CHECK(ok);
	if (!ok)
		printf("  %s is not valid Atom:\n%s", where, buf_cstr(&said));
	feed_file_t *f = arena_alloc(s->arena, sizeof *f);
	f->url = arena_printf(s->arena, "%s%s", s->base, rel);
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlChar *lang = xmlNodeGetLang(root);
	f->lang = arena_strdup(s->arena, lang ? (const char *)lang : "");
	xmlFree(lang);
	s->problems += atom_rules(s, where, doc, f);
	*entries += f->nentries;
	const char *self = NULL;
	for (xmlNodePtr l = child(root, ATOM_NS, "link"); l; l = next_sibling(l, ATOM_NS, "link")) {
		const char *r = attr(s->arena, l, "rel");
		if (r && strcmp(r, "self") == 0)
			self = attr(s->arena, l, "href");
	}
	if (!self || strcmp(self, f->url) != 0)
		problem(&s->problems, "%s: its self link is %s", where, self ? self : "missing");
	web_page_t *p = f->page ? map_get(&s->pages, f->page) : NULL;
	if (!p) {
		problem(&s->problems, "%s: its alternate %s is not a page of the site", where,
		        f->page ? f->page : "is missing");
	} else {
		if (!p->lang || strcmp(p->lang, f->lang) != 0)
			problem(&s->problems, "%s: the feed is in %s, its page in %s", where,
			        f->lang, p->lang ? p->lang : "no language");
		bool linked = false;
		for (size_t i = 0; i < p->nfeeds; i++)
			linked |= strcmp(p->feeds[i], f->url) == 0;
		if (!linked)
			problem(&s->problems, "%s: its page %s does not link to it", where, f->page);
	}
	/* Each entry leads to a page of the site in the feed's language. */
	for (size_t i = 0; i < f->nentries; i++) {
		const char *href = map_get(&f->entries, f->ids[i]);
		web_page_t *q = map_get(&s->pages, href);
		if (!q || !q->lang || strcmp(q->lang, f->lang) != 0)
			problem(&s->problems, "%s: entry %s leads to %s, not a %s page of the site",
			        where, f->ids[i], href, f->lang);
	}
	arena_grow(s->arena, (void **)&s->feeds, s->nfeeds, &s->fcap, sizeof *s->feeds);
	s->feeds[s->nfeeds++] = f;
	xmlFreeDoc(doc);
}

/* Every feed has its twin in every other language: the feed of its
 * page's version there, with the same entries, each leading to the
 * version of the page its twin's entry leads to. */
static void twins(site_files_t *s)
{
	for (size_t i = 0; i < s->nfeeds; i++) {
		feed_file_t *f = s->feeds[i];
		web_page_t *p = f->page ? map_get(&s->pages, f->page) : NULL;
		for (size_t l = 0; p && l < s->nlangs; l++) {
			if (strcmp(s->langs[l], f->lang) == 0)
				continue;
			feed_file_t *g = NULL;
			for (size_t j = 0; p->alt[l] && j < s->nfeeds; j++)
				if (s->feeds[j]->page && strcmp(s->feeds[j]->page, p->alt[l]) == 0)
					g = s->feeds[j];
			if (!g) {
				problem(&s->problems, "%s: %s has no %s twin", s->name, f->url, s->langs[l]);
				continue;
			}
			if (g->nentries != f->nentries)
				problem(&s->problems, "%s: %s has %zu entries, its %s twin %zu", s->name,
				        f->url, f->nentries, s->langs[l], g->nentries);
			for (size_t k = 0; k < f->nentries; k++) {
				const char *there = map_get(&g->entries, f->ids[k]);
				web_page_t *q = map_get(&s->pages, map_get(&f->entries, f->ids[k]));
				if (!there)
					problem(&s->problems, "%s: entry %s of %s is not in %s", s->name,
					        f->ids[k], f->url, g->url);
				else if (!q || !q->alt[l] || strcmp(q->alt[l], there) != 0)
					problem(&s->problems, "%s: entry %s leads to %s in %s, not to %s's %s version",
					        s->name, f->ids[k], there, g->url,
					        q ? q->url : "(no page)", s->langs[l]);
			}
		}
	}
}

/* --- One site --------------------------------------------------------------- */

typedef struct {
	size_t pages, urls, alternates, feeds, entries;
} counts_t;

static counts_t check_site_files(const char *name, const char *dir)
{
	counts_t c = {0};
	site_files_t s;
	if (!site_files_open(&s, name, dir)) {
		CHECK(s.problems == 0);
		site_files_close(&s);
		return c;
	}
	c.pages = s.npages;
	xmlDocPtr map = read_xml(&s, "sitemap.xml");
	if (map) {
		bool ok = valid_sitemap(map);
		CHECK(ok);
		if (!ok)
			printf("  %s: the sitemap is not valid:\n%s", name, buf_cstr(&said));
		s.problems += sitemap_rules(&s, map, &c.urls, &c.alternates);
		xmlFreeDoc(map);
	}
	for (size_t i = 0; i < s.nfeed_files; i++)
		one_feed(&s, s.feed_files[i], &c.entries);
	c.feeds = s.nfeeds;
	twins(&s);
	CHECK(s.npages > 0 && c.urls == s.npages);
	CHECK(s.nfeeds > 0);
	CHECK(s.problems == 0);
	site_files_close(&s);
	printf("feeds: %s: %zu pages, %zu sitemap urls with %zu alternates, %zu feeds, %zu entries\n",
	       name, c.pages, c.urls, c.alternates, c.feeds, c.entries);
	return c;
}

int main(void)
{
	xmlInitParser();
	load_schemas();

	/* The real content, built afresh. */
	built_t b;
	built_open(&b, "content");
	show_diags(&b.diags);
	CHECK(b.diags.errors == 0);
	if (b.diags.errors == 0) {
		counts_t c = check_site_files("content", b.out);
		/* The feeds found are those porta means to write: one per
		 * language and theme. */
		arena_t *a = arena_new();
		size_t themes = 0, missing = 0;
		for (size_t l = 0; l < b.site->nlangs; l++) {
			char *text = built_page(&b, feeds_url(a, b.site, l));
			missing += !text;
			free(text);
			for (size_t i = 0; i < b.site->nprogrammes; i++)
				for (size_t t = 0; t < b.site->programmes[i].nthemes; t++) {
					text = built_page(&b, feeds_theme_url(a, &b.site->programmes[i].themes[t], l));
					missing += !text;
					free(text);
					themes += l == 0;
				}
		}
		arena_free(a);
		CHECK(missing == 0);
		CHECK(c.feeds == b.site->nlangs * (1 + themes));
		/* Every 2024 status is news in both languages, in the language
		 * feeds and again in the themes'. */
		CHECK(c.entries >= 2 * 2 * 52);
	}
	built_close(&b);

	/* What the golden sites expect porta to write: with a base path,
	 * hostile titles, one language. */
	char **names;
	size_t n;
	if (fs_list("tests/sites", &names, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			char *dir = fs_join("tests/sites", names[i]);
			char *expected = fs_join(dir, "expected");
			if (fs_is_dir(expected))
				check_site_files(names[i], expected);
			free(expected);
			free(dir);
		}
		fs_list_free(names, n);
	}
	schemas_free();
	return harness_report();
}
