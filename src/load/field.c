#include "field.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/hint.h"

static void wrong_type(reader_t *r, const value_t *v, const char *key,
                       const char *want, const char *example)
{
	diag_error(r->diags, r->path, v->pos, MSG_WRONG_TYPE, key, want,
	           val_kind_name(v->kind), example);
}

bool field_is_map(reader_t *r, const value_t *v, const char *what)
{
	if (v->kind == VAL_MAP)
		return true;
	diag_error(r->diags, r->path, v->pos, MSG_NOT_A_MAP, what,
	           val_kind_name(v->kind));
	return false;
}

void field_check_keys(reader_t *r, const value_t *map,
                      const char *const *allowed)
{
	for (size_t i = 0; i < map->as.map.len; i++) {
		const member_t *m = &map->as.map.items[i];
		bool known = false;
		for (size_t k = 0; allowed[k] && !known; k++)
			known = strcmp(allowed[k], m->key) == 0;
		if (known)
			continue;
		buf_t list = BUF_INIT;
		for (size_t k = 0; allowed[k]; k++) {
			if (k)
				buf_puts(&list, ", ");
			buf_puts(&list, allowed[k]);
		}
		diag_add(r->diags, SEV_ERROR, r->path, m->pos,
		         hint_closest(m->key, allowed), MSG_UNKNOWN_KEY, m->key,
		         buf_cstr(&list), NULL);
		buf_free(&list);
	}
}

const value_t *field_get(reader_t *r, const value_t *map, const char *key,
                         bool required, const char *example)
{
	const value_t *v = val_get(map, key);
	if (v && v->kind != VAL_NULL)
		return v;
	if (required) {
		pos_t pos = v ? val_member(map, key)->pos : map->pos;
		const char *fix = example ? term_with(r->arena, TERM_FOR_EXAMPLE,
		                                      key, example)
		                          : term(TERM_REQUIRED);
		diag_error(r->diags, r->path, pos, MSG_MISSING_KEY, key, fix);
	}
	return NULL;
}

static bool is_scalar(const value_t *v)
{
	return v->kind == VAL_STRING || v->kind == VAL_NUMBER ||
	       v->kind == VAL_BOOL;
}

const char *field_text(reader_t *r, const value_t *map, const char *key,
                       bool required)
{
	const value_t *v = field_get(r, map, key, required, "...");
	if (!v)
		return NULL;
	if (!is_scalar(v)) {
		wrong_type(r, v, key, term(TERM_KIND_TEXT), term(TERM_EXAMPLE_LINE));
		return NULL;
	}
	const char *s = v->kind == VAL_STRING ? v->as.str.s : v->text;
	if (required && (!s || !*s)) {
		diag_error(r->diags, r->path, v->pos, MSG_EMPTY_VALUE, key);
		return NULL;
	}
	return s;
}

bool field_valid_id(const char *s)
{
	if (!*s || *s == '-')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		      *s == '-'))
			return false;
	return true;
}

bool field_value_is_id(reader_t *r, const value_t *v)
{
	if (!is_scalar(v)) {
		diag_error(r->diags, r->path, v->pos, MSG_WRONG_TYPE, term(TERM_THIS),
		           term(TERM_WANT_ID), val_kind_name(v->kind), "a1");
		return false;
	}
	const char *s = v->kind == VAL_STRING ? v->as.str.s : v->text;
	if (!field_valid_id(s)) {
		diag_error(r->diags, r->path, v->pos, MSG_BAD_ID, s);
		return false;
	}
	return true;
}

const char *field_id(reader_t *r, const value_t *map, const char *key,
                     bool required, const char *example)
{
	const value_t *v = field_get(r, map, key, required, example);
	if (!v || !field_value_is_id(r, v))
		return NULL;
	return v->kind == VAL_STRING ? v->as.str.s : v->text;
}

bool field_valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !(s[i] >= '0' && s[i] <= '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1 || d > days[m - 1])
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return !(m == 2 && d == 29 && !leap);
}

const char *field_date(reader_t *r, const value_t *map, const char *key,
                       bool required)
{
	const value_t *v = field_get(r, map, key, required, "2025-03-14");
	if (!v)
		return NULL;
	const char *s = v->text ? v->text : "";
	if (v->kind != VAL_STRING || !field_valid_date(s)) {
		diag_error(r->diags, r->path, v->pos, MSG_BAD_DATE, s);
		return NULL;
	}
	return s;
}

bool field_parse_year(const char *s, int *year)
{
	if (strlen(s) != 4)
		return false;
	for (int i = 0; i < 4; i++)
		if (!(s[i] >= '0' && s[i] <= '9'))
			return false;
	*year = atoi(s);
	return *year >= 1000;
}

bool field_value_year(reader_t *r, const value_t *v, int *year)
{
	const char *s = v->text ? v->text : "";
	if (!(v->kind == VAL_NUMBER || v->kind == VAL_STRING) ||
	    !field_parse_year(s, year)) {
		diag_error(r->diags, r->path, v->pos, MSG_BAD_YEAR,
		           is_scalar(v) ? s : val_kind_name(v->kind));
		return false;
	}
	return true;
}

