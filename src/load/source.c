#define _GNU_SOURCE /* realpath, syscall */
#include "source.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "../core/fs.h"
#include "../core/utf8.h"
#include "yaml.h"

/* A content file is a page of text or a list of facts. One much larger
 * is a mistake (pictures pasted in), and would cost many times its size in
 * memory to build. */
enum { MAX_FILE_MB = 10 };

static bool too_large(reader_t *r, const struct stat *st)
{
	if (st->st_size <= (off_t)MAX_FILE_MB << 20)
		return false;
	char size[32], max[32];
	long long mb = ((long long)st->st_size + (1 << 20) - 1) >> 20; /* up */
	snprintf(size, sizeof size, "%lld", mb);
	snprintf(max, sizeof max, "%d", MAX_FILE_MB);
	diag_error(r->diags, r->path, POS_NONE, MSG_FILE_TOO_LARGE, size, max);
	return true;
}

/* Whether path, made absolute, is dir or lies below it. */
static bool inside(const char *path, const char *dir)
{
	size_t n = strlen(dir);
	return strncmp(path, dir, n) == 0 &&
	       (path[n] == '/' || path[n] == '\0' || (n == 1 && *dir == '/'));
}

/* Whether the open file fd is where the content's real path says: the
 * kernel names what fd is (/proc/self/fd), one call where finding the
 * links on the way would take one per directory. Unsure (no /proc) is
 * not sure. */
static bool surely_inside(const site_t *site, int fd)
{
	if (!site->content_real)
		return false;
	char link[64], real[PATH_MAX];
	snprintf(link, sizeof link, "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, real, sizeof real - 1);
	if (n <= 0 || (size_t)n >= sizeof real - 1)
		return false;
	real[n] = '\0';
	return inside(real, site->content_real);
}

/* Whether a link on the way from the content directory to r's file (open
 * as fd) leads out of it (then reported): what it points at would be
 * published. Links that stay within the content are fine; the theme's
 * files are not looked at. */
static bool leads_outside(reader_t *r, int fd)
{
	const char *root = r->site->content_dir;
	size_t n = strlen(root);
	if (strncmp(r->path, root, n) != 0 || r->path[n] != '/' ||
	    surely_inside(r->site, fd))
		return false;
	const char *top = r->site->content_real;
	char *path = xstrdup(r->path);
	bool outside = false;
	for (char *s = path + n + 1;; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char end = *s;
		*s = '\0';
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode)) {
			char *target = realpath(path, NULL);
			if (top && target && !inside(target, top)) {
				diag_error(r->diags, r->path, POS_NONE, MSG_LINK_OUTSIDE, path,
				           target);
				outside = true;
			}
			free(target);
		}
		*s = end;
		if (!end || outside)
			break;
	}
	free(path);
	return outside;
}

/* Opens r's file; *beneath when the kernel saw that no link on the way
 * leads out of the content directory. While the content is loaded a
 * content file is opened from that directory with RESOLVE_BENEATH, which
 * fails on such a link: one call where leads_outside takes two or more.
 * A failure (a link that does lead out, a kernel without openat2) is
 * left to the plain open and leads_outside. */
static int open_source(reader_t *r, bool *beneath)
{
	const site_t *site = r->site;
	const char *root = site->content_dir;
	size_t n = strlen(root);
	int flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK;
	*beneath = false;
	if (site->content_fd >= 0 && strncmp(r->path, root, n) == 0 &&
	    r->path[n] == '/') {
		struct open_how how = {.flags = (unsigned)flags,
		                       .resolve = RESOLVE_BENEATH};
		int fd = (int)syscall(SYS_openat2, site->content_fd, r->path + n + 1,
		                      &how, sizeof how);
		if (fd >= 0) {
			*beneath = true;
			return fd;
		}
	}
	return open(r->path, flags);
}

/* Reads r's file whole into *data (malloc'ed), after the checks above;
 * false after recording the problem. */
static bool read_file(reader_t *r, char **data, size_t *len)
{
	/* Not blocked by a FIFO, which fstat then shows is no file. */
	bool beneath;
	int fd = open_source(r, &beneath);
	struct stat st;
	bool ok = false;
	if (fd < 0 || fstat(fd, &st) < 0) {
		diag_error(r->diags, r->path, POS_NONE, MSG_READ_FAILED,
		           term_errno(errno));
	} else if (!S_ISREG(st.st_mode)) {
		diag_error(r->diags, r->path, POS_NONE, MSG_READ_FAILED,
		           term_errno(EISDIR));
	} else if ((beneath || !leads_outside(r, fd)) && !too_large(r, &st)) {
		ok = fs_read_fd(fd, (size_t)st.st_size, data, len) == 0;
		if (!ok)
			diag_error(r->diags, r->path, POS_NONE, MSG_READ_FAILED,
			           term_errno(errno));
	}
	if (fd >= 0)
		close(fd);
	return ok;
}

/* Reads r's file (or the bytes it holds), normalised and checked to be
 * UTF-8: a malloc'ed string the caller frees, or NULL after recording
 * the problem. Parsers copy what they keep: only a Markdown file's body
 * goes into the arena whole. */
static char *read_text(reader_t *r, size_t *len)
{
	char *data;
	size_t n = r->nbytes;
	if (r->bytes)
		data = xstrndup(r->bytes, n); /* normalised in place below */
	else if (!read_file(r, &data, &n))
		return NULL;
	n = utf8_normalise(data, n);
	pos_t bad;
	if (!utf8_validate(data, n, &bad)) {
		diag_error(r->diags, r->path, bad, MSG_INVALID_UTF8);
		free(data);
		return NULL;
	}
	*len = n;
	return data;
}

const value_t *source_yaml(reader_t *r)
{
	size_t len;
	char *text = read_text(r, &len);
	if (!text)
		return NULL;
	const value_t *root = yaml_parse(r->arena, text, len, r->path, 1,
	                                 r->diags);
	free(text);
	return root;
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
	char *text = read_text(r, &len);
	if (!text)
		return false;
	bool ok = false;
	pos_t start = {1, 1};
	size_t open = fence(text);
	if (!open) {
		diag_error(r->diags, r->path, start, MSG_NO_FRONT_MATTER);
		goto out;
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
		goto out;
	}
	const value_t *front = yaml_parse(r->arena, yaml, (size_t)(p - yaml),
	                                  r->path, 2, r->diags);
	if (!front)
		goto out;
	if (front->kind == VAL_NULL) {
		value_t *empty = val_map(r->arena);
		empty->pos = front->pos;
		front = empty;
	}
	if (!field_is_map(r, front, term(TERM_MAP_FRONT_MATTER)))
		goto out;
	out->front = front;
	const char *body = p + close;
	out->body = arena_strndup(r->arena, body, len - (size_t)(body - text));
	out->body_line = line + 1;
	ok = true;
out:
	free(text);
	return ok;
}
