#include "json.h"

#include <math.h>

#include "value.h"

/* The bytes json_string does not copy as they are: the quote, the
 * backslash, control characters, '<' and 0xe2, which may begin U+2028 or
 * U+2029. NUL ends the string. */
static const unsigned char special[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1,
	[0x06] = 1, [0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1,
	[0x0c] = 1, [0x0d] = 1, [0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1,
	[0x12] = 1, [0x13] = 1, [0x14] = 1, [0x15] = 1, [0x16] = 1, [0x17] = 1,
	[0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1, [0x1c] = 1, [0x1d] = 1,
	[0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1, ['<'] = 1, [0xe2] = 1,
};

void json_string(buf_t *out, const char *s)
{
	if (!s) {
		buf_puts(out, "null");
		return;
	}
	buf_putc(out, '"');
	const unsigned char *p = (const unsigned char *)s;
	for (;;) {
		/* Most text needs no escape: copied a run at a time. */
		const unsigned char *run = p;
		while (!special[*p])
			p++;
		buf_put(out, (const char *)run, (size_t)(p - run));
		unsigned char c = *p++;
		if (c == '\0')
			break;
		/* U+2028 and U+2029 end a line in JavaScript before ES2019,
		 * where JSON may be read as a literal. */
		if (c == 0xe2 && p[0] == 0x80 && (p[1] == 0xa8 || p[1] == 0xa9)) {
			buf_puts(out, p[1] == 0xa8 ? "\\u2028" : "\\u2029");
			p += 2;
		} else if (c == 0xe2) {
			buf_putc(out, (char)c);
		} else if (c == '"' || c == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)c);
		} else if (c == '\n') {
			buf_puts(out, "\\n");
		} else if (c == '\t') {
			buf_puts(out, "\\t");
		} else if (c == '\r') {
			buf_puts(out, "\\r");
		} else if (c == '<') {
			/* So that JSON placed in a page can never close a script
			 * ("</script>") or open a comment ("<!--"). */
			buf_puts(out, "\\u003c");
		} else {
			buf_puts(out, "\\u00");
			buf_putc(out, "0123456789abcdef"[c >> 4]);
			buf_putc(out, "0123456789abcdef"[c & 15]);
		}
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
		/* As printf's "%.0f" says it (-0 too), without printf. */
		if (signbit(n))
			buf_putc(out, '-');
		buf_put_uint(out, (unsigned long long)fabs(n));
		return;
	}
	char b[32];
	val_format_number(n, b);
	buf_puts(out, b);
}
