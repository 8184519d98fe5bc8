#include "escape.h"

void escape_html(buf_t *out, const char *s, size_t len)
{
	size_t done = 0;
	for (size_t i = 0; i < len; i++) {
		const char *entity;
		switch (s[i]) {
		case '&': entity = "&amp;"; break;
		case '<': entity = "&lt;"; break;
		case '>': entity = "&gt;"; break;
		case '"': entity = "&quot;"; break;
		/* &#39; rather than &apos;, which HTML 4 lacks. */
		case '\'': entity = "&#39;"; break;
		case '\t': case '\n': case '\r': continue;
		default:
			/* Control characters (a YAML escape can make them)
			 * are not allowed in HTML: U+FFFD shows where one
			 * was. */
			if ((unsigned char)s[i] >= 0x20 && s[i] != 0x7f)
				continue;
			entity = "\xef\xbf\xbd";
			break;
		}
		buf_put(out, s + done, i - done);
		buf_puts(out, entity);
		done = i + 1;
	}
	buf_put(out, s + done, len - done);
}
