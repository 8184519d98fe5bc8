/* For tests that look at a built site: loads a content tree, writes the
 * site into a temporary directory, and reads pages back. */
#ifndef PORTA_BUILT_SITE_H
#define PORTA_BUILT_SITE_H

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check/check.h"
#include "core/fs.h"
#include "load/load.h"
#include "model/urls.h"
#include "render/bodies.h"
#include "write/write.h"

typedef struct {
	site_t *site;
	diags_t diags;
	char dir[64];
	char *out;
} built_t;

/* Builds content with the default theme into a temporary directory;
 * b->diags holds any problems, and nothing is written if there are. */
static inline void built_open(built_t *b, const char *content)
{
	diags_init(&b->diags);
	b->site = load_site(content, "themes/default", &b->diags);
	check_site(b->site, false, &b->diags);
	urls_assign(b->site);
	bodies_render(b->site, &b->diags);
	strcpy(b->dir, "/tmp/porta-built-XXXXXX");
	if (!mkdtemp(b->dir))
		abort();
	b->out = fs_join(b->dir, "site");
	if (b->diags.errors == 0) {
		write_result_t w = write_site(b->site, b->out, NULL, &b->diags, NULL);
		free(w.io_error);
	}
}

static inline void built_close(built_t *b)
{
	fs_remove_tree(b->dir);
	free(b->out);
	model_free(b->site);
	diags_free(&b->diags);
}

/* The bytes of the page at url (a site address), or NULL. The caller
 * frees them. */
static inline char *built_page(const built_t *b, const char *url)
{
	arena_t *a = arena_new();
	char *path = fs_join(b->out, urls_file(a, b->site, url));
	arena_free(a);
	char *data;
	size_t len;
	int rc = fs_read(path, &data, &len);
	free(path);
	return rc < 0 ? NULL : data;
}

/* The text from the first occurrence of from up to the next until, or
 * NULL; the caller frees it. */
static inline char *built_between(const char *text, const char *from,
                                  const char *until)
{
	const char *start = text ? strstr(text, from) : NULL;
	if (!start)
		return NULL;
	const char *end = strstr(start, until);
	size_t n = end ? (size_t)(end - start) : strlen(start);
	char *s = malloc(n + 1);
	memcpy(s, start, n);
	s[n] = '\0';
	return s;
}

#endif
