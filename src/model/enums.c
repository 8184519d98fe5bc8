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
	[ENUM_PROGRAMME_STATUS] = {"programme status", "programme_statuses", programme_status},
	[ENUM_THEME_KIND] = {"theme kind", "theme_kinds", theme_kind},
	[ENUM_STATUS] = {"status", "statuses", status},
	[ENUM_LEVEL] = {"level", "levels", level},
	[ENUM_NEED] = {"need", "needs", need},
	[ENUM_BENEFIT] = {"benefit", "benefits", benefit},
	[ENUM_BENEFICIARY] = {"beneficiary", "beneficiaries", beneficiary},
	[ENUM_CLASS] = {"cost or impact class", "classes", size_class},
	[ENUM_MODEL] = {"development model", "models", model},
	[ENUM_COST_KIND] = {"cost kind", "cost_kinds", cost_kind},
	[ENUM_FUNDING] = {"funding", "fundings", funding},
	[ENUM_MEASURE_UNIT] = {"unit of measure", "measure_units", measure_unit},
	[ENUM_DIRECTION] = {"direction", "directions", direction},
	[ENUM_VALUE_STATE] = {"value state", "value_states", value_state},
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
		if (i > 0)
			buf_puts(&b, v[i + 1] ? ", " : " or ");
		buf_puts(&b, v[i]);
	}
	return buf_detach(&b);
}
