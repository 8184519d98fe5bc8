/* The enumerations of the content model: every value an editor may write
 * for a status, class, unit of measure... Their names in each language
 * come from the theme's i18n files, under the group named here. */
#ifndef PORTA_ENUMS_H
#define PORTA_ENUMS_H

#include "../core/terms.h"

typedef enum {
	ENUM_PROGRAMME_STATUS,
	ENUM_THEME_KIND,
	ENUM_STATUS,
	ENUM_LEVEL,
	ENUM_NEED,
	ENUM_BENEFIT,
	ENUM_BENEFICIARY,
	ENUM_CLASS,
	ENUM_MODEL,
	ENUM_COST_KIND,
	ENUM_FUNDING,
	ENUM_MEASURE_UNIT,
	ENUM_DIRECTION,
	ENUM_VALUE_STATE,
	ENUM_KIND_COUNT
} enum_kind_t;

/* The action statuses, in the order overviews show them. */
typedef enum {
	STATUS_DONE,
	STATUS_STARTED,
	STATUS_PLANNED,
	STATUS_CANCELLED,
	STATUS_UNKNOWN,
	STATUS_COUNT
} status_t;

typedef enum { PROGRAMME_ACTIVE, PROGRAMME_ARCHIVED } programme_status_t;
typedef enum { THEME_GOAL, THEME_CAPABILITY, THEME_ENABLER } theme_kind_t;
typedef enum { MEASURE_SCORE, MEASURE_COUNT, MEASURE_EUR, MEASURE_PERCENT,
               MEASURE_RATIO, MEASURE_TEXT } measure_unit_t;
typedef enum { DIRECTION_UP, DIRECTION_DOWN } direction_t;

typedef struct {
	term_id_t what;        /* in messages: "status", "level"... */
	const char *i18n_group; /* the i18n map holding the names */
	const char *const *values; /* NULL-terminated ids, in enum order */
} enum_def_t;

const enum_def_t *enum_def(enum_kind_t kind);
/* Returns the index of id among the kind's values, or -1. */
int enum_find(enum_kind_t kind, const char *id);
const char *enum_id(enum_kind_t kind, int index);
/* "a, b or c" for messages ("or" a term). The caller frees the result. */
char *enum_list(enum_kind_t kind);

#endif
