/* Template sets and rendering. Rendering walks the nodes the parser made;
 * the context stack, the indentation and the blocks in force are chains of
 * frames on the C stack, so a render allocates nothing but output. */
#include "mustache.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "../core/map.h"
#include "escape.h"
#include "mustache_internal.h"

/* Partials, parents and blocks expanding one another deeper than this
 * stop expanding: only a recursive template gets there, and the C stack
 * must survive it. */
enum { MAX_EXPANSIONS = 100 };

/* Sections nest at most 100 deep in one template, but inside 100 nested
 * expansions that would be 10,000 levels of C recursion; this bounds the
 * product. */
enum { MAX_DEPTH = 1000 };

/* Recursion that branches ({{>a}}{{>a}} inside a) or sections nested over
 * one list grow exponentially without going deep, so a render also stops
 * after this many steps (unless the set says otherwise): nodes, contexts
 * looked at and indentations written. The largest page of a programme of
 * 10,000 actions (make bench) takes 480,000. */
enum { MAX_STEPS = 2 * 1000 * 1000 };

/* Nor may it write more than this: a long text repeated by such a
 * recursion would exhaust memory first. Real pages are a few megabytes. */
enum { MAX_OUTPUT = 256 * 1024 * 1024 };

typedef struct {
	char *name;
	arena_t *arena; /* the nodes and the copied source */
	node_t *root;
} tmpl_t;

struct tmpl_set {
	map_t by_name; /* name -> tmpl_t */
	long max_steps;
};

/* The context stack: the innermost value first. */
typedef struct ctx ctx_t;
struct ctx {
	const value_t *val;
	const ctx_t *up;
};

/* The indentation of the current line start: the standalone expansions
 * that lead here, innermost first. NULL: none. */
typedef struct indent indent_t;
struct indent {
	const char *s;
	size_t len;
	const indent_t *up;
};

/* The argument blocks of the parents being expanded, innermost first,
 * with the indentation in force where each parent tag stood. */
typedef struct scope scope_t;
struct scope {
	const node_t *args;
	const indent_t *indent;
	const scope_t *up;
};

/* What the render of a list item being kept in the memo notes on the
 * way: what it looks up outside the item. */
typedef struct {
	const ctx_t *frame; /* the item's */
	memo_deps_t deps;
	long outside_steps;
	bool spoilt; /* it read what a kept text could not be checked for */
} recording_t;

typedef struct {
	const tmpl_set_t *set;
	buf_t *out;
	size_t start; /* out->len when the render began */
	int expansions;
	int depth;
	long steps;
	bool cut; /* a limit above stopped some expansion */
	tmpl_memo_t *memo;  /* NULL: nothing is kept */
	recording_t *rec;   /* the item being kept, or NULL */
	int peak_depth, peak_expansions; /* the most the limits saw */
} render_t;

static void render(render_t *r, const node_t *n, const ctx_t *ctx,
                   const indent_t *ind, const scope_t *scope);

tmpl_set_t *tmpl_set_new(void)
{
	tmpl_set_t *set = xcalloc(1, sizeof(tmpl_set_t));
	set->max_steps = MAX_STEPS;
	return set;
}

void tmpl_set_max_steps(tmpl_set_t *set, long steps)
{
	set->max_steps = steps;
}

void tmpl_set_free(tmpl_set_t *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->by_name.cap; i++) {
		tmpl_t *t = set->by_name.slots[i].key ? set->by_name.slots[i].val : NULL;
		if (!t)
			continue;
		arena_free(t->arena);
		free(t->name);
		free(t);
	}
	map_free(&set->by_name);
	free(set);
}

int tmpl_set_add(tmpl_set_t *set, const char *name, const char *src,
                 size_t len, const char *path, diags_t *diags)
{
	arena_t *arena = arena_new();
	const char *copy = arena_strndup(arena, src, len);
	node_t *root;
	if (!tmpl_compile(arena, copy, len, path, diags, &root)) {
		arena_free(arena);
		return -1;
	}
	/* A replaced template keeps its entry, whose key is its name. */
	tmpl_t *t = map_get(&set->by_name, name);
	if (t) {
		arena_free(t->arena);
	} else {
		t = xcalloc(1, sizeof *t);
		t->name = xstrdup(name);
		map_put(&set->by_name, t->name, t);
	}
	t->arena = arena;
	t->root = root;
	return 0;
}

bool tmpl_set_has(const tmpl_set_t *set, const char *name)
{
	return map_get(&set->by_name, name) != NULL;
}

