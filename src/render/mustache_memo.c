/* The memo of list items' renders: fragments in a hash table keyed by
 * section node and item (both addresses), with what each depends on.
 * Each fragment is one block of the memo's arena: a build keeps tens of
 * thousands and frees them all at once. A preview replaces some on every
 * edit; when the replaced outweigh the kept, the kept move to a new
 * arena. A memo may look into another, shared by the threads of a
 * preview, for what it does not keep itself. */
#include "mustache_internal.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A slot holds its fragment's key: a lookup reads the fragment only when
 * it is the one (a list of 10,000 items looked up again, in a preview's
 * edit, waited on memory twice per item). */
typedef struct {
	const node_t *section;
	const value_t *item;
	fragment_t *fragment; /* NULL: empty */
} slot_t;

struct tmpl_memo {
	slot_t *slots;      /* open addressing; cap is a power of two */
	size_t len, cap;
	arena_t *arena;     /* the fragments */
	size_t live, dead;  /* bytes of it kept and replaced */
	const tmpl_memo_t *base; /* looked into next, or NULL */
};

/* Replaced fragments are left in the arena until there are this many
 * bytes of them, and more than of the kept. */
enum { COMPACT_AFTER = 4 * 1024 * 1024 };

tmpl_memo_t *tmpl_memo_new(void)
{
	tmpl_memo_t *memo = xcalloc(1, sizeof(tmpl_memo_t));
	memo->arena = arena_new();
	return memo;
}

void tmpl_memo_free(tmpl_memo_t *memo)
{
	if (!memo)
		return;
	free(memo->slots);
	arena_free(memo->arena);
	free(memo);
}

static bool copied_string(const memo_dep_t *d)
{
	return d->copied && d->copy.kind == VAL_STRING;
}

/* A copy of f in one block of arena: the fragment, its dependencies, and
 * its strings and theirs (the names are the templates'). */
static fragment_t *copy(arena_t *arena, const fragment_t *f)
{
	size_t size = sizeof *f + f->deps.len * sizeof(memo_dep_t) +
	              f->len + 1 + f->indent_len + 1;
	for (size_t i = 0; i < f->deps.len; i++)
		if (copied_string(&f->deps.items[i]))
			size += f->deps.items[i].copy.as.str.len + 1;
	fragment_t *c = arena_take(arena, size);
	*c = *f;
	c->size = size;
	c->deps.items = (memo_dep_t *)(c + 1);
	c->deps.cap = f->deps.len;
	char *p = (char *)(c->deps.items + f->deps.len);
	c->text = p;
	memcpy(p, f->text, f->len);
	p[f->len] = '\0';
	p += f->len + 1;
	c->indent = p;
	memcpy(p, f->indent, f->indent_len);
	p[f->indent_len] = '\0';
	p += f->indent_len + 1;
	for (size_t i = 0; i < f->deps.len; i++) {
		const memo_dep_t *d = &f->deps.items[i];
		memo_dep_t *e = &c->deps.items[i];
		*e = *d;
		if (copied_string(d)) {
			size_t n = d->copy.as.str.len;
			memcpy(p, d->copy.as.str.s, n);
			p[n] = '\0';
			e->copy.as.str.s = p;
			p += n + 1;
		}
	}
	return c;
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
	while (m->slots[i].fragment && (m->slots[i].section != section ||
	                                m->slots[i].item != item))
		i = (i + 1) & (m->cap - 1);
	return i;
}

const fragment_t *memo_find(const tmpl_memo_t *memo, const node_t *section,
                            const value_t *item)
{
	const fragment_t *f =
		memo->cap ? memo->slots[slot(memo, section, item)].fragment : NULL;
	return f || !memo->base ? f : memo_find(memo->base, section, item);
}

void tmpl_memo_over(tmpl_memo_t *memo, const tmpl_memo_t *base)
{
	memo->base = base;
}

static void grow(tmpl_memo_t *m)
{
	tmpl_memo_t bigger = {.cap = m->cap ? m->cap * 2 : 1024};
	bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
	for (size_t i = 0; i < m->cap; i++) {
		const slot_t *s = &m->slots[i];
		if (s->fragment)
			bigger.slots[slot(&bigger, s->section, s->item)] = *s;
	}
	free(m->slots);
	m->slots = bigger.slots;
	m->cap = bigger.cap;
}

/* Moves the kept fragments to a new arena, leaving the replaced ones
 * behind with the old. */
static void compact(tmpl_memo_t *m)
{
	arena_t *arena = arena_new();
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].fragment)
			m->slots[i].fragment = copy(arena, m->slots[i].fragment);
	arena_free(m->arena);
	m->arena = arena;
	m->dead = 0;
}

/* Puts f, a block of the memo's arena, in the table, in place of the
 * fragment of the same item and section. */
static void place(tmpl_memo_t *memo, fragment_t *f)
{
	if ((memo->len + 1) * 2 > memo->cap)
		grow(memo);
	slot_t *s = &memo->slots[slot(memo, f->section, f->item)];
	memo->live += f->size;
	if (s->fragment) {
		memo->live -= s->fragment->size;
		memo->dead += s->fragment->size;
	} else {
		memo->len++;
	}
	*s = (slot_t){f->section, f->item, f};
}

static void compact_if_worth(tmpl_memo_t *memo)
{
	if (memo->dead > COMPACT_AFTER && memo->dead > memo->live)
		compact(memo);
}

void memo_keep(tmpl_memo_t *memo, const fragment_t *draft)
{
	place(memo, copy(memo->arena, draft));
	compact_if_worth(memo);
}

void tmpl_memo_merge(tmpl_memo_t *memo, tmpl_memo_t *from)
{
	for (size_t i = 0; i < from->cap; i++)
		if (from->slots[i].fragment)
			place(memo, from->slots[i].fragment);
	memo->dead += from->dead;
	arena_adopt(memo->arena, from->arena);
	from->arena = arena_new();
	free(from->slots);
	from->slots = NULL;
	from->len = from->cap = from->live = from->dead = 0;
	compact_if_worth(memo);
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
	*d = (memo_dep_t){.name = name, .found = v, .uses = 1};
	if (v && !v->lasting) {
		/* Its string lives as long as the render: memo_keep copies it. */
		d->found = NULL;
		d->copied = true;
		d->copy = *v;
		d->copy.text = NULL;
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
	free(deps->items);
}
