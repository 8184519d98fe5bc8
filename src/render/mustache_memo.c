/* The memo of list items' renders: fragments in a hash table keyed by
 * section node and item (both addresses), with what each depends on. */
#include "mustache_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct tmpl_memo {
	fragment_t **slots; /* open addressing; cap is a power of two */
	size_t len, cap;
};

tmpl_memo_t *tmpl_memo_new(void)
{
	return xcalloc(1, sizeof(tmpl_memo_t));
}

/* Its text and indentation are in the same block (see render_item). */
static void fragment_free(fragment_t *f)
{
	memo_deps_free(&f->deps);
	free(f);
}

void tmpl_memo_free(tmpl_memo_t *memo)
{
	if (!memo)
		return;
	for (size_t i = 0; i < memo->cap; i++)
		if (memo->slots[i])
			fragment_free(memo->slots[i]);
	free(memo->slots);
	free(memo);
}

/* Addresses share their low bits (alignment) and their high ones (one
 * arena): every bit of both is mixed into every bit of the hash, or the
 * items of a list would crowd into a fraction of the slots. */
static size_t hash(const node_t *section, const value_t *item)
{
	uint64_t h = (uint64_t)(uintptr_t)section * 0x9e3779b97f4a7c15u;
	h ^= (uint64_t)(uintptr_t)item;
	h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9u;
	h = (h ^ (h >> 27)) * 0x94d049bb133111ebu;
	return (size_t)(h ^ (h >> 31));
}

/* The slot of the fragment of item in section, or the empty slot where it
 * would go. */
static size_t slot(const tmpl_memo_t *m, const node_t *section,
                   const value_t *item)
{
	size_t i = hash(section, item) & (m->cap - 1);
	while (m->slots[i] && (m->slots[i]->section != section ||
	                       m->slots[i]->item != item))
		i = (i + 1) & (m->cap - 1);
	return i;
}

const fragment_t *memo_find(const tmpl_memo_t *memo, const node_t *section,
                            const value_t *item)
{
	return memo->cap ? memo->slots[slot(memo, section, item)] : NULL;
}

static void grow(tmpl_memo_t *m)
{
	tmpl_memo_t bigger = {NULL, m->len, m->cap ? m->cap * 2 : 1024};
	bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
	for (size_t i = 0; i < m->cap; i++) {
		fragment_t *f = m->slots[i];
		if (f)
			bigger.slots[slot(&bigger, f->section, f->item)] = f;
	}
	free(m->slots);
	*m = bigger;
}

void memo_keep(tmpl_memo_t *memo, fragment_t *f)
{
	if ((memo->len + 1) * 2 > memo->cap)
		grow(memo);
	size_t i = slot(memo, f->section, f->item);
	if (memo->slots[i])
		fragment_free(memo->slots[i]);
	else
		memo->len++;
	memo->slots[i] = f;
}

static bool scalar(const value_t *v)
{
	return v->kind != VAL_LIST && v->kind != VAL_MAP;
}

bool memo_note(memo_deps_t *deps, const char *name, const value_t *v)
{
	for (size_t i = 0; i < deps->len; i++) {
		if (strcmp(deps->items[i].name, name) == 0) {
			deps->items[i].uses++;
			return true;
		}
	}
	/* A map or a list made for one render may be gone, and its address
	 * taken by another, by the next. */
	if (v && !v->lasting && !scalar(v))
		return false;
	if (deps->len == deps->cap) {
		deps->cap = deps->cap ? deps->cap * 2 : 4;
		deps->items = xrealloc(deps->items, deps->cap * sizeof *deps->items);
	}
	memo_dep_t *d = &deps->items[deps->len++];
	*d = (memo_dep_t){.name = xstrdup(name), .found = v, .uses = 1};
	if (v && !v->lasting) {
		d->found = NULL;
		d->copied = true;
		d->copy = *v;
		d->copy.text = NULL;
		if (v->kind == VAL_STRING)
			d->copy.as.str.s = xstrndup(v->as.str.s, v->as.str.len);
	}
	return true;
}

bool memo_same(const memo_dep_t *dep, const value_t *v)
{
	if (!dep->copied)
		return v == dep->found;
	const value_t *c = &dep->copy;
	if (!v || v->lasting || v->kind != c->kind)
		return false;
	switch (v->kind) {
	case VAL_BOOL:
		return v->as.boolean == c->as.boolean;
	case VAL_NUMBER:
		return memcmp(&v->as.number, &c->as.number, sizeof(double)) == 0;
	case VAL_STRING:
		return v->as.str.len == c->as.str.len &&
		       memcmp(v->as.str.s, c->as.str.s, v->as.str.len) == 0;
	default:
		return v->kind == VAL_NULL;
	}
}

void memo_deps_free(memo_deps_t *deps)
{
	for (size_t i = 0; i < deps->len; i++) {
		memo_dep_t *d = &deps->items[i];
		free((char *)d->name);
		if (d->copied && d->copy.kind == VAL_STRING)
			free((char *)d->copy.as.str.s);
	}
	free(deps->items);
}
