#include "buf.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

enum { BIG = 4 * 1024 * 1024 };

void buf_grow_room(buf_t *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 64;
	while (cap < b->len + extra + 1)
		cap *= 2;
	b->data = xrealloc(b->data, cap);
	/* The room just added, when it is megabytes: a sitemap's, an
	 * index's or an open data file's. */
	if (cap >= BIG)
		advise_huge_pages(b->data + b->cap, cap - b->cap);
	b->cap = cap;
}

/* Written from the last digit back, two at a time: the search index and
 * the open data are mostly numbers. */
size_t buf_format_uint(char *to, unsigned long long n)
{
	static const char pairs[201] =
		"00010203040506070809101112131415161718192021222324"
		"25262728293031323334353637383940414243444546474849"
		"50515253545556575859606162636465666768697071727374"
		"75767778798081828384858687888990919293949596979899";
	size_t len = 1;
	for (unsigned long long m = n; m >= 10; m /= 10)
		len++;
	char *p = to + len;
	while (n >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (n % 100), 2);
		n /= 100;
	}
	if (n >= 10)
		memcpy(p - 2, pairs + 2 * n, 2);
	else
		p[-1] = (char)('0' + n);
	return len;
}

void buf_put_uint(buf_t *b, unsigned long long n)
{
	buf_grow(b, BUF_UINT_MAX);
	b->len += buf_format_uint(b->data + b->len, n);
	b->data[b->len] = '\0';
}

void buf_put_int(buf_t *b, long long n)
{
	if (n < 0)
		buf_putc(b, '-');
	buf_put_uint(b, n < 0 ? 0 - (unsigned long long)n : (unsigned long long)n);
}

void buf_put_hex(buf_t *b, unsigned long long n, int width)
{
	char digits[24];
	size_t i = sizeof digits;
	do {
		digits[--i] = "0123456789abcdef"[n & 15];
		n >>= 4;
		width--;
	} while (n || width > 0);
	buf_put(b, digits + i, sizeof digits - i);
}

bool buf_plain_format(const char *fmt)
{
	for (const char *p = strchr(fmt, '%'); p; p = strchr(p, '%')) {
		if (p[1] == 's' || p[1] == 'd' || p[1] == '%')
			p += 2;
		else if (p[1] == 'z' && p[2] == 'u')
			p += 3;
		else
			return false;
	}
	return true;
}

size_t buf_join_plain(char *out, const char *fmt, va_list ap)
{
	size_t n = 0;
	for (const char *p = fmt; *p;) {
		const char *s = p;
		size_t len;
		char digits[BUF_UINT_MAX + 1];
		if (*p != '%') {
			const char *next = strchr(p, '%');
			len = next ? (size_t)(next - p) : strlen(p);
			p += len;
		} else if (p[1] == '%') {
			len = 1;
			p += 2;
		} else if (p[1] == 's') {
			s = va_arg(ap, const char *);
			if (!s)
				s = "(null)";
			len = strlen(s);
			p += 2;
		} else {
			unsigned long long u;
			s = digits;
			len = 0;
			if (p[1] == 'd') {
				int d = va_arg(ap, int);
				if (d < 0)
					digits[len++] = '-';
				u = d < 0 ? 0 - (unsigned long long)d : (unsigned long long)d;
				p += 2;
			} else {
				u = va_arg(ap, size_t);
				p += 3;
			}
			len += buf_format_uint(digits + len, u);
		}
		if (out)
			memcpy(out + n, s, len);
		n += len;
	}
	if (out)
		out[n] = '\0';
	return n;
}

void buf_printf(buf_t *b, const char *fmt, ...)
{
	va_list ap;
	if (buf_plain_format(fmt)) {
		va_start(ap, fmt);
		size_t len = buf_join_plain(NULL, fmt, ap);
		va_end(ap);
		buf_grow(b, len);
		va_start(ap, fmt);
		buf_join_plain(b->data + b->len, fmt, ap);
		va_end(ap);
		b->len += len;
		return;
	}
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n <= 0)
		return;
	buf_grow(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void buf_reset(buf_t *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void buf_free(buf_t *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

char *buf_detach(buf_t *b)
{
	char *p = b->data ? b->data : xstrdup("");
	b->data = NULL;
	b->len = b->cap = 0;
	return p;
}

const char *buf_cstr(buf_t *b)
{
	return b->data ? b->data : "";
}
