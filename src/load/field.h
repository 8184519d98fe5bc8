/* Typed reading of YAML values: each reader checks the shape of one key
 * and records a precise diagnostic when it is wrong, so that the loaders
 * read like a description of the format. */
#ifndef PORTA_FIELD_H
#define PORTA_FIELD_H

#include "../core/diag.h"
#include "../model/model.h"

typedef struct {
	site_t *site;   /* for its languages */
	arena_t *arena; /* where what is read goes: the site's, or a thread's
	                   (load_texts reads texts in parallel) */
	diags_t *diags;
	const char *path;
	/* The file's bytes when they are in memory already (the fuzz targets,
	 * tests/fuzz/); NULL: source_read reads path. */
	const char *bytes;
	size_t nbytes;
} reader_t;

/* Checks that v is a mapping ("what" names it in the message: a file's
 * name, a key, or a term such as term(TERM_MAP_ACTION)). */
bool field_is_map(reader_t *r, const value_t *v, const char *what);

/* Reports every key of map not in allowed (NULL-terminated), with a
 * "did you mean" when one is close. */
void field_check_keys(reader_t *r, const value_t *map,
                      const char *const *allowed);

/* The value of key, or NULL; a missing required key is reported at the
 * map, with the example in the fix. A null value counts as missing. */
const value_t *field_get(reader_t *r, const value_t *map, const char *key,
                         bool required, const char *example);

/* A scalar as text (numbers and booleans as written). NULL when absent or
 * wrong; a required empty text is reported. */
const char *field_text(reader_t *r, const value_t *map, const char *key,
                       bool required);
/* An id: lowercase ASCII letters, digits and '-'; example shows one. */
const char *field_id(reader_t *r, const value_t *map, const char *key,
                     bool required, const char *example);
/* A date YYYY-MM-DD that exists in the calendar. */
const char *field_date(reader_t *r, const value_t *map, const char *key,
                       bool required);
/* A four-digit year; returns false when absent or wrong. */
bool field_year(reader_t *r, const value_t *map, const char *key,
                bool required, int *year);
bool field_number(reader_t *r, const value_t *map, const char *key,
                  bool required, double *n);
/* An e-mail address (something@domain.tld, no spaces). */
const char *field_email(reader_t *r, const value_t *map, const char *key,
                        bool required);
/* true/false; returns -1 when absent or wrong. */
int field_bool(reader_t *r, const value_t *map, const char *key);
/* An enumerated value; its id is resolved by check. */
enum_ref_t field_enum(reader_t *r, const value_t *map, const char *key,
                      bool required);
/* A list (or NULL when absent or not a list). */
const value_t *field_list(reader_t *r, const value_t *map, const char *key,
                          bool required, const char *example);
/* A list of values of an enumeration; *n gets their count. */
enum_ref_t *field_enum_list(reader_t *r, const value_t *map, const char *key,
                            enum_kind_t kind, size_t *n);
/* A {lang: text} map with every site language; NULL when wrong. */
const char **field_lang_map(reader_t *r, const value_t *map, const char *key);

/* Checks a scalar value found elsewhere (a list item, a map key). */
bool field_value_is_id(reader_t *r, const value_t *v);
bool field_value_year(reader_t *r, const value_t *v, int *year);
bool field_parse_year(const char *s, int *year);
bool field_valid_id(const char *s);
bool field_valid_date(const char *s);

#endif