/* The spec's name resolution: the first part in the innermost context
 * that has it, the other parts in that value alone ("broken chains" stay
 * broken). NULL when nothing is found. Each context looked at counts as a
 * step, so that deep context stacks cannot make steps arbitrarily dear. */
static const value_t *find_in(const ctx_t *ctx, const char *part,
                              long *looked)
{
	const value_t *v = NULL;
	for (; ctx && !v; ctx = ctx->up) {
		v = val_get(ctx->val, part);
		(*looked)++;
	}
	return v;
}

/* val_get(map, part->s), trying first the member part was last found
 * at. The key is compared, not its address: a key built for one page may
 * be freed and another written at its address. A map holds each key once
 * (value.h), so a member with the key is the first with it. */
static const value_t *get(const value_t *map, part_t *part)
{
	if (!map || map->kind != VAL_MAP)
		return NULL;
	size_t at = atomic_load_explicit(&part->at, memory_order_relaxed);
	const member_t *m = map->as.map.items;
	if (at < map->as.map.len && m[at].key[0] == part->s[0] &&
	    strcmp(m[at].key, part->s) == 0)
		return m[at].val;
	m = val_member(map, part->s);
	if (!m)
		return NULL;
	atomic_store_explicit(&part->at, (size_t)(m - map->as.map.items),
	                      memory_order_relaxed);
	return m->val;
}

/* A lookup that left the item being kept: noted as what the kept text
 * depends on. */
static const value_t *look_outside(render_t *r, const ctx_t *outer,
                                   const char *part)
{
	long looked = 0;
	const value_t *v = find_in(outer, part, &looked);
	r->steps += looked;
	r->rec->outside_steps += looked;
	if (!memo_note(&r->rec->deps, part, v))
		r->rec->spoilt = true;
	return v;
}

static const value_t *lookup(render_t *r, const ctx_t *ctx,
                             const name_t *name)
{
	if (!ctx)
		return NULL;
	if (name->len == 0)
		return ctx->val;
	const ctx_t *item = r->rec ? r->rec->frame : NULL;
	const value_t *v = NULL;
	for (; ctx && !v; ctx = ctx->up) {
		v = get(ctx->val, &name->parts[0]);
		r->steps++;
		if (!v && ctx == item) {
			v = look_outside(r, ctx->up, name->parts[0].s);
			break;
		}
	}
	for (int i = 1; v && i < name->len; i++)
		v = get(v, &name->parts[i]);
	return v;
}

/* A scalar as text: what {{x}} shows and what {{>*x}} names. Returns NULL
 * for nothing, lists and maps. num holds a formatted number. */
static const char *scalar_text(const value_t *v, char num[32], size_t *len)
{
	const char *s = NULL;
	if (!v)
		return NULL;
	switch (v->kind) {
	case VAL_STRING:
		*len = v->as.str.len;
		return v->as.str.s;
	case VAL_NUMBER:
		val_format_number(v->as.number, num);
		s = num;
		break;
	case VAL_BOOL:
		s = v->as.boolean ? "true" : "false";
		break;
	default:
		return NULL;
	}
	*len = strlen(s);
	return s;
}

/* Each frame written counts as a step, as each context looked at does:
 * a line inside a hundred nested standalone partials costs a hundred. */
static void put_indent(render_t *r, const indent_t *ind)
{
	if (!ind)
		return;
	put_indent(r, ind->up);
	buf_put(r->out, ind->s, ind->len);
	r->steps++;
}

static void interpolate(render_t *r, const node_t *n, const ctx_t *ctx)
{
	char num[32];
	size_t len;
	const char *s = scalar_text(lookup(r, ctx, &n->name), num, &len);
	if (!s)
		return;
	if (n->raw)
		buf_put(r->out, s, len);
	else
		escape_html(r->out, s, len);
}

/* What the items of one list found outside themselves: the same for
 * each, the contexts outside being the same. Kept by the address of the
 * name, a template's string; up to a few names, the rest looked up. */
enum { OUTSIDE_MAX = 16 };
typedef struct {
	const char *name;
	const value_t *found;
	long looked;
} seen_t;

typedef struct {
	const ctx_t *ctx; /* outside the items */
	int len;
	seen_t seen[OUTSIDE_MAX];
} outside_t;

static void render_item(render_t *r, const node_t *n, const ctx_t *top,
                        outside_t *outside, const indent_t *ind,
                        const scope_t *scope);

