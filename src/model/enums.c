#include "enums.h"

#include <string.h>

#include "../core/buf.h"

static const char *const programme_status[] = {"active", "archived", NULL};
static const char *const theme_kind[] = {"goal", "capability", "enabler",
                                         NULL};
/* Same order as status_t. */
static const char *const status[] = {"done", "started", "planned",
                                     "cancelled", "unknown", NULL};
static const char *const level[] = {"digital-foundation", "common-solutions",
                                    "sector-specific", "analytics-data", NULL};
static const char *const need[] = {"end-of-support", "law", "strategy", NULL};
static const char *const benefit[] = {"renewal", "human-orientation",
                                      "sustainability", NULL};
static const char *const beneficiary[] = {"residents", "businesses", "tourists",
                                          "staff", "climate", NULL};
static const char *const size_class[] = {"S", "M", "L", NULL};
static const char *const model[] = {"network", "independent", NULL};
static const char *const cost_kind[] = {"one-off", "per-year", NULL};
static const char *const funding[] = {"own", "grant", NULL};
static const char *const measure_unit[] = {"score", "count", "eur", "percent",
                                           "ratio", "text", NULL};
static const char *const direction[] = {"up", "down", NULL};
static const char *const value_state[] = {"not-started", "planning", "started",
                                          "started-this-year", NULL};

static const enum_def_t defs[ENUM_KIND_COUNT] = {
	[ENUM_PROGRAMME_STATUS] = {TERM_ENUM_PROGRAMME_STATUS, "programme_statuses", programme_status},
	[ENUM_THEME_KIND] = {TERM_ENUM_THEME_KIND, "theme_kinds", theme_kind},
	[ENUM_STATUS] = {TERM_ENUM_STATUS, "statuses", status},
	[ENUM_LEVEL] = {TERM_ENUM_LEVEL, "levels", level},
	[ENUM_NEED] = {TERM_ENUM_NEED, "needs", need},
	[ENUM_BENEFIT] = {TERM_ENUM_BENEFIT, "benefits", benefit},
	[ENUM_BENEFICIARY] = {TERM_ENUM_BENEFICIARY, "beneficiaries", beneficiary},
	[ENUM_CLASS] = {TERM_ENUM_CLASS, "classes", size_class},
	[ENUM_MODEL] = {TERM_ENUM_MODEL, "models", model},
	[ENUM_COST_KIND] = {TERM_ENUM_COST_KIND, "cost_kinds", cost_kind},
	[ENUM_FUNDING] = {TERM_ENUM_FUNDING, "fundings", funding},
	[ENUM_MEASURE_UNIT] = {TERM_ENUM_MEASURE_UNIT, "measure_units", measure_unit},
	[ENUM_DIRECTION] = {TERM_ENUM_DIRECTION, "directions", direction},
	[ENUM_VALUE_STATE] = {TERM_ENUM_VALUE_STATE, "value_states", value_state},
};

const enum_def_t *enum_def(enum_kind_t kind)
{
	return &defs[kind];
}

int enum_find(enum_kind_t kind, const char *id)
{
	const char *const *v = defs[kind].values;
	for (int i = 0; v[i]; i++)
		if (strcmp(v[i], id) == 0)
			return i;
	return -1;
}

const char *enum_id(enum_kind_t kind, int index)
{
	return defs[kind].values[index];
}

char *enum_list(enum_kind_t kind)
{
	buf_t b = BUF_INIT;
	const char *const *v = defs[kind].values;
	for (int i = 0; v[i]; i++) {
		if (i > 0 && v[i + 1]) {
			buf_puts(&b, ", ");
		} else if (i > 0) {
			buf_putc(&b, ' ');
			buf_puts(&b, term(TERM_OR));
			buf_putc(&b, ' ');
		}
		buf_puts(&b, v[i]);
	}
	return buf_detach(&b);
}
