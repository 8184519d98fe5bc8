#include "model.h"

#include <string.h>

site_t *model_new(void)
{
	arena_t *arena = arena_new();
	site_t *site = arena_alloc(arena, sizeof *site);
	site->arena = arena;
	site->content_fd = -1;
	return site;
}

void model_free(site_t *site)
{
	if (!site)
		return;
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		map_free(&p->theme_index);
		map_free(&p->action_index);
		map_free(&p->indicator_index);
	}
	for (size_t l = 0; site->i18n_words && l < site->nlangs; l++)
		map_free(&site->i18n_words[l]);
	map_free(&site->unit_index);
	map_free(&site->programme_index);
	map_free(&site->page_index);
	arena_free(site->arena);
}

int model_lang_index(const site_t *site, const char *lang)
{
	for (size_t i = 0; i < site->nlangs; i++)
		if (strcmp(site->langs[i], lang) == 0)
			return (int)i;
	return -1;
}

static bool same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

bool model_same_words(const text_t *a, const text_t *b)
{
	if (!same(a->title, b->title) || !same(a->slug, b->slug) ||
	    !same(a->summary, b->summary) || !same(a->problem, b->problem) ||
	    !same(a->impact, b->impact) || !same(a->target, b->target) ||
	    !same(a->lang, b->lang) || a->borrowed != b->borrowed ||
	    a->nupdates != b->nupdates || a->weight != b->weight ||
	    a->show_contact != b->show_contact ||
	    a->show_assessed != b->show_assessed)
		return false;
	for (size_t i = 0; i < a->nupdates; i++)
		if (!same(a->updates[i].date, b->updates[i].date) ||
		    !same(a->updates[i].text, b->updates[i].text))
			return false;
	return true;
}

programme_t *model_programme(const site_t *site, const char *id)
{
	return map_get(&site->programme_index, id);
}

action_t *model_action(const programme_t *p, const char *id)
{
	return map_get(&p->action_index, id);
}

indicator_t *model_indicator(const programme_t *p, const char *id)
{
	return map_get(&p->indicator_index, id);
}

theme_t *model_theme(const programme_t *p, const char *id)
{
	return map_get(&p->theme_index, id);
}

page_t *model_page(const site_t *site, const char *id)
{
	return map_get(&site->page_index, id);
}

int model_status_in(const action_t *a, int year)
{
	for (size_t i = 0; i < a->nstatuses; i++)
		if (a->statuses[i].year == year)
			return a->statuses[i].status.id;
	return -1;
}

bool model_action_in_year(const action_t *a, int year)
{
	for (size_t i = 0; i < a->nyears; i++)
		if (a->years[i] == year)
			return true;
	return false;
}

const follow_up_t *model_follow_up(const programme_t *p, int year)
{
	for (size_t i = 0; i < p->nfollow_ups; i++)
		if (p->follow_ups[i].year == year)
			return &p->follow_ups[i];
	return NULL;
}

int model_current_status(const action_t *a)
{
	if (a->nstatuses == 0)
		return -1;
	return a->statuses[a->nstatuses - 1].status.id;
}
