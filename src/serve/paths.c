/* Request paths to files of the output directory. A path is refused when
 * it is malformed or could reach outside the directory in any spelling:
 * dot segments (and hidden names), encoded slashes, backslashes, NUL and
 * other control bytes, empty segments. What passes is then resolved, and
 * the file's real path must still lie under the directory's, which also
 * refuses symbolic links that lead out of the site. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "../core/alloc.h"
#include "../core/hex.h"
#include "serve_internal.h"

/* Longer request paths are refused: no page of ours comes close, and
 * realpath's buffer is PATH_MAX (4096). */
enum { URL_MAX = 1024 };

/* Decodes the %XX escapes of url, once; NULL when the url is malformed or
 * decodes to a byte no file name of the site may hold. The caller frees
 * the result. */
static char *decode(const char *url)
{
	size_t n = strlen(url);
	if (url[0] != '/' || n > URL_MAX)
		return NULL;
	char *out = xmalloc(n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)url[i];
		if (c == '%') {
			/* url[i + 2] is only read when url[i + 1] is a digit,
			 * so never past the terminating NUL. */
			int hi = hex_digit(url[i + 1]);
			int lo = hi < 0 ? -1 : hex_digit(url[i + 2]);
			if (lo < 0)
				goto bad;
			c = (unsigned char)(hi * 16 + lo);
			i += 2;
			/* An encoded '/' would pass the segment checks as part
			 * of a name and then separate two on disk. */
			if (c == '/')
				goto bad;
		}
		if (c < 0x20 || c == 0x7f || c == '\\')
			goto bad;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return out;
bad:
	free(out);
	return NULL;
}

/* Every segment between slashes is a plain name: not empty ("//x" could
 * be taken for an absolute path, and echoed in a redirect it would name
 * another host), and not starting with '.', which covers "." and "..".
 * Only the last may be empty, for a trailing slash. */
static bool segments_ok(const char *path)
{
	for (const char *s = path + 1;; ) {
		const char *slash = strchr(s, '/');
		if (!slash)
			return *s != '.';
		if (slash == s || *s == '.')
			return false;
		s = slash + 1;
	}
}

static bool under(const char *root, const char *path)
{
	size_t n = strlen(root);
	return strncmp(path, root, n) == 0 &&
	       (path[n] == '/' || (n == 1 && root[0] == '/'));
}

path_kind_t path_resolve(const char *root, const char *url, char **file)
{
	*file = NULL;
	path_kind_t kind = PATH_FORBIDDEN;
	char *rel = decode(url), *real_root = NULL, *joined = NULL, *real = NULL;
	if (!rel || !segments_ok(rel))
		goto out;
	kind = PATH_MISSING;
	real_root = realpath(root, NULL);
	if (!real_root)
		goto out;
	bool dir = rel[strlen(rel) - 1] == '/';
	joined = xmalloc(strlen(real_root) + strlen(rel) + sizeof "index.html");
	strcpy(joined, real_root);
	strcat(joined, rel);
	if (dir)
		strcat(joined, "index.html");
	real = realpath(joined, NULL);
	if (!real)
		goto out; /* missing, or a link to nowhere */
	if (!under(real_root, real)) {
		kind = PATH_FORBIDDEN;
		goto out;
	}
	struct stat st;
	if (stat(real, &st) < 0)
		goto out;
	if (S_ISDIR(st.st_mode)) {
		kind = dir ? PATH_MISSING : PATH_REDIRECT;
	} else if (S_ISREG(st.st_mode)) {
		kind = PATH_FILE;
		*file = real;
		real = NULL;
	} else {
		kind = PATH_FORBIDDEN; /* devices, sockets, pipes */
	}
out:
	free(real);
	free(joined);
	free(real_root);
	free(rel);
	return kind;
}

const char *path_content_type(const char *file)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{"html", "text/html; charset=utf-8"},
		{"css", "text/css; charset=utf-8"},
		{"js", "text/javascript; charset=utf-8"},
		{"svg", "image/svg+xml; charset=utf-8"},
		{"xml", "application/xml; charset=utf-8"},
		{"atom", "application/atom+xml; charset=utf-8"},
		{"json", "application/json; charset=utf-8"},
		{"txt", "text/plain; charset=utf-8"},
		{"csv", "text/csv; charset=utf-8"},
		{"png", "image/png"},
		{"jpg", "image/jpeg"},
		{"jpeg", "image/jpeg"},
		{"gif", "image/gif"},
		{"webp", "image/webp"},
		{"avif", "image/avif"},
		{"ico", "image/x-icon"},
		{"woff2", "font/woff2"},
		{"woff", "font/woff"},
		{"pdf", "application/pdf"},
	};
	const char *slash = strrchr(file, '/');
	const char *dot = strrchr(slash ? slash : file, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcasecmp(dot + 1, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}
