/* The search page: the script's form and results, and for readers
 * without JavaScript an A–Z index of every action and indicator. */
#include "view_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/parallel.h"
#include "../core/words.h"
#include "../write/search.h"

/* One entry of a language's A–Z index. The index is made once, sorted,
 * by view_prepare (view_search_prepare) and kept in order when a title
 * changes (view_search_replace); its links are lasting, so templates
 * render each once. */
typedef struct {
	text_t *const *texts; /* whose title it is */
	const char *title, *url;
	const char *key; /* words_key of the title */
	size_t key_len;
	char initial[8];
	value_t *link;   /* text, url and code */
} az_entry_t;

struct az_index {
	az_entry_t *entries;
	size_t len;
};

static int alphabetical(const void *pa, const void *pb)
{
	const az_entry_t *a = pa, *b = pb;
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
	int c = memcmp(a->key, b->key, n);
	if (c == 0 && a->key_len != b->key_len)
		c = a->key_len < b->key_len ? -1 : 1;
	/* Equal but for case or accents: still a fixed order. */
	if (c == 0)
		c = strcmp(a->title, b->title);
	return c ? c : strcmp(a->url, b->url);
}

static az_entry_t entry(const view_ctx_t *v, buf_t *key, text_t *const *texts,
                        const char *code, const char *url)
{
	arena_t *a = v->arena;
	const char *title = view_title(v, texts);
	buf_reset(key);
	words_key(key, title);
	char *copy = arena_alloc(a, key->len + 1);
	if (key->len)
		memcpy(copy, key->data, key->len);
	az_entry_t e = {texts, title, url, copy, key->len, "", NULL};
	words_initial(title, e.initial);
	e.link = view_link(v, title, url);
	view_set_text(v, e.link, "code", code);
	e.link->lasting = true;
	return e;
}

/* Task l: the index of language l, in an arena of its own. */
typedef struct {
	const site_t *site;
	az_index_t *indexes;
	arena_t **arenas;
} az_making_t;

static int make_index(size_t l, size_t thread, void *ctx)
{
	(void)thread;
	az_making_t *m = ctx;
	const site_t *site = m->site;
	page_ref_t ref = {PAGE_SEARCH, l, NULL, NULL, 0};
	view_ctx_t v = {m->arenas[l], site, l, &ref, NULL};
	size_t n = 0;
	for (size_t i = 0; i < site->nprogrammes; i++)
		n += site->programmes[i].nactions + site->programmes[i].nindicators;
	az_index_t *az = &m->indexes[l];
	az->entries = arena_alloc(v.arena, (n + 1) * sizeof *az->entries);
	buf_t key = BUF_INIT;
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t j = 0; j < p->nactions; j++)
			az->entries[az->len++] =
				entry(&v, &key, p->actions[j].texts, p->actions[j].code,
				      p->actions[j].urls[l]);
		for (size_t j = 0; j < p->nindicators; j++)
			az->entries[az->len++] =
				entry(&v, &key, p->indicators[j].texts, NULL,
				      p->indicators[j].urls[l]);
	}
	buf_free(&key);
	qsort(az->entries, az->len, sizeof *az->entries, alphabetical);
	return 0;
}

az_index_t *view_search_prepare(const site_t *site)
{
	az_index_t *indexes =
		arena_alloc(site->arena, (site->nlangs + 1) * sizeof *indexes);
	arena_t **arenas = xcalloc(site->nlangs + 1, sizeof *arenas);
	for (size_t l = 0; l < site->nlangs; l++)
		arenas[l] = arena_new();
	az_making_t m = {site, indexes, arenas};
	parallel_run(site->nlangs, parallel_threads(), make_index, &m);
	for (size_t l = 0; l < site->nlangs; l++)
		arena_adopt(site->arena, arenas[l]);
	free(arenas);
	return indexes;
}

void view_search_replace(site_t *site, text_t *const *texts, size_t lang)
{
	az_index_t *az = &site->view_cache->az[lang];
	size_t i = 0;
	while (i < az->len && az->entries[i].texts != texts)
		i++;
	if (i == az->len)
		return;
	page_ref_t ref = {PAGE_SEARCH, lang, NULL, NULL, 0};
	view_ctx_t v = {site->arena, site, lang, &ref, NULL};
	buf_t key = BUF_INIT;
	const value_t *code = val_get(az->entries[i].link, "code");
	az_entry_t e = entry(&v, &key, texts,
	                     code->kind == VAL_STRING ? code->as.str.s : NULL,
	                     az->entries[i].url);
	buf_free(&key);
	/* Out of its place, and into its new one. */
	memmove(&az->entries[i], &az->entries[i + 1],
	        (az->len - i - 1) * sizeof *az->entries);
	size_t lo = 0, hi = az->len - 1;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (alphabetical(&az->entries[mid], &e) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	memmove(&az->entries[lo + 1], &az->entries[lo],
	        (az->len - 1 - lo) * sizeof *az->entries);
	az->entries[lo] = e;
}

void view_search(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const az_index_t *az = &v->site->view_cache->az[v->lang];
	/* Letters in order, each with its entries. */
	value_t *letters = val_list(a), *items = NULL;
	const char *previous = "";
	for (size_t i = 0; i < az->len; i++) {
		const az_entry_t *e = &az->entries[i];
		view_text(v, e->texts); /* the page shows its title */
		if (strcmp(e->initial, previous) != 0) {
			value_t *letter = val_map(a);
			val_set(a, letter, "letter", val_str_ref(a, e->initial));
			val_set(a, letter, "id",
			        val_str_ref(a, arena_printf(a, "az-%zu",
			                                    letters->as.list.len)));
			items = val_list(a);
			val_set(a, letter, "items", items);
			val_push(a, letters, letter);
			previous = e->initial;
		}
		val_push(a, items, e->link);
	}
	view_set_list(v, root, "letters", letters);
	val_set(a, root, "index_url",
	        val_str_ref(a, search_index_url(a, v->site, v->lang)));
}
