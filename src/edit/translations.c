#define _XOPEN_SOURCE 700 /* realpath */
#include "translations.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fs.h"
#include "frontmatter.h"

/* The fields a translation follows, in the order they are recorded. */
enum { F_TITLE, F_SUMMARY, F_PROBLEM, F_IMPACT, F_TARGET, F_UPDATES, F_BODY,
       FIELDS };
static const char *const field_names[FIELDS] = {
	"title", "summary", "problem", "impact", "target", "updates", "body"};

/* FNV-1a, 32 bits: a short fingerprint, not security. */
static uint32_t fnv(uint32_t h, const char *s)
{
	for (; s && *s; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return h;
}

/* The fingerprint of one field of a text, or 0 when it has none. */
static uint32_t fingerprint(const text_t *t, int field)
{
	const uint32_t seed = 2166136261u;
	switch (field) {
	case F_TITLE: return t->title ? fnv(seed, t->title) : 0;
	case F_SUMMARY: return t->summary ? fnv(seed, t->summary) : 0;
	case F_PROBLEM: return t->problem ? fnv(seed, t->problem) : 0;
	case F_IMPACT: return t->impact ? fnv(seed, t->impact) : 0;
	case F_TARGET: return t->target ? fnv(seed, t->target) : 0;
	case F_UPDATES: {
		if (!t->nupdates)
			return 0;
		uint32_t h = seed;
		for (size_t i = 0; i < t->nupdates; i++)
			h = fnv(fnv(h, t->updates[i].date), t->updates[i].text);
		return h;
	}
	case F_BODY: {
		/* Trailing blank lines are not a change. */
		size_t n = t->body ? strlen(t->body) : 0;
		while (n && (t->body[n - 1] == '\n' || t->body[n - 1] == ' '))
			n--;
		if (!n)
			return 0;
		char *b = xstrndup(t->body, n);
		uint32_t h = fnv(seed, b);
		free(b);
		return h;
	}
	}
	return 0;
}

/* Calls each(texts, what) for every set of texts of the site. */
static void each_set(const site_t *site,
                     void (*each)(text_t *const *texts, const char *what,
                                  void *ctx),
                     void *ctx)
{
	char what[256];
	each(site->front, "the front page", ctx);
	for (size_t i = 0; i < site->npages; i++) {
		snprintf(what, sizeof what, "page %s", site->pages[i].id);
		each(site->pages[i].texts, what, ctx);
	}
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		snprintf(what, sizeof what, "programme %s", p->id);
		each(p->texts, what, ctx);
		for (size_t j = 0; j < p->nthemes; j++) {
			snprintf(what, sizeof what, "theme %s/%s", p->id, p->themes[j].id);
			each(p->themes[j].texts, what, ctx);
		}
		for (size_t j = 0; j < p->nactions; j++) {
			snprintf(what, sizeof what, "action %s/%s", p->id, p->actions[j].id);
			each(p->actions[j].texts, what, ctx);
		}
		for (size_t j = 0; j < p->nindicators; j++) {
			snprintf(what, sizeof what, "indicator %s/%s", p->id,
			         p->indicators[j].id);
			each(p->indicators[j].texts, what, ctx);
		}
	}
}

typedef struct {
	const site_t *site;
	size_t lang;
	buf_t *out;
	translations_count_t count;
} report_t;

/* The fields of source that changed since translation t was marked. */
static void changed(const text_t *source, const text_t *t, buf_t *fields)
{
	for (int f = 0; f < FIELDS; f++) {
		const value_t *v = val_get(t->translation_of, field_names[f]);
		uint32_t now = fingerprint(source, f);
		uint32_t then = v && v->text ? (uint32_t)strtoul(v->text, NULL, 16) : 0;
		if (now != then)
			buf_printf(fields, "%s%s", fields->len ? ", " : "", field_names[f]);
	}
}

static void report_set(text_t *const *texts, const char *what, void *ctx)
{
	report_t *r = ctx;
	const text_t *source = texts ? texts[0] : NULL;
	const text_t *t = texts ? texts[r->lang] : NULL;
	if (!source || source->unreadable)
		return;
	if (!t || t->borrowed) {
		r->count.missing++;
		buf_printf(r->out, "  missing:  %s (%s)\n", what, source->path);
		return;
	}
	if (t->unreadable)
		return;
	if (!t->translation_of) {
		r->count.unmarked++;
		buf_printf(r->out, "  unmarked: %s\n", t->path);
		return;
	}
	buf_t fields = BUF_INIT;
	changed(source, t, &fields);
	if (fields.len) {
		r->count.stale++;
		buf_printf(r->out, "  stale:    %s: %s changed in %s\n", t->path,
		           buf_cstr(&fields), source->path);
	}
	buf_free(&fields);
}

