#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

typedef struct {
	const char *text, *fix;
} entry_t;

/* An id missing from a translation is {NULL, NULL} here and shown in
 * English; tests/unit/check_messages.c makes sure there is none. */
static const entry_t catalogues[MSG_LANG_COUNT][MSG_COUNT] = {
#define MSG(id, text, fix) [MSG_##id] = {text, fix},
	[MSG_LANG_EN] = {
#include "messages.def"
	},
	[MSG_LANG_FI] = {
#include "messages-fi.def"
	},
	[MSG_LANG_SV] = {
#include "messages-sv.def"
	},
#undef MSG
};

static const entry_t *entry(msg_id_t msg, msg_lang_t lang)
{
	const entry_t *e = &catalogues[lang][msg];
	return e->text && e->fix ? e : &catalogues[MSG_LANG_EN][msg];
}

void diags_init(diags_t *d)
{
	memset(d, 0, sizeof *d);
	d->arena = arena_new();
}

void diags_free(diags_t *d)
{
	arena_free(d->arena);
	memset(d, 0, sizeof *d);
}

void diag_add(diags_t *d, severity_t sev, const char *path, pos_t pos,
              const char *suggestion, msg_id_t msg, ...)
{
	arena_grow(d->arena, (void **)&d->items, d->len, &d->cap, sizeof(diag_t));
	diag_t *g = &d->items[d->len++];
	memset(g, 0, sizeof *g);
	g->severity = sev;
	g->path = arena_strdup(d->arena, path ? path : "");
	g->line = pos.line;
	g->col = pos.col;
	g->msg = msg;
	g->suggestion = suggestion ? arena_strdup(d->arena, suggestion) : NULL;
	va_list ap;
	va_start(ap, msg);
	for (int i = 0; i < DIAG_MAX_ARGS; i++) {
		const char *arg = va_arg(ap, const char *);
		if (!arg)
			break;
		g->args[i] = arena_strdup(d->arena, arg);
	}
	va_end(ap);
	if (sev == SEV_ERROR)
		d->errors++;
	else
		d->warnings++;
}

void diags_append(diags_t *into, const diags_t *from)
{
	for (size_t i = 0; i < from->len; i++) {
		const diag_t *g = &from->items[i];
		pos_t pos = {g->line, g->col};
		diag_add(into, g->severity, g->path, pos, g->suggestion, g->msg,
		         g->args[0], g->args[1], g->args[2], g->args[3], NULL);
	}
}

static int compare(const void *pa, const void *pb)
{
	const diag_t *a = pa, *b = pb;
	int c = strcmp(a->path, b->path);
	if (c)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	if (a->msg != b->msg)
		return a->msg < b->msg ? -1 : 1;
	return 0;
}

void diags_sort(diags_t *d)
{
	/* qsort is not stable; the tie-breaks above make equal elements
	 * identical in output, so order among them does not show. */
	if (d->len > 1)
		qsort(d->items, d->len, sizeof(diag_t), compare);
}

/* Expands {1}..{4} with the diagnostic's arguments, their terms in lang,
 * and {s} with its suggestion. */
static void expand(buf_t *out, const char *tmpl, const diag_t *g,
                   msg_lang_t lang)
{
	for (const char *p = tmpl; *p; p++) {
		if (p[0] == '{' && p[1] && p[2] == '}') {
			if (p[1] >= '1' && p[1] <= '0' + DIAG_MAX_ARGS) {
				const char *arg = g->args[p[1] - '1'];
				term_expand(out, arg ? arg : "", lang);
				p += 2;
				continue;
			}
			if (p[1] == 's') {
				buf_puts(out, g->suggestion ? g->suggestion : "");
				p += 2;
				continue;
			}
		}
		buf_putc(out, *p);
	}
}

char *diag_message(const diag_t *g, msg_lang_t lang)
{
	buf_t b = BUF_INIT;
	expand(&b, entry(g->msg, lang)->text, g, lang);
	return buf_detach(&b);
}

char *diag_fix(const diag_t *g, msg_lang_t lang)
{
	buf_t b = BUF_INIT;
	if (g->suggestion)
		expand(&b, entry(MSG_DID_YOU_MEAN, lang)->text, g, lang);
	else
		expand(&b, entry(g->msg, lang)->fix, g, lang);
	return buf_detach(&b);
}

char *diags_summary(const diags_t *d, msg_lang_t lang)
{
	char errors[32], warnings[32];
	snprintf(errors, sizeof errors, "%zu", d->errors);
	snprintf(warnings, sizeof warnings, "%zu", d->warnings);
	term_id_t e = d->errors == 1 ? TERM_ERROR : TERM_ERRORS;
	term_id_t w = d->warnings == 1 ? TERM_WARNING : TERM_WARNINGS;
	diag_t g = {.msg = d->errors ? MSG_SUMMARY : MSG_CHECKED,
	            .args = {errors, term(e), warnings, term(w)}};
	return diag_message(&g, lang);
}
