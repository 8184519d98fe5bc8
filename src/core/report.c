#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fs.h"
#include "json.h"

/* The file last read for excerpts: diagnostics come sorted by path, so
 * each file is read once. */
typedef struct {
	const char *path;
	char *text;
	size_t len;
} source_t;

static const char *line_of(source_t *src, const char *path, int line,
                           size_t *len)
{
	if (!src->path || strcmp(src->path, path) != 0) {
		free(src->text);
		src->text = NULL;
		src->path = path;
		if (fs_read(path, &src->text, &src->len) < 0)
			src->text = NULL;
	}
	if (!src->text || line < 1)
		return NULL;
	const char *p = src->text, *end = src->text + src->len;
	/* A byte-order mark is not part of what the editor sees. */
	if (src->len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (int l = 1; l < line; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	*len = (size_t)((nl ? nl : end) - p);
	if (*len && p[*len - 1] == '\r')
		(*len)--;
	return p;
}

static void caret(buf_t *out, const char *line, size_t len, int col)
{
	/* Keep the line's tabs so that the caret lines up in any editor;
	 * count characters, not bytes. */
	int c = 1;
	for (size_t i = 0; i < len && c < col; i++) {
		unsigned char ch = (unsigned char)line[i];
		if ((ch & 0xc0) == 0x80)
			continue;
		buf_putc(out, ch == '\t' ? '\t' : ' ');
		c++;
	}
	buf_puts(out, "^\n");
}

/* A line longer than fits a terminal (a pasted table, a minified blob) is
 * shown as a window of EXCERPT_CHARS characters around the column, cut
 * ends marked with an ellipsis. Returns the column within what is shown. */
enum { EXCERPT_CHARS = 160, EXCERPT_BEFORE = 100 };

static int excerpt(buf_t *shown, const char *line, size_t len, int col)
{
	int first = col > EXCERPT_BEFORE ? col - EXCERPT_BEFORE : 1;
	int last = first + EXCERPT_CHARS - 1, c = 0;
	size_t from = len, to = len;
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)line[i] & 0xc0) == 0x80)
			continue;
		c++;
		if (c == first)
			from = i;
		if (c == last + 1) {
			to = i;
			break;
		}
	}
	if (from == len)
		from = 0, first = 1;
	if (first > 1)
		buf_puts(shown, "\xe2\x80\xa6");
	buf_put(shown, line + from, to - from);
	if (to < len)
		buf_puts(shown, "\xe2\x80\xa6");
	return col - first + 1 + (first > 1);
}

static void text(buf_t *out, const diag_t *g, source_t *src, msg_lang_t lang)
{
	char *msg = diag_message(g, lang);
	char *fix = diag_fix(g, lang);
	const char *sev = term_text(g->severity == SEV_ERROR ? TERM_ERROR
	                                                      : TERM_WARNING, lang);
	if (g->line > 0)
		buf_printf(out, "%s:%d:%d: %s: %s", g->path, g->line, g->col, sev, msg);
	else
		buf_printf(out, "%s: %s: %s", g->path, sev, msg);
	if (*fix)
		buf_printf(out, " \xe2\x80\x94 %s", fix);
	buf_putc(out, '\n');
	size_t len;
	const char *line = line_of(src, g->path, g->line, &len);
	if (line) {
		buf_t shown = BUF_INIT;
		int col = excerpt(&shown, line, len, g->col);
		char number[16];
		int width = snprintf(number, sizeof number, "%d", g->line);
		buf_printf(out, " %s | %.*s\n %*s | ", number, (int)shown.len,
		           shown.data ? shown.data : "", width, "");
		caret(out, shown.data, shown.len, col);
		buf_free(&shown);
	}
	free(msg);
	free(fix);
}

static void json(buf_t *out, const diag_t *g, source_t *src, bool first,
                 msg_lang_t lang)
{
	char *msg = diag_message(g, lang);
	char *fix = diag_fix(g, lang);
	buf_puts(out, first ? "\n  {" : ",\n  {");
	buf_puts(out, "\"file\": ");
	json_string(out, g->path);
	buf_printf(out, ", \"line\": %d, \"column\": %d, \"severity\": \"%s\", "
	                "\"message\": ",
	           g->line, g->col, g->severity == SEV_ERROR ? "error" : "warning");
	json_string(out, msg);
	buf_puts(out, ", \"fix\": ");
	json_string(out, fix);
	size_t len;
	const char *line = line_of(src, g->path, g->line, &len);
	if (line) {
		char *copy = xstrndup(line, len);
		buf_puts(out, ", \"source\": ");
		json_string(out, copy);
		free(copy);
	}
	buf_putc(out, '}');
	free(msg);
	free(fix);
}

/* GitHub's workflow commands: data escapes %, CR and LF; properties also
 * ':' and ','. */
static void github_escape(buf_t *out, const char *s, bool property)
{
	for (; *s; s++) {
		switch (*s) {
		case '%': buf_puts(out, "%25"); break;
		case '\r': buf_puts(out, "%0D"); break;
		case '\n': buf_puts(out, "%0A"); break;
		case ':': buf_puts(out, property ? "%3A" : ":"); break;
		case ',': buf_puts(out, property ? "%2C" : ","); break;
		default: buf_putc(out, *s);
		}
	}
}

static void github(buf_t *out, const diag_t *g, msg_lang_t lang)
{
	char *msg = diag_message(g, lang);
	char *fix = diag_fix(g, lang);
	buf_printf(out, "::%s file=", g->severity == SEV_ERROR ? "error" : "warning");
	github_escape(out, g->path, true);
	if (g->line > 0)
		buf_printf(out, ",line=%d,col=%d", g->line, g->col);
	buf_puts(out, ",title=porta::");
	github_escape(out, msg, false);
	if (*fix) {
		buf_puts(out, " \xe2\x80\x94 ");
		github_escape(out, fix, false);
	}
	buf_putc(out, '\n');
	free(msg);
	free(fix);
}

void report_write(buf_t *out, const diags_t *d, report_format_t format,
                  msg_lang_t lang)
{
	source_t src = {NULL, NULL, 0};
	if (format == REPORT_JSON)
		buf_putc(out, '[');
	for (size_t i = 0; i < d->len; i++) {
		const diag_t *g = &d->items[i];
		if (format == REPORT_TEXT)
			text(out, g, &src, lang);
		else if (format == REPORT_JSON)
			json(out, g, &src, i == 0, lang);
		else
			github(out, g, lang);
	}
	if (format == REPORT_JSON)
		buf_puts(out, d->len ? "\n]\n" : "]\n");
	free(src.text);
}

bool report_format_named(const char *name, report_format_t *format)
{
	static const struct {
		const char *name;
		report_format_t format;
	} formats[] = {{"text", REPORT_TEXT}, {"json", REPORT_JSON},
	               {"github", REPORT_GITHUB}};
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (strcmp(name, formats[i].name) == 0) {
			*format = formats[i].format;
			return true;
		}
	}
	return false;
}
