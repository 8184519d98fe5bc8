#include "terms.h"

#include <errno.h>
#include <stdarg.h>
#include <string.h>

/* A term inside an argument is MARK key (SEP argument)* MARK. Control
 * characters, because nothing an editor writes can hold them where a
 * term could be mistaken: ids and keys are checked, and term_with
 * replaces them in the arguments it is given. */
#define MARK '\x1e'
#define SEP '\x1f'

enum { TERM_MAX_ARGS = 3 };

static const char *const keys[TERM_COUNT] = {
#define TERM(key, en, fi, sv) #key,
#include "terms.def"
#undef TERM
};

/* The escape ends with its literal, so "\x1e" "ERROR" is MARK, 'E'... */
static const char *const marked[TERM_COUNT] = {
#define TERM(key, en, fi, sv) "\x1e" #key "\x1e",
#include "terms.def"
#undef TERM
};

static const char *const texts[TERM_COUNT][MSG_LANG_COUNT] = {
#define TERM(key, en, fi, sv) {en, fi, sv},
#include "terms.def"
#undef TERM
};

bool msg_lang_named(const char *name, msg_lang_t *lang)
{
	static const char *const codes[MSG_LANG_COUNT] = {"en", "fi", "sv"};
	for (int l = 0; l < MSG_LANG_COUNT; l++) {
		if (strcmp(name, codes[l]) == 0) {
			*lang = (msg_lang_t)l;
			return true;
		}
	}
	return false;
}

const char *term(term_id_t t)
{
	return marked[t];
}

const char *term_with_(arena_t *arena, term_id_t t, ...)
{
	buf_t b = BUF_INIT;
	buf_putc(&b, MARK);
	buf_puts(&b, keys[t]);
	va_list ap;
	va_start(ap, t);
	for (int i = 0; i < TERM_MAX_ARGS; i++) {
		const char *arg = va_arg(ap, const char *);
		if (!arg)
			break;
		buf_putc(&b, SEP);
		for (; *arg; arg++)
			buf_putc(&b, *arg == MARK || *arg == SEP ? '?' : *arg);
	}
	va_end(ap);
	buf_putc(&b, MARK);
	const char *s = arena_strdup(arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

const char *term_errno(int err)
{
	switch (err) {
	case ENOENT: return term(TERM_ERRNO_NOENT);
	case EACCES: return term(TERM_ERRNO_ACCES);
	case EISDIR: return term(TERM_ERRNO_ISDIR);
	case ENOTDIR: return term(TERM_ERRNO_NOTDIR);
	default: return strerror(err);
	}
}

const char *term_text(term_id_t t, msg_lang_t lang)
{
	return texts[t][lang];
}

/* The term whose key is the len bytes at s, or -1. */
static int find(const char *s, size_t len)
{
	for (int t = 0; t < TERM_COUNT; t++)
		if (strlen(keys[t]) == len && memcmp(keys[t], s, len) == 0)
			return t;
	return -1;
}

void term_expand(buf_t *out, const char *s, msg_lang_t lang)
{
	const char *mark;
	while ((mark = strchr(s, MARK))) {
		buf_put(out, s, (size_t)(mark - s));
		const char *key = mark + 1;
		size_t key_len = strcspn(key, "\x1e\x1f");
		const char *end = strchr(key, MARK);
		int t = end ? find(key, key_len) : -1;
		if (t < 0) {
			buf_putc(out, MARK);
			s = key;
			continue;
		}
		const char *args[TERM_MAX_ARGS];
		size_t lens[TERM_MAX_ARGS];
		int n = 0;
		for (const char *p = key + key_len; p < end && n < TERM_MAX_ARGS;) {
			const char *arg = p + 1;
			const char *next = memchr(arg, SEP, (size_t)(end - arg));
			if (!next)
				next = end;
			args[n] = arg;
			lens[n++] = (size_t)(next - arg);
			p = next;
		}
		for (const char *p = texts[t][lang]; *p; p++) {
			int i = p[0] == '{' && p[1] >= '1' && p[1] <= '0' + TERM_MAX_ARGS &&
			        p[2] == '}' ? p[1] - '1' : -1;
			if (i < 0) {
				buf_putc(out, *p);
			} else {
				if (i < n)
					buf_put(out, args[i], lens[i]);
				p += 2;
			}
		}
		s = end + 1;
	}
	buf_puts(out, s);
}
