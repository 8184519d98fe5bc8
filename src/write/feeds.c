#include "feeds.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/urls.h"
#include "../render/escape.h"
#include "../view/format.h"
#include "xml.h"

#define FEED_ENTRIES 100 /* the newest, in each feed */

/* An entry: an update of an action, or its status at a follow-up. */
typedef struct {
	const char *date;      /* YYYY-MM-DD */
	const action_t *action;
	size_t update;         /* the update's index in the text, */
	int year, status;      /* or the follow-up's year and the status there
	                          (update SIZE_MAX) */
} entry_t;

/* The newest FEED_ENTRIES entries offered, newest first: each entry is
 * compared with the oldest kept, and most are older, so a feed costs a
 * pass over the actions, not a sort of all their entries. */
typedef struct {
	entry_t items[FEED_ENTRIES];
	size_t len;
	size_t lang;
} entries_t;

/* What makes an entry's id unique within its action. Updates are newest
 * first in the file; they are numbered from the oldest so that a new one
 * does not renumber the others. */
static void key_of(const entry_t *e, size_t lang, char out[64])
{
	if (e->update == SIZE_MAX) {
		snprintf(out, 64, "status-%d", e->year);
		return;
	}
	const text_t *t = e->action->texts[lang];
	snprintf(out, 64, "update-%s-%zu", e->date, t->nupdates - e->update);
}

/* Newest first; ties by programme, action and key, so the order is the
 * same in every build. */
static int newest_first(const entry_t *a, const entry_t *b, size_t lang)
{
	int c = strcmp(b->date, a->date);
	if (!c)
		c = strcmp(a->action->programme->id, b->action->programme->id);
	if (!c)
		c = strcmp(a->action->id, b->action->id);
	if (!c) {
		char ka[64], kb[64];
		key_of(a, lang, ka);
		key_of(b, lang, kb);
		c = strcmp(ka, kb);
	}
	return c;
}

static void offer(entries_t *e, entry_t en)
{
	if (!e)
		return; /* an action without a theme: checking said so */
	/* Most entries are older than the oldest kept: one comparison. Many
	 * may share a date (every action's status at a follow-up): their
	 * place is then searched for by halves. */
	if (e->len == FEED_ENTRIES &&
	    newest_first(&en, &e->items[FEED_ENTRIES - 1], e->lang) >= 0)
		return;
	size_t lo = 0, hi = e->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (newest_first(&en, &e->items[mid], e->lang) < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	size_t at = lo;
	if (e->len < FEED_ENTRIES)
		e->len++;
	memmove(&e->items[at + 1], &e->items[at],
	        (e->len - 1 - at) * sizeof *e->items);
	e->items[at] = en;
}

/* Offers each of a's entries to the site's feed and to its theme's (if
 * any). */
static void collect(entries_t *all, entries_t *theme, const action_t *a)
{
	const text_t *t = a->texts[all->lang];
	for (size_t i = 0; t && i < t->nupdates; i++) {
		entry_t en = {t->updates[i].date, a, i, 0, 0};
		offer(all, en);
		offer(theme, en);
	}
	for (size_t i = 0; i < a->nstatuses; i++) {
		const follow_up_t *f = model_follow_up(a->programme,
		                                       a->statuses[i].year);
		if (!f)
			continue;
		entry_t en = {f->date, a, SIZE_MAX, a->statuses[i].year,
		              a->statuses[i].status.id};
		offer(all, en);
		offer(theme, en);
	}
}

/* What an entry says: the update, or "Status at the 2024 follow-up:
 * done" in the feed's language. */
static const char *text_of(arena_t *a, const site_t *site, size_t l,
                           const entry_t *en)
{
	if (en->update != SIZE_MAX)
		return en->action->texts[l]->updates[en->update].text;
	const char *label = format_word(site, l, "feed.status");
	const char *at = strstr(label, "{n}");
	const char *said = at ? arena_printf(a, "%.*s%d%s", (int)(at - label),
	                                     label, en->year, at + 3)
	                      : label;
	return arena_printf(a, "%s: %s", said,
	                    format_enum(site, l, ENUM_STATUS, en->status));
}

/* The host of base_url, for tag: ids. */
static const char *host_of(arena_t *arena, const char *url)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	size_t n = strcspn(h, "/:");
	return arena_strndup(arena, h, n);
}

/* <element>text</element>, on a line of its own inside an entry. */
static void put_element(buf_t *b, const char *element, const char *text)
{
	buf_puts(b, "\n    <");
	buf_puts(b, element);
	buf_putc(b, '>');
	escape_xml(b, text, strlen(text));
	buf_puts(b, "</");
	buf_puts(b, element);
	buf_putc(b, '>');
}

/* An entry's element, on lines of its own and indented as the writer
 * would (the element before ended the line). The entries are handed to
 * the writer whole: its calls for their elements were most of a feed's
 * cost, and a preview's edit makes its language's feeds again. */
