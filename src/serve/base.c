/* Where the site's pages expect to be served. Every link starts with the
 * path part of site.yaml's base_url, while the files are written without
 * it, so the server maps one onto the other. Read again after every good
 * build, because the build just read the same file without complaint. */
#include <stdlib.h>
#include <string.h>

#include "../core/fs.h"
#include "../load/yaml.h"
#include "serve_internal.h"

/* As load/data.c reads it: the path after the host, ending in '/'. */
static char *path_of(const char *url)
{
	const char *host = strstr(url, "://");
	const char *path = host ? strchr(host + 3, '/') : NULL;
	if (!path)
		return xstrdup("/");
	size_t n = strlen(path);
	char *s = xmalloc(n + 2);
	memcpy(s, path, n + 1);
	if (path[n - 1] != '/')
		strcpy(s + n, "/");
	return s;
}

char *base_read(const char *content)
{
	char *file = fs_join(content, "site.yaml"), *text = NULL, *base = NULL;
	size_t len;
	arena_t *arena = arena_new();
	diags_t diags;
	diags_init(&diags);
	if (fs_read(file, &text, &len) == 0) {
		const value_t *root = yaml_parse(arena, text, len, file, 1, &diags);
		const value_t *url = root && root->kind == VAL_MAP
		                     ? val_get(root, "base_url") : NULL;
		if (url && url->kind == VAL_STRING)
			base = path_of(url->as.str.s);
	}
	diags_free(&diags);
	arena_free(arena);
	free(text);
	free(file);
	return base ? base : xstrdup("/");
}
