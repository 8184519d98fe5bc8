/* Private to the Mustache engine: the compiled form a template is parsed
 * into once (mustache_parse.c) and that rendering walks (mustache_render.c).
 * Whitespace rules (standalone lines, intrinsic indentation of blocks) are
 * all settled by the parser; the renderer only adds indentation where an
 * N_INDENT node stands. */
#ifndef PORTA_MUSTACHE_INTERNAL_H
#define PORTA_MUSTACHE_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/alloc.h"
#include "../core/diag.h"
#include "../core/value.h"
#include "mustache.h"

typedef enum {
	N_TEXT,     /* literal text */
	N_INDENT,   /* a source line starts: the indentation of the standalone
	               partial, parent or block being expanded goes here */
	N_VAR,      /* {{x}} escaped, {{{x}}} and {{&x}} raw */
	N_SECTION,  /* {{#x}} */
	N_INVERTED, /* {{^x}} */
	N_PARTIAL,  /* {{>x}} */
	N_PARENT,   /* {{<x}}; its children are its argument blocks */
	N_BLOCK     /* {{$x}} */
} node_kind_t;

/* One part of a dotted name, and the index of the member it was last
 * found at: maps that views build for the same kind of thing have their
 * keys in the same order, so lookups try that member first. The nodes are
 * shared by the render threads, which all write the guess: with relaxed
 * atomics, as any guess is checked before it is used. */
typedef struct {
	const char *s;
	_Atomic size_t at;
} part_t;

/* A dotted name split once at parse time. No parts: the implicit
 * iterator ".". */
typedef struct {
	part_t *parts;
	int len;
} name_t;

typedef struct node node_t;
struct node {
	node_kind_t kind;
	node_t *next;
	/* N_TEXT: the text (pointing into the template's source). Blocks and
	 * partials or parents named statically: the NUL-terminated name. */
	const char *text;
	size_t len;
	name_t name;       /* variables, sections, dynamic partials and parents */
	bool raw;          /* N_VAR: not escaped */
	bool dynamic;      /* {{>*x}}, {{<*x}}: the name is looked up in data */
	/* Partials, parents and blocks alone on their line: every line they
	 * expand to is indented by indent[0..indent_len) (which may be empty). */
	bool standalone;
	/* An argument block whose opening tag ends its line: its content
	 * already lost the indentation it was written with. */
	bool own_indent;
	const char *indent;
	size_t indent_len;
	node_t *child;     /* sections and blocks: the content; parents: the
	                      argument blocks */
};

/* A list item's render kept in a memo (mustache_memo.c), and what it
 * depends on besides the item and the section: what it looked up outside
 * the item, and the indentation it was rendered with. */
typedef struct {
	const char *name;     /* a name's first part, looked up outside: the
	                         template's string (the memo is the set's) */
	const value_t *found; /* what it was: NULL or a lasting value, */
	bool copied;          /* or a scalar that is not lasting: copy */
	value_t copy;
	long uses;            /* how often the render looked it up */
} memo_dep_t;

typedef struct {
	memo_dep_t *items;
	size_t len, cap;
} memo_deps_t;

typedef struct {
	const node_t *section;
	const value_t *item;
	const char *indent;   /* the indentation in force, and its frames */
	size_t indent_len;
	int indent_frames;
	const char *text;
	size_t len;
	long steps;           /* the render's, but for contexts outside */
	int depth, expansions; /* the deepest it went, from where it began */
	memo_deps_t deps;
	size_t size;          /* of its block in the memo */
} fragment_t;

/* The memo's fragment of item in section, or NULL. */
const fragment_t *memo_find(const tmpl_memo_t *memo, const node_t *section,
                            const value_t *item);
/* Keeps a copy of draft, replacing the fragment of the same item and
 * section. */
void memo_keep(tmpl_memo_t *memo, const fragment_t *draft);
/* Notes that name was looked up outside the item and found v (NULL:
 * nothing); false when v is what a fragment cannot depend on (a map or
 * list made for one render). Names noted must last as long as the
 * memo; strings noted until memo_keep or memo_deps_free. */
bool memo_note(memo_deps_t *deps, const char *name, const value_t *v);
/* Whether v is what dep found. */
bool memo_same(const memo_dep_t *dep, const value_t *v);
void memo_deps_free(memo_deps_t *deps);

/* Parses src[0..len) (which must outlive the nodes) into *root, allocating
 * from arena. On a syntax error records it in diags and returns false. */
bool tmpl_compile(arena_t *arena, const char *src, size_t len,
                  const char *path, diags_t *diags, node_t **root);

#endif