static void put_entry(buf_t *b, arena_t *a, const site_t *site, size_t l,
                      const char *host, const entry_t *en)
{
	const action_t *act = en->action;
	const text_t *t = act->texts[l];
	const char *name = arena_printf(a, "%s %s", act->code,
	                                t && t->title ? t->title : act->id);
	char key[64];
	key_of(en, l, key);
	const char *text = text_of(a, site, l, en);
	buf_puts(b, "  <entry>");
	put_element(b, "id", arena_printf(a, "tag:%s,%s:%s/%s/%s", host, en->date,
	                                  act->programme->id, act->id, key));
	put_element(b, "title", arena_printf(a, "%s: %s", name, text));
	put_element(b, "updated", arena_printf(a, "%sT00:00:00Z", en->date));
	buf_puts(b, "\n    <link rel=\"alternate\" type=\"text/html\" href=\"");
	const char *href = urls_absolute(a, site, act->urls[l]);
	escape_xml_attribute(b, href, strlen(href));
	buf_puts(b, "\"/>\n    <content type=\"text\">");
	escape_xml(b, text, strlen(text));
	buf_puts(b, "</content>\n  </entry>\n");
}

/* Readers want what is new: the rest is on the pages. The feed at self
 * goes to emit. */
static int feed(const site_t *site, size_t l, const char *self,
                const char *title, const char *page, const entries_t *e,
                arena_t *a, emit_fn emit, void *ctx)
{
	const char *host = host_of(a, site->base_url);
	/* The feed is as new as its newest entry; never the clock. */
	const char *updated = e->len ? e->items[0].date : "2000-01-01";
	xml_t x;
	xml_open(&x);
	xml_start(&x, "feed");
	xml_attr(&x, "xmlns", "http://www.w3.org/2005/Atom");
	xml_attr(&x, "xml:lang", site->langs[l]);
	xml_text(&x, "id", arena_printf(a, "tag:%s,2000:%s", host, self));
	xml_text(&x, "title", title);
	xml_text(&x, "updated", arena_printf(a, "%sT00:00:00Z", updated));
	xml_start(&x, "link");
	xml_attr(&x, "rel", "self");
	xml_attr(&x, "href", urls_absolute(a, site, self));
	xml_end(&x);
	xml_start(&x, "link");
	xml_attr(&x, "rel", "alternate");
	xml_attr(&x, "type", "text/html");
	xml_attr(&x, "href", urls_absolute(a, site, page));
	xml_end(&x);
	xml_start(&x, "author");
	xml_text(&x, "name", site->organisation[l]);
	xml_end(&x);
	if (e->len) {
		buf_t raw = BUF_INIT;
		for (size_t i = 0; i < e->len; i++)
			put_entry(&raw, a, site, l, host, &e->items[i]);
		xml_raw(&x, raw.data, raw.len);
		buf_free(&raw);
	}
	xml_end(&x);
	return xml_emit(&x, emit, ctx, self + strlen(site->base_path));
}

const char *feeds_url(arena_t *arena, const site_t *site, size_t lang)
{
	return arena_printf(arena, "%sfeed.xml", site->home_urls[lang]);
}

const char *feeds_theme_url(arena_t *arena, const theme_t *t, size_t lang)
{
	return arena_printf(arena, "%sfeed.xml", t->urls[lang]);
}

int feeds_write(const site_t *site, size_t l, emit_fn emit, void *ctx)
{
	arena_t *a = arena_new();
	/* One pass over the actions fills every feed: the site's, then each
	 * theme's of each programme. */
	size_t nthemes = 0;
	for (size_t i = 0; i < site->nprogrammes; i++)
		nthemes += site->programmes[i].nthemes;
	entries_t *feeds = xcalloc(nthemes + 1, sizeof *feeds);
	for (size_t i = 0; i <= nthemes; i++)
		feeds[i].lang = l;
	entries_t *theme = feeds + 1;
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t j = 0; j < p->nactions; j++) {
			const action_t *x = &p->actions[j];
			collect(feeds, x->theme ? &theme[x->theme - p->themes] : NULL, x);
		}
		theme += p->nthemes;
	}
	const char *url = feeds_url(a, site, l);
	int rc = feed(site, l, url, site->title[l], site->home_urls[l], feeds, a,
	              emit, ctx);
	theme = feeds + 1;
	for (size_t i = 0; rc == 0 && i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t k = 0; rc == 0 && k < p->nthemes; k++) {
			const theme_t *t = &p->themes[k];
			const char *turl = feeds_theme_url(a, t, l);
			const text_t *tt = t->texts[l];
			rc = feed(site, l, turl,
			          arena_printf(a, "%s: %s %s", site->title[l], t->code,
			                       tt && tt->title ? tt->title : t->id),
			          t->urls[l], theme++, a, emit, ctx);
		}
	}
	free(feeds);
	arena_free(a);
	return rc;
}
