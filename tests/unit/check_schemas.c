/* The schemas of tests/schemas/ and the rules of feed_rules.h are awake
 * (issue 8): copies of a golden site's feed and sitemap, each broken in
 * one way, get the answer they should — refused by the schema, or
 * accepted by it and refused by the rules, or (for what RFC 4287 and the
 * sitemap protocol allow) accepted by both. And RFC 3339 dates as the
 * rules read them. */
#include "harness.h"

#include "feed_rules.h"

typedef void (*mutate_fn)(xmlNodePtr root);

static xmlNodePtr first_entry(xmlNodePtr feed)
{
	return child(feed, ATOM_NS, "entry");
}

static void drop(xmlNodePtr n)
{
	if (n) {
		xmlUnlinkNode(n);
		xmlFreeNode(n);
	}
}

static void set_text(xmlNodePtr n, const char *text)
{
	if (n)
		xmlNodeSetContent(n, BAD_CAST text);
}

static void feed_without_id(xmlNodePtr f) { drop(child(f, ATOM_NS, "id")); }
static void feed_without_author(xmlNodePtr f) { drop(child(f, ATOM_NS, "author")); }
static void feed_two_titles(xmlNodePtr f)
{
	xmlAddNextSibling(child(f, ATOM_NS, "title"), xmlCopyNode(child(f, ATOM_NS, "title"), 1));
}
static void entry_date_only(xmlNodePtr f)
{
	set_text(child(first_entry(f), ATOM_NS, "updated"), "2024-10-31");
}
static void entry_no_such_day(xmlNodePtr f)
{
	set_text(child(first_entry(f), ATOM_NS, "updated"), "2023-02-29T00:00:00Z");
}
static void feed_date_lower_case(xmlNodePtr f)
{
	set_text(child(f, ATOM_NS, "updated"), "2024-10-31t00:00:00z");
}
static void entry_relative_id(xmlNodePtr f)
{
	set_text(child(first_entry(f), ATOM_NS, "id"), "digiohjelma-2024-2026/a1");
}
static void entry_without_content_or_link(xmlNodePtr f)
{
	drop(child(first_entry(f), ATOM_NS, "content"));
	drop(child(first_entry(f), ATOM_NS, "link"));
}
static void entry_without_title(xmlNodePtr f) { drop(child(first_entry(f), ATOM_NS, "title")); }
static void link_without_href(xmlNodePtr f) { xmlUnsetProp(child(f, ATOM_NS, "link"), BAD_CAST "href"); }
static void content_of_no_type(xmlNodePtr f)
{
	xmlSetProp(child(first_entry(f), ATOM_NS, "content"), BAD_CAST "type", BAD_CAST "plain");
}
static void unknown_atom_element(xmlNodePtr f)
{
	xmlNewChild(first_entry(f), f->ns, BAD_CAST "summery", BAD_CAST "x");
}
static void title_with_markup(xmlNodePtr f)
{
	xmlNewChild(child(f, ATOM_NS, "title"), f->ns, BAD_CAST "b", BAD_CAST "x");
}
static void feed_in_no_namespace(xmlNodePtr f) { xmlSetNs(f, NULL); }

/* Allowed by RFC 4287: a foreign element, an entry without content that
 * has its alternate link, a feed without author whose entries have one. */
static void foreign_element(xmlNodePtr f)
{
	xmlNsPtr ns = xmlNewNs(f, BAD_CAST "urn:example:x", BAD_CAST "x");
	xmlNewChild(first_entry(f), ns, BAD_CAST "note", BAD_CAST "x");
}
static void entry_without_content(xmlNodePtr f) { drop(child(first_entry(f), ATOM_NS, "content")); }
static void authors_in_entries(xmlNodePtr f)
{
	xmlNodePtr author = child(f, ATOM_NS, "author");
	xmlUnlinkNode(author);
	for (xmlNodePtr e = first_entry(f); e; e = next_sibling(e, ATOM_NS, "entry"))
		xmlAddChild(e, xmlCopyNode(author, 1));
	xmlFreeNode(author);
}

/* Against the checks beyond the schema. */
static void two_alternates_alike(xmlNodePtr f)
{
	xmlNodePtr l = child(f, ATOM_NS, "link");
	while (l && !xmlHasProp(l, BAD_CAST "type"))
		l = next_sibling(l, ATOM_NS, "link");
	xmlAddNextSibling(l, xmlCopyNode(l, 1));
}
static void entries_oldest_first(xmlNodePtr f)
{
	xmlNodePtr e = first_entry(f);
	set_text(child(e, ATOM_NS, "updated"), "2000-01-01T00:00:00Z");
}
static void same_id_twice(xmlNodePtr f)
{
	xmlNodePtr e = first_entry(f), g = next_sibling(e, ATOM_NS, "entry");
	xmlChar *id = xmlNodeGetContent(child(e, ATOM_NS, "id"));
	set_text(child(g, ATOM_NS, "id"), (const char *)id);
	xmlFree(id);
}

