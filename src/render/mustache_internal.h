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

/* A dotted name split once at parse time. No parts: the implicit
 * iterator ".". */
typedef struct {
	const char **parts;
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

/* Parses src[0..len) (which must outlive the nodes) into *root, allocating
 * from arena. On a syntax error records it in diags and returns false. */
bool tmpl_compile(arena_t *arena, const char *src, size_t len,
                  const char *path, diags_t *diags, node_t **root);

#endif
