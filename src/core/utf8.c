#include "utf8.h"

#include <stdint.h>
#include <string.h>

#include "buf.h"

/* Length of the valid sequence at s, or 0 if it is not valid UTF-8. */
static size_t sequence_length(const unsigned char *s, size_t avail)
{
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	size_t n;
	unsigned min;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
		min = 0x80;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		min = 0x800;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		min = 0x10000;
	} else {
		return 0;
	}
	if (avail < n)
		return 0;
	unsigned cp = c & (0xff >> (n + 1));
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return n;
}

/* Whether the eight bytes at s are ASCII and none is NUL: most text is,
 * and is then passed over eight bytes at a time. */
static bool plain_ascii8(const unsigned char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	return !(w & highs) && !((w - ones) & ~w & highs);
}

/* The offset of the first byte that is not valid UTF-8 or is NUL, or
 * len. */
static size_t first_bad(const unsigned char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		if (i + 8 <= len && plain_ascii8(s + i)) {
			i += 8;
			continue;
		}
		size_t n = sequence_length(s + i, len - i);
		if (n == 0 || (n == 1 && s[i] == 0))
			return i;
		i += n;
	}
	return len;
}

bool utf8_validate(const char *text, size_t len, pos_t *bad)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t at = first_bad(s, len);
	if (at == len)
		return true;
	if (bad) {
		/* Counted only now: the characters before it are valid. */
		*bad = (pos_t){1, 1};
		for (size_t i = 0; i < at; i += sequence_length(s + i, len - i)) {
			if (s[i] == '\n')
				*bad = (pos_t){bad->line + 1, 1};
			else
				bad->col++;
		}
	}
	return false;
}

size_t utf8_normalise(char *s, size_t len)
{
	size_t start = 0;
	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		start = 3;
	/* Most files have no CR: moved, if at all, in one piece. */
	char *cr = memchr(s + start, '\r', len - start);
	size_t plain = cr ? (size_t)(cr - s) : len;
	memmove(s, s + start, plain - start);
	size_t out = plain - start;
	for (size_t i = plain; i < len; i++) {
		if (s[i] == '\r') {
			s[out++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else {
			s[out++] = s[i];
		}
	}
	if (out < len)
		s[out] = '\0';
	return out;
}

size_t utf8_length(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			n++;
	return n;
}

/* The length of the character at s that XML 1.0 does not allow, or 0. */
static size_t xml_bad(const unsigned char *s)
{
	if (s[0] < 0x20)
		return s[0] != '\t' && s[0] != '\n' && s[0] != '\r';
	if (s[0] == 0xef && s[1] == 0xbf && (s[2] == 0xbe || s[2] == 0xbf))
		return 3;
	return 0;
}

char *utf8_xml_clean(const char *s)
{
	if (!s)
		return NULL;
	const unsigned char *p = (const unsigned char *)s;
	while (*p && !xml_bad(p))
		p++;
	if (!*p)
		return NULL;
	buf_t b = BUF_INIT;
	buf_put(&b, s, (size_t)((const char *)p - s));
	while (*p) {
		size_t bad = xml_bad(p);
		if (bad) {
			buf_puts(&b, "\xef\xbf\xbd");
			p += bad;
		} else {
			buf_putc(&b, (char)*p++);
		}
	}
	return buf_detach(&b);
}
