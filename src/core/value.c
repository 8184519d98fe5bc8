#include "value.h"

#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "terms.h"

/* Cleared by an assignment the compiler writes out in place: values are
 * made by the million, and arena_alloc's memset is a call each. The
 * union is cleared through its largest member, a map. */
static value_t *make(arena_t *a, value_kind_t kind)
{
	value_t *v = arena_take(a, sizeof *v);
	*v = (value_t){.kind = kind, .as.map = {NULL, 0, 0}};
	return v;
}

value_t *val_null(arena_t *a)
{
	return make(a, VAL_NULL);
}

value_t *val_bool(arena_t *a, bool b)
{
	value_t *v = make(a, VAL_BOOL);
	v->as.boolean = b;
	return v;
}

value_t *val_number(arena_t *a, double n)
{
	value_t *v = make(a, VAL_NUMBER);
	v->as.number = n;
	return v;
}

value_t *val_strn(arena_t *a, const char *s, size_t len)
{
	value_t *v = make(a, VAL_STRING);
	v->as.str.s = arena_strndup(a, s, len);
	v->as.str.len = len;
	return v;
}

value_t *val_str(arena_t *a, const char *s)
{
	return val_strn(a, s, strlen(s));
}

value_t *val_str_ref(arena_t *a, const char *s)
{
	value_t *v = make(a, VAL_STRING);
	v->as.str.s = s;
	v->as.str.len = strlen(s);
	return v;
}

value_t *val_list(arena_t *a)
{
	return make(a, VAL_LIST);
}

value_t *val_map(arena_t *a)
{
	return make(a, VAL_MAP);
}

void val_push(arena_t *a, value_t *list, value_t *item)
{
	assert(!list->lasting); /* templates may have kept what it was */
	arena_grow(a, (void **)&list->as.list.items, list->as.list.len,
	           &list->as.list.cap, sizeof(value_t *));
	list->as.list.items[list->as.list.len++] = item;
}

void val_set(arena_t *a, value_t *map, const char *key, value_t *val)
{
	assert(!map->lasting); /* templates may have kept what it was */
	arena_grow(a, (void **)&map->as.map.items, map->as.map.len,
	           &map->as.map.cap, sizeof(member_t));
	member_t *m = &map->as.map.items[map->as.map.len++];
	m->key = key;
	m->pos = val->pos;
	m->val = val;
}

value_t *val_copy_map(arena_t *a, const value_t *map)
{
	value_t *copy = val_map(a);
	size_t n = map->as.map.len;
	/* Room for what views add to a copy (a year's row adds five). */
	copy->as.map.items = arena_alloc(a, (n + 8) * sizeof(member_t));
	copy->as.map.cap = n + 8;
	copy->as.map.len = n;
	memcpy(copy->as.map.items, map->as.map.items, n * sizeof(member_t));
	return copy;
}

void val_set_bool(arena_t *a, value_t *map, const char *key, bool b)
{
	val_set(a, map, key, val_bool(a, b));
}

const member_t *val_member(const value_t *map, const char *key)
{
	if (!map || map->kind != VAL_MAP)
		return NULL;
	/* Most keys differ in their first letter: templates look names up
	 * in every map around them. */
	for (size_t i = 0; i < map->as.map.len; i++) {
		const char *k = map->as.map.items[i].key;
		if (k[0] == key[0] && strcmp(k, key) == 0)
			return &map->as.map.items[i];
	}
	return NULL;
}

value_t *val_get(const value_t *map, const char *key)
{
	const member_t *m = val_member(map, key);
	return m ? m->val : NULL;
}

bool val_truthy(const value_t *v)
{
	if (!v)
		return false;
	switch (v->kind) {
	case VAL_NULL:
		return false;
	case VAL_BOOL:
		return v->as.boolean;
	case VAL_LIST:
		return v->as.list.len > 0;
	default:
		return true;
	}
}

const char *val_kind_name(value_kind_t kind)
{
	switch (kind) {
	case VAL_NULL:
		return term(TERM_KIND_NOTHING);
	case VAL_BOOL:
		return term(TERM_KIND_BOOL);
	case VAL_NUMBER:
		return term(TERM_KIND_NUMBER);
	case VAL_STRING:
		return term(TERM_KIND_TEXT);
	case VAL_LIST:
		return term(TERM_KIND_LIST);
	case VAL_MAP:
		return term(TERM_KIND_MAP);
	}
	return "?";
}

void val_format_number(double n, char buf[32])
{
	if (n == 0) { /* also turns -0 into 0 */
		strcpy(buf, "0");
		return;
	}
	if (!isfinite(n)) {
		strcpy(buf, isnan(n) ? "nan" : n > 0 ? "inf" : "-inf");
		return;
	}
	/* The shortest precision that reads back the same value. */
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(buf, 32, "%.*g", prec, n);
		if (strtod(buf, NULL) == n)
			return;
	}
}
