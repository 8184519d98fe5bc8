/* Words in text: splitting into lowercase words for the search index, and
 * an alphabetical order that puts Å, Ä and Ö after Z as Finnish and
 * Swedish do, without the C library's locale. */
#ifndef PORTA_WORDS_H
#define PORTA_WORDS_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

/* Calls each(word, len, ctx) for every word of s[0..len), lowercased into
 * a scratch buffer. Words are runs of letters and digits; a hyphen
 * between letters joins them ("e-tjänsterna" is "etjänsterna", as a
 * search query has it). Text inside HTML tags is skipped when html is
 * set. */
void words_each(const char *s, size_t len, bool html,
                void (*each)(const char *word, size_t len, void *ctx),
                void *ctx);

/* Appends to out the sort key of a text: keys compared byte by byte
 * (memcmp, the shorter first when one begins the other) order texts
 * alphabetically, case-insensitively, with å, ä, ö (and æ, ø) after z
 * and accented letters beside their base letter. Texts that differ only
 * in case or accents have equal keys. Made once per text, a key spares
 * a sort of thousands of titles decoding each at every comparison. */
void words_key(buf_t *out, const char *s);

/* The letter a text is filed under in an A–Z index ("A", "Ä"), written to
 * out (8 bytes); "#" for text that starts with no letter. */
void words_initial(const char *s, char out[8]);

#endif
