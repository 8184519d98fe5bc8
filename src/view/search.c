/* The search page: the script's form and results, and for readers
 * without JavaScript an A–Z index of every action and indicator. */
#include "view_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/words.h"
#include "../write/search.h"

typedef struct {
	const char *title, *code, *url;
	const char *key; /* words_key of the title */
	size_t key_len;
} entry_t;

static int alphabetical(const void *pa, const void *pb)
{
	const entry_t *a = pa, *b = pb;
	size_t n = a->key_len < b->key_len ? a->key_len : b->key_len;
	int c = memcmp(a->key, b->key, n);
	if (c == 0 && a->key_len != b->key_len)
		c = a->key_len < b->key_len ? -1 : 1;
	/* Equal but for case or accents: still a fixed order. */
	if (c == 0)
		c = strcmp(a->title, b->title);
	return c ? c : strcmp(a->url, b->url);
}

static entry_t entry(const view_ctx_t *v, buf_t *key, const char *title,
                     const char *code, const char *url)
{
	buf_reset(key);
	words_key(key, title);
	char *copy = arena_alloc(v->arena, key->len + 1);
	if (key->len)
		memcpy(copy, key->data, key->len);
	return (entry_t){title, code, url, copy, key->len};
}

void view_search(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	size_t n = 0;
	for (size_t i = 0; i < site->nprogrammes; i++)
		n += site->programmes[i].nactions + site->programmes[i].nindicators;
	entry_t *all = malloc((n + 1) * sizeof *all);
	size_t k = 0;
	buf_t key = BUF_INIT;
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t j = 0; j < p->nactions; j++)
			all[k++] = entry(v, &key, view_title(v, p->actions[j].texts),
			                 p->actions[j].code, p->actions[j].urls[v->lang]);
		for (size_t j = 0; j < p->nindicators; j++)
			all[k++] = entry(v, &key, view_title(v, p->indicators[j].texts),
			                 NULL, p->indicators[j].urls[v->lang]);
	}
	buf_free(&key);
	qsort(all, k, sizeof *all, alphabetical);
	/* Letters in order, each with its entries. */
	value_t *letters = val_list(a), *items = NULL;
	char previous[8] = "";
	for (size_t i = 0; i < k; i++) {
		char initial[8];
		words_initial(all[i].title, initial);
		if (strcmp(initial, previous) != 0) {
			value_t *letter = val_map(a);
			val_set(a, letter, "letter", val_str(a, initial));
			val_set(a, letter, "id",
			        val_str_ref(a, arena_printf(a, "az-%zu",
			                                    letters->as.list.len)));
			items = val_list(a);
			val_set(a, letter, "items", items);
			val_push(a, letters, letter);
			strcpy(previous, initial);
		}
		value_t *m = view_link(v, all[i].title, all[i].url);
		view_set_text(v, m, "code", all[i].code);
		val_push(a, items, m);
	}
	free(all);
	view_set_list(v, root, "letters", letters);
	val_set(a, root, "index_url",
	        val_str_ref(a, search_index_url(a, site, v->lang)));
}
