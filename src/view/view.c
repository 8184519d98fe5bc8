/* The pages of the site and what every page has: language, switch to the
 * other languages, breadcrumbs, navigation and footer. */
#include "view_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../model/urls.h"
#include "../render/escape.h"
#include "../write/feeds.h"

int view_pages(const site_t *site, int (*each)(const page_ref_t *, void *),
               void *ctx)
{
	int rc = 0;
#define EMIT(kind, lang, programme, item, year)                      \
	do {                                                             \
		page_ref_t r_ = {kind, lang, programme, item, year};         \
		if ((rc = each(&r_, ctx)) != 0)                              \
			goto out;                                                \
	} while (0)
	EMIT(PAGE_ROOT, 0, NULL, NULL, 0);
	EMIT(PAGE_NOT_FOUND, 0, NULL, NULL, 0);
	for (size_t l = 0; l < site->nlangs; l++) {
		EMIT(PAGE_HOME, l, site->current, NULL, 0);
		for (size_t i = 0; i < site->npages; i++)
			EMIT(PAGE_FREE, l, NULL, &site->pages[i], 0);
		EMIT(PAGE_DATA, l, NULL, NULL, 0);
		EMIT(PAGE_SEARCH, l, NULL, NULL, 0);
		for (size_t i = 0; i < site->nprogrammes; i++) {
			const programme_t *p = &site->programmes[i];
			EMIT(PAGE_PROGRAMME, l, p, NULL, 0);
			for (size_t j = 0; j < p->nthemes; j++)
				EMIT(PAGE_THEME, l, p, &p->themes[j], 0);
			EMIT(PAGE_ACTIONS, l, p, NULL, 0);
			for (size_t f = 0; f < view_facet_count(); f++) {
				size_t n;
				facet_value_t *values = view_facet_values(site, p, f, &n);
				for (size_t k = 0; k < n; k++)
					EMIT(PAGE_FILTER, l, p, values[k].key, (int)f);
			}
			for (size_t j = 0; j < p->nactions; j++)
				EMIT(PAGE_ACTION, l, p, &p->actions[j], 0);
			for (int y = p->first_year; y && y <= p->last_year; y++)
				EMIT(PAGE_ROADMAP, l, p, NULL, y);
			for (size_t j = 0; j < p->nfollow_ups; j++)
				EMIT(PAGE_FOLLOW_UP, l, p, NULL, p->follow_ups[j].year);
			EMIT(PAGE_INDICATORS, l, p, NULL, 0);
			for (size_t j = 0; j < p->nindicators; j++) {
				EMIT(PAGE_INDICATOR, l, p, &p->indicators[j], 0);
				if (view_has_chart(&p->indicators[j]))
					EMIT(PAGE_CHART, l, p, &p->indicators[j], 0);
			}
		}
	}
#undef EMIT
out:
	return rc;
}

const char *view_template(page_kind_t kind)
{
	static const char *const names[] = {
		[PAGE_ROOT] = "root", [PAGE_NOT_FOUND] = "404",
		[PAGE_HOME] = "home", [PAGE_PROGRAMME] = "programme",
		[PAGE_THEME] = "theme", [PAGE_ACTIONS] = "actions",
		[PAGE_ACTION] = "action", [PAGE_INDICATORS] = "indicators",
		[PAGE_INDICATOR] = "indicator", [PAGE_CHART] = NULL,
		[PAGE_ROADMAP] = "roadmap", [PAGE_FOLLOW_UP] = "follow-up",
		[PAGE_FILTER] = "filter", [PAGE_DATA] = "data",
		[PAGE_SEARCH] = "search",
		[PAGE_FREE] = "page"};
	return names[kind];
}

