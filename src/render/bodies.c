#include "bodies.h"

#include <stdlib.h>
#include <string.h>

#include "links.h"
#include "markdown.h"

void bodies_render_text(site_t *site, text_t *t, size_t lang,
                        const programme_t *p, diags_t *diags)
{
	links_ctx_t ctx = {site, lang, p, t->path, site->arena};
	markdown_opts_t opts = {site->allow_html, links_resolve, &ctx, t->path,
	                        t->body_line, diags};
	char *html = markdown_render(t->body, strlen(t->body), &opts);
	t->html = arena_strdup(site->arena, html);
	free(html);
}

/* A borrowed text is rendered again so that its links lead to the pages
 * of the language it stands in for; its problems were reported with the
 * original. */
static void render_set(site_t *site, diags_t *diags, text_t **texts,
                       const programme_t *p)
{
	for (size_t l = 0; l < site->nlangs; l++) {
		text_t *t = texts[l];
		if (!t || t->unreadable)
			continue;
		if (!t->borrowed) {
			bodies_render_text(site, t, l, p, diags);
			continue;
		}
		diags_t quiet;
		diags_init(&quiet);
		bodies_render_text(site, t, l, p, &quiet);
		diags_free(&quiet);
	}
}

void bodies_render(site_t *site, diags_t *diags)
{
	if (site->front)
		render_set(site, diags, site->front, site->current);
	for (size_t i = 0; i < site->npages; i++)
		render_set(site, diags, site->pages[i].texts, site->current);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		render_set(site, diags, p->texts, p);
		for (size_t j = 0; j < p->nthemes; j++)
			render_set(site, diags, p->themes[j].texts, p);
		for (size_t j = 0; j < p->nactions; j++)
			render_set(site, diags, p->actions[j].texts, p);
		for (size_t j = 0; j < p->nindicators; j++)
			render_set(site, diags, p->indicators[j].texts, p);
	}
}
