/* Translations: every fact has its words in every language, every language
 * file belongs to a fact, and no two pages of a language share an address. */
#include "check_internal.h"

#include <stdlib.h>
#include <string.h>

/* A --draft build borrows the first language that has the text. */
static text_t *borrow(checker_t *c, text_t **texts)
{
	for (size_t l = 0; l < c->site->nlangs; l++) {
		if (texts[l] && !texts[l]->borrowed && !texts[l]->unreadable) {
			text_t *copy = arena_alloc(c->site->arena, sizeof *copy);
			*copy = *texts[l];
			copy->borrowed = true;
			return copy;
		}
	}
	return NULL;
}

/* Fills or reports the missing languages of one set of texts. what names
 * the thing (a term: "the action 'a1'"); where/pos is the place to report;
 * file(l) is the file that should exist in language l. */
static void complete(checker_t *c, text_t **texts, const char *what,
                     const char *where, pos_t pos, const char *rel)
{
	site_t *site = c->site;
	for (size_t l = 0; l < site->nlangs; l++) {
		if (texts[l] || site->lang_missing[l])
			continue;
		if (c->draft) {
			texts[l] = borrow(c, texts);
			if (texts[l])
				continue;
		}
		const char *file = arena_printf(site->arena, "%s/%s/%s",
		                                site->content_dir, site->langs[l], rel);
		diag_error(c->diags, where, pos, MSG_MISSING_TRANSLATION, what,
		           site->langs[l], file);
	}
}

static pos_t pos_of(const value_t *v)
{
	return v ? v->pos : POS_NONE;
}

static void complete_programme(checker_t *c, programme_t *p)
{
	arena_t *a = c->site->arena;
	const char *path = check_programme_path(c, p);
	complete(c, p->texts, term_with(a, TERM_THE_PROGRAMME, p->id), path,
	         pos_of(p->raw), arena_printf(a, "%s/_index.md", p->id));
	/* A second entry with the same id is reported as a duplicate only. */
	for (size_t i = 0; i < p->nthemes; i++) {
		theme_t *t = &p->themes[i];
		if (model_theme(p, t->id) != t)
			continue;
		complete(c, t->texts, term_with(a, TERM_THE_THEME, t->id), path,
		         pos_of(val_get(t->raw, "id")),
		         arena_printf(a, "%s/themes/%s.md", p->id, t->id));
	}
	path = check_actions_path(c, p);
	for (size_t i = 0; i < p->nactions; i++) {
		action_t *x = &p->actions[i];
		if (model_action(p, x->id) != x)
			continue;
		complete(c, x->texts, term_with(a, TERM_THE_ACTION, x->id), path,
		         pos_of(val_get(x->raw, "id")),
		         arena_printf(a, "%s/actions/%s.md", p->id, x->id));
	}
	path = check_indicators_path(c, p);
	for (size_t i = 0; i < p->nindicators; i++) {
		indicator_t *x = &p->indicators[i];
		if (model_indicator(p, x->id) != x)
			continue;
		complete(c, x->texts, term_with(a, TERM_THE_INDICATOR, x->id),
		         path, pos_of(val_get(x->raw, "id")),
		         arena_printf(a, "%s/indicators/%s.md", p->id, x->id));
	}
}

/* The first existing text of a set, for reporting where a thing is. */
static const text_t *any_text(const site_t *site, text_t **texts)
{
	for (size_t l = 0; l < site->nlangs; l++)
		if (texts[l])
			return texts[l];
	return NULL;
}

static void complete_site(checker_t *c)
{
	site_t *site = c->site;
	arena_t *a = site->arena;
	const char *site_yaml = arena_printf(a, "%s/site.yaml", site->content_dir);
	complete(c, site->front, term(TERM_THE_FRONT_PAGE), site_yaml,
	         pos_of(val_member(site->raw, "languages") ?
	                val_get(site->raw, "languages") : NULL),
	         "_index.md");
	const char *units = arena_printf(a, "%s/data/units.yaml", site->content_dir);
	for (size_t i = 0; i < site->nunits; i++) {
		unit_t *u = &site->units[i];
		for (size_t l = 0; l < site->nlangs; l++) {
			if (u->names[l] || site->lang_missing[l] ||
			    site->unit_names_unreadable[l] ||
			    map_get(&site->unit_index, u->id) != u)
				continue;
			if (c->draft && u->names[0]) {
				u->names[l] = u->names[0];
				continue;
			}
			diag_error(c->diags, units, pos_of(val_get(u->raw, "id")),
			           MSG_MISSING_TRANSLATION,
			           term_with(a, TERM_THE_UNIT, u->id), site->langs[l],
			           arena_printf(a, "%s/%s/units.yaml (%s: ...)",
			                        site->content_dir, site->langs[l], u->id));
		}
	}
	for (size_t i = 0; i < site->npages; i++) {
		page_t *pg = &site->pages[i];
		const text_t *some = any_text(site, pg->texts);
		complete(c, pg->texts, term_with(a, TERM_THE_PAGE, pg->id),
		         some->path, POS_FIRST_LINE,
		         arena_printf(a, "pages/%s.md", pg->id));
	}
	for (size_t i = 0; i < site->norphans; i++) {
		const orphan_t *o = &site->orphans[i];
		diag_error(c->diags, o->path, o->pos, MSG_ORPHAN_TEXT, o->what, o->id,
		           o->data_file);
	}
}

