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

/* A term of a document, once, with the fields it stands in there; and
 * the other way round. Eight bytes each (a site has fewer than 2^32
 * documents and terms): a large site has millions. */
typedef struct {
	uint32_t term;
	uint32_t fields;
} mark_t;

typedef struct {
	uint32_t doc;
	uint32_t fields;
} posting_t;

typedef struct {
	const char *stem;
	posting_t *postings; /* by document */
	size_t len, cap;
	size_t stamp;        /* the document being indexed + 1, when marked */
	size_t mark;         /* then its mark there */
	char *json;          /* as last written, kept from a preview's second
	                        write on; NULL when the postings changed */
	size_t json_len;
} term_t;

/* A document: [url, code, title, kind, snippet] as JSON and its terms;
 * for an action or an indicator, which, to index it again after an edit
 * to its text. */
typedef struct {
	const text_t *text;
	const action_t *action;
	const indicator_t *indicator;
	mark_t *marks;        /* one block of the arena: the marks, then
	                         the JSON */
	size_t nmarks;
	const char *json;
	size_t json_len;
} doc_t;

struct search_index {
	const site_t *site;
	size_t lang;
	arena_t *arena;             /* stems, words, terms' postings, docs'
	                               marks */
	struct sb_stemmer *stemmer; /* NULL: words are indexed as they are */
	map_t index;                /* stem -> term number + 1 */
	map_t words;                /* word -> term number + 1, or NO_TERM */
	term_t *terms;
	size_t nterms, cap;
	doc_t *docs;
	size_t ndocs, docs_cap;
	size_t doc;                 /* the document being indexed */
	int field;                  /* of the text being indexed */
	buf_t json;                 /* scratch: a document's JSON */
	buf_t out;                  /* the file, kept for the next write */
	size_t writes;              /* of the file so far */
	mark_t *marks;              /* scratch: its marks */
	size_t nmarks, marks_cap;
};

/* In x->words: a word whose stem is too short to index. */
#define NO_TERM ((void *)SIZE_MAX)

/* The term of a word never seen before: its stem's, made when new. */
static void *term_of(search_index_t *x, const char *word, size_t len)
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
		x->terms[x->nterms] = (term_t){.stem = key};
		at = (void *)++x->nterms;
		map_put(&x->index, key, at);
	}
	return at;
}

static void add_word(const char *word, size_t len, void *ctx)
{
	search_index_t *x = ctx;
	/* A text says the same words again and again: each is stemmed once. */
	void *at = map_getn(&x->words, word, len);
	if (!at) {
		at = term_of(x, word, len);
		map_put(&x->words, arena_strndup(x->arena, word, len), at);
	}
	if (at == NO_TERM)
		return;
	size_t n = (size_t)at - 1;
	term_t *t = &x->terms[n];
	if (t->stamp == x->doc + 1) {
		x->marks[t->mark].fields |= (uint32_t)x->field;
		return;
	}
	if (x->nmarks == x->marks_cap) {
		x->marks_cap = x->marks_cap ? x->marks_cap * 2 : 256;
		x->marks = xrealloc(x->marks, x->marks_cap * sizeof *x->marks);
	}
	t->stamp = x->doc + 1;
	t->mark = x->nmarks;
	x->marks[x->nmarks++] = (mark_t){(uint32_t)n, (uint32_t)x->field};
}

static void add_text(search_index_t *x, const char *text, int field, bool html)
{
	if (!text)
		return;
	x->field = field;
	/* "e-tjänsterna" and "etjänsterna" are one word (words_each joins
	 * them), in the index as in the query (search.js). */
	words_each(text, strlen(text), html, add_word, x);
}

/* Starts indexing document d: its JSON, and its title's words. */
static void begin(search_index_t *x, size_t d, const char *url,
                  const char *code, const char *title, const char *kind,
                  const char *snippet)
{
	x->doc = d;
	x->nmarks = 0;
	buf_reset(&x->json);
	buf_putc(&x->json, '[');
	json_string(&x->json, url);
	buf_putc(&x->json, ',');
	json_string(&x->json, code ? code : "");
	buf_putc(&x->json, ',');
	json_string(&x->json, title ? title : "");
	buf_putc(&x->json, ',');
	json_string(&x->json, kind);
	buf_putc(&x->json, ',');
	json_string(&x->json, snippet ? snippet : "");
	buf_putc(&x->json, ']');
	add_text(x, title, IN_TITLE, false);
}

