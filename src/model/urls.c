#include "urls.h"

#include <string.h>

const char *urls_segment(const site_t *site, size_t lang, const char *key)
{
	const value_t *v = val_get(val_get(site->i18n[lang], "paths"), key);
	return v && v->kind == VAL_STRING ? v->as.str.s : key;
}

static const char *slug(text_t **texts, size_t lang, const char *id)
{
	return texts && texts[lang] ? texts[lang]->slug : id;
}

static const char **per_lang(site_t *site)
{
	return arena_alloc(site->arena, site->nlangs * sizeof(char *));
}

static void assign_programme(site_t *site, programme_t *p)
{
	arena_t *a = site->arena;
	p->urls = per_lang(site);
	p->action_list_urls = per_lang(site);
	p->indicator_list_urls = per_lang(site);
	p->roadmap_urls = per_lang(site);
	p->follow_up_urls = per_lang(site);
	for (size_t l = 0; l < site->nlangs; l++) {
		const char *base = arena_printf(a, "%s%s/", site->home_urls[l],
		                                slug(p->texts, l, p->id));
		const char *themes = urls_segment(site, l, "themes");
		const char *actions = urls_segment(site, l, "actions");
		const char *indicators = urls_segment(site, l, "indicators");
		p->urls[l] = base;
		p->action_list_urls[l] = arena_printf(a, "%s%s/", base, actions);
		p->indicator_list_urls[l] = arena_printf(a, "%s%s/", base, indicators);
		p->roadmap_urls[l] = arena_printf(a, "%s%s/", base,
		                                  urls_segment(site, l, "roadmap"));
		p->follow_up_urls[l] = arena_printf(a, "%s%s/", base,
		                                    urls_segment(site, l, "follow_up"));
		for (size_t i = 0; i < p->nthemes; i++) {
			theme_t *t = &p->themes[i];
			if (!t->urls)
				t->urls = per_lang(site);
			t->urls[l] = arena_printf(a, "%s%s/%s/", base, themes,
			                          slug(t->texts, l, t->id));
		}
		for (size_t i = 0; i < p->nactions; i++) {
			action_t *x = &p->actions[i];
			if (!x->urls)
				x->urls = per_lang(site);
			x->urls[l] = arena_printf(a, "%s%s/", p->action_list_urls[l],
			                          slug(x->texts, l, x->id));
		}
		for (size_t i = 0; i < p->nindicators; i++) {
			indicator_t *x = &p->indicators[i];
			if (!x->urls) {
				x->urls = per_lang(site);
				x->chart_urls = per_lang(site);
			}
			x->urls[l] = arena_printf(a, "%s%s/", p->indicator_list_urls[l],
			                          slug(x->texts, l, x->id));
			x->chart_urls[l] = arena_printf(a, "%schart.svg", x->urls[l]);
		}
	}
}

void urls_assign(site_t *site)
{
	arena_t *a = site->arena;
	site->home_urls = per_lang(site);
	site->data_urls = per_lang(site);
	site->search_urls = per_lang(site);
	for (size_t l = 0; l < site->nlangs; l++) {
		site->home_urls[l] = arena_printf(a, "%s%s/", site->base_path,
		                                  site->langs[l]);
		site->data_urls[l] = arena_printf(a, "%s%s/", site->home_urls[l],
		                                  urls_segment(site, l, "data"));
		site->search_urls[l] = arena_printf(a, "%s%s/", site->home_urls[l],
		                                    urls_segment(site, l, "search"));
	}
	for (size_t i = 0; i < site->nprogrammes; i++)
		assign_programme(site, &site->programmes[i]);
	for (size_t i = 0; i < site->npages; i++) {
		page_t *pg = &site->pages[i];
		pg->urls = per_lang(site);
		for (size_t l = 0; l < site->nlangs; l++)
			pg->urls[l] = arena_printf(a, "%s%s/", site->home_urls[l],
			                           slug(pg->texts, l, pg->id));
	}
}

const char *urls_file(arena_t *arena, const site_t *site, const char *url)
{
	size_t base = strlen(site->base_path);
	const char *rel = strncmp(url, site->base_path, base) == 0 ? url + base
	                                                           : url;
	size_t n = strlen(rel);
	if (n == 0 || rel[n - 1] == '/')
		return arena_printf(arena, "%sindex.html", rel);
	return arena_strdup(arena, rel);
}

const char *urls_absolute(arena_t *arena, const site_t *site, const char *url)
{
	size_t base = strlen(site->base_path);
	const char *rel = strncmp(url, site->base_path, base) == 0 ? url + base
	                                                           : url;
	size_t n = strlen(site->base_url), len = strlen(rel);
	char *s = arena_take(arena, n + len + 1);
	memcpy(s, site->base_url, n);
	memcpy(s + n, rel, len + 1);
	return s;
}