translations_count_t translations_report(const site_t *site, buf_t *out)
{
	translations_count_t total = {0, 0, 0};
	for (size_t l = 1; l < site->nlangs; l++) {
		buf_t lines = BUF_INIT;
		report_t r = {site, l, &lines, {0, 0, 0}};
		each_set(site, report_set, &r);
		buf_printf(out, "%s (from %s): %zu missing, %zu stale, %zu not marked\n",
		           site->langs[l], site->langs[0], r.count.missing,
		           r.count.stale, r.count.unmarked);
		buf_put(out, lines.data ? lines.data : "", lines.len);
		buf_free(&lines);
		total.missing += r.count.missing;
		total.stale += r.count.stale;
		total.unmarked += r.count.unmarked;
	}
	return total;
}

typedef struct {
	const site_t *site;
	char *const *only;  /* real paths of the files to mark; all if none */
	size_t nonly;
	bool *matched;      /* per file of only: is it a translation */
	bool dry;           /* only match, write nothing */
	long written;
	char *failed;
} mark_t;

/* Whether the translation at path is among those to mark. */
static bool chosen(mark_t *m, const char *path)
{
	if (m->nonly == 0)
		return true;
	char *real = realpath(path, NULL);
	bool found = false;
	for (size_t i = 0; real && i < m->nonly; i++)
		if (strcmp(real, m->only[i]) == 0)
			found = m->matched[i] = true;
	free(real);
	return found;
}

static void mark_set(text_t *const *texts, const char *what, void *ctx)
{
	(void)what;
	mark_t *m = ctx;
	const text_t *source = texts ? texts[0] : NULL;
	if (m->failed || !source || source->unreadable)
		return;
	for (size_t l = 1; l < m->site->nlangs && !m->failed; l++) {
		const text_t *t = texts[l];
		if (!t || t->borrowed || t->unreadable || !chosen(m, t->path) || m->dry)
			continue;
		buf_t block = BUF_INIT;
		buf_printf(&block, "translation_of: { lang: %s", m->site->langs[0]);
		for (int f = 0; f < FIELDS; f++) {
			uint32_t h = fingerprint(source, f);
			if (h)
				buf_printf(&block, ", %s: \"%08x\"", field_names[f], (unsigned)h);
		}
		buf_puts(&block, " }\n");
		char *text;
		size_t len;
		if (fs_read(t->path, &text, &len) < 0) {
			m->failed = xstrdup(t->path);
			buf_free(&block);
			return;
		}
		char *marked = frontmatter_set(text, "translation_of", buf_cstr(&block));
		if (marked && strcmp(marked, text) != 0) {
			if (fs_write_atomic(t->path, marked, strlen(marked)) < 0)
				m->failed = xstrdup(t->path);
			else
				m->written++;
		}
		free(marked);
		free(text);
		buf_free(&block);
	}
}

long translations_mark(const site_t *site, const char *const *files,
                       size_t nfiles,
                       char **failed, const char **unknown)
{
	char **real = xcalloc(nfiles + 1, sizeof *real);
	bool *matched = xcalloc(nfiles + 1, sizeof *matched);
	mark_t m = {site, real, nfiles, matched, true, 0, NULL};
	long rc = 0;
	*unknown = NULL;
	for (size_t i = 0; i < nfiles && !*unknown; i++)
		if (!(real[i] = realpath(files[i], NULL)))
			*unknown = files[i];
	/* Every file named must be a translation before any is marked. */
	if (!*unknown) {
		each_set(site, mark_set, &m);
		for (size_t i = 0; i < nfiles && !*unknown; i++)
			if (!matched[i])
				*unknown = files[i];
	}
	if (*unknown) {
		rc = -2;
	} else {
		m.dry = false;
		each_set(site, mark_set, &m);
		rc = m.failed ? -1 : m.written;
	}
	for (size_t i = 0; i < nfiles; i++)
		free(real[i]);
	free(real);
	free(matched);
	*failed = m.failed;
	return rc;
}