/* Ends the document begun: its JSON and marks are kept with it, and the
 * stamps of its terms forgotten (the next document may have the same
 * number, after an edit). */
static void end(search_index_t *x)
{
	doc_t *d = &x->docs[x->doc];
	d->marks = arena_take(x->arena,
	                      x->nmarks * sizeof *d->marks + x->json.len + 1);
	memcpy(d->marks, x->marks, x->nmarks * sizeof *d->marks);
	d->nmarks = x->nmarks;
	char *json = (char *)(d->marks + d->nmarks);
	memcpy(json, x->json.data, x->json.len + 1);
	d->json = json;
	d->json_len = x->json.len;
	for (size_t i = 0; i < x->nmarks; i++)
		x->terms[x->marks[i].term].stamp = 0;
}

/* Indexes document d, an action's or an indicator's, from its text as it
 * is now. */
static void index_entry(search_index_t *x, size_t d)
{
	doc_t *doc = &x->docs[d];
	size_t l = x->lang;
	if (doc->action) {
		const action_t *a = doc->action;
		const text_t *t = doc->text = a->texts[l];
		begin(x, d, a->urls[l], a->code, t->title, "action",
		      t->summary ? t->summary : t->problem);
		add_text(x, t->problem, IN_SUMMARY, false);
		add_text(x, t->summary, IN_SUMMARY, false);
		add_text(x, t->impact, IN_BODY, false);
		add_text(x, t->html, IN_BODY, true);
		for (size_t i = 0; i < t->nupdates; i++)
			add_text(x, t->updates[i].text, IN_BODY, false);
	} else {
		const indicator_t *ind = doc->indicator;
		const text_t *t = doc->text = ind->texts[l];
		begin(x, d, ind->urls[l], NULL, t->title, "indicator", t->summary);
		add_text(x, t->summary, IN_SUMMARY, false);
		add_text(x, t->target, IN_SUMMARY, false);
		add_text(x, t->html, IN_BODY, true);
	}
	end(x);
}

static size_t new_doc(search_index_t *x, const text_t *t, const action_t *a,
                      const indicator_t *ind)
{
	if (x->ndocs == x->docs_cap) {
		x->docs_cap = x->docs_cap ? x->docs_cap * 2 : 256;
		x->docs = xrealloc(x->docs, x->docs_cap * sizeof *x->docs);
	}
	x->docs[x->ndocs] = (doc_t){t, a, ind, NULL, 0, NULL, 0};
	return x->ndocs++;
}

static void add_entry(search_index_t *x, const text_t *t, const action_t *a,
                      const indicator_t *ind)
{
	if (t)
		index_entry(x, new_doc(x, t, a, ind));
}

/* A programme, theme or free page: its text is never edited in a kept
 * build (the preview rebuilds everything for it). */
static void add_page(search_index_t *x, const text_t *t, const char *url,
                     const char *code, const char *kind)
{
	if (!t)
		return;
	begin(x, new_doc(x, t, NULL, NULL), url, code, t->title, kind,
	      t->summary);
	add_text(x, t->summary, IN_SUMMARY, false);
	add_text(x, t->html, IN_BODY, true);
	end(x);
}

/* The postings of term t that are document d's: where they are, or where
 * they would go. */
