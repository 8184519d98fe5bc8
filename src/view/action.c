/* One action's page: its words, and every fact known about it with the
 * facts' names in the page's language. */
#include "view_internal.h"

#include <stdio.h>
#include <string.h>

#include "../core/buf.h"
#include "../render/escape.h"

static void add_enum_fact(const view_ctx_t *v, value_t *facts,
                          const char *label, enum_kind_t kind,
                          const enum_ref_t *e)
{
	if (e->id < 0)
		return;
	value_t *f = view_fact(v, label);
	view_fact_add(v, f, format_enum(v->site, v->lang, kind, e->id), NULL);
	val_push(v->arena, facts, f);
}

static void add_enum_list_fact(const view_ctx_t *v, value_t *facts,
                               const char *label, enum_kind_t kind,
                               const enum_ref_t *e, size_t n)
{
	if (n == 0)
		return;
	value_t *f = view_fact(v, label);
	for (size_t i = 0; i < n; i++)
		view_fact_add(v, f, format_enum(v->site, v->lang, kind, e[i].id),
		              NULL);
	val_push(v->arena, facts, f);
}

static const char *action_label(const view_ctx_t *v, const action_t *x)
{
	const text_t *t = view_text(v, x->texts);
	return arena_printf(v->arena, "%s %s", x->code,
	                    t && t->title ? t->title : "");
}

static value_t *facts_of(const view_ctx_t *v, const action_t *x)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	size_t l = v->lang;
	value_t *facts = val_list(a);
	value_t *f = view_fact(v, "labels.code");
	view_fact_add(v, f, x->code, NULL);
	val_push(a, facts, f);
	if (x->theme)
		val_push(a, facts, view_theme_fact(v, x->theme));
	f = view_fact(v, "labels.years");
	view_fact_add(v, f, view_years(v, x), NULL);
	val_push(a, facts, f);
	if (x->nresponsible) {
		f = view_fact(v, "labels.responsible");
		for (size_t i = 0; i < x->nresponsible; i++)
			view_fact_add(v, f, x->responsible[i]->names[l], NULL);
		val_push(a, facts, f);
	}
	add_enum_fact(v, facts, "labels.level", ENUM_LEVEL, &x->level);
	if (x->statutory >= 0) {
		f = view_fact(v, "labels.statutory");
		view_fact_add(v, f, view_word(v, x->statutory ? "words.answer_yes"
		                                              : "words.answer_no"), NULL);
		val_push(a, facts, f);
	}
	if (x->state_funding >= 0) {
		f = view_fact(v, "labels.state_funding");
		view_fact_add(v, f, view_word(v, x->state_funding ? "words.answer_yes"
		                                                  : "words.answer_no"),
		              NULL);
		val_push(a, facts, f);
	}
	add_enum_list_fact(v, facts, "labels.need", ENUM_NEED, x->need, x->nneed);
	add_enum_list_fact(v, facts, "labels.benefits", ENUM_BENEFIT, x->benefits,
	                   x->nbenefits);
	add_enum_list_fact(v, facts, "labels.beneficiaries", ENUM_BENEFICIARY,
	                   x->beneficiaries, x->nbeneficiaries);
	add_enum_fact(v, facts, "labels.cost_class", ENUM_CLASS, &x->cost_class);
	add_enum_fact(v, facts, "labels.impact_class", ENUM_CLASS,
	              &x->impact_class);
	add_enum_fact(v, facts, "labels.model", ENUM_MODEL, &x->model);
	if (x->has_cost) {
		f = view_fact(v, "labels.cost");
		const char *amount = format_money(a, site, l, x->cost_eur);
		const char *kind = format_enum(site, l, ENUM_COST_KIND,
		                               x->cost_kind.id);
		const char *text = arena_printf(a, "%s %s", amount, kind);
		if (x->funding.id >= 0)
			text = arena_printf(a, "%s (%s)", text,
			                    format_enum(site, l, ENUM_FUNDING,
			                                x->funding.id));
		view_fact_add(v, f, text, NULL);
		val_push(a, facts, f);
	}
	if (x->nrelated) {
		f = view_fact(v, "labels.related");
		for (size_t i = 0; i < x->nrelated; i++)
			view_fact_add(v, f, action_label(v, x->related[i]),
			              x->related[i]->urls[l]);
		val_push(a, facts, f);
	}
	if (x->continues) {
		f = view_fact(v, "labels.continues");
		view_fact_add(v, f, action_label(v, x->continues),
		              x->continues->urls[l]);
		val_push(a, facts, f);
	}
	/* The other way: actions of other programmes that continue this one. */
	if (x->first_continuer) {
		f = view_fact(v, "labels.continued_by");
		for (const action_t *y = x->first_continuer; y; y = y->next_continuer)
			view_fact_add(v, f, action_label(v, y), y->urls[l]);
		val_push(a, facts, f);
	}
	return facts;
}

