/* A growable byte buffer, always NUL-terminated. The caller owns the
 * storage and releases it with buf_free (or keeps it with buf_detach). */
#ifndef PORTA_BUF_H
#define PORTA_BUF_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

typedef struct {
	char *data;
	size_t len, cap;
} buf_t;

#define BUF_INIT {NULL, 0, 0}

/* Makes room for extra more bytes (and the NUL after them). */
void buf_grow_room(buf_t *b, size_t extra);
static inline void buf_grow(buf_t *b, size_t extra)
{
	if (b->len + extra + 1 > b->cap)
		buf_grow_room(b, extra);
}
void buf_printf(buf_t *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Inline, these two: a build calls them for most of the bytes it
 * writes, and the room is nearly always there. */
static inline void buf_putc(buf_t *b, char c)
{
	if (b->len + 2 > b->cap)
		buf_grow_room(b, 1);
	b->data[b->len++] = c;
	b->data[b->len] = '\0';
}

static inline void buf_put(buf_t *b, const char *s, size_t len)
{
	if (b->len + len + 1 > b->cap)
		buf_grow_room(b, len);
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

/* Inline too: most strings put are literals, whose length the compiler
 * knows. */
static inline void buf_puts(buf_t *b, const char *s)
{
	buf_put(b, s, strlen(s));
}

/* n in decimal, or in hexadecimal padded with zeros to width digits:
 * for files that are mostly numbers, without printf's machinery. */
void buf_put_uint(buf_t *b, unsigned long long n);
void buf_put_int(buf_t *b, long long n);
/* n in decimal at to, which has room for BUF_UINT_MAX characters;
 * returns their number (no NUL is written). */
enum { BUF_UINT_MAX = 20 };
size_t buf_format_uint(char *to, unsigned long long n);
void buf_put_hex(buf_t *b, unsigned long long n, int width);
/* Whether fmt has no conversions but %s, %d, %zu and %%: most of the
 * program's formats, which buf_printf and arena_printf then fill by hand
 * (vsnprintf showed in profiles, at thousands of addresses and labels a
 * build). */
bool buf_plain_format(const char *fmt);
/* Such a format filled from ap (a NULL string as printf shows it) into
 * out, when out is not NULL; returns the length either way. */
size_t buf_join_plain(char *out, const char *fmt, va_list ap);
void buf_reset(buf_t *b);  /* empties, keeps the storage for reuse */
void buf_free(buf_t *b);
/* Returns the data (never NULL); the caller frees it with free(). */
char *buf_detach(buf_t *b);
/* Returns the data as a C string (never NULL); valid until the next change. */
const char *buf_cstr(buf_t *b);

#endif
