/* `porta new`: scaffolding for an action, an indicator, a free page or an
 * update, in data/ and in every language at once. Every field an editor
 * must write starts with TODO, which `porta check` reports until it is
 * written, so nothing half-made is published. */
#ifndef PORTA_NEW_H
#define PORTA_NEW_H

#include "../core/buf.h"

typedef enum { NEW_ACTION, NEW_INDICATOR, NEW_PAGE, NEW_UPDATE } new_kind_t;

typedef struct {
	const char *content, *theme; /* theme NULL: site.yaml's */
	new_kind_t kind;
	const char *programme;       /* actions and indicators */
	const char *id;              /* of the new thing; of the action updated */
	const char *theme_id;        /* actions and indicators: --theme */
	const char *date;            /* updates: YYYY-MM-DD */
} new_opts_t;

/* The exit status: refused because of the content (1), because of the
 * command's arguments (2), or an I/O error (3). */
typedef enum { NEW_OK = 0, NEW_REFUSED = 1, NEW_USAGE = 2, NEW_IO = 3 } new_result_t;

/* Writes the files; appends each written path to written (one a line),
 * or the reason to refuse or the failure to error. */
new_result_t new_run(const new_opts_t *opts, buf_t *written, buf_t *error);

#endif
