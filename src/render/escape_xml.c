#include "escape.h"

#include <stdbool.h>

/* What a byte becomes: 0 for itself, else its entity's number. These are
 * the characters libxml2's text writer escapes, in text and in attribute
 * values, so that a part written raw reads as the writer would have
 * written it. */
enum { AMP = 1, LT, GT, QUOT, CR, LF, TAB, BAD };

static const char *const entities[] = {
	[AMP] = "&amp;", [LT] = "&lt;", [GT] = "&gt;", [QUOT] = "&quot;",
	[CR] = "&#13;", [LF] = "&#10;", [TAB] = "&#9;", [BAD] = "\xef\xbf\xbd",
};

#define CONTROLS \
	[0x00] = BAD, [0x01] = BAD, [0x02] = BAD, [0x03] = BAD, [0x04] = BAD, \
	[0x05] = BAD, [0x06] = BAD, [0x07] = BAD, [0x08] = BAD, [0x0b] = BAD, \
	[0x0c] = BAD, [0x0e] = BAD, [0x0f] = BAD, [0x10] = BAD, [0x11] = BAD, \
	[0x12] = BAD, [0x13] = BAD, [0x14] = BAD, [0x15] = BAD, [0x16] = BAD, \
	[0x17] = BAD, [0x18] = BAD, [0x19] = BAD, [0x1a] = BAD, [0x1b] = BAD, \
	[0x1c] = BAD, [0x1d] = BAD, [0x1e] = BAD, [0x1f] = BAD, ['&'] = AMP, \
	['<'] = LT, ['>'] = GT, ['"'] = QUOT, ['\r'] = CR

static const unsigned char in_text[256] = {CONTROLS};
static const unsigned char in_attribute[256] = {CONTROLS, ['\n'] = LF,
                                                ['\t'] = TAB};
#undef CONTROLS

/* U+FFFE and U+FFFF, which XML does not allow either. */
static bool noncharacter(const unsigned char *p, size_t left)
{
	return left >= 3 && p[0] == 0xef && p[1] == 0xbf &&
	       (p[2] == 0xbe || p[2] == 0xbf);
}

static void escape(buf_t *out, const char *s, size_t len,
                   const unsigned char kind[256])
{
	const unsigned char *p = (const unsigned char *)s;
	size_t done = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned char k = kind[p[i]];
		size_t n = 1;
		if (!k && noncharacter(p + i, len - i)) {
			k = BAD;
			n = 3;
		}
		if (!k)
			continue;
		buf_put(out, s + done, i - done);
		buf_puts(out, entities[k]);
		i += n - 1;
		done = i + 1;
	}
	buf_put(out, s + done, len - done);
}

void escape_xml(buf_t *out, const char *s, size_t len)
{
	escape(out, s, len, in_text);
}

void escape_xml_attribute(buf_t *out, const char *s, size_t len)
{
	escape(out, s, len, in_attribute);
}
