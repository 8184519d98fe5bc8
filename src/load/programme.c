/* content/data/<programme>/: programme.yaml, actions.yaml, indicators.yaml. */
#include "load_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/fs.h"

static const char *const programme_keys[] = {
	"code", "period", "status", "decision", "themes", "follow_ups", NULL};
static const char *const decision_keys[] = {
	"body", "date", "section", "reference", NULL};
static const char *const theme_keys[] = {"id", "code", "kind", NULL};
static const char *const follow_up_keys[] = {"year", "date", NULL};
static const char *const action_keys[] = {
	"id", "code", "theme", "years", "status", "responsible", "level",
	"statutory", "state_funding", "need", "benefits", "beneficiaries",
	"cost_class",
	"impact_class", "model", "cost", "related", "continues", NULL};
static const char *const cost_keys[] = {"amount_eur", "kind", "funding", NULL};
static const char *const indicator_keys[] = {
	"id", "theme", "unit", "scale", "direction", "target", "values", NULL};

/* The root of a file of entries: a list, or NULL after reporting. */
static const value_t *entries(reader_t *r, const value_t *root,
                              const char *what)
{
	if (!root || root->kind == VAL_NULL)
		return NULL;
	if (root->kind != VAL_LIST) {
		diag_error(r->diags, r->path, root->pos, MSG_WRONG_TYPE, what,
		           term(TERM_WANT_ENTRIES), val_kind_name(root->kind),
		           term(TERM_EXAMPLE_ENTRIES));
		return NULL;
	}
	return root;
}

static void read_period(reader_t *r, programme_t *p, const value_t *root)
{
	const value_t *period = field_list(r, root, "period", true, "[2024, 2026]");
	if (!period)
		return;
	if (period->as.list.len != 2) {
		diag_error(r->diags, r->path, period->pos, MSG_BAD_PERIOD);
		return;
	}
	int first, last;
	if (field_value_year(r, period->as.list.items[0], &first) &&
	    field_value_year(r, period->as.list.items[1], &last)) {
		if (first > last) {
			diag_error(r->diags, r->path, period->pos, MSG_BAD_PERIOD);
			return;
		}
		p->first_year = first;
		p->last_year = last;
	}
}

static void read_decision(reader_t *r, programme_t *p, const value_t *root)
{
	const value_t *d = field_get(r, root, "decision", false, NULL);
	if (!d || !field_is_map(r, d, "decision"))
		return;
	field_check_keys(r, d, decision_keys);
	if (field_id(r, d, "body", true, "kaupunginhallitus"))
		p->decision_body_ref = val_get(d, "body");
	p->decision_body = field_text(r, d, "body", false);
	p->decision_date = field_date(r, d, "date", true);
	p->decision_section = field_text(r, d, "section", false);
	p->decision_reference = field_text(r, d, "reference", false);
}

static void read_themes(reader_t *r, programme_t *p, const value_t *root)
{
	const value_t *list = field_list(r, root, "themes", true,
	                                 "[{ id: a, code: A, kind: goal }]");
	if (!list)
		return;
	p->themes = arena_alloc(r->arena,
	                        (list->as.list.len + 1) * sizeof(theme_t));
	for (size_t i = 0; i < list->as.list.len; i++) {
		const value_t *e = list->as.list.items[i];
		if (!field_is_map(r, e, term(TERM_MAP_THEME)))
			continue;
		field_check_keys(r, e, theme_keys);
		theme_t *t = &p->themes[p->nthemes];
		t->id = field_id(r, e, "id", true, "a");
		t->code = field_text(r, e, "code", true);
		t->kind = field_enum(r, e, "kind", true);
		if (!t->id || !t->code) {
			p->themes_incomplete = true;
			continue;
		}
		t->raw = e;
		t->programme = p;
		p->nthemes++;
	}
}

static int by_year(const void *a, const void *b)
{
	return ((const follow_up_t *)a)->year - ((const follow_up_t *)b)->year;
}

static void read_follow_ups(reader_t *r, programme_t *p, const value_t *root)
{
	const value_t *list = field_list(r, root, "follow_ups", false,
	                                 "[{ year: 2024, date: 2024-10-31 }]");
	if (!list)
		return;
	p->follow_ups = arena_alloc(r->arena,
	                            (list->as.list.len + 1) * sizeof(follow_up_t));
	for (size_t i = 0; i < list->as.list.len; i++) {
		const value_t *e = list->as.list.items[i];
		if (!field_is_map(r, e, term(TERM_MAP_FOLLOW_UP)))
			continue;
		field_check_keys(r, e, follow_up_keys);
		follow_up_t *f = &p->follow_ups[p->nfollow_ups];
		f->date = field_date(r, e, "date", true);
		if (!field_year(r, e, "year", true, &f->year) || !f->date)
			continue;
		f->raw = e;
		p->nfollow_ups++;
	}
	qsort(p->follow_ups, p->nfollow_ups, sizeof(follow_up_t), by_year);
}