/* Reports texts of one language that share a slug. */
typedef struct {
	map_t seen;
	checker_t *c;
} slugs_t;

static void claim(slugs_t *s, const text_t *t)
{
	if (!t || t->borrowed || t->unreadable || !t->slug)
		return;
	const text_t *other = map_get(&s->seen, t->slug);
	if (!other) {
		map_put(&s->seen, t->slug, (void *)t);
		return;
	}
	const value_t *slug = val_get(t->front, "slug");
	diag_error(s->c->diags, t->path, slug ? slug->pos : POS_FIRST_LINE,
	           MSG_DUPLICATE_SLUG, t->slug, other->path);
}

/* Addresses the generator makes itself, named in the theme's i18n. The
 * owner's path names them in messages: a term. */
static void reserve(slugs_t *s, const value_t *word, const text_t *owner)
{
	if (word && word->kind == VAL_STRING)
		map_put(&s->seen, word->as.str.s, (void *)owner);
}

/* The action list's filter pages live beside the actions, under the
 * theme's words for the facets (facets.<facet>.path). */
static void reserve_facet_words(slugs_t *s, const site_t *site, size_t l,
                                const text_t *filters)
{
	const value_t *facets = val_get(site->i18n[l], "facets");
	for (size_t i = 0; facets && facets->kind == VAL_MAP &&
	                   i < facets->as.map.len; i++)
		reserve(s, val_get(facets->as.map.items[i].val, "path"), filters);
}

static void unique_slugs(checker_t *c)
{
	site_t *site = c->site;
	for (size_t l = 0; l < site->nlangs; l++) {
		/* /<lang>/<slug>/ is shared by programmes and free pages. */
		slugs_t top = {MAP_INIT, c};
		const text_t data = {.path = term(TERM_OPEN_DATA_PAGE)};
		const text_t search = {.path = term(TERM_SEARCH_PAGE)};
		const text_t filters = {.path = term(TERM_FILTER_PAGES)};
		const value_t *paths = val_get(site->i18n[l], "paths");
		reserve(&top, val_get(paths, "data"), &data);
		reserve(&top, val_get(paths, "search"), &search);
		for (size_t i = 0; i < site->nprogrammes; i++)
			claim(&top, site->programmes[i].texts[l]);
		for (size_t i = 0; i < site->npages; i++)
			claim(&top, site->pages[i].texts[l]);
		map_free(&top.seen);
		for (size_t i = 0; i < site->nprogrammes; i++) {
			programme_t *p = &site->programmes[i];
			slugs_t s = {MAP_INIT, c};
			for (size_t j = 0; j < p->nthemes; j++)
				claim(&s, p->themes[j].texts[l]);
			map_free(&s.seen);
			s.seen = (map_t)MAP_INIT;
			reserve_facet_words(&s, site, l, &filters);
			for (size_t j = 0; j < p->nactions; j++)
				claim(&s, p->actions[j].texts[l]);
			map_free(&s.seen);
			s.seen = (map_t)MAP_INIT;
			for (size_t j = 0; j < p->nindicators; j++)
				claim(&s, p->indicators[j].texts[l]);
			map_free(&s.seen);
		}
	}
}

static int by_weight(const void *pa, const void *pb)
{
	const page_t *a = pa, *b = pb;
	if (a->weight != b->weight)
		return a->weight < b->weight ? -1 : 1;
	return strcmp(a->id, b->id);
}

/* Pages in footer order: by weight, then id. */
static void collect_pages(site_t *site)
{
	site->pages = arena_alloc(site->arena,
	                          (site->page_index.len + 1) * sizeof(page_t));
	site->npages = 0;
	for (size_t i = 0; i < site->page_index.cap; i++) {
		if (!site->page_index.slots[i].key)
			continue;
		page_t *p = &site->pages[site->npages++];
		*p = *(page_t *)site->page_index.slots[i].val;
		const text_t *t = any_text(site, p->texts);
		p->weight = t ? t->weight : 0;
	}
	qsort(site->pages, site->npages, sizeof(page_t), by_weight);
	/* The index now points at the sorted copies. */
	for (size_t i = 0; i < site->npages; i++)
		map_put(&site->page_index, site->pages[i].id, &site->pages[i]);
}

void check_translations(checker_t *c)
{
	site_t *site = c->site;
	collect_pages(site);
	for (size_t i = 0; i < site->nprogrammes; i++)
		complete_programme(c, &site->programmes[i]);
	complete_site(c);
	unique_slugs(c);
}
