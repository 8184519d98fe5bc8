/* Shared by the files of the check stage. */
#ifndef PORTA_CHECK_INTERNAL_H
#define PORTA_CHECK_INTERNAL_H

#include "check.h"

typedef struct {
	site_t *site;
	diags_t *diags;
	bool draft;
} checker_t;

/* Resolves e->id from its written value; reports an unknown value. */
void check_enum(checker_t *c, const char *path, enum_ref_t *e,
                enum_kind_t kind);
void check_references(checker_t *c);
void check_translations(checker_t *c);
void check_i18n(checker_t *c);
void check_placeholders(checker_t *c);

/* Where an entry of a programme's data file is. */
const char *check_actions_path(checker_t *c, const programme_t *p);
const char *check_indicators_path(checker_t *c, const programme_t *p);
const char *check_programme_path(checker_t *c, const programme_t *p);

#endif