static void section(render_t *r, const node_t *n, const ctx_t *ctx,
                    const indent_t *ind, const scope_t *scope)
{
	const value_t *v = lookup(r, ctx, &n->name);
	if (!val_truthy(v))
		return;
	if (v->kind != VAL_LIST) {
		ctx_t top = {v, ctx};
		render(r, n->child, &top, ind, scope);
		return;
	}
	outside_t outside; /* filled as the items need it */
	outside.ctx = ctx;
	outside.len = 0;
	for (size_t i = 0; i < v->as.list.len; i++) {
		ctx_t top = {v->as.list.items[i], ctx};
		if (r->memo && !r->rec && !r->cut && top.val->lasting)
			render_item(r, n, &top, &outside, ind, scope);
		else
			render(r, n->child, &top, ind, scope);
	}
}

static void expand(render_t *r, const node_t *n, const ctx_t *ctx,
                   const indent_t *ind, const scope_t *scope)
{
	const char *name = n->text;
	char num[32];
	size_t len;
	if (n->dynamic)
		name = scalar_text(lookup(r, ctx, &n->name), num, &len);
	const tmpl_t *t = name ? map_get(&r->set->by_name, name) : NULL;
	if (!t)
		return;
	if (r->expansions > r->peak_expansions)
		r->peak_expansions = r->expansions;
	if (r->expansions >= MAX_EXPANSIONS) {
		r->cut = true;
		return;
	}
	/* Inline, the template's lines start unindented; standalone, they
	 * take the indentation of the tag's line. */
	indent_t site = {n->indent, n->indent_len, ind};
	/* A partial is a parent without arguments. */
	scope_t args = {n->child, ind, scope};
	r->expansions++;
	render(r, t->root, ctx, n->standalone ? &site : NULL,
	       n->kind == N_PARENT ? &args : scope);
	r->expansions--;
}

/* Finds the argument filling block name. The outermost wins: a block
 * inside a parent tag is also a block of the template it stands in, which
 * the template's own children may fill. */
static const node_t *find_arg(const scope_t *scope, const char *name,
                              const scope_t **from)
{
	const node_t *found = NULL;
	for (; scope; scope = scope->up) {
		for (const node_t *a = scope->args; a; a = a->next) {
			if (strcmp(a->text, name) == 0) {
				found = a;
				*from = scope;
				break;
			}
		}
	}
	return found;
}

static void block(render_t *r, const node_t *n, const ctx_t *ctx,
                  const indent_t *ind, const scope_t *scope)
{
	const scope_t *from = NULL;
	const node_t *arg = find_arg(scope, n->text, &from);
	const node_t *body = arg ? arg->child : n->child;
	indent_t site = {n->indent, n->indent_len, ind};
	const indent_t *lines = ind;
	if (!body)
		return;
	/* What fills a block comes from outside any list item. */
	if (r->rec)
		r->rec->spoilt = true;
	if (r->expansions > r->peak_expansions)
		r->peak_expansions = r->expansions;
	if (r->expansions >= MAX_EXPANSIONS) {
		r->cut = true;
		return;
	}
	if (n->standalone) {
		lines = &site;
		/* The block's line was dropped; content that starts in the middle
		 * of a line still needs the indentation. */
		if (body->kind != N_INDENT &&
		    !(body->kind == N_TEXT && (body->text[0] == '\n' ||
		                               body->text[0] == '\r')))
			put_indent(r, lines);
	} else if (arg) {
		/* Inline, an argument keeps the indentation of where it was
		 * written, unless it already lost it. */
		lines = arg->own_indent ? NULL : from->indent;
	}
	r->expansions++;
	render(r, body, ctx, lines, scope);
	r->expansions--;
}

static void render(render_t *r, const node_t *n, const ctx_t *ctx,
                   const indent_t *ind, const scope_t *scope)
{
	if (r->depth > r->peak_depth)
		r->peak_depth = r->depth;
	if (r->depth >= MAX_DEPTH) {
		r->cut = true;
		return;
	}
	r->depth++;
	for (; n; n = n->next) {
		if (++r->steps > r->set->max_steps ||
		    r->out->len - r->start > MAX_OUTPUT) {
			r->cut = true;
			break;
		}
		switch (n->kind) {
		case N_TEXT:
			buf_put(r->out, n->text, n->len);
			break;
		case N_INDENT:
			put_indent(r, ind);
			break;
		case N_VAR:
			interpolate(r, n, ctx);
			break;
		case N_SECTION:
			section(r, n, ctx, ind, scope);
			break;
		case N_INVERTED:
			if (!val_truthy(lookup(r, ctx, &n->name)))
				render(r, n->child, ctx, ind, scope);
			break;
		case N_PARTIAL:
		case N_PARENT:
			expand(r, n, ctx, ind, scope);
			break;
		case N_BLOCK:
			block(r, n, ctx, ind, scope);
			break;
		}
	}
	r->depth--;
}