static xmlNodePtr sitemap_url(xmlNodePtr set, int n)
{
	xmlNodePtr u = child(set, SITEMAP_NS, "url");
	while (u && n-- > 0)
		u = next_sibling(u, SITEMAP_NS, "url");
	return u;
}
static xmlNodePtr xhtml_link(xmlNodePtr u, int n)
{
	xmlNodePtr l = child(u, XHTML_NS, "link");
	while (l && n-- > 0)
		l = next_sibling(l, XHTML_NS, "link");
	return l;
}
static void loc_relative(xmlNodePtr s) { set_text(child(sitemap_url(s, 1), SITEMAP_NS, "loc"), "/fi/"); }
static void url_without_loc(xmlNodePtr s) { drop(child(sitemap_url(s, 1), SITEMAP_NS, "loc")); }
static void url_twice(xmlNodePtr s) { xmlAddNextSibling(sitemap_url(s, 1), xmlCopyNode(sitemap_url(s, 1), 1)); }
static void language_twice(xmlNodePtr s)
{
	xmlSetProp(xhtml_link(sitemap_url(s, 1), 1), BAD_CAST "hreflang", BAD_CAST "fi");
}
static void language_not_a_code(xmlNodePtr s)
{
	xmlSetProp(xhtml_link(sitemap_url(s, 1), 1), BAD_CAST "hreflang", BAD_CAST "swedish");
}
static void alternate_without_href(xmlNodePtr s) { xmlUnsetProp(xhtml_link(sitemap_url(s, 1), 1), BAD_CAST "href"); }
static void alternate_relative(xmlNodePtr s)
{
	xmlSetProp(xhtml_link(sitemap_url(s, 1), 1), BAD_CAST "href", BAD_CAST "/sv/");
}
static void add_to_url(xmlNodePtr s, const char *name, const char *value)
{
	xmlNodePtr loc = child(sitemap_url(s, 1), SITEMAP_NS, "loc");
	xmlNodePtr n = xmlNewDocNode(s->doc, s->ns, BAD_CAST name, BAD_CAST value);
	xmlAddNextSibling(loc, n);
}
static void priority_too_high(xmlNodePtr s) { add_to_url(s, "priority", "1.5"); }
static void frequency_unknown(xmlNodePtr s) { add_to_url(s, "changefreq", "sometimes"); }
static void lastmod_finnish(xmlNodePtr s) { add_to_url(s, "lastmod", "31.10.2024"); }
static void unknown_sitemap_element(xmlNodePtr s) { add_to_url(s, "title", "x"); }
static void urlset_misspelt(xmlNodePtr s) { xmlNodeSetName(s, BAD_CAST "urlSet"); }

/* Allowed by the protocol. */
static void optional_fields(xmlNodePtr s)
{
	add_to_url(s, "priority", "0.5");
	add_to_url(s, "changefreq", "monthly");
	add_to_url(s, "lastmod", "2024-10-31T12:00+02:00");
}

/* Against the checks beyond the schema. */
static void alternate_missing(xmlNodePtr s) { drop(xhtml_link(sitemap_url(s, 1), 1)); }
static void page_missing(xmlNodePtr s) { drop(sitemap_url(s, 2)); }
static void alternate_elsewhere(xmlNodePtr s)
{
	xmlChar *other = xmlNodeGetContent(child(sitemap_url(s, 2), SITEMAP_NS, "loc"));
	xmlSetProp(xhtml_link(sitemap_url(s, 1), 1), BAD_CAST "href", other);
	xmlFree(other);
}

typedef struct {
	const char *name;
	mutate_fn mutate;
	bool schema_valid; /* what the schema should say of it */
	bool rules_pass;   /* what the rules should say, when the schema accepts it */
} mutation_t;

static const mutation_t feed_mutations[] = {
	{"feed without id", feed_without_id, false, true},
	{"feed and entries without author", feed_without_author, false, true},
	{"two feed titles", feed_two_titles, false, true},
	{"entry updated as a date", entry_date_only, false, false},
	{"entry updated 2023-02-29", entry_no_such_day, false, false},
	{"lower-case t and z", feed_date_lower_case, false, false},
	{"relative entry id", entry_relative_id, false, true},
	{"entry without content or link", entry_without_content_or_link, false, true},
	{"entry without title", entry_without_title, false, true},
	{"link without href", link_without_href, false, true},
	{"content type=plain", content_of_no_type, false, true},
	{"unknown Atom element", unknown_atom_element, false, true},
	{"markup in a text title", title_with_markup, false, true},
	{"feed outside the Atom namespace", feed_in_no_namespace, false, true},
	{"foreign element (allowed)", foreign_element, true, true},
	{"entry without content, with a link (allowed)", entry_without_content, true, true},
	{"authors in the entries (allowed)", authors_in_entries, true, true},
	{"two alternate links alike", two_alternates_alike, true, false},
	{"entries not newest first", entries_oldest_first, true, false},
	{"one id twice", same_id_twice, true, false},
};