bool field_year(reader_t *r, const value_t *map, const char *key,
                bool required, int *year)
{
	const value_t *v = field_get(r, map, key, required, "2025");
	return v && field_value_year(r, v, year);
}

bool field_number(reader_t *r, const value_t *map, const char *key,
                  bool required, double *n)
{
	const value_t *v = field_get(r, map, key, required, "3");
	if (!v)
		return false;
	if (v->kind != VAL_NUMBER) {
		diag_error(r->diags, r->path, v->pos, MSG_BAD_NUMBER,
		           is_scalar(v) ? v->text : val_kind_name(v->kind));
		return false;
	}
	*n = v->as.number;
	return true;
}

const char *field_email(reader_t *r, const value_t *map, const char *key,
                        bool required)
{
	const char *s = field_text(r, map, key, required);
	if (!s)
		return NULL;
	const char *at = strchr(s, '@');
	bool ok = at && at > s && strchr(at + 1, '.') && !strchr(at + 1, '@') &&
	          !strpbrk(s, " \t<>\"'") && at[1] != '.' && s[strlen(s) - 1] != '.';
	if (!ok) {
		diag_error(r->diags, r->path, val_get(map, key)->pos, MSG_BAD_EMAIL, s);
		return NULL;
	}
	return s;
}

int field_bool(reader_t *r, const value_t *map, const char *key)
{
	const value_t *v = field_get(r, map, key, false, NULL);
	if (!v)
		return -1;
	if (v->kind != VAL_BOOL) {
		wrong_type(r, v, key, term(TERM_WANT_BOOL), "true");
		return -1;
	}
	return v->as.boolean;
}

enum_ref_t field_enum(reader_t *r, const value_t *map, const char *key,
                      bool required)
{
	enum_ref_t e = {NULL, -1};
	const value_t *v = field_get(r, map, key, required, NULL);
	if (!v)
		return e;
	if (!is_scalar(v)) {
		wrong_type(r, v, key, term(TERM_WANT_WORD), "planned");
		return e;
	}
	e.v = v;
	return e;
}

const value_t *field_list(reader_t *r, const value_t *map, const char *key,
                          bool required, const char *example)
{
	const value_t *v = field_get(r, map, key, required, example);
	if (!v)
		return NULL;
	if (v->kind != VAL_LIST) {
		wrong_type(r, v, key, term(TERM_KIND_LIST),
		           example ? example : "[a, b]");
		return NULL;
	}
	return v;
}

enum_ref_t *field_enum_list(reader_t *r, const value_t *map, const char *key,
                            enum_kind_t kind, size_t *n)
{
	*n = 0;
	const char *example = arena_printf(r->arena, "[%s]",
	                                   enum_id(kind, 0));
	const value_t *list = field_list(r, map, key, false, example);
	if (!list)
		return NULL;
	enum_ref_t *out = arena_alloc(r->arena,
	                              (list->as.list.len + 1) * sizeof *out);
	for (size_t i = 0; i < list->as.list.len; i++) {
		const value_t *v = list->as.list.items[i];
		if (!is_scalar(v)) {
			wrong_type(r, v, key, term(TERM_WANT_WORDS), example);
			continue;
		}
		out[*n].v = v;
		out[*n].id = -1;
		(*n)++;
	}
	return out;
}

const char **field_lang_map(reader_t *r, const value_t *map, const char *key)
{
	const value_t *v = field_get(r, map, key, true, "{ fi: ..., sv: ... }");
	if (!v)
		return NULL;
	if (v->kind != VAL_MAP) {
		wrong_type(r, v, key, term(TERM_WANT_LANG_TEXTS),
		           "{ fi: ..., sv: ... }");
		return NULL;
	}
	site_t *site = r->site;
	const char **out = arena_alloc(r->arena, site->nlangs * sizeof *out);
	bool ok = true;
	for (size_t i = 0; i < v->as.map.len; i++) {
		const member_t *m = &v->as.map.items[i];
		if (model_lang_index(site, m->key) < 0 && !site->langs_incomplete) {
			buf_t langs = BUF_INIT;
			for (size_t l = 0; l < site->nlangs; l++)
				buf_printf(&langs, "%s%s", l ? ", " : "", site->langs[l]);
			diag_add(r->diags, SEV_ERROR, r->path, m->pos,
			         hint_closest_strided(m->key, site->langs, site->nlangs,
			                              sizeof(char *)),
			         MSG_UNKNOWN_KEY, m->key, buf_cstr(&langs), NULL);
			buf_free(&langs);
			ok = false;
		}
	}
	for (size_t l = 0; l < site->nlangs; l++) {
		out[l] = field_text(r, v, site->langs[l], false);
		if (!out[l] || !*out[l]) {
			diag_error(r->diags, r->path, v->pos, MSG_BAD_LANGUAGE_MAP, key,
			           site->langs[l]);
			ok = false;
		}
	}
	return ok ? out : NULL;
}
