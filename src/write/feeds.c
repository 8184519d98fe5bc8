#include "feeds.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../model/urls.h"
#include "../view/format.h"
#include "xml.h"

#define FEED_ENTRIES 100 /* the newest, in each feed */

typedef struct {
	const char *date;      /* YYYY-MM-DD */
	const action_t *action;
	const char *text;      /* the update, or the status's name */
	const char *key;       /* what makes the id unique within the action */
} entry_t;

typedef struct {
	entry_t *items;
	size_t len, cap;
	arena_t *arena;
} entries_t;

static void add(entries_t *e, const char *date, const action_t *a,
                const char *text, const char *key)
{
	arena_grow(e->arena, (void **)&e->items, e->len, &e->cap, sizeof(entry_t));
	e->items[e->len++] = (entry_t){date, a, text, key};
}

/* Newest first; ties by programme, action and key, so the order is the
 * same in every build. */
static int newest_first(const void *pa, const void *pb)
{
	const entry_t *a = pa, *b = pb;
	int c = strcmp(b->date, a->date);
	if (!c)
		c = strcmp(a->action->programme->id, b->action->programme->id);
	if (!c)
		c = strcmp(a->action->id, b->action->id);
	return c ? c : strcmp(a->key, b->key);
}

static void collect(entries_t *e, const site_t *site, size_t l,
                    const action_t *a)
{
	const text_t *t = a->texts[l];
	/* Updates are newest first in the file; number them from the oldest
	 * so that a new one does not renumber the others. */
	for (size_t i = 0; t && i < t->nupdates; i++)
		add(e, t->updates[i].date, a, t->updates[i].text,
		    arena_printf(e->arena, "update-%s-%zu", t->updates[i].date,
		                 t->nupdates - i));
	for (size_t i = 0; i < a->nstatuses; i++) {
		const follow_up_t *f = model_follow_up(a->programme,
		                                       a->statuses[i].year);
		if (!f)
			continue;
		/* "Status at the 2024 follow-up: done" in the feed's language. */
		const char *label = format_word(site, l, "feed.status");
		const char *at = strstr(label, "{n}");
		const char *said = at ? arena_printf(e->arena, "%.*s%d%s",
		                                     (int)(at - label), label,
		                                     a->statuses[i].year, at + 3)
		                      : label;
		add(e, f->date, a,
		    arena_printf(e->arena, "%s: %s", said,
		                 format_enum(site, l, ENUM_STATUS,
		                             a->statuses[i].status.id)),
		    arena_printf(e->arena, "status-%d", a->statuses[i].year));
	}
}

/* The host of base_url, for tag: ids. */
static const char *host_of(arena_t *arena, const char *url)
{
	const char *h = strstr(url, "://");
	h = h ? h + 3 : url;
	size_t n = strcspn(h, "/:");
	return arena_strndup(arena, h, n);
}

static void feed(const site_t *site, size_t l, const char *self,
                 const char *title, const char *page, entries_t *e,
                 buf_t *out)
{
	arena_t *a = e->arena;
	if (e->len > 1)
		qsort(e->items, e->len, sizeof(entry_t), newest_first);
	/* Readers want what is new: the rest is on the pages. */
	if (e->len > FEED_ENTRIES)
		e->len = FEED_ENTRIES;
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
	for (size_t i = 0; i < e->len; i++) {
		const entry_t *en = &e->items[i];
		const action_t *act = en->action;
		const text_t *t = act->texts[l];
		const char *name = arena_printf(a, "%s %s", act->code,
		                                t && t->title ? t->title : act->id);
		xml_start(&x, "entry");
		xml_text(&x, "id", arena_printf(a, "tag:%s,%s:%s/%s/%s", host, en->date,
		                                act->programme->id, act->id, en->key));
		xml_text(&x, "title", arena_printf(a, "%s: %s", name, en->text));
		xml_text(&x, "updated", arena_printf(a, "%sT00:00:00Z", en->date));
		xml_start(&x, "link");
		xml_attr(&x, "rel", "alternate");
		xml_attr(&x, "type", "text/html");
		xml_attr(&x, "href", urls_absolute(a, site, act->urls[l]));
		xml_end(&x);
		xml_start(&x, "content");
		xml_attr(&x, "type", "text");
		xml_string(&x, en->text);
		xml_end(&x);
		xml_end(&x);
	}
	xml_end(&x);
	xml_close(&x, out);
}

const char *feeds_url(arena_t *arena, const site_t *site, size_t lang)
{
	return arena_printf(arena, "%sfeed.xml", site->home_urls[lang]);
}

const char *feeds_theme_url(arena_t *arena, const theme_t *t, size_t lang)
{
	return arena_printf(arena, "%sfeed.xml", t->urls[lang]);
}

static int emit_feed(const site_t *site, emit_fn emit, void *ctx,
                     const char *url, buf_t *out)
{
	int rc = emit(ctx, url + strlen(site->base_path), out->data, out->len);
	buf_reset(out);
	return rc;
}

int feeds_write(const site_t *site, size_t l, emit_fn emit, void *ctx)
{
	buf_t out = BUF_INIT;
	arena_t *a = arena_new();
	entries_t all = {NULL, 0, 0, a};
	for (size_t i = 0; i < site->nprogrammes; i++)
		for (size_t j = 0; j < site->programmes[i].nactions; j++)
			collect(&all, site, l, &site->programmes[i].actions[j]);
	const char *url = feeds_url(a, site, l);
	feed(site, l, url, site->title[l], site->home_urls[l], &all, &out);
	int rc = emit_feed(site, emit, ctx, url, &out);
	for (size_t i = 0; rc == 0 && i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t k = 0; rc == 0 && k < p->nthemes; k++) {
			const theme_t *t = &p->themes[k];
			entries_t some = {NULL, 0, 0, a};
			for (size_t j = 0; j < p->nactions; j++)
				if (p->actions[j].theme == t)
					collect(&some, site, l, &p->actions[j]);
			const char *turl = feeds_theme_url(a, t, l);
			const text_t *tt = t->texts[l];
			feed(site, l, turl,
			     arena_printf(a, "%s: %s %s", site->title[l], t->code,
			                  tt && tt->title ? tt->title : t->id),
			     t->urls[l], &some, &out);
			rc = emit_feed(site, emit, ctx, turl, &out);
		}
	}
	arena_free(a);
	buf_free(&out);
	return rc;
}
