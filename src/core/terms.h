/* The languages of porta's messages, and the terms (terms.def) that
 * message arguments are made of. A call site passes a term where it would
 * have passed English words; the diagnostic stays free of any language,
 * and the term is translated when the message is formatted. */
#ifndef PORTA_TERMS_H
#define PORTA_TERMS_H

#include <stdbool.h>

#include "alloc.h"
#include "buf.h"

typedef enum {
	MSG_LANG_EN,
	MSG_LANG_FI,
	MSG_LANG_SV,
	MSG_LANG_COUNT
} msg_lang_t;

typedef enum {
#define TERM(key, en, fi, sv) TERM_##key,
#include "terms.def"
#undef TERM
	TERM_COUNT
} term_id_t;

/* Looks a language up by its code ("en", "fi", "sv"); false if none. */
bool msg_lang_named(const char *name, msg_lang_t *lang);

/* A term as (a part of) a message argument: a static string holding a
 * marker that term_expand replaces. It may be embedded in a longer
 * argument, e.g. "a, b " + term(TERM_OR) + " c". */
const char *term(term_id_t t);

/* A term whose text has {1}..{3}, with its arguments: strings that stay
 * as they are (ids, paths, numbers), ending with NULL. Allocated in
 * arena. */
const char *term_with_(arena_t *arena, term_id_t t, ...);
#define term_with(arena, ...) term_with_(arena, __VA_ARGS__, NULL)

/* The reason errno gives for a failed read, as an argument: a term for the
 * usual reasons, strerror's English for the rest. Static. */
const char *term_errno(int err);

/* The text of a term in a language, without arguments. Static. */
const char *term_text(term_id_t t, msg_lang_t lang);

/* Appends s to out with every term in it replaced by its text in lang.
 * Anything that is not a whole, known term is copied as it is. */
void term_expand(buf_t *out, const char *s, msg_lang_t lang);

#endif