/* The address of a page in language lang. */
static const char *url_in(arena_t *arena, const site_t *site,
                          const page_ref_t *ref, size_t lang)
{
	const programme_t *p = ref->programme;
	switch (ref->kind) {
	case PAGE_ROOT:
		return site->base_path;
	case PAGE_NOT_FOUND:
		return NULL;
	case PAGE_HOME:
		return site->home_urls[lang];
	case PAGE_PROGRAMME:
		return p->urls[lang];
	case PAGE_THEME:
		return ((const theme_t *)ref->item)->urls[lang];
	case PAGE_ACTIONS:
		return p->action_list_urls[lang];
	case PAGE_ACTION:
		return ((const action_t *)ref->item)->urls[lang];
	case PAGE_INDICATORS:
		return p->indicator_list_urls[lang];
	case PAGE_INDICATOR:
		return ((const indicator_t *)ref->item)->urls[lang];
	case PAGE_CHART:
		return ((const indicator_t *)ref->item)->chart_urls[lang];
	case PAGE_ROADMAP:
		return arena_printf(arena, "%s%d/", p->roadmap_urls[lang], ref->year);
	case PAGE_FOLLOW_UP:
		return arena_printf(arena, "%s%d/", p->follow_up_urls[lang],
		                    ref->year);
	case PAGE_FILTER: {
		view_ctx_t in = {arena, site, lang, ref, NULL};
		return view_facet_url(&in, p, (size_t)ref->year, ref->item);
	}
	case PAGE_DATA:
		return site->data_urls[lang];
	case PAGE_SEARCH:
		return site->search_urls[lang];
	case PAGE_FREE:
		return ((const page_t *)ref->item)->urls[lang];
	case PAGE_KIND_COUNT:
		break;
	}
	return NULL;
}

const char *view_url(arena_t *arena, const site_t *site,
                     const page_ref_t *ref)
{
	if (ref->kind == PAGE_NOT_FOUND)
		return NULL;
	return url_in(arena, site, ref, ref->lang);
}

static void add_read(const text_t ***texts, size_t *len, size_t *cap,
                     const text_t *text)
{
	if (*len && (*texts)[*len - 1] == text)
		return;
	if (*len == *cap) {
		*cap = *cap ? *cap * 2 : 16;
		*texts = xrealloc(*texts, *cap * sizeof **texts);
	}
	(*texts)[(*len)++] = text;
}

void view_read(const view_ctx_t *v, const text_t *text)
{
	if (v->reads && text)
		add_read(&v->reads->texts, &v->reads->len, &v->reads->cap, text);
}

/* Replaces old by now in texts; whether old was there. */
static bool replace_in(const text_t **texts, size_t len, const text_t *old,
                       const text_t *now)
{
	bool found = false;
	for (size_t i = 0; i < len; i++) {
		if (texts[i] == old) {
			texts[i] = now;
			found = true;
		}
	}
	return found;
}

bool view_reads_replace(view_reads_t *reads, const text_t *old,
                        const text_t *now, bool body)
{
	bool read_body = replace_in(reads->bodies, reads->nbodies, old, now);
	bool read = replace_in(reads->texts, reads->len, old, now);
	return read_body || (!body && read);
}

void view_reads_free(view_reads_t *reads)
{
	free(reads->texts);
	free(reads->bodies);
	*reads = (view_reads_t){0};
}

const text_t *view_text(const view_ctx_t *v, text_t *const *texts)
{
	const text_t *t = texts ? texts[v->lang] : NULL;
	view_read(v, t);
	return t;
}

const text_t *view_front(const view_ctx_t *v, size_t l)
{
	const text_t *t = v->site->front ? v->site->front[l] : NULL;
	view_read(v, t);
	return t;
}

const char *view_title(const view_ctx_t *v, text_t *const *texts)
{
	const text_t *t = view_text(v, texts);
	return t && t->title ? t->title : "";
}

const char *view_word(const view_ctx_t *v, const char *key)
{
	return format_word(v->site, v->lang, key);
}

void view_set_text(const view_ctx_t *v, value_t *map, const char *key,
                   const char *s)
{
	val_set(v->arena, map, key,
	        s ? val_str_ref(v->arena, s) : val_null(v->arena));
}