static size_t find_posting(const term_t *t, size_t d)
{
	size_t lo = 0, hi = t->len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->postings[mid].doc < d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void forget_json(term_t *t)
{
	free(t->json);
	t->json = NULL;
}

/* Puts every document's marks into its terms' postings: counted first,
 * so that each term gets room for all of its postings at once, then
 * appended in document order. */
static void post_all(search_index_t *x)
{
	size_t *counts = xcalloc(x->nterms + 1, sizeof *counts);
	for (size_t d = 0; d < x->ndocs; d++)
		for (size_t i = 0; i < x->docs[d].nmarks; i++)
			counts[x->docs[d].marks[i].term]++;
	for (size_t i = 0; i < x->nterms; i++) {
		term_t *t = &x->terms[i];
		t->cap = counts[i];
		t->postings = arena_take(x->arena, t->cap * sizeof *t->postings);
	}
	for (size_t d = 0; d < x->ndocs; d++) {
		const doc_t *doc = &x->docs[d];
		for (size_t i = 0; i < doc->nmarks; i++) {
			term_t *t = &x->terms[doc->marks[i].term];
			t->postings[t->len++] = (posting_t){(uint32_t)d,
			                                    doc->marks[i].fields};
		}
	}
	free(counts);
}

/* Brings document d's postings from its marks before (old) to its marks
 * now: a term whose posting for d stays as it was keeps its JSON text, so
 * that after an edit to a title only the terms it changed are written
 * again. */
static void repost(search_index_t *x, size_t d, const mark_t *old,
                   size_t nold)
{
	const doc_t *doc = &x->docs[d];
	for (size_t i = 0; i < doc->nmarks; i++) {
		term_t *t = &x->terms[doc->marks[i].term];
		t->stamp = d + 1;
		t->mark = i;
	}
	for (size_t i = 0; i < nold; i++) {
		term_t *t = &x->terms[old[i].term];
		size_t at = find_posting(t, d);
		if (at == t->len || t->postings[at].doc != d)
			continue; /* not posted: the loop below posts it */
		if (t->stamp == d + 1) {
			uint32_t fields = doc->marks[t->mark].fields;
			if (t->postings[at].fields != fields) {
				t->postings[at].fields = fields;
				forget_json(t);
			}
			t->stamp = 0; /* done */
			continue;
		}
		memmove(&t->postings[at], &t->postings[at + 1],
		        (t->len - at - 1) * sizeof *t->postings);
		t->len--;
		forget_json(t);
	}
	for (size_t i = 0; i < doc->nmarks; i++) {
		term_t *t = &x->terms[doc->marks[i].term];
		if (t->stamp != d + 1)
			continue; /* was there before */
		t->stamp = 0;
		size_t at = find_posting(t, d);
		arena_grow(x->arena, (void **)&t->postings, t->len, &t->cap,
		           sizeof(posting_t));
		memmove(&t->postings[at + 1], &t->postings[at],
		        (t->len - at) * sizeof *t->postings);
		t->postings[at] = (posting_t){(uint32_t)d, doc->marks[i].fields};
		t->len++;
		forget_json(t);
	}
}

search_index_t *search_index_new(const site_t *site, size_t l)
{
	search_index_t *x = xcalloc(1, sizeof *x);
	x->site = site;
	x->lang = l;
	x->arena = arena_new();
	x->stemmer = sb_stemmer_new(site->langs[l], "UTF_8");
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		add_page(x, p->texts[l], p->urls[l], NULL, "programme");
		for (size_t j = 0; j < p->nthemes; j++)
			add_page(x, p->themes[j].texts[l], p->themes[j].urls[l],
			         p->themes[j].code, "theme");
		for (size_t j = 0; j < p->nactions; j++)
			add_entry(x, p->actions[j].texts[l], &p->actions[j], NULL);
		for (size_t j = 0; j < p->nindicators; j++)
			add_entry(x, p->indicators[j].texts[l], NULL, &p->indicators[j]);
	}
	for (size_t i = 0; i < site->npages; i++)
		add_page(x, site->pages[i].texts[l], site->pages[i].urls[l], NULL,
		         "page");
	post_all(x);
	return x;
}

/* Indexes again each action's or indicator's document whose text is not
 * the one it was made of (the preview replaced it). */
static void refresh(search_index_t *x)
{
	for (size_t d = 0; d < x->ndocs; d++) {
		const doc_t *doc = &x->docs[d];
		const text_t *now = doc->action      ? doc->action->texts[x->lang]
		                    : doc->indicator ? doc->indicator->texts[x->lang]
		                                     : doc->text;
		if (now == doc->text)
			continue;
		/* index_entry replaces the marks (and the JSON after them); the
		 * old ones stay in the arena, a kilobyte or so an edit. */
		const mark_t *old = x->docs[d].marks;
		size_t nold = x->docs[d].nmarks;
		index_entry(x, d);
		repost(x, d, old, nold);
	}
}