/* The indentation in force, outermost frame first, as put_indent writes
 * it; false when longer than a kept text may depend on. */
enum { MAX_INDENT = 256 };
static bool indentation(const indent_t *ind, char out[MAX_INDENT],
                        size_t *len, int *frames)
{
	size_t total = 0;
	int n = 0;
	for (const indent_t *i = ind; i; i = i->up) {
		total += i->len;
		n++;
		if (total > MAX_INDENT)
			return false;
	}
	size_t at = total;
	for (const indent_t *i = ind; i; i = i->up) {
		at -= i->len;
		memcpy(out + at, i->s, i->len);
	}
	*len = total;
	*frames = n;
	return true;
}

static const value_t *find_outside(outside_t *o, const char *name,
                                   long *looked)
{
	for (int i = 0; i < o->len; i++) {
		if (o->seen[i].name == name) {
			*looked = o->seen[i].looked;
			return o->seen[i].found;
		}
	}
	const value_t *v = find_in(o->ctx, name, looked);
	if (o->len < OUTSIDE_MAX)
		o->seen[o->len++] = (seen_t){name, v, *looked};
	return v;
}

/* Whether the kept text f is what the item renders to here, the limits
 * included; *steps is then what rendering it would have counted. */
static bool fits(const render_t *r, const fragment_t *f, outside_t *outside,
                 const char *indent, size_t indent_len, int frames,
                 long *steps)
{
	if (f->indent_len != indent_len || f->indent_frames != frames ||
	    memcmp(f->indent, indent, indent_len) != 0)
		return false;
	long total = f->steps;
	for (size_t i = 0; i < f->deps.len; i++) {
		const memo_dep_t *d = &f->deps.items[i];
		long looked = 0;
		if (!memo_same(d, find_outside(outside, d->name, &looked)))
			return false;
		total += d->uses * looked;
	}
	*steps = total;
	return r->steps + total <= r->set->max_steps &&
	       r->out->len - r->start + f->len <= MAX_OUTPUT &&
	       r->depth + f->depth < MAX_DEPTH &&
	       r->expansions + f->expansions < MAX_EXPANSIONS;
}

/* A lasting list item: the text kept of it, when that is what it renders
 * to here; else rendered, and kept unless it read what cannot be checked
 * or a limit cut it short. */
static void render_item(render_t *r, const node_t *n, const ctx_t *top,
                        outside_t *outside, const indent_t *ind,
                        const scope_t *scope)
{
	char indent[MAX_INDENT];
	size_t indent_len;
	int frames;
	if (!indentation(ind, indent, &indent_len, &frames)) {
		render(r, n->child, top, ind, scope);
		return;
	}
	const fragment_t *kept = memo_find(r->memo, n, top->val);
	long steps;
	if (kept && fits(r, kept, outside, indent, indent_len, frames, &steps)) {
		buf_put(r->out, kept->text, kept->len);
		r->steps += steps;
		return;
	}
	recording_t rec = {top, {NULL, 0, 0}, 0, false};
	size_t from = r->out->len;
	long steps_before = r->steps;
	r->peak_depth = r->depth;
	r->peak_expansions = r->expansions;
	r->rec = &rec;
	render(r, n->child, top, ind, scope);
	r->rec = NULL;
	if (rec.spoilt || r->cut) {
		memo_deps_free(&rec.deps);
		return;
	}
	size_t len = r->out->len - from;
	fragment_t draft = {
		.section = n,
		.item = top->val,
		.indent = indent,
		.indent_len = indent_len,
		.indent_frames = frames,
		/* Nothing written yet may mean no buffer yet. */
		.text = len ? r->out->data + from : "",
		.len = len,
		.steps = r->steps - steps_before - rec.outside_steps,
		.depth = r->peak_depth - r->depth,
		.expansions = r->peak_expansions - r->expansions,
		.deps = rec.deps,
	};
	memo_keep(r->memo, &draft);
	memo_deps_free(&rec.deps);
}

int tmpl_render_memo(const tmpl_set_t *set, const char *name,
                     const value_t *ctx, tmpl_memo_t *memo, buf_t *out)
{
	const tmpl_t *t = map_get(&set->by_name, name);
	if (!t)
		return -1;
	render_t r = {.set = set, .out = out, .start = out->len, .memo = memo};
	ctx_t top = {ctx, NULL};
	render(&r, t->root, ctx ? &top : NULL, NULL, NULL);
	return r.cut ? 1 : 0;
}

int tmpl_render(const tmpl_set_t *set, const char *name, const value_t *ctx,
                buf_t *out)
{
	return tmpl_render_memo(set, name, ctx, NULL, out);
}
