/* Mustache templates: the official spec with its inheritance and dynamic
 * names modules, without lambdas. Templates are parsed once into a set and
 * rendered many times against value trees. */
#ifndef PORTA_MUSTACHE_H
#define PORTA_MUSTACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "../core/buf.h"
#include "../core/diag.h"
#include "../core/value.h"

/* Named templates; also the namespace partials and parents come from. */
typedef struct tmpl_set tmpl_set_t;

tmpl_set_t *tmpl_set_new(void);
void tmpl_set_free(tmpl_set_t *set); /* accepts NULL */
/* How many steps (nodes, contexts looked at, indentations written) a
 * render from the set may take before it stops as runaway recursion:
 * 2,000,000 unless set here, four times what the largest page of a
 * 10,000-action programme takes. */
void tmpl_set_max_steps(tmpl_set_t *set, long steps);

/* Parses src[0..len) and stores it under name, replacing a template of
 * that name (name and src are copied; path is only for messages). On a
 * syntax error records MSG_TEMPLATE_SYNTAX at path:line:column, leaves the
 * set as it was and returns -1; returns 0 otherwise. */
int tmpl_set_add(tmpl_set_t *set, const char *name, const char *src,
                 size_t len, const char *path, diags_t *diags);
bool tmpl_set_has(const tmpl_set_t *set, const char *name);

/* What renders keep for later ones: the text each list item marked
 * lasting rendered to in each section, so that the next render of the
 * item there copies it instead. A kept text is used only where it comes
 * out the same: where what the item's render looked up outside the item
 * is still the same (the same lasting value, an equal scalar, or nothing)
 * and the indentation is too. One render at a time may use a memo. A
 * memo keeps addresses in its set's templates: it is used with that set
 * alone, and freed before it. */
typedef struct tmpl_memo tmpl_memo_t;

tmpl_memo_t *tmpl_memo_new(void);
void tmpl_memo_free(tmpl_memo_t *memo); /* accepts NULL */
/* Renders with memo use the texts base keeps too, when memo has none of
 * its own for an item: threads render with memos of their own over one
 * they share, which is only read while they do. */
void tmpl_memo_over(tmpl_memo_t *memo, const tmpl_memo_t *base);
/* Moves the texts from keeps into memo, in place of memo's for the same
 * items, leaving from empty. */
void tmpl_memo_merge(tmpl_memo_t *memo, tmpl_memo_t *from);

/* Renders template name against ctx (which may be NULL), appending to out.
 * Strings are HTML-escaped unless written {{{x}}} or {{&x}}; numbers show
 * the shortest way, booleans as true/false, null, lists and maps as
 * nothing. Missing partials and parents render as nothing, as the spec
 * says. Returns 0; 1 when runaway recursion hit a limit (expansions nested
 * more than 100 deep, the set's steps taken or 256 MiB written) and
 * the output was cut short; -1 if name itself does not exist. The set is
 * only read, so threads may render from one set at once. */
int tmpl_render(const tmpl_set_t *set, const char *name, const value_t *ctx,
                buf_t *out);
/* The same, keeping list items' texts in memo and using those kept: the
 * output is the same bytes as tmpl_render's. */
int tmpl_render_memo(const tmpl_set_t *set, const char *name,
                     const value_t *ctx, tmpl_memo_t *memo, buf_t *out);

#endif