void view_set_list(const view_ctx_t *v, value_t *map, const char *key,
                   value_t *list)
{
	val_set(v->arena, map, key, list);
	size_t n = strlen(key);
	char *has = arena_take(v->arena, n + 5);
	memcpy(has, "has_", 4);
	memcpy(has + 4, key, n + 1);
	val_set_bool(v->arena, map, has, list->as.list.len > 0);
}

const char *view_attr_text(const view_ctx_t *v, const char *s)
{
	buf_t b = BUF_INIT;
	escape_html(&b, s, strlen(s));
	const char *copy = arena_strdup(v->arena, buf_cstr(&b));
	buf_free(&b);
	return copy;
}

const char *view_fill(const view_ctx_t *v, const char *key, const char *s)
{
	const char *pattern = view_word(v, key);
	const char *at = strstr(pattern, "{n}");
	if (!at)
		return arena_printf(v->arena, "%s %s", pattern, s);
	return arena_printf(v->arena, "%.*s%s%s", (int)(at - pattern), pattern, s,
	                    at + 3);
}

value_t *view_link(const view_ctx_t *v, const char *text, const char *url)
{
	value_t *m = val_map(v->arena);
	val_set(v->arena, m, "text", val_str_ref(v->arena, text ? text : ""));
	view_set_text(v, m, "url", url);
	return m;
}

value_t *view_fact(const view_ctx_t *v, const char *label_key)
{
	value_t *m = val_map(v->arena);
	val_set(v->arena, m, "label", val_str_ref(v->arena, view_word(v, label_key)));
	val_set(v->arena, m, "items", val_list(v->arena));
	return m;
}

void view_fact_add(const view_ctx_t *v, value_t *fact, const char *text,
                   const char *url)
{
	value_t *items = val_get(fact, "items");
	if (items->as.list.len)
		val_get(items->as.list.items[items->as.list.len - 1], "last")
			->as.boolean = false;
	value_t *item = view_link(v, text, url);
	val_set_bool(v->arena, item, "last", true);
	val_push(v->arena, items, item);
}

void view_add_text(const view_ctx_t *v, value_t *page, const text_t *t)
{
	if (!t)
		return;
	if (v->reads)
		add_read(&v->reads->bodies, &v->reads->nbodies,
		         &v->reads->bodies_cap, t);
	arena_t *a = v->arena;
	view_set_text(v, page, "body", t->html && *t->html ? t->html : NULL);
	view_set_text(v, page, "summary", t->summary);
	if (t->borrowed) {
		int l = model_lang_index(v->site, t->lang);
		value_t *b = val_map(a);
		val_set(a, b, "lang", val_str_ref(a, t->lang));
		val_set(a, b, "language",
		        val_str_ref(a, format_word(v->site, l < 0 ? 0 : (size_t)l,
		                                   "language_name")));
		val_set(a, page, "borrowed", b);
	}
}

/* The title of the page being built, in its language. */
static const char *page_title(const view_ctx_t *v)
{
	const page_ref_t *r = v->ref;
	switch (r->kind) {
	case PAGE_ROOT:
	case PAGE_NOT_FOUND:
		return v->site->title[0];
	case PAGE_HOME: {
		const text_t *front = view_front(v, v->lang);
		return front && front->title ? front->title : v->site->title[v->lang];
	}
	case PAGE_PROGRAMME:
		return view_title(v, r->programme->texts);
	case PAGE_THEME:
		return view_title(v, ((const theme_t *)r->item)->texts);
	case PAGE_ACTIONS:
		return view_word(v, "titles.actions");
	case PAGE_ACTION:
		return view_title(v, ((const action_t *)r->item)->texts);
	case PAGE_INDICATORS:
		return view_word(v, "titles.indicators");
	case PAGE_INDICATOR:
	case PAGE_CHART:
		return view_title(v, ((const indicator_t *)r->item)->texts);
	case PAGE_ROADMAP:
		return view_fill(v, "titles.roadmap",
		                 arena_printf(v->arena, "%d", r->year));
	case PAGE_FOLLOW_UP:
		return view_fill(v, "titles.follow_up",
		                 arena_printf(v->arena, "%d", r->year));
	case PAGE_DATA:
		return view_word(v, "data.title");
	case PAGE_SEARCH:
		return view_word(v, "search.title");
	case PAGE_FILTER:
		return arena_printf(
			v->arena, "%s: %s",
			view_word(v, arena_printf(v->arena, "facets.%s.name",
			                          view_facet_id((size_t)r->year))),
			view_facet_label(v, r->programme, (size_t)r->year, r->item));
	case PAGE_FREE:
		return view_title(v, ((const page_t *)r->item)->texts);
	case PAGE_KIND_COUNT:
		break;
	}
	return "";
}

