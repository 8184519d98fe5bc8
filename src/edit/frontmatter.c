#include "frontmatter.h"

#include <stdbool.h>
#include <string.h>

#include "../core/buf.h"

/* The line after the one at p. */
static const char *next_line(const char *p)
{
	const char *nl = strchr(p, '\n');
	return nl ? nl + 1 : p + strlen(p);
}

static bool fence(const char *p)
{
	return strncmp(p, "---", 3) == 0 && (p[3] == '\n' || p[3] == '\r' ||
	                                     p[3] == ' ' || p[3] == '\0');
}

/* Where the front matter's lines start and where its closing fence is. */
static bool bounds(const char *text, const char **start, const char **close)
{
	if (!fence(text))
		return false;
	*start = next_line(text);
	for (const char *p = *start; *p; p = next_line(p))
		if (fence(p)) {
			*close = p;
			return true;
		}
	return false;
}

/* The line of top-level key in [start, close), or NULL. */
static const char *find_key(const char *start, const char *close,
                            const char *key)
{
	size_t n = strlen(key);
	for (const char *p = start; p < close; p = next_line(p))
		if (strncmp(p, key, n) == 0 && p[n] == ':')
			return p;
	return NULL;
}

/* The end of a key's value: the first later line that is not indented,
 * not blank and not a comment inside the value. */
static const char *value_end(const char *line, const char *close)
{
	const char *p = next_line(line);
	while (p < close && (*p == ' ' || *p == '\t' || *p == '\n' ||
	                     (*p == '-' && p[1] == ' ')))
		p = next_line(p);
	return p;
}

char *frontmatter_set(const char *text, const char *key, const char *block)
{
	const char *start, *close;
	if (!bounds(text, &start, &close))
		return NULL;
	buf_t out = BUF_INIT;
	const char *at = find_key(start, close, key);
	if (at) {
		buf_put(&out, text, (size_t)(at - text));
		buf_puts(&out, block);
		buf_puts(&out, value_end(at, close));
	} else {
		buf_put(&out, text, (size_t)(close - text));
		buf_puts(&out, block);
		buf_puts(&out, close);
	}
	return buf_detach(&out);
}

/* text in double quotes, for YAML. */
static void quoted(buf_t *out, const char *s)
{
	buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			buf_putc(out, '\\');
		buf_putc(out, *s);
	}
	buf_putc(out, '"');
}

char *frontmatter_add_update(const char *text, const char *date,
                             const char *words)
{
	const char *start, *close;
	if (!bounds(text, &start, &close))
		return NULL;
	buf_t out = BUF_INIT;
	const char *at = find_key(start, close, "updates");
	if (at && next_line(at) < close) {
		/* Newest first: right after "updates:", indented like the list. */
		const char *first = next_line(at);
		size_t indent = strspn(first, " ");
		if (first[indent] != '-')
			indent = 2;
		buf_put(&out, text, (size_t)(first - text));
		buf_printf(&out, "%*s- date: %s\n%*s  text: ", (int)indent, "", date,
		           (int)indent, "");
		quoted(&out, words);
		buf_putc(&out, '\n');
		buf_puts(&out, first);
	} else {
		const char *until = at ? at : close;
		buf_put(&out, text, (size_t)(until - text));
		buf_printf(&out, "updates:\n  - date: %s\n    text: ", date);
		quoted(&out, words);
		buf_putc(&out, '\n');
		buf_puts(&out, at ? next_line(at) : close);
	}
	return buf_detach(&out);
}