static int compare_ints(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static int by_status_year(const void *a, const void *b)
{
	return ((const status_entry_t *)a)->year -
	       ((const status_entry_t *)b)->year;
}

static void read_years(reader_t *r, action_t *a, const value_t *e)
{
	const value_t *list = field_list(r, e, "years", true, "[2025]");
	if (!list)
		return;
	a->years = arena_alloc(r->arena,
	                       (list->as.list.len + 1) * sizeof(int));
	for (size_t i = 0; i < list->as.list.len; i++)
		if (field_value_year(r, list->as.list.items[i], &a->years[a->nyears]))
			a->nyears++;
	qsort(a->years, a->nyears, sizeof(int), compare_ints);
}

/* An archived programme may not know its actions' statuses. */
static bool archived(const programme_t *p)
{
	return p->status.v && p->status.v->text &&
	       strcmp(p->status.v->text, "archived") == 0;
}

static void read_statuses(reader_t *r, action_t *a, const value_t *e)
{
	const value_t *m = field_get(r, e, "status", !archived(a->programme),
	                             "{ 2024: planned }");
	if (!m)
		return;
	if (m->kind != VAL_MAP) {
		diag_error(r->diags, r->path, m->pos, MSG_WRONG_TYPE, "status",
		           term(TERM_WANT_STATUSES), val_kind_name(m->kind),
		           "{ 2024: planned, 2025: started }");
		return;
	}
	a->statuses = arena_alloc(r->arena,
	                          (m->as.map.len + 1) * sizeof(status_entry_t));
	for (size_t i = 0; i < m->as.map.len; i++) {
		const member_t *mem = &m->as.map.items[i];
		status_entry_t *s = &a->statuses[a->nstatuses];
		if (!field_parse_year(mem->key, &s->year)) {
			diag_error(r->diags, r->path, mem->pos, MSG_BAD_YEAR, mem->key);
			continue;
		}
		s->pos = mem->pos;
		s->status = field_enum(r, m, mem->key, true);
		if (s->status.v)
			a->nstatuses++;
	}
	qsort(a->statuses, a->nstatuses, sizeof(status_entry_t), by_status_year);
}

static void read_cost(reader_t *r, action_t *a, const value_t *e)
{
	const value_t *c = field_get(r, e, "cost", false, NULL);
	if (!c || !field_is_map(r, c, "cost"))
		return;
	field_check_keys(r, c, cost_keys);
	a->has_cost = field_number(r, c, "amount_eur", true, &a->cost_eur);
	a->cost_kind = field_enum(r, c, "kind", true);
	a->funding = field_enum(r, c, "funding", false);
}

/* A list of ids, checked for syntax; resolved by check. */
static const value_t *id_list(reader_t *r, const value_t *e, const char *key,
                              const char *example)
{
	const value_t *list = field_list(r, e, key, false, example);
	if (!list)
		return NULL;
	bool ok = true;
	for (size_t i = 0; i < list->as.list.len; i++)
		ok &= field_value_is_id(r, list->as.list.items[i]);
	return ok ? list : NULL;
}

static void read_action(reader_t *r, programme_t *p, const value_t *e)
{
	if (!field_is_map(r, e, term(TERM_MAP_ACTION)))
		return;
	field_check_keys(r, e, action_keys);
	action_t *a = &p->actions[p->nactions];
	a->programme = p;
	a->id = field_id(r, e, "id", true, "a1");
	a->code = field_text(r, e, "code", true);
	if (field_id(r, e, "theme", true, "a"))
		a->theme_ref = val_get(e, "theme");
	read_years(r, a, e);
	read_statuses(r, a, e);
	a->responsible_refs = id_list(r, e, "responsible", "[unit-id]");
	a->level = field_enum(r, e, "level", false);
	a->statutory = field_bool(r, e, "statutory");
	a->state_funding = field_bool(r, e, "state_funding");
	a->need = field_enum_list(r, e, "need", ENUM_NEED, &a->nneed);
	a->benefits = field_enum_list(r, e, "benefits", ENUM_BENEFIT,
	                              &a->nbenefits);
	a->beneficiaries = field_enum_list(r, e, "beneficiaries", ENUM_BENEFICIARY,
	                                   &a->nbeneficiaries);
	a->cost_class = field_enum(r, e, "cost_class", false);
	a->impact_class = field_enum(r, e, "impact_class", false);
	a->model = field_enum(r, e, "model", false);
	read_cost(r, a, e);
	a->related_refs = id_list(r, e, "related", "[a1, a2]");
	const value_t *cont = field_get(r, e, "continues", false, NULL);
	if (cont && cont->kind == VAL_STRING)
		a->continues_ref = cont;
	else if (cont)
		diag_error(r->diags, r->path, cont->pos, MSG_WRONG_TYPE, "continues",
		           term(TERM_WANT_CONTINUES), val_kind_name(cont->kind),
		           "digiohjelma-2020-2023/a5");
	if (!a->id) {
		p->actions_incomplete = true;
		return;
	}
	a->raw = e;
	p->nactions++;
}

static int by_value_year(const void *a, const void *b)
{
	return ((const indicator_value_t *)a)->year -
	       ((const indicator_value_t *)b)->year;
}

/* Whether s is only digits, at least one. */
static bool all_digits(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (*s < '0' || *s > '9')
			return false;
	return true;
}

/* A number as people write it in Finnish and Swedish ("2,22", "81 000",
 * "81 000,5" with a space or a no-break space) rather than as YAML reads
 * one: reported with the number as it should be written. */
static bool misspelt_number(reader_t *r, const value_t *v)
{
	const char *s = v->kind == VAL_STRING ? v->as.str.s : NULL;
	if (!s)
		return false;
	buf_t fixed = BUF_INIT;
	bool digits = false, spaces = false, comma = false;
	for (const char *p = s; *p;) {
		if (*p >= '0' && *p <= '9') {
			buf_putc(&fixed, *p++);
			digits = true;
		} else if (*p == '-' && p == s) {
			buf_putc(&fixed, *p++);
		} else if (*p == ',' && digits && !comma && p[1] >= '0' && p[1] <= '9') {
			buf_putc(&fixed, '.');
			comma = true;
			p++;
		} else if (digits && (*p == ' ' || strncmp(p, "\xc2\xa0", 2) == 0 ||
		                      strncmp(p, "\xe2\x80\xaf", 3) == 0)) {
			p += *p == ' ' ? 1 : (unsigned char)*p == 0xc2 ? 2 : 3;
			spaces = true;
		} else {
			digits = false;
			break;
		}
	}
	bool misspelt = digits && (spaces || comma);
	if (misspelt)
		diag_error(r->diags, r->path, v->pos,
		           spaces ? MSG_NUMBER_WITH_SPACES : MSG_DECIMAL_COMMA, s,
		           buf_cstr(&fixed));
	buf_free(&fixed);
	return misspelt;
}

/* "{ 2024: 2,22 }" reads as 2024: 2 and a second key 22 with no value:
 * true, after saying so, when member i and the next are that. */
static bool split_by_comma(reader_t *r, const value_t *m, size_t i)
{
	if (i + 1 >= m->as.map.len)
		return false;
	const member_t *a = &m->as.map.items[i], *b = &m->as.map.items[i + 1];
	if (a->val->kind != VAL_NUMBER || !a->val->text || !all_digits(a->val->text) ||
	    b->val->kind != VAL_NULL || !all_digits(b->key) ||
	    b->pos.line != a->val->pos.line)
		return false;
	char *written = arena_printf(r->arena, "%s,%s", a->val->text, b->key);
	char *fixed = arena_printf(r->arena, "%s.%s", a->val->text, b->key);
	diag_error(r->diags, r->path, a->val->pos, MSG_DECIMAL_COMMA, written,
	           fixed);
	return true;
}

static void outside_scale(reader_t *r, const indicator_t *ind,
                          const value_t *v)
{
	char value[32], min[32], max[32];
	val_format_number(v->as.number, value);
	val_format_number(ind->scale_min, min);
	val_format_number(ind->scale_max, max);
	diag_error(r->diags, r->path, v->pos, MSG_OUTSIDE_SCALE,
	           v->text ? v->text : value, min, max);
}

static void read_indicator_values(reader_t *r, indicator_t *ind,
                                  const value_t *e)
{
	const value_t *m = field_get(r, e, "values", false, NULL);
	if (!m)
		return;
	if (m->kind != VAL_MAP) {
		diag_error(r->diags, r->path, m->pos, MSG_WRONG_TYPE, "values",
		           term(TERM_WANT_VALUES), val_kind_name(m->kind),
		           "{ 2023: 2.08, 2024: 2.22 }");
		return;
	}
	ind->values = arena_alloc(r->arena,
	                          (m->as.map.len + 1) * sizeof(indicator_value_t));
	for (size_t i = 0; i < m->as.map.len; i++) {
		const member_t *mem = &m->as.map.items[i];
		indicator_value_t *v = &ind->values[ind->nvalues];
		if (!field_parse_year(mem->key, &v->year)) {
			diag_error(r->diags, r->path, mem->pos, MSG_BAD_YEAR, mem->key);
			continue;
		}
		v->pos = mem->pos;
		if (split_by_comma(r, m, i)) {
			i++;
			continue;
		}
		if (mem->val->kind == VAL_NUMBER) {
			v->is_number = true;
			v->number = mem->val->as.number;
			if (ind->has_scale &&
			    (v->number < ind->scale_min || v->number > ind->scale_max))
				outside_scale(r, ind, mem->val);
		} else if (misspelt_number(r, mem->val)) {
			continue;
		} else {
			v->state = field_enum(r, m, mem->key, true);
			if (!v->state.v)
				continue;
		}
		ind->nvalues++;
	}
	qsort(ind->values, ind->nvalues, sizeof(indicator_value_t), by_value_year);
}

static void read_indicator(reader_t *r, programme_t *p, const value_t *e)
{
	if (!field_is_map(r, e, term(TERM_MAP_INDICATOR)))
		return;
	field_check_keys(r, e, indicator_keys);
	indicator_t *ind = &p->indicators[p->nindicators];
	ind->id = field_id(r, e, "id", true, "satisfaction");
	if (field_id(r, e, "theme", true, "a"))
		ind->theme_ref = val_get(e, "theme");
	ind->unit = field_enum(r, e, "unit", true);
	ind->direction = field_enum(r, e, "direction", false);
	ind->has_target = field_number(r, e, "target", false, &ind->target);
	const value_t *scale = field_list(r, e, "scale", false, "[1, 4]");
	if (scale) {
		if (scale->as.list.len != 2 ||
		    scale->as.list.items[0]->kind != VAL_NUMBER ||
		    scale->as.list.items[1]->kind != VAL_NUMBER) {
			diag_error(r->diags, r->path, scale->pos, MSG_WRONG_TYPE, "scale",
			           term(TERM_WANT_TWO_NUMBERS), term(TERM_THAT), "[1, 4]");
		} else {
			ind->has_scale = true;
			ind->scale_min = scale->as.list.items[0]->as.number;
			ind->scale_max = scale->as.list.items[1]->as.number;
		}
	}
	read_indicator_values(r, ind, e);
	if (!ind->id) {
		p->indicators_incomplete = true;
		return;
	}
	ind->raw = e;
	ind->programme = p;
	p->nindicators++;
}

void load_programme_yaml(reader_t *r, programme_t *p)
{
	const value_t *root = source_yaml(r);
	p->themes_incomplete = !root || !field_is_map(r, root, "programme.yaml");
	if (p->themes_incomplete)
		return;
	p->raw = root;
	field_check_keys(r, root, programme_keys);
	p->code = field_text(r, root, "code", false);
	read_period(r, p, root);
	p->status = field_enum(r, root, "status", true);
	read_decision(r, p, root);
	read_themes(r, p, root);
	read_follow_ups(r, p, root);
}

/* The entries of r's file, or NULL; *unreadable when it had errors. */
static const value_t *entry_list(reader_t *r, const char *name,
                                 bool *unreadable)
{
	const value_t *root = source_yaml(r);
	*unreadable = root == NULL;
	return entries(r, root, name);
}

void load_actions(reader_t *r, programme_t *p)
{
	const value_t *list = entry_list(r, "actions.yaml", &p->actions_incomplete);
	if (!list)
		return;
	p->actions = arena_alloc(r->arena,
	                         (list->as.list.len + 1) * sizeof(action_t));
	for (size_t i = 0; i < list->as.list.len; i++)
		read_action(r, p, list->as.list.items[i]);
}

void load_indicators(reader_t *r, programme_t *p)
{
	const value_t *list = entry_list(r, "indicators.yaml",
	                                 &p->indicators_incomplete);
	if (!list)
		return;
	p->indicators = arena_alloc(r->arena, (list->as.list.len + 1) *
	                                               sizeof(indicator_t));
	for (size_t i = 0; i < list->as.list.len; i++)
		read_indicator(r, p, list->as.list.items[i]);
}

/* A reader for the programme's file name, like r: into its arena, which
 * may be a thread's. */
static reader_t file_reader(const reader_t *r, const programme_t *p,
                            const char *name)
{
	reader_t sub = *r;
	sub.path = arena_printf(r->arena, "%s/%s", p->dir, name);
	return sub;
}

void load_programme(reader_t *r, programme_t *p)
{
	reader_t sub = file_reader(r, p, "programme.yaml");
	if (fs_is_file(sub.path)) {
		load_programme_yaml(&sub, p);
	} else {
		p->themes_incomplete = true;
		diag_error(r->diags, sub.path, POS_NONE, MSG_MISSING_FILE,
		           "programme.yaml");
	}
	/* A programme may have no actions or indicators yet. */
	sub = file_reader(r, p, "actions.yaml");
	if (fs_is_file(sub.path))
		load_actions(&sub, p);
	sub = file_reader(r, p, "indicators.yaml");
	if (fs_is_file(sub.path))
		load_indicators(&sub, p);
}