/* The same page in every language, for the switch and hreflang links. */
static void add_languages(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	value_t *switcher = val_list(a), *alternates = val_list(a);
	for (size_t l = 0; l < site->nlangs; l++) {
		const char *url = url_in(a, site, v->ref, l);
		value_t *m = val_map(a);
		val_set(a, m, "code", val_str_ref(a, site->langs[l]));
		val_set(a, m, "name",
		        val_str_ref(a, format_word(site, l, "language_name")));
		val_set(a, m, "locale", val_str_ref(a, format_word(site, l, "locale")));
		val_set(a, m, "url", val_str_ref(a, url));
		val_set(a, m, "absolute_url",
		        val_str_ref(a, urls_absolute(a, site, url)));
		val_set_bool(a, m, "current", l == v->lang);
		val_push(a, alternates, m);
		if (l != v->lang)
			val_push(a, switcher, m);
	}
	val_set(a, root, "languages", alternates);
	view_set_list(v, root, "other_languages", switcher);
}

/* The trail from the front page to the page's parent. */
static void add_breadcrumbs(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	const page_ref_t *r = v->ref;
	value_t *trail = val_list(a);
	size_t l = v->lang;
	if (r->kind != PAGE_HOME)
		val_push(a, trail, view_link(v, view_word(v, "nav.home"),
		                             site->home_urls[l]));
	const programme_t *p = r->programme;
	if (p && r->kind != PAGE_PROGRAMME && r->kind != PAGE_HOME)
		val_push(a, trail, view_link(v, view_title(v, p->texts), p->urls[l]));
	if (r->kind == PAGE_ACTION || r->kind == PAGE_FILTER)
		val_push(a, trail, view_link(v, view_word(v, "titles.actions"),
		                             p->action_list_urls[l]));
	if (r->kind == PAGE_INDICATOR)
		val_push(a, trail, view_link(v, view_word(v, "titles.indicators"),
		                             p->indicator_list_urls[l]));
	if (trail->as.list.len == 0)
		return;
	value_t *crumbs = val_map(a);
	val_set(a, crumbs, "items", trail);
	val_set(a, root, "breadcrumbs", crumbs);
}

/* current: this is the page; section: the page is below it. */
static value_t *nav_item(const view_ctx_t *v, const char *text,
                         const char *url, bool current, bool section)
{
	value_t *m = view_link(v, text, url);
	val_set_bool(v->arena, m, "current", current);
	val_set_bool(v->arena, m, "section", section && !current);
	return m;
}

/* Main navigation: the current programme's sections and the free pages
 * go in the footer. */