/* The status at each follow-up, oldest first. */
static value_t *history_of(const view_ctx_t *v, const action_t *x)
{
	arena_t *a = v->arena;
	value_t *list = val_list(a);
	for (size_t i = 0; i < x->nstatuses; i++) {
		const status_entry_t *s = &x->statuses[i];
		value_t *m = val_map(a);
		val_set(a, m, "year", val_str_ref(a, arena_printf(a, "%d", s->year)));
		val_set(a, m, "id", val_str_ref(a, enum_id(ENUM_STATUS, s->status.id)));
		val_set(a, m, "name",
		        val_str_ref(a, format_enum(v->site, v->lang, ENUM_STATUS,
		                                   s->status.id)));
		val_set_bool(a, m, "current", i + 1 == x->nstatuses);
		val_push(a, list, m);
	}
	return list;
}

/* The city's feedback channel with the action named: site.yaml's
 * feedback_url with {subject} replaced, or a message to contact_email. */
static const char *feedback_url(const view_ctx_t *v, const action_t *x)
{
	const site_t *site = v->site;
	const char *subject = arena_printf(v->arena, "%s: %s",
	                                   view_word(v, "words.feedback_subject"),
	                                   action_label(v, x));
	buf_t b = BUF_INIT;
	const char *base = site->feedback_url;
	const char *at = base ? strstr(base, "{subject}") : NULL;
	if (base && at) {
		buf_put(&b, base, (size_t)(at - base));
		escape_url_component(&b, subject, strlen(subject));
		buf_puts(&b, at + strlen("{subject}"));
	} else if (base) {
		buf_puts(&b, base);
	} else {
		buf_printf(&b, "mailto:%s?subject=", site->contact_email);
		escape_url_component(&b, subject, strlen(subject));
	}
	const char *url = arena_strdup(v->arena, buf_cstr(&b));
	buf_free(&b);
	return url;
}

void view_action(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const action_t *x = v->ref->item;
	const text_t *t = view_text(v, x->texts);
	value_t *page = val_get(root, "page");
	view_add_text(v, page, t);
	value_t *m = view_action_item_copy(v, x);
	view_set_text(v, m, "problem", t ? t->problem : NULL);
	view_set_text(v, m, "impact", t ? t->impact : NULL);
	view_set_list(v, m, "facts", facts_of(v, x));
	view_set_list(v, m, "history", history_of(v, x));
	value_t *updates = val_list(a);
	for (size_t i = 0; t && i < t->nupdates; i++) {
		value_t *u = val_map(a);
		val_set(a, u, "date",
		        val_str_ref(a, format_date(a, v->site, v->lang,
		                                   t->updates[i].date)));
		val_set(a, u, "iso_date", val_str_ref(a, t->updates[i].date));
		val_set(a, u, "text", val_str_ref(a, t->updates[i].text));
		val_push(a, updates, u);
	}
	view_set_list(v, m, "updates", updates);
	const char *last = view_last_updated(v, x);
	view_set_text(v, m, "last_updated",
	              last ? format_date(a, v->site, v->lang, last) : NULL);
	view_set_text(v, m, "last_updated_iso", last);
	val_set_bool(a, m, "stale", view_is_stale(v, x));
	view_set_text(v, m, "feedback_url", feedback_url(v, x));
	val_set(a, root, "action", m);
}
