#include "json.h"

#include <math.h>

#include "value.h"

void json_string(buf_t *out, const char *s)
{
	if (!s) {
		buf_puts(out, "null");
		return;
	}
	buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		/* U+2028 and U+2029 end a line in JavaScript before ES2019,
		 * where JSON may be read as a literal. */
		if (c == 0xe2 && s[1] == '\x80' && (s[2] == '\xa8' || s[2] == '\xa9')) {
			buf_puts(out, s[2] == '\xa8' ? "\\u2028" : "\\u2029");
			s += 2;
			continue;
		}
		if (c == '"' || c == '\\')
			buf_printf(out, "\\%c", c);
		else if (c == '\n')
			buf_puts(out, "\\n");
		else if (c == '\t')
			buf_puts(out, "\\t");
		else if (c == '\r')
			buf_puts(out, "\\r");
		else if (c < 0x20)
			buf_printf(out, "\\u%04x", c);
		else if (c == '<')
			/* So that JSON placed in a page can never close a script
			 * ("</script>") or open a comment ("<!--"). */
			buf_puts(out, "\\u003c");
		else
			buf_putc(out, (char)c);
	}
	buf_putc(out, '"');
}

void json_number(buf_t *out, double n)
{
	if (!isfinite(n)) {
		buf_puts(out, "null");
		return;
	}
	if (n == floor(n) && fabs(n) < 1e15) {
		buf_printf(out, "%.0f", n);
		return;
	}
	char b[32];
	val_format_number(n, b);
	buf_puts(out, b);
}