static const mutation_t sitemap_mutations[] = {
	{"relative loc", loc_relative, false, false},
	{"url without loc", url_without_loc, false, false},
	{"one page twice", url_twice, false, false},
	{"one language twice", language_twice, false, false},
	{"hreflang swedish", language_not_a_code, false, false},
	{"alternate without href", alternate_without_href, false, false},
	{"relative alternate", alternate_relative, false, false},
	{"priority 1.5", priority_too_high, false, true},
	{"changefreq sometimes", frequency_unknown, false, true},
	{"lastmod 31.10.2024", lastmod_finnish, false, true},
	{"unknown sitemap element", unknown_sitemap_element, false, false},
	{"urlSet", urlset_misspelt, false, false},
	{"lastmod, changefreq, priority (allowed)", optional_fields, true, true},
	{"an alternate missing", alternate_missing, true, false},
	{"a page missing", page_missing, true, false},
	{"an alternate to another page", alternate_elsewhere, true, false},
};

/* Whether what the schema and the rules said of a broken copy is what the
 * mutation expects (a failed check says what they said). Returns whether
 * the copy was rejected. */
static bool judged(const char *what, const mutation_t *m, bool valid,
                   bool rules)
{
	bool right = valid == m->schema_valid && (!valid || rules == m->rules_pass);
	CHECK(right);
	if (!right)
		printf("  %s, %s: the schema %s it%s\n", what, m->name,
		       valid ? "accepts" : "rejects",
		       valid ? (rules ? ", the checks pass" : ", the checks fail") : "");
	return !valid || !rules;
}

/* Each mutation of a copy of the site's Finnish feed and its sitemap must
 * get the answers it expects from the schema and from the rules. */
static void broken_copies(const char *dir)
{
	site_files_t s;
	if (!site_files_open(&s, "mutated", dir)) {
		CHECK(0);
		site_files_close(&s);
		return;
	}
	xmlDocPtr feed = read_xml(&s, "fi/feed.xml"), map = read_xml(&s, "sitemap.xml");
	size_t rejected = 0, n = 0, urls, alternates;
	quiet = true;
	for (size_t i = 0; feed && i < sizeof feed_mutations / sizeof *feed_mutations; i++, n++) {
		const mutation_t *m = &feed_mutations[i];
		xmlDocPtr copy = xmlCopyDoc(feed, 1);
		m->mutate(xmlDocGetRootElement(copy));
		bool valid = valid_atom(copy);
		bool rules = valid && atom_rules(&s, m->name, copy, NULL) == 0;
		rejected += judged("feed", m, valid, rules);
		xmlFreeDoc(copy);
	}
	for (size_t i = 0; map && i < sizeof sitemap_mutations / sizeof *sitemap_mutations; i++, n++) {
		const mutation_t *m = &sitemap_mutations[i];
		xmlDocPtr copy = xmlCopyDoc(map, 1);
		m->mutate(xmlDocGetRootElement(copy));
		bool valid = valid_sitemap(copy);
		bool rules = valid && sitemap_rules(&s, copy, &urls, &alternates) == 0;
		rejected += judged("sitemap", m, valid, rules);
		xmlFreeDoc(copy);
	}
	quiet = false;
	printf("feeds: %zu broken copies, %zu rejected as expected\n", n, rejected);
	CHECK(feed && map);
	xmlFreeDoc(feed);
	xmlFreeDoc(map);
	site_files_close(&s);
}

int main(void)
{
	xmlInitParser();
	load_schemas();
	static const char *const dates[] = {
		"2024-10-31T00:00:00Z", "2024-02-29T23:59:60Z",
		"2024-10-31T10:00:00.25+02:00", "2000-01-01T00:00:00-00:00",
		"2024-12-31T23:59:59Z", "1999-06-30T12:00:00+14:00",
		/* not RFC 3339, or no such time */
		"2024-10-31", "2024-10-31T00:00:00", "2024-10-31t00:00:00z",
		"2023-02-29T00:00:00Z", "2024-04-31T00:00:00Z", "2024-10-31T24:00:00Z",
	};
	for (size_t i = 0; i < sizeof dates / sizeof *dates; i++)
		CHECK(rfc3339(dates[i]) == (i < 6));
	broken_copies("tests/sites/mini/expected");
	schemas_free();
	return harness_report();
}
