/* The preview server for editors: builds the site into a directory of its
 * own, serves it on the loopback address only, rebuilds when the content
 * or the theme changes, and tells open pages to reload. */
#ifndef PORTA_SERVE_H
#define PORTA_SERVE_H

#include <stdbool.h>
#include <stdio.h>

#include "../core/terms.h"

typedef struct {
	const char *content;  /* content directory */
	const char *theme;    /* theme directory, or NULL for site.yaml's */
	const char *out;      /* where the preview is written */
	int port;             /* first port to try (the next ones if it is
	                         taken); 0 lets the system choose */
	bool draft;           /* borrow missing translations */
	msg_lang_t lang;      /* the language problems are told in */
} serve_opts_t;

/* Serves until SIGINT or SIGTERM. The address goes to out, flushed, once
 * the server listens; builds and their problems go to log. Returns 0 after
 * a clean stop, with both signals left blocked for the process to exit;
 * -1 when it cannot listen or watch (the reason is in log). Content
 * errors never stop it: the last good build stays served. */
int serve_run(const serve_opts_t *opts, FILE *out, FILE *log);

#endif
