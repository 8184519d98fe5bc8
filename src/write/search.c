#include "search.h"

#include <libstemmer.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/json.h"
#include "../core/map.h"
#include "../core/words.h"

/* The fields a word stands in, as bits: the browser weighs each field by
 * its best match, so a word said twenty times in the text counts once,
 * and a match in the title outweighs the rest. A code is matched whole,
 * in the browser, before any word. */
enum { IN_TITLE = 1, IN_SUMMARY = 2, IN_BODY = 4 };

typedef struct {
	size_t doc;
	int fields;
} posting_t;

typedef struct {
	const char *stem;
	posting_t *postings;
	size_t len, cap;
} term_t;

typedef struct {
	arena_t *arena;
	struct sb_stemmer *stemmer; /* NULL: words are indexed as they are */
	map_t index;                /* stem -> term number + 1 */
	map_t words;                /* word -> term number + 1, or NO_TERM */
	term_t *terms;
	size_t nterms, cap;
	size_t doc;                 /* the document being indexed */
	int field;                  /* of the text being indexed */
	buf_t word;                 /* scratch: a word without its hyphens */
	buf_t docs;                 /* the docs array, as JSON */
	size_t ndocs;
} indexer_t;

/* In x->words: a word whose stem is too short to index. */
#define NO_TERM ((void *)SIZE_MAX)

/* The term of a word never seen before: its stem's, made when new. */
static void *term_of(indexer_t *x, const char *word, size_t len)
{
	const char *stem = word;
	size_t stem_len = len;
	if (x->stemmer) {
		const sb_symbol *s = sb_stemmer_stem(x->stemmer,
		                                     (const sb_symbol *)word, (int)len);
		if (s) {
			stem = (const char *)s;
			stem_len = (size_t)sb_stemmer_length(x->stemmer);
		}
	}
	if (stem_len < 2)
		return NO_TERM;
	char *key = arena_strndup(x->arena, stem, stem_len);
	void *at = map_get(&x->index, key);
	if (!at) {
		arena_grow(x->arena, (void **)&x->terms, x->nterms, &x->cap,
		           sizeof(term_t));
		x->terms[x->nterms] = (term_t){key, NULL, 0, 0};
		at = (void *)++x->nterms;
		map_put(&x->index, key, at);
	}
	return at;
}

static void add_word(const char *word, size_t len, void *ctx)
{
	indexer_t *x = ctx;
	/* "e-tjänsterna" and "etjänsterna" are one word: the hyphens go, in
	 * the index as in the query (search.js), whichever way it is
	 * written. */
	buf_reset(&x->word);
	for (size_t i = 0; i < len; i++)
		if (word[i] != '-')
			buf_putc(&x->word, word[i]);
	/* A text says the same words again and again: each is stemmed once. */
	void *at = map_get(&x->words, buf_cstr(&x->word));
	if (!at) {
		at = term_of(x, x->word.data, x->word.len);
		map_put(&x->words, arena_strndup(x->arena, x->word.data, x->word.len),
		        at);
	}
	if (at == NO_TERM)
		return;
	term_t *t = &x->terms[(size_t)at - 1];
	/* Documents are indexed one after another: the word's posting for
	 * this document, if any, is the last one. */
	if (t->len && t->postings[t->len - 1].doc == x->doc) {
		t->postings[t->len - 1].fields |= x->field;
		return;
	}
	arena_grow(x->arena, (void **)&t->postings, t->len, &t->cap,
	           sizeof(posting_t));
	t->postings[t->len++] = (posting_t){x->doc, x->field};
}

static void add_text(indexer_t *x, const char *text, int field, bool html)
{
	if (!text)
		return;
	x->field = field;
	words_each(text, strlen(text), html, add_word, x);
}

/* Starts a document: [url, code, title, kind, snippet]. */
static void begin(indexer_t *x, const char *url, const char *code,
                  const char *title, const char *kind, const char *snippet)
{
	x->doc = x->ndocs++;
	buf_puts(&x->docs, x->doc ? ",\n[" : "\n[");
	json_string(&x->docs, url);
	buf_putc(&x->docs, ',');
	json_string(&x->docs, code ? code : "");
	buf_putc(&x->docs, ',');
	json_string(&x->docs, title ? title : "");
	buf_putc(&x->docs, ',');
	json_string(&x->docs, kind);
	buf_putc(&x->docs, ',');
	json_string(&x->docs, snippet ? snippet : "");
	buf_putc(&x->docs, ']');
	add_text(x, title, IN_TITLE, false);
}

