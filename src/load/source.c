#include "source.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../core/fs.h"
#include "../core/utf8.h"
#include "yaml.h"

char *source_read(reader_t *r, size_t *len)
{
	char *data;
	size_t n;
	if (fs_read(r->path, &data, &n) < 0) {
		diag_error(r->diags, r->path, POS_NONE, MSG_READ_FAILED,
		           term_errno(errno));
		return NULL;
	}
	n = utf8_normalise(data, n);
	pos_t bad;
	if (!utf8_validate(data, n, &bad)) {
		diag_error(r->diags, r->path, bad, MSG_INVALID_UTF8);
		free(data);
		return NULL;
	}
	char *text = arena_strndup(r->site->arena, data, n);
	free(data);
	*len = n;
	return text;
}

const value_t *source_yaml(reader_t *r)
{
	size_t len;
	char *text = source_read(r, &len);
	if (!text)
		return NULL;
	return yaml_parse(r->site->arena, text, len, r->path, 1, r->diags);
}

/* Returns the length of the line at s if it is a front matter fence
 * ("---" with optional trailing blanks), or 0. */
static size_t fence(const char *s)
{
	if (strncmp(s, "---", 3) != 0)
		return 0;
	const char *p = s + 3;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\n' && *p != '\0')
		return 0;
	return (size_t)(p - s) + (*p == '\n');
}

bool source_markdown(reader_t *r, markdown_file_t *out)
{
	size_t len;
	char *text = source_read(r, &len);
	if (!text)
		return false;
	pos_t start = {1, 1};
	size_t open = fence(text);
	if (!open) {
		diag_error(r->diags, r->path, start, MSG_NO_FRONT_MATTER);
		return false;
	}
	/* Find the closing fence at the start of a later line. */
	const char *yaml = text + open;
	const char *p = yaml;
	int line = 2;
	size_t close = 0;
	while (*p) {
		close = fence(p);
		if (close)
			break;
		const char *nl = strchr(p, '\n');
		if (!nl) {
			p += strlen(p);
			break;
		}
		p = nl + 1;
		line++;
	}
	if (!close) {
		diag_error(r->diags, r->path, start, MSG_UNCLOSED_FRONT_MATTER);
		return false;
	}
	const value_t *front = yaml_parse(r->site->arena, yaml, (size_t)(p - yaml),
	                                  r->path, 2, r->diags);
	if (!front)
		return false;
	if (front->kind == VAL_NULL) {
		value_t *empty = val_map(r->site->arena);
		empty->pos = front->pos;
		front = empty;
	}
	if (!field_is_map(r, front, term(TERM_MAP_FRONT_MATTER)))
		return false;
	out->front = front;
	out->body = p + close;
	out->body_line = line + 1;
	return true;
}
