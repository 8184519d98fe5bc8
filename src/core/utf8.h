/* UTF-8 checks and the text normalisation every content file goes through. */
#ifndef PORTA_UTF8_H
#define PORTA_UTF8_H

#include <stdbool.h>
#include <stddef.h>

#include "value.h"

/* Returns true if s[0..len) is valid UTF-8 (no overlongs, no surrogates).
 * Otherwise stores the 1-based line and column of the first bad byte. */
bool utf8_validate(const char *s, size_t len, pos_t *bad);

/* Removes a leading byte-order mark and turns CRLF and lone CR into LF, in
 * place. Returns the new length. */
size_t utf8_normalise(char *s, size_t len);

/* s with every character XML 1.0 does not allow (control characters but
 * tab and line ends, U+FFFE, U+FFFF) replaced by U+FFFD, or NULL when it
 * has none; s must be valid UTF-8. The caller frees the copy. */
char *utf8_xml_clean(const char *s);

/* Number of characters (code points) in s[0..len); s must be valid. */
size_t utf8_length(const char *s, size_t len);

#endif
