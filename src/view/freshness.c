/* When an action last had news, and whether it has gone quiet. "Now" is
 * the programme's newest follow-up, never the clock, so that a build is a
 * pure function of its content. */
#include "view_internal.h"

#include <string.h>

/* The newest update in any language, or NULL. */
static const char *newest_update(const view_ctx_t *v, const action_t *x)
{
	const char *newest = NULL;
	for (size_t l = 0; l < v->site->nlangs; l++) {
		const text_t *t = x->texts ? x->texts[l] : NULL;
		view_read(v, t);
		for (size_t i = 0; t && !t->borrowed && i < t->nupdates; i++)
			if (!newest || strcmp(t->updates[i].date, newest) > 0)
				newest = t->updates[i].date;
	}
	return newest;
}

const char *view_last_updated(const view_ctx_t *v, const action_t *x)
{
	const char *newest = newest_update(v, x);
	/* A follow-up that recorded the action's status also tells news. */
	for (size_t i = 0; i < x->nstatuses; i++) {
		const follow_up_t *f = model_follow_up(x->programme,
		                                       x->statuses[i].year);
		if (f && (!newest || strcmp(f->date, newest) > 0))
			newest = f->date;
	}
	return newest;
}

/* The newest date the content gives: of an update, a follow-up or a
 * decision. NULL when it gives none. */
const char *view_content_date(const view_ctx_t *v)
{
	const site_t *site = v->site;
	const char *newest = NULL;
#define NEWER(d) if ((d) && (!newest || strcmp((d), newest) > 0)) newest = (d)
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		NEWER(p->decision_date);
		for (size_t f = 0; f < p->nfollow_ups; f++)
			NEWER(p->follow_ups[f].date);
		for (size_t k = 0; k < p->nactions; k++)
			for (size_t l = 0; l < site->nlangs; l++) {
				const text_t *t = p->actions[k].texts ? p->actions[k].texts[l]
				                                      : NULL;
				view_read(v, t);
				for (size_t u = 0; t && !t->borrowed && u < t->nupdates; u++)
					NEWER(t->updates[u].date);
			}
	}
#undef NEWER
	return newest;
}

bool view_is_stale(const view_ctx_t *v, const action_t *x)
{
	const programme_t *p = x->programme;
	if (p->nfollow_ups < 2 || p->status.id == PROGRAMME_ARCHIVED)
		return false;
	int s = model_current_status(x);
	if (s == STATUS_DONE || s == STATUS_CANCELLED)
		return false;
	/* Quiet since the follow-up before the newest one. */
	const char *previous = p->follow_ups[p->nfollow_ups - 2].date;
	const char *newest = newest_update(v, x);
	return !newest || strcmp(newest, previous) <= 0;
}

bool **view_stale_prepare(const site_t *site)
{
	bool **stale = arena_alloc(site->arena,
	                           (site->nprogrammes + 1) * sizeof *stale);
	view_ctx_t v = {site->arena, site, 0, NULL, NULL};
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		stale[i] = arena_alloc(site->arena, p->nactions + 1);
		for (size_t k = 0; k < p->nactions; k++)
			stale[i][k] = view_is_stale(&v, &p->actions[k]);
	}
	return stale;
}

void view_stale_replace(site_t *site, text_t *const *texts)
{
	view_ctx_t v = {site->arena, site, 0, NULL, NULL};
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t k = 0; k < p->nactions; k++)
			if (p->actions[k].texts == texts)
				site->view_cache->stale[i][k] =
					view_is_stale(&v, &p->actions[k]);
	}
}

value_t *view_stale_actions(const view_ctx_t *v, const programme_t *p)
{
	const site_t *site = v->site;
	const bool *stale = site->view_cache
	                    ? site->view_cache->stale[p - site->programmes]
	                    : NULL;
	value_t *list = val_list(v->arena);
	for (size_t i = 0; i < p->nactions; i++) {
		const action_t *x = &p->actions[i];
		/* Whether it is, is the same in every language: worked out once
		 * (view_prepare), but read from all of its texts. */
		for (size_t l = 0; stale && x->texts && l < site->nlangs; l++)
			view_read(v, x->texts[l]);
		if (stale ? stale[i] : view_is_stale(v, x))
			val_push(v->arena, list, view_action_item(v, x));
	}
	return list;
}
