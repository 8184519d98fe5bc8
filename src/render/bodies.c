#include "bodies.h"

#include <stdlib.h>
#include <string.h>

#include "../core/parallel.h"
#include "links.h"
#include "markdown.h"

static void render_text(site_t *site, text_t *t, size_t lang,
                        const programme_t *p, arena_t *arena, diags_t *diags)
{
	links_ctx_t ctx = {site, lang, p, t->path, arena};
	markdown_opts_t opts = {site->allow_html, links_resolve, &ctx, t->path,
	                        t->body_line, diags};
	char *html = markdown_render(t->body, strlen(t->body), &opts);
	t->html = arena_strdup(arena, html);
	free(html);
}

void bodies_render_text(site_t *site, text_t *t, size_t lang,
                        const programme_t *p, diags_t *diags)
{
	render_text(site, t, lang, p, site->arena, diags);
}

/* The texts to render, and what each thread renders into: an arena and
 * a list of problems (sorted when reported, so the order the threads
 * took the texts in does not show). */
typedef struct {
	text_t *text;
	size_t lang;
	const programme_t *p;
} body_t;

typedef struct {
	site_t *site;
	body_t *bodies;
	size_t n, cap;
	arena_t *arenas[PARALLEL_MAX];
	diags_t diags[PARALLEL_MAX];
} rendering_t;

static void add_set(rendering_t *r, text_t **texts, const programme_t *p)
{
	for (size_t l = 0; l < r->site->nlangs; l++) {
		text_t *t = texts[l];
		if (!t || t->unreadable)
			continue;
		if (r->n == r->cap) {
			r->cap = r->cap ? r->cap * 2 : 256;
			r->bodies = xrealloc(r->bodies, r->cap * sizeof *r->bodies);
		}
		r->bodies[r->n++] = (body_t){t, l, p};
	}
}

/* A borrowed text is rendered again so that its links lead to the pages
 * of the language it stands in for; its problems were reported with the
 * original. */
static int render_one(size_t i, size_t thread, void *ctx)
{
	rendering_t *r = ctx;
	const body_t *b = &r->bodies[i];
	if (!b->text->borrowed) {
		render_text(r->site, b->text, b->lang, b->p, r->arenas[thread],
		            &r->diags[thread]);
		return 0;
	}
	diags_t quiet;
	diags_init(&quiet);
	render_text(r->site, b->text, b->lang, b->p, r->arenas[thread], &quiet);
	diags_free(&quiet);
	return 0;
}

void bodies_render(site_t *site, diags_t *diags)
{
	rendering_t r = {.site = site};
	if (site->front)
		add_set(&r, site->front, site->current);
	for (size_t i = 0; i < site->npages; i++)
		add_set(&r, site->pages[i].texts, site->current);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		add_set(&r, p->texts, p);
		for (size_t j = 0; j < p->nthemes; j++)
			add_set(&r, p->themes[j].texts, p);
		for (size_t j = 0; j < p->nactions; j++)
			add_set(&r, p->actions[j].texts, p);
		for (size_t j = 0; j < p->nindicators; j++)
			add_set(&r, p->indicators[j].texts, p);
	}
	size_t threads = parallel_threads();
	for (size_t t = 0; t < threads; t++) {
		r.arenas[t] = arena_new();
		diags_init(&r.diags[t]);
	}
	markdown_prepare();
	parallel_run(r.n, threads, render_one, &r);
	for (size_t t = 0; t < threads; t++) {
		arena_adopt(site->arena, r.arenas[t]);
		diags_append(diags, &r.diags[t]);
		diags_free(&r.diags[t]);
	}
	free(r.bodies);
}
