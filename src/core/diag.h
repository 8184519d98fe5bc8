/* Diagnostics: every problem found in the content, with its file, line and
 * column, collected so that one run reports all of them. Only main.c prints
 * them. Message texts come from the catalogue in messages.def, and from
 * its translations messages-fi.def and messages-sv.def. */
#ifndef PORTA_DIAG_H
#define PORTA_DIAG_H

#include "terms.h"
#include "value.h"

typedef enum {
#define MSG(id, text, fix) MSG_##id,
#include "messages.def"
#undef MSG
	MSG_COUNT
} msg_id_t;

typedef enum { SEV_ERROR, SEV_WARNING } severity_t;

enum { DIAG_MAX_ARGS = 4 };

typedef struct {
	severity_t severity;
	const char *path;   /* as given by the caller, e.g. "content/fi/x.md" */
	int line, col;      /* 0 when the problem concerns the whole file */
	msg_id_t msg;
	const char *args[DIAG_MAX_ARGS]; /* {1}..{4} in the texts */
	const char *suggestion;          /* "did you mean" value, or NULL */
} diag_t;

typedef struct {
	arena_t *arena; /* owns paths and arguments */
	diag_t *items;
	size_t len, cap;
	size_t errors, warnings;
} diags_t;

void diags_init(diags_t *d);
void diags_free(diags_t *d);

/* Records a problem. The message's arguments follow msg as strings and end
 * with NULL; they are copied. suggestion (a "did you mean" value) may be
 * NULL. The macros below add the NULL. */
void diag_add(diags_t *d, severity_t sev, const char *path, pos_t pos,
              const char *suggestion, msg_id_t msg, ...);
#define diag_error(d, path, pos, ...) \
	diag_add(d, SEV_ERROR, path, pos, NULL, __VA_ARGS__, NULL)
#define diag_warning(d, path, pos, ...) \
	diag_add(d, SEV_WARNING, path, pos, NULL, __VA_ARGS__, NULL)
#define diag_suggest(d, path, pos, suggestion, ...) \
	diag_add(d, SEV_ERROR, path, pos, suggestion, __VA_ARGS__, NULL)

/* Adds a copy of every problem of from to into (a thread's problems to
 * the build's). */
void diags_append(diags_t *into, const diags_t *from);

/* Sorts by path, line and column so that output order never depends on the
 * order work was done in. */
void diags_sort(diags_t *d);

/* The message and the fix alone, formatted in lang (the catalogues
 * messages.def, messages-fi.def and messages-sv.def; the terms in the
 * arguments translated). The caller frees the result. */
char *diag_message(const diag_t *diag, msg_lang_t lang);
char *diag_fix(const diag_t *diag, msg_lang_t lang);

/* "2 errors, 0 warnings; nothing was written" in lang, for the line the
 * command line ends with; without errors, that the content is ready. The
 * caller frees the result. */
char *diags_summary(const diags_t *d, msg_lang_t lang);

#endif
