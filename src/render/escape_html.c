#include "escape.h"

/* What a byte becomes: 0 for itself, else its entity's number in
 * entities. Control characters (a YAML escape can make them) are not
 * allowed in HTML: U+FFFD shows where one was. Tab and line ends stay. */
enum { AMP = 1, LT, GT, QUOT, APOS, BAD };

static const char *const entities[] = {
	[AMP] = "&amp;", [LT] = "&lt;", [GT] = "&gt;", [QUOT] = "&quot;",
	/* &#39; rather than &apos;, which HTML 4 lacks. */
	[APOS] = "&#39;", [BAD] = "\xef\xbf\xbd",
};

static const unsigned char kind[256] = {
	[0x00] = BAD, [0x01] = BAD, [0x02] = BAD, [0x03] = BAD, [0x04] = BAD,
	[0x05] = BAD, [0x06] = BAD, [0x07] = BAD, [0x08] = BAD, [0x0b] = BAD,
	[0x0c] = BAD, [0x0e] = BAD, [0x0f] = BAD, [0x10] = BAD, [0x11] = BAD,
	[0x12] = BAD, [0x13] = BAD, [0x14] = BAD, [0x15] = BAD, [0x16] = BAD,
	[0x17] = BAD, [0x18] = BAD, [0x19] = BAD, [0x1a] = BAD, [0x1b] = BAD,
	[0x1c] = BAD, [0x1d] = BAD, [0x1e] = BAD, [0x1f] = BAD, [0x7f] = BAD,
	['&'] = AMP, ['<'] = LT, ['>'] = GT, ['"'] = QUOT, ['\''] = APOS,
};

void escape_html(buf_t *out, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t done = 0;
	for (size_t i = 0; i < len; i++) {
		/* Most text needs nothing: four bytes a step. */
		while (i + 4 <= len &&
		       !(kind[p[i]] | kind[p[i + 1]] | kind[p[i + 2]] | kind[p[i + 3]]))
			i += 4;
		if (i == len)
			break;
		unsigned char k = kind[p[i]];
		if (!k)
			continue;
		buf_put(out, s + done, i - done);
		buf_puts(out, entities[k]);
		done = i + 1;
	}
	buf_put(out, s + done, len - done);
}
