#include "write.h"

#include <errno.h>
#include <libxml/parser.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/fs.h"
#include "../core/parallel.h"
#include "../model/urls.h"
#include "../render/mustache.h"
#include "../view/view.h"
#include "feeds.h"
#include "opendata.h"
#include "output.h"
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
			diag_error(d, path, POS_NONE, MSG_READ_FAILED, term_errno(errno));
		} else {
			names[i][len - ext] = '\0';
			tmpl_set_add(set, names[i], src, src_len, path, d);
			free(src);
		}
		free(path);
	}
	fs_list_free(names, n);
	/* Every kind of page needs its template. */
	for (int kind = 0; kind < PAGE_KIND_COUNT; kind++) {
		const char *name = view_template(kind);
		if (name && !tmpl_set_has(set, name)) {
			char *file = xmalloc(strlen(dir) + strlen(name) + ext + 2);
			sprintf(file, "%s/%s%s", dir, name, TEMPLATE_EXT);
			diag_error(d, dir, POS_NONE, MSG_TEMPLATE_MISSING, name, file);
			free(file);
		}
	}
	free(dir);
	return d->errors == errors;
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

/* What the threads share: the pages to make and where they go, and a
 * buffer each. Everything else they read is the model, which nobody
 * changes while they run. */
typedef struct {
	const site_t *site;
	const tmpl_set_t *templates;
	const char *inject;
	output_t *output;
	page_ref_t *refs;
	size_t nrefs;
	atomic_size_t pages;
	buf_t out[PARALLEL_MAX];
} job_t;

static int collect(const page_ref_t *ref, void *ctx)
{
	job_t *j = ctx;
	j->refs = xrealloc(j->refs, (j->nrefs + 1) * sizeof *j->refs);
	j->refs[j->nrefs++] = *ref;
	return 0;
}

static int emit_file(void *ctx, const char *path, const char *data, size_t len)
{
	return output_file(ctx, path, data, len);
}

/* The files that are not pages: each writer is one task. */
typedef int (*writer_fn)(const site_t *site, emit_fn emit, void *ctx);
static const writer_fn writers[] = {opendata_write, search_write, feeds_write,
                                    sitemap_write};
enum { NWRITERS = sizeof writers / sizeof *writers };

static int write_page(job_t *j, const page_ref_t *ref, arena_t *arena,
                      buf_t *out)
{
	value_t *view = view_build(arena, j->site, ref);
	buf_reset(out);
	const char *template = view_template(ref->kind);
	if (template) {
		tmpl_render(j->templates, template, view, out);
		if (j->inject)
			inject(out, j->inject);
		atomic_fetch_add(&j->pages, 1);
	} else {
		const value_t *content = val_get(view, "content");
		if (content && content->kind == VAL_STRING)
			buf_put(out, content->as.str.s, content->as.str.len);
	}
	const char *url = view_url(arena, j->site, ref);
	const char *rel = url ? urls_file(arena, j->site, url) : "404.html";
	return output_file(j->output, rel, out->data ? out->data : "", out->len);
}

/* Task i: the big writers first, so that they overlap the pages. */
static int task(size_t i, size_t thread, void *ctx)
{
	job_t *j = ctx;
	if (i < NWRITERS)
		return writers[i](j->site, emit_file, j->output);
	arena_t *arena = arena_new();
	int rc = write_page(j, &j->refs[i - NWRITERS], arena, &j->out[thread]);
	arena_free(arena);
	return rc;
}

/* The theme's static files, as they are, below static/. */
static int copy_static(output_t *o, const char *dir, const char *rel)
{
	char **names;
	size_t n;
	if (fs_list(dir, &names, &n) < 0)
		return 0; /* a theme need not have any */
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *path = fs_join(dir, names[i]);
		char *sub = fs_join(rel, names[i]);
		char *data;
		size_t len;
		if (fs_is_dir(path)) {
			rc = copy_static(o, path, sub);
		} else if (fs_read(path, &data, &len) == 0) {
			rc = output_file(o, sub, data, len);
			free(data);
		}
		free(sub);
		free(path);
	}
	fs_list_free(names, n);
	return rc;
}

write_result_t write_site(site_t *site, const char *out,
                          const char *inject_html, diags_t *diags)
{
	write_result_t result = {0, 0, 0, NULL};
	tmpl_set_t *templates = tmpl_set_new();
	output_t *output = NULL;
	job_t j = {.site = site, .templates = templates, .inject = inject_html};
	if (!load_templates(site, templates, diags))
		goto out;
	if (!site->view_cache)
		view_prepare(site);
	output = output_open(out, &result.io_error);
	if (!output)
		goto out;
	j.output = output;
	view_pages(site, collect, &j);
	/* libxml2 sets itself up once, before threads use its writers. */
	xmlInitParser();
	int rc = parallel_run(NWRITERS + j.nrefs, parallel_threads(), task, &j);
	char *staticdir = fs_join(site->theme_dir, "static");
	if (rc == 0 && copy_static(output, staticdir, "static") == 0)
		output_commit(output);
	free(staticdir);
	if (output_error(output)) {
		result.io_error = xstrdup(output_error(output));
		goto out;
	}
	result.pages = atomic_load(&j.pages);
	result.written = output_written(output);
	result.kept = output_kept(output);
out:
	output_free(output);
	for (size_t t = 0; t < PARALLEL_MAX; t++)
		buf_free(&j.out[t]);
	free(j.refs);
	tmpl_set_free(templates);
	return result;
}
