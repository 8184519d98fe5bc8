/* A generic value tree (null, bool, number, string, list, map) with source
 * positions. YAML loads into it, views build it, templates read it.
 * All values live in an arena and are freed with it. */
#ifndef PORTA_VALUE_H
#define PORTA_VALUE_H

#include <stdbool.h>
#include <stddef.h>

#include "alloc.h"

typedef enum {
	VAL_NULL,
	VAL_BOOL,
	VAL_NUMBER,
	VAL_STRING,
	VAL_LIST,
	VAL_MAP
} value_kind_t;

/* Where a value was written: 1-based line and column (in characters). */
typedef struct {
	int line, col;
} pos_t;

/* For problems that concern a whole file or no place in it. */
#define POS_NONE ((pos_t){0, 0})
#define POS_FIRST_LINE ((pos_t){1, 1})

typedef struct value value_t;
typedef struct member member_t;

struct value {
	value_kind_t kind;
	pos_t pos;
	/* Made once for a whole build and not changed until the build's
	 * model is freed: a template may keep what it rendered of it (see
	 * tmpl_memo_t in render/mustache.h). */
	bool lasting;
	/* For scalars read from a file: the text as written (also for numbers
	 * and booleans, so messages can quote it). NULL for built values. */
	const char *text;
	union {
		bool boolean;
		double number;
		struct {
			const char *s;
			size_t len;
		} str;
		struct {
			value_t **items;
			size_t len, cap;
		} list;
		struct {
			member_t *items;
			size_t len, cap;
		} map;
	} as;
};

struct member {
	const char *key;
	pos_t pos; /* of the key */
	value_t *val;
};

value_t *val_null(arena_t *a);
value_t *val_bool(arena_t *a, bool b);
value_t *val_number(arena_t *a, double n);
value_t *val_str(arena_t *a, const char *s);   /* copies s */
value_t *val_strn(arena_t *a, const char *s, size_t len);
value_t *val_str_ref(arena_t *a, const char *s); /* s must outlive the value */
value_t *val_list(arena_t *a);
value_t *val_map(arena_t *a);

void val_push(arena_t *a, value_t *list, value_t *item);
/* Appends key -> val (the key is not copied; it must outlive the map).
 * The key must not be in the map yet: templates look a name up first
 * where they found it in other maps, so they may not see the first of
 * two members with one key. */
void val_set(arena_t *a, value_t *map, const char *key, value_t *val);
/* A map with the members of map (the values shared, not copied), to which
 * members can be added without changing map. */
value_t *val_copy_map(arena_t *a, const value_t *map);
/* Shorthand for views: key -> a boolean. */
void val_set_bool(arena_t *a, value_t *map, const char *key, bool b);

/* Looks a key up in a map; NULL when absent or when map is not a map. */
value_t *val_get(const value_t *map, const char *key);
const member_t *val_member(const value_t *map, const char *key);

/* Mustache truthiness: false for null, false, empty list. */
bool val_truthy(const value_t *v);
/* What a value is ("a list"), as a message argument: a term (terms.h),
 * translated when the message is formatted. */
const char *val_kind_name(value_kind_t kind);

/* Writes a number the shortest way that reads back the same, without
 * locale ("2.5", "3", "1e+21"). buf must hold 32 bytes. */
void val_format_number(double n, char buf[32]);

#endif
