/* Placeholders left by `porta new`: a text that still starts with TODO
 * is not yet written, and a build must not publish it. */
#include "check_internal.h"

#include <string.h>

static bool placeholder(const char *s)
{
	return s && strncmp(s, "TODO", 4) == 0;
}

static void field(checker_t *c, const text_t *t, const char *key,
                  const char *value)
{
	if (!placeholder(value))
		return;
	const value_t *v = val_get(t->front, key);
	diag_error(c->diags, t->path, v ? v->pos : POS_FIRST_LINE,
	           MSG_PLACEHOLDER, key);
}

static void text(checker_t *c, const text_t *t)
{
	if (!t || t->unreadable || t->borrowed)
		return;
	field(c, t, "title", t->title);
	field(c, t, "summary", t->summary);
	field(c, t, "problem", t->problem);
	field(c, t, "impact", t->impact);
	field(c, t, "target", t->target);
	for (size_t i = 0; i < t->nupdates; i++)
		if (placeholder(t->updates[i].text))
			diag_error(c->diags, t->path, t->updates[i].pos, MSG_PLACEHOLDER,
			           term(TERM_PLACEHOLDER_UPDATE));
	const char *body = t->body ? t->body + strspn(t->body, " \n") : NULL;
	if (placeholder(body)) {
		int skipped = 0;
		for (const char *p = t->body; p < body; p++)
			skipped += *p == '\n';
		pos_t pos = {t->body_line + skipped, 1};
		diag_error(c->diags, t->path, pos, MSG_PLACEHOLDER,
		           term(TERM_PLACEHOLDER_TEXT));
	}
}

static void texts(checker_t *c, text_t *const *set)
{
	for (size_t l = 0; set && l < c->site->nlangs; l++)
		text(c, set[l]);
}

void check_text(const site_t *site, const text_t *t, diags_t *diags)
{
	checker_t c = {(site_t *)site, diags, site->draft};
	text(&c, t);
}

void check_placeholders(checker_t *c)
{
	site_t *site = c->site;
	texts(c, site->front);
	for (size_t i = 0; i < site->npages; i++)
		texts(c, site->pages[i].texts);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		texts(c, p->texts);
		for (size_t j = 0; j < p->nthemes; j++)
			texts(c, p->themes[j].texts);
		for (size_t j = 0; j < p->nactions; j++)
			texts(c, p->actions[j].texts);
		for (size_t j = 0; j < p->nindicators; j++)
			texts(c, p->indicators[j].texts);
	}
}