static void add_navigation(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	size_t l = v->lang;
	page_kind_t k = v->ref->kind;
	const programme_t *p = v->ref->programme ? v->ref->programme
	                                         : site->current;
	value_t *nav = val_list(a);
	bool same = v->ref->programme == p;
	val_push(a, nav, nav_item(v, view_word(v, "nav.home"), site->home_urls[l],
	                          k == PAGE_HOME, false));
	if (p) {
		val_push(a, nav, nav_item(v, view_word(v, "nav.programme"), p->urls[l],
		                          same && k == PAGE_PROGRAMME,
		                          same && k == PAGE_THEME));
		val_push(a, nav, nav_item(v, view_word(v, "titles.actions"),
		                          p->action_list_urls[l],
		                          same && k == PAGE_ACTIONS,
		                          same && (k == PAGE_ACTION || k == PAGE_FILTER)));
		val_push(a, nav, nav_item(v, view_word(v, "titles.indicators"),
		                          p->indicator_list_urls[l],
		                          same && k == PAGE_INDICATORS,
		                          same && k == PAGE_INDICATOR));
	}
	val_set(a, root, "nav", nav);
	value_t *footer = val_list(a);
	for (size_t i = 0; i < site->npages; i++) {
		const page_t *pg = &site->pages[i];
		val_push(a, footer,
		         nav_item(v, view_title(v, pg->texts), pg->urls[l],
		                  v->ref->item == pg, false));
	}
	val_push(a, footer, nav_item(v, view_word(v, "data.title"),
	                             site->data_urls[l], k == PAGE_DATA, false));
	val_set(a, root, "footer_pages", footer);
}

static void add_site(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	value_t *m = val_map(a);
	val_set(a, m, "title", val_str_ref(a, site->title[v->lang]));
	val_set(a, m, "organisation", val_str_ref(a, site->organisation[v->lang]));
	val_set(a, m, "home_url", val_str_ref(a, site->home_urls[v->lang]));
	val_set(a, m, "root_url", val_str_ref(a, site->base_path));
	val_set(a, m, "base_url", val_str_ref(a, site->base_url));
	val_set(a, m, "contact_email", val_str_ref(a, site->contact_email));
	val_set(a, m, "static_url",
	        val_str_ref(a, arena_printf(a, "%sstatic/", site->base_path)));
	val_set(a, m, "search_url", val_str_ref(a, site->search_urls[v->lang]));
	val_set(a, m, "feed_url", val_str_ref(a, feeds_url(a, site, v->lang)));
	val_set(a, root, "site", m);
}

/* Every page of an archived programme says so, and where the current one
 * is. */
static void add_archive_notice(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const programme_t *p = v->ref->programme;
	if (!p || p->status.id != PROGRAMME_ARCHIVED || v->ref->kind == PAGE_HOME) {
		val_set(a, root, "archived_programme", val_null(a));
		return;
	}
	value_t *m = val_map(a);
	val_set(a, m, "title", val_str_ref(a, view_title(v, p->texts)));
	const programme_t *now = v->site->current;
	if (now && now != p) {
		val_set(a, m, "current", view_link(v, view_title(v, now->texts),
		                                   now->urls[v->lang]));
	} else {
		val_set(a, m, "current", val_null(a));
	}
	val_set(a, root, "archived_programme", m);
}

/* The root and 404 pages speak every language at once. */
static void view_multilingual(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	value_t *list = val_list(a);
	for (size_t l = 0; l < site->nlangs; l++) {
		value_t *m = val_map(a);
		val_set(a, m, "lang", val_str_ref(a, site->langs[l]));
		val_set(a, m, "t", (value_t *)site->i18n[l]);
		val_set(a, m, "title", val_str_ref(a, site->title[l]));
		val_set(a, m, "organisation", val_str_ref(a, site->organisation[l]));
		val_set(a, m, "url", val_str_ref(a, site->home_urls[l]));
		val_set(a, m, "language_name",
		        val_str_ref(a, format_word(site, l, "language_name")));
		val_set_bool(a, m, "first", l == 0);
		val_set_bool(a, m, "last", l + 1 == site->nlangs);
		const text_t *front = view_front(v, l);
		view_set_text(v, m, "summary", front ? front->summary : NULL);
		val_push(a, list, m);
	}
	val_set(a, root, "all_languages", list);
}