static void add_action(indexer_t *x, const action_t *a, size_t l)
{
	const text_t *t = a->texts[l];
	if (!t)
		return;
	begin(x, a->urls[l], a->code, t->title, "action",
	      t->summary ? t->summary : t->problem);
	add_text(x, t->problem, IN_SUMMARY, false);
	add_text(x, t->summary, IN_SUMMARY, false);
	add_text(x, t->impact, IN_BODY, false);
	add_text(x, t->html, IN_BODY, true);
	for (size_t i = 0; i < t->nupdates; i++)
		add_text(x, t->updates[i].text, IN_BODY, false);
}

static void add_indicator(indexer_t *x, const indicator_t *ind, size_t l)
{
	const text_t *t = ind->texts[l];
	if (!t)
		return;
	begin(x, ind->urls[l], NULL, t->title, "indicator", t->summary);
	add_text(x, t->summary, IN_SUMMARY, false);
	add_text(x, t->target, IN_SUMMARY, false);
	add_text(x, t->html, IN_BODY, true);
}

static void add_page(indexer_t *x, const text_t *t, const char *url,
                     const char *code, const char *kind)
{
	if (!t)
		return;
	begin(x, url, code, t->title, kind, t->summary);
	add_text(x, t->summary, IN_SUMMARY, false);
	add_text(x, t->html, IN_BODY, true);
}

static int by_stem(const void *a, const void *b)
{
	return strcmp(((const term_t *)a)->stem, ((const term_t *)b)->stem);
}

/* {"language": ..., "stemmed": ..., "docs": [...], "terms": {stem:
 * [doc, fields, doc, fields...]}}, fields the IN_ bits of the places the
 * stem stands in that document. */
static void index_json(indexer_t *x, const char *lang, buf_t *out)
{
	buf_puts(out, "{\"language\":");
	json_string(out, lang);
	buf_printf(out, ",\"stemmed\":%s,\"docs\":[", x->stemmer ? "true" : "false");
	buf_put(out, x->docs.data, x->docs.len);
	buf_puts(out, "],\n\"terms\":{");
	if (x->nterms > 1)
		qsort(x->terms, x->nterms, sizeof(term_t), by_stem);
	for (size_t i = 0; i < x->nterms; i++) {
		const term_t *t = &x->terms[i];
		buf_puts(out, i ? ",\n" : "\n");
		json_string(out, t->stem);
		buf_puts(out, ":[");
		for (size_t k = 0; k < t->len; k++) {
			if (k)
				buf_putc(out, ',');
			buf_put_uint(out, t->postings[k].doc);
			buf_putc(out, ',');
			buf_put_uint(out, (size_t)t->postings[k].fields);
		}
		buf_putc(out, ']');
	}
	buf_puts(out, "}}\n");
}

const char *search_index_url(arena_t *arena, const site_t *site, size_t lang)
{
	return arena_printf(arena, "%ssearch.json", site->home_urls[lang]);
}

int search_write(const site_t *site, size_t l, emit_fn emit, void *ctx)
{
	indexer_t x = {0};
	x.arena = arena_new();
	x.stemmer = sb_stemmer_new(site->langs[l], "UTF_8");
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		add_page(&x, p->texts[l], p->urls[l], NULL, "programme");
		for (size_t j = 0; j < p->nthemes; j++)
			add_page(&x, p->themes[j].texts[l], p->themes[j].urls[l],
			         p->themes[j].code, "theme");
		for (size_t j = 0; j < p->nactions; j++)
			add_action(&x, &p->actions[j], l);
		for (size_t j = 0; j < p->nindicators; j++)
			add_indicator(&x, &p->indicators[j], l);
	}
	for (size_t i = 0; i < site->npages; i++)
		add_page(&x, site->pages[i].texts[l], site->pages[i].urls[l], NULL,
		         "page");
	buf_t out = BUF_INIT;
	index_json(&x, site->langs[l], &out);
	const char *url = search_index_url(x.arena, site, l);
	int rc = emit(ctx, url + strlen(site->base_path), out.data, out.len);
	buf_free(&out);
	buf_free(&x.docs);
	buf_free(&x.word);
	map_free(&x.index);
	map_free(&x.words);
	if (x.stemmer)
		sb_stemmer_delete(x.stemmer);
	arena_free(x.arena);
	return rc;
}
