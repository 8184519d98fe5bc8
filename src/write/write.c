#include "write.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/buf.h"
#include "../core/fs.h"
#include "../model/urls.h"
#include "../render/mustache.h"
#include "../view/view.h"
#include "opendata.h"
#include "feeds.h"
#include "search.h"
#include "sitemap.h"

#define TEMPLATE_EXT ".mustache"

/* Reads every template of the theme; false after recording problems. */
static bool load_templates(const site_t *site, tmpl_set_t *set, diags_t *d)
{
	char *dir = fs_join(site->theme_dir, "templates");
	char **names;
	size_t n;
	size_t errors = d->errors;
	if (fs_list(dir, &names, &n) < 0) {
		diag_error(d, dir, POS_NONE, MSG_MISSING_FILE, dir);
		free(dir);
		return false;
	}
	size_t ext = strlen(TEMPLATE_EXT);
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(names[i]);
		if (len <= ext || strcmp(names[i] + len - ext, TEMPLATE_EXT) != 0)
			continue;
		char *path = fs_join(dir, names[i]);
		char *src;
		size_t src_len;
		if (fs_read(path, &src, &src_len) < 0) {
			diag_error(d, path, POS_NONE, MSG_READ_FAILED, strerror(errno));
		} else {
			names[i][len - ext] = '\0';
			tmpl_set_add(set, names[i], src, src_len, path, d);
			free(src);
		}
		free(path);
	}
	fs_list_free(names, n);
	/* Every kind of page needs its template. */
	static const page_kind_t kinds[] = {
		PAGE_ROOT, PAGE_NOT_FOUND, PAGE_HOME, PAGE_PROGRAMME, PAGE_THEME,
		PAGE_ACTIONS, PAGE_ACTION, PAGE_INDICATORS, PAGE_INDICATOR,
		PAGE_FREE};
	for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++) {
		const char *name = view_template(kinds[i]);
		if (!tmpl_set_has(set, name)) {
			char *file = xmalloc(strlen(dir) + strlen(name) + ext + 2);
			sprintf(file, "%s/%s%s", dir, name, TEMPLATE_EXT);
			diag_error(d, dir, POS_NONE, MSG_TEMPLATE_MISSING, name, file);
			free(file);
		}
	}
	free(dir);
	return d->errors == errors;
}

typedef struct {
	const site_t *site;
	const tmpl_set_t *templates;
	const char *dir; /* the fresh output directory */
	const char *inject;
	buf_t html;      /* reused for every page */
	size_t pages;
	char *error;
} pages_t;

/* "cannot <what> <path>: <reason>"; the caller frees it. */
static char *io_error(const char *what, const char *path)
{
	size_t n = strlen(what) + strlen(path) + strlen(strerror(errno)) + 16;
	char *s = xmalloc(n);
	snprintf(s, n, "cannot %s %s: %s", what, path, strerror(errno));
	return s;
}

static int fail(pages_t *w, const char *what, const char *path)
{
	w->error = io_error(what, path);
	return -1;
}

/* Writes bytes to dir/rel, creating the directories on the way. */
static int write_file(pages_t *w, const char *rel, const char *data,
                      size_t len)
{
	char *path = fs_join(w->dir, rel);
	int rc = 0;
	char *slash = strrchr(path, '/');
	*slash = '\0';
	/* Most pages get a directory of their own whose parent exists: one
	 * mkdir, and the whole chain only when that fails. */
	if (mkdir(path, 0755) < 0 && errno != EEXIST && fs_mkdirs(path) < 0)
		rc = fail(w, "create", path);
	*slash = '/';
	if (rc == 0 && fs_write(path, data, len) < 0)
		rc = fail(w, "write", path);
	free(path);
	return rc;
}

/* Puts snippet before the last </body>, or at the end when there is none. */
static void inject(buf_t *html, const char *snippet)
{
	const char *close = NULL;
	for (const char *p = html->data; p && (p = strstr(p, "</body>")); p++)
		close = p;
	size_t at = close ? (size_t)(close - html->data) : html->len;
	size_t n = strlen(snippet);
	buf_grow(html, n);
	memmove(html->data + at + n, html->data + at, html->len - at + 1);
	memcpy(html->data + at, snippet, n);
	html->len += n;
}

static int write_data_file(void *ctx, const char *path, const char *data,
                           size_t len)
{
	return write_file(ctx, path, data, len);
}

static int write_page(const page_ref_t *ref, void *ctx)
{
	pages_t *w = ctx;
	arena_t *arena = arena_new();
	value_t *view = view_build(arena, w->site, ref);
	buf_reset(&w->html);
	const char *template = view_template(ref->kind);
	if (template) {
		tmpl_render(w->templates, template, view, &w->html);
		if (w->inject)
			inject(&w->html, w->inject);
	} else {
		const value_t *content = val_get(view, "content");
		if (content && content->kind == VAL_STRING)
			buf_put(&w->html, content->as.str.s, content->as.str.len);
	}
	const char *url = view_url(arena, w->site, ref);
	const char *rel = url ? urls_file(arena, w->site, url) : "404.html";
	int rc = write_file(w, rel, w->html.data, w->html.len);
	arena_free(arena);
	w->pages += template != NULL;
	return rc;
}

/* A directory beside out, so that the final rename stays on one file
 * system. */
static char *fresh_dir(const char *out)
{
	char *tmpl = xmalloc(strlen(out) + 16);
	sprintf(tmpl, "%s.new-XXXXXX", out);
	if (!mkdtemp(tmpl)) {
		free(tmpl);
		return NULL;
	}
	return tmpl;
}

write_result_t write_site(const site_t *site, const char *out,
                          const char *inject_html, diags_t *diags)
{
	write_result_t result = {0, NULL};
	tmpl_set_t *templates = tmpl_set_new();
	pages_t w = {site, templates, NULL, inject_html, BUF_INIT, 0, NULL};
	char *parent = NULL, *staticdir = NULL, *target = NULL;
	if (!load_templates(site, templates, diags))
		goto out;

	const char *slash = strrchr(out, '/');
	parent = slash ? xstrndup(out, (size_t)(slash - out)) : xstrdup(".");
	if (*parent && fs_mkdirs(parent) < 0) {
		result.io_error = io_error("create", parent);
		goto out;
	}
	char *dir = fresh_dir(out);
	if (!dir) {
		result.io_error = io_error("create a directory beside", out);
		goto out;
	}
	w.dir = dir;
	if (view_pages(site, write_page, &w) != 0 ||
	    opendata_write(site, write_data_file, &w) != 0 ||
	    search_write(site, write_data_file, &w) != 0 ||
	    feeds_write(site, write_data_file, &w) != 0 ||
	    sitemap_write(site, write_data_file, &w) != 0) {
		result.io_error = w.error;
		goto out;
	}
	staticdir = fs_join(site->theme_dir, "static");
	target = fs_join(dir, "static");
	if (fs_is_dir(staticdir) && fs_copy_tree(staticdir, target) < 0) {
		result.io_error = io_error("copy the theme's files to", target);
		goto out;
	}
	if (fs_swap_dir(dir, out) < 0) {
		result.io_error = io_error("replace", out);
		goto out;
	}
	/* dir now holds the previous site, if there was one. */
	result.pages = w.pages;
out:
	if (w.dir) {
		fs_remove_tree(w.dir);
		free((char *)w.dir);
	}
	free(target);
	free(staticdir);
	free(parent);
	buf_free(&w.html);
	tmpl_set_free(templates);
	return result;
}