static void view_free_page(const view_ctx_t *v, value_t *root)
{
	const page_t *pg = v->ref->item;
	const text_t *t = view_text(v, pg->texts);
	value_t *page = val_get(root, "page");
	view_add_text(v, page, t);
	val_set_bool(v->arena, page, "show_contact", t && t->show_contact);
	/* Every build is checked by the test suite, so the site was last
	 * assessed when its content last changed. */
	const char *date = t && t->show_assessed ? view_content_date(v)
	                                         : NULL;
	if (date) {
		value_t *m = val_map(v->arena);
		val_set(v->arena, m, "iso", val_str_ref(v->arena, date));
		val_set(v->arena, m, "date",
		        val_str_ref(v->arena, format_date(v->arena, v->site, v->lang,
		                                          date)));
		val_set(v->arena, page, "assessed", m);
	} else {
		val_set(v->arena, page, "assessed", val_null(v->arena));
	}
}

value_t *view_build(arena_t *arena, const site_t *site, const page_ref_t *ref,
                    view_reads_t *reads)
{
	view_ctx_t v = {arena, site, ref->lang, ref, reads};
	value_t *root = val_map(arena);
	if (ref->kind == PAGE_CHART) {
		view_chart_file(&v, root);
		return root;
	}
	const char *url = view_url(arena, site, ref);
	val_set(arena, root, "lang", val_str_ref(arena, site->langs[v.lang]));
	val_set(arena, root, "t", (value_t *)site->i18n[v.lang]);
	add_site(&v, root);
	value_t *page = val_map(arena);
	val_set(arena, page, "title", val_str_ref(arena, page_title(&v)));
	val_set(arena, page, "kind", val_str_ref(arena, view_template(ref->kind)));
	if (url) {
		val_set(arena, page, "url", val_str_ref(arena, url));
		val_set(arena, page, "canonical",
		        val_str_ref(arena, urls_absolute(arena, site, url)));
	}
	val_set(arena, root, "page", page);
	if (ref->kind == PAGE_ROOT || ref->kind == PAGE_NOT_FOUND) {
		view_multilingual(&v, root);
		return root;
	}
	add_languages(&v, root);
	add_breadcrumbs(&v, root);
	add_navigation(&v, root);
	add_archive_notice(&v, root);
	/* Set once, after the switch: val_get finds a map's first member of
	 * a name, so a placeholder set before would hide it. */
	const char *jsonld = NULL;
	switch (ref->kind) {
	case PAGE_HOME:
		view_home(&v, root);
		jsonld = view_jsonld_home(&v);
		break;
	case PAGE_PROGRAMME:
		view_programme(&v, root);
		break;
	case PAGE_THEME:
		view_theme(&v, root);
		break;
	case PAGE_ACTIONS:
		view_actions(&v, root);
		break;
	case PAGE_ACTION:
		view_action(&v, root);
		break;
	case PAGE_INDICATORS:
		view_indicators(&v, root);
		break;
	case PAGE_ROADMAP:
		view_roadmap(&v, root);
		break;
	case PAGE_FOLLOW_UP:
		view_follow_up(&v, root);
		break;
	case PAGE_FILTER:
		view_filter(&v, root);
		break;
	case PAGE_DATA:
		view_data(&v, root);
		jsonld = view_jsonld_data(&v);
		break;
	case PAGE_SEARCH:
		view_search(&v, root);
		break;
	case PAGE_INDICATOR:
		view_indicator(&v, root);
		break;
	case PAGE_FREE:
		view_free_page(&v, root);
		break;
	default:
		break;
	}
	val_set(arena, root, "jsonld",
	        jsonld ? val_str_ref(arena, jsonld) : val_null(arena));
	/* Every page describes itself for search results and shared links:
	 * its summary, or the front page's. */
	const value_t *summary = val_get(page, "summary");
	const text_t *front = view_front(&v, v.lang);
	val_set(arena, page, "description",
	        summary && summary->kind == VAL_STRING
	        ? (value_t *)summary
	        : front && front->summary ? val_str_ref(arena, front->summary)
	                                  : val_null(arena));
	return root;
}