void search_index_free(search_index_t *x)
{
	if (!x)
		return;
	for (size_t i = 0; i < x->nterms; i++)
		free(x->terms[i].json);
	free(x->docs);
	free(x->marks);
	buf_free(&x->json);
	buf_free(&x->out);
	map_free(&x->index);
	map_free(&x->words);
	if (x->stemmer)
		sb_stemmer_delete(x->stemmer);
	arena_free(x->arena);
	free(x);
}

static int by_stem(const void *a, const void *b)
{
	const term_t *const *x = a, *const *y = b;
	return strcmp((*x)->stem, (*y)->stem);
}

/* "doc,fields,doc,fields...": written straight into out, there being
 * hundreds of thousands in a large site's index. */
static void put_postings(buf_t *out, const term_t *t)
{
	buf_grow(out, t->len * (2 * BUF_UINT_MAX + 2));
	char *to = out->data + out->len;
	for (size_t k = 0; k < t->len; k++) {
		if (k)
			*to++ = ',';
		to += buf_format_uint(to, t->postings[k].doc);
		*to++ = ',';
		to += buf_format_uint(to, (size_t)t->postings[k].fields);
	}
	out->len = (size_t)(to - out->data);
	out->data[out->len] = '\0';
}

/* {"language": ..., "stemmed": ..., "docs": [...], "terms": {stem:
 * [doc, fields, doc, fields...]}}, fields the IN_ bits of the places the
 * stem stands in that document. A preview writes the index after every
 * edit, which changes a few terms' postings: from its second write on,
 * each term's text is kept until they change. */
static void index_json(search_index_t *x, buf_t *out)
{
	/* Room for the whole file at once (a posting takes at most 16
	 * bytes): grown as it came, megabytes were faulted in piece by
	 * piece and copied. Room never written takes no memory. */
	size_t room = 256;
	for (size_t d = 0; d < x->ndocs; d++)
		room += x->docs[d].json_len + 2;
	for (size_t i = 0; i < x->nterms; i++)
		room += 2 * strlen(x->terms[i].stem) + 16 + 16 * x->terms[i].len;
	buf_grow(out, room);
	buf_puts(out, "{\"language\":");
	json_string(out, x->site->langs[x->lang]);
	buf_printf(out, ",\"stemmed\":%s,\"docs\":[", x->stemmer ? "true" : "false");
	for (size_t d = 0; d < x->ndocs; d++) {
		buf_puts(out, d ? ",\n" : "\n");
		buf_put(out, x->docs[d].json, x->docs[d].json_len);
	}
	buf_puts(out, "],\n\"terms\":{");
	/* Terms by stem; one an edit left without documents is not said. */
	term_t **order = xmalloc((x->nterms + 1) * sizeof *order);
	size_t n = 0;
	for (size_t i = 0; i < x->nterms; i++)
		if (x->terms[i].len)
			order[n++] = &x->terms[i];
	qsort(order, n, sizeof *order, by_stem);
	for (size_t i = 0; i < n; i++) {
		term_t *t = order[i];
		buf_puts(out, i ? ",\n" : "\n");
		if (t->json) {
			buf_put(out, t->json, t->json_len);
			continue;
		}
		size_t at = out->len;
		json_string(out, t->stem);
		buf_puts(out, ":[");
		put_postings(out, t);
		buf_putc(out, ']');
		if (x->writes > 0) {
			t->json_len = out->len - at;
			t->json = xstrndup(out->data + at, t->json_len);
		}
	}
	free(order);
	buf_puts(out, "}}\n");
}

const char *search_index_url(arena_t *arena, const site_t *site, size_t lang)
{
	return arena_printf(arena, "%ssearch.json", site->home_urls[lang]);
}

int search_index_write(search_index_t *x, emit_fn emit, void *ctx)
{
	refresh(x);
	buf_reset(&x->out);
	index_json(x, &x->out);
	x->writes++;
	arena_t *a = arena_new();
	const char *url = search_index_url(a, x->site, x->lang);
	int rc = emit(ctx, url + strlen(x->site->base_path), x->out.data,
	              x->out.len);
	arena_free(a);
	return rc;
}

int search_write(const site_t *site, size_t lang, emit_fn emit, void *ctx)
{
	search_index_t *x = search_index_new(site, lang);
	int rc = search_index_write(x, emit, ctx);
	search_index_free(x);
	return rc;
}
