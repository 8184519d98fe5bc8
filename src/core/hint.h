/* "Did you mean": the closest of a set of known words to a misspelt one. */
#ifndef PORTA_HINT_H
#define PORTA_HINT_H

#include <stddef.h>

/* Returns the candidate closest to word, or NULL when none is close enough
 * to be a likely typo (never for words shorter than three letters).
 * Candidates are a NULL-terminated array. */
const char *hint_closest(const char *word, const char *const *candidates);

/* The same over an array of n strings found at a stride (for tables of
 * structs whose first member is the name). */
const char *hint_closest_strided(const char *word, const void *base, size_t n,
                                 size_t stride);

#endif
