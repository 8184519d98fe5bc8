#include "write.h"

#include <errno.h>

#include <libxml/parser.h>
#include <stdatomic.h>
#include <stdint.h>
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

/* Puts snippet before the last </body>, or at the end when there is none.
 * Looked for from the end: it is there, and a list page is megabytes. */
static void inject(buf_t *html, const char *snippet)
{
	static const char tag[] = "</body>";
	size_t n = sizeof tag - 1, at = html->len;
	for (size_t i = html->len; i >= n; i--) {
		if (memcmp(html->data + i - n, tag, n) == 0) {
			at = i - n;
			break;
		}
	}
	size_t len = strlen(snippet);
	buf_grow(html, len);
	memmove(html->data + at + len, html->data + at, html->len - at + 1);
	memcpy(html->data + at, snippet, len);
	html->len += len;
}

/* What a build keeps for the next: the site's pages and, per page, the
 * texts it read; and per thread, the list items' texts rendered and the
 * buffer pages are made in. */
struct write_memo {
	tmpl_set_t *templates;
	tmpl_memo_t *fragments[PARALLEL_MAX];
	/* A kept memo's threads' texts, gathered after each build: a page
	 * that one thread made last may go to another next time. */
	tmpl_memo_t *shared;
	buf_t buffers[PARALLEL_MAX];
	arena_t *arenas[PARALLEL_MAX]; /* a page's view, reset for the next */
	output_manifest_t *manifest; /* the output's, as the last build left it */
	/* What writers keep when the memo is (a preview's); NULL otherwise. */
	search_index_t **search;     /* per language */
	size_t nsearch;
	opendata_t *opendata;
	char *out;
	const char *inject;
	page_ref_t *refs;
	view_reads_t *reads; /* per page, or NULL when not kept */
	size_t *sizes;       /* per page, its length last made (when kept) */
	size_t nrefs, cap;
};

typedef struct job job_t;

/* The files that are not pages, made by writers of the whole site or of
 * one language, and what of the texts each reads: after an edit to one
 * text, only the writers that read what changed run again. A writer may
 * keep its work between the preview's builds (kept, used instead of
 * whole or language when the memo is kept). */
typedef struct {
	int (*whole)(const site_t *site, emit_fn emit, void *ctx);
	int (*language)(const site_t *site, size_t lang, emit_fn emit,
	                void *ctx);
	int (*kept)(job_t *j, size_t lang);
	bool bodies; /* reads the texts' bodies */
	bool words;  /* reads the texts' other words */
} writer_t;

static int write_kept_search(job_t *j, size_t lang);
static int write_kept_opendata(job_t *j, size_t lang);

static const writer_t writers[] = {
	{NULL, search_write, write_kept_search, true, true},
	{opendata_write, NULL, write_kept_opendata, false, true},
	{NULL, feeds_write, NULL, false, true},
	{sitemap_write, NULL, NULL, false, false}, /* addresses only */
};
enum { NWRITERS = sizeof writers / sizeof *writers };

/* One task of a writer: of language lang for a writer by language. */
typedef struct {
	const writer_t *writer;
	size_t lang;
} writing_t;

/* The writers' tasks after an edit to a text in language lang (with body,
 * to its body alone), or with lang SIZE_MAX every task. Returns their
 * number; the caller frees *out. */
static size_t plan_writings(const site_t *site, size_t lang, bool body,
                            writing_t **out)
{
	bool all = lang == SIZE_MAX;
	size_t n = 0;
	*out = xmalloc(NWRITERS * (site->nlangs + 1) * sizeof **out);
	for (size_t i = 0; i < NWRITERS; i++) {
		const writer_t *w = &writers[i];
		if (!all && !(body ? w->bodies : w->bodies || w->words))
			continue;
		if (w->whole)
			(*out)[n++] = (writing_t){w, 0};
		for (size_t l = 0; w->language && l < site->nlangs; l++)
			if (all || l == lang)
				(*out)[n++] = (writing_t){w, l};
	}
	return n;
}

/* What the threads share: the pages to make and where they go.
 * Everything else they read is the model, which nobody changes while
 * they run. */
struct job {
	const site_t *site;
	write_memo_t *memo;
	output_t *output;
	const size_t *todo;  /* the pages to make, as indices; NULL: all */
	size_t ntodo;
	writing_t *writings; /* the files that are not pages, made first */
	size_t nwritings;
	const size_t *order; /* the tasks in lanes (see plan_lanes), or NULL */
	atomic_size_t pages;
	atomic_size_t cut;   /* 1 + the first page cut short, or 0 */
};

static int collect(const page_ref_t *ref, void *ctx)
{
	write_memo_t *m = ctx;
	if (m->nrefs == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->refs = xrealloc(m->refs, m->cap * sizeof *m->refs);
	}
	m->refs[m->nrefs++] = *ref;
	return 0;
}

static int emit_file(void *ctx, const char *path, const char *data, size_t len)
{
	return output_file(ctx, path, data, len);
}

/* The search index of one language, kept between the preview's builds:
 * made whole the first time, then with only the texts replaced since
 * indexed again. */
static int write_kept_search(job_t *j, size_t lang)
{
	search_index_t **x = &j->memo->search[lang];
	if (!*x)
		*x = search_index_new(j->site, lang);
	return search_index_write(*x, emit_file, j->output);
}

/* The open data, kept between the preview's builds: each action's and
 * indicator's share made again when its text was replaced. */
static int write_kept_opendata(job_t *j, size_t lang)
{
	(void)lang; /* of the whole site */
	if (!j->memo->opendata)
		j->memo->opendata = opendata_new(j->site);
	return opendata_write_kept(j->memo->opendata, emit_file, j->output);
}

/* Keeps the lowest of the pages found cut short: the build stops at the
 * first, so with threads another may be found too. */
static void note_cut(job_t *j, size_t page)
{
	size_t seen = atomic_load(&j->cut);
	while ((seen == 0 || page + 1 < seen) &&
	       !atomic_compare_exchange_weak(&j->cut, &seen, page + 1))
		;
}

/* The files that are not pages: each writer is one task. */
static int write_page(job_t *j, size_t page, size_t thread, arena_t *arena)
{
	buf_t *out = &j->memo->buffers[thread];
	const page_ref_t *ref = &j->memo->refs[page];
	view_reads_t *reads = j->memo->reads ? &j->memo->reads[page] : NULL;
	if (reads)
		reads->len = reads->nbodies = 0;
	value_t *view = view_build(arena, j->site, ref, reads);
	buf_reset(out);
	const char *template = view_template(ref->kind);
	if (template) {
		if (tmpl_render_memo(j->memo->templates, template, view,
		                     j->memo->fragments[thread], out) == 1) {
			note_cut(j, page);
			return 1; /* a page cut short is not published */
		}
		if (j->memo->inject)
			inject(out, j->memo->inject);
		atomic_fetch_add(&j->pages, 1);
	} else {
		const value_t *content = val_get(view, "content");
		if (content && content->kind == VAL_STRING)
			buf_put(out, content->as.str.s, content->as.str.len);
	}
	if (j->memo->sizes)
		j->memo->sizes[page] = out->len;
	const char *url = view_url(arena, j->site, ref);
	const char *rel = url ? urls_file(arena, j->site, url) : "404.html";
	return output_file(j->output, rel, out->data ? out->data : "", out->len);
}

/* Task i: the big writers first, so that they overlap the pages. */
static int task(size_t i, size_t thread, void *ctx)
{
	job_t *j = ctx;
	if (j->order)
		i = j->order[i];
	if (i < j->nwritings) {
		const writing_t *w = &j->writings[i];
		if (w->writer->kept && j->memo->search)
			return w->writer->kept(j, w->lang);
		return w->writer->whole
		       ? w->writer->whole(j->site, emit_file, j->output)
		       : w->writer->language(j->site, w->lang, emit_file, j->output);
	}
	i -= j->nwritings;
	arena_t *arena = j->memo->arenas[thread];
	int rc = write_page(j, j->todo ? j->todo[i] : i, thread, arena);
	arena_reset(arena);
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

/* Where task i goes among the lanes: its language's (a writer of the
 * whole site: a language in turn), and there after the lists when it is
 * a page of one item. */
static size_t place_of(const job_t *j, size_t i)
{
	if (i < j->nwritings) {
		const writing_t *w = &j->writings[i];
		return 2 * (w->writer->language ? w->lang : i % j->site->nlangs);
	}
	i -= j->nwritings;
	const page_ref_t *ref = &j->memo->refs[j->todo ? j->todo[i] : i];
	bool item = ref->kind == PAGE_ACTION || ref->kind == PAGE_INDICATOR ||
	            ref->kind == PAGE_CHART;
	return 2 * ref->lang + item;
}

/* The tasks of n in lanes by language: a thread keeps the list items it
 * rendered for the pages to come, and with a language to itself renders
 * another's only for the pages it takes when its own are done, the pages
 * of one item last (without lanes, each thread rendered every item). The
 * writers come first in each lane, the pages then in their order. Returns
 * the order of the tasks and sets ends, one per language. */
static size_t *plan_lanes(const job_t *j, size_t n, size_t *ends)
{
	size_t nplaces = 2 * j->site->nlangs;
	size_t *order = xmalloc((n + 1) * sizeof *order);
	size_t *at = xcalloc(nplaces, sizeof *at);
	for (size_t i = 0; i < n; i++)
		at[place_of(j, i)]++;
	for (size_t k = 1; k < nplaces; k++)
		at[k] += at[k - 1];
	for (size_t l = 0; l < j->site->nlangs; l++)
		ends[l] = at[2 * l + 1];
	/* Placed from the end, so that each place keeps the tasks' order. */
	for (size_t i = n; i-- > 0;)
		order[--at[place_of(j, i)]] = i;
	free(at);
	return order;
}

/* Makes the job's files in its output (which must be open) and, for a
 * whole site, the theme's static files; then puts them in place. */
static write_result_t run(job_t *j, bool whole)
{
	write_result_t result = {0, 0, 0, NULL, false};
	/* libxml2 sets itself up once, before threads use its writers. */
	xmlInitParser();
	size_t npages = j->todo ? j->ntodo : j->memo->nrefs;
	size_t n = j->nwritings + npages;
	int rc;
	if (j->todo || j->site->nlangs < 2) {
		/* Some pages again (a preview's edit): the largest first. */
		rc = parallel_run(n, parallel_threads(), task, j);
	} else {
		size_t *ends = xmalloc(j->site->nlangs * sizeof *ends);
		size_t *order = plan_lanes(j, n, ends);
		j->order = order;
		rc = parallel_run_lanes(ends, j->site->nlangs, parallel_threads(),
		                        task, j);
		j->order = NULL;
		free(order);
		free(ends);
	}
	for (size_t t = 0; j->memo->shared && t < PARALLEL_MAX; t++)
		tmpl_memo_merge(j->memo->shared, j->memo->fragments[t]);
	char *staticdir = fs_join(j->site->theme_dir, "static");
	if (rc == 0 && (!whole || copy_static(j->output, staticdir, "static") == 0))
		output_commit(j->output);
	free(staticdir);
	if (output_error(j->output)) {
		result.io_error = xstrdup(output_error(j->output));
		return result;
	}
	result.cut = atomic_load(&j->cut) != 0;
	result.pages = atomic_load(&j->pages);
	result.written = output_written(j->output);
	result.kept = output_kept(j->output);
	return result;
}

/* A template's limits stop runaway recursion (see mustache.h): the page
 * it was making is named, with the template to look at. */
static void report_cut(const site_t *site, const write_memo_t *m,
                       size_t page, diags_t *d)
{
	const page_ref_t *ref = &m->refs[page];
	const char *name = view_template(ref->kind);
	arena_t *a = arena_new();
	const char *url = view_url(a, site, ref);
	char *path = arena_printf(a, "%s/templates/%s%s", site->theme_dir, name,
	                          TEMPLATE_EXT);
	diag_error(d, path, POS_NONE, MSG_TEMPLATE_CUT, name, url ? url : "/");
	arena_free(a);
}

write_result_t write_site(site_t *site, const char *out,
                          const char *inject_html, diags_t *diags,
                          write_memo_t **keep)
{
	write_result_t result = {0, 0, 0, NULL, false};
	write_memo_t *m = xcalloc(1, sizeof *m);
	m->templates = tmpl_set_new();
	for (size_t t = 0; t < PARALLEL_MAX; t++) {
		m->fragments[t] = tmpl_memo_new();
		m->arenas[t] = arena_new();
	}
	m->out = xstrdup(out);
	m->inject = inject_html;
	output_t *output = NULL;
	if (!load_templates(site, m->templates, diags))
		goto out;
	if (!site->view_cache)
		view_prepare(site);
	output = output_open(out, keep ? &m->manifest : NULL, &result.io_error);
	if (!output)
		goto out;
	view_pages(site, collect, m);
	if (keep) {
		m->shared = tmpl_memo_new();
		for (size_t t = 0; t < PARALLEL_MAX; t++)
			tmpl_memo_over(m->fragments[t], m->shared);
		m->reads = xcalloc(m->nrefs + 1, sizeof *m->reads);
		m->sizes = xcalloc(m->nrefs + 1, sizeof *m->sizes);
		m->search = xcalloc(site->nlangs + 1, sizeof *m->search);
		m->nsearch = site->nlangs;
	}
	job_t j = {.site = site, .memo = m, .output = output};
	j.nwritings = plan_writings(site, SIZE_MAX, false, &j.writings);
	result = run(&j, true);
	if (result.cut)
		report_cut(site, m, atomic_load(&j.cut) - 1, diags);
	free(j.writings);
	if (keep && !result.io_error) {
		*keep = m;
		m = NULL;
	}
out:
	output_free(output);
	write_memo_free(m);
	return result;
}

/* A page to make again, and how long it was. */
typedef struct {
	size_t size, page;
} sized_t;

static int largest_first(const void *a, const void *b)
{
	const sized_t *x = a, *y = b;
	if (x->size != y->size)
		return x->size < y->size ? 1 : -1;
	return (x->page > y->page) - (x->page < y->page);
}

write_result_t write_pages_again(write_memo_t *memo, site_t *site,
                                 const text_t *old, const text_t *now,
                                 bool body)
{
	write_result_t result = {0, 0, 0, NULL, false};
	job_t j = {.site = site, .memo = memo};
	sized_t *pages = xmalloc((memo->nrefs + 1) * sizeof *pages);
	for (size_t i = 0; i < memo->nrefs; i++)
		if (view_reads_replace(&memo->reads[i], old, now, body))
			pages[j.ntodo++] = (sized_t){memo->sizes[i], i};
	/* The longest first: a thread that takes one late, on a core slower
	 * than the other, would hold up the reload. */
	qsort(pages, j.ntodo, sizeof *pages, largest_first);
	size_t *todo = xmalloc((j.ntodo + 1) * sizeof *todo);
	for (size_t i = 0; i < j.ntodo; i++)
		todo[i] = pages[i].page;
	free(pages);
	j.todo = todo;
	j.output = output_open_some(memo->out, &memo->manifest,
	                            &result.io_error);
	if (j.output)
		result = run(&j, false);
	/* The site-wide files come next, and their build removes the stage. */
	output_free_later(j.output);
	free(todo);
	return result;
}

write_result_t write_files_again(write_memo_t *memo, site_t *site,
                                 size_t lang, bool body)
{
	write_result_t result = {0, 0, 0, NULL, false};
	size_t none = 0;
	job_t j = {.site = site, .memo = memo, .todo = &none};
	j.nwritings = plan_writings(site, lang, body, &j.writings);
	j.output = output_open_some(memo->out, &memo->manifest,
	                            &result.io_error);
	if (j.output)
		result = run(&j, false);
	output_free_later(j.output);
	free(j.writings);
	return result;
}

void write_tidy(const write_memo_t *memo)
{
	output_tidy(memo->out);
}

void write_memo_free(write_memo_t *memo)
{
	if (!memo)
		return;
	for (size_t i = 0; memo->reads && i < memo->nrefs; i++)
		view_reads_free(&memo->reads[i]);
	free(memo->reads);
	free(memo->sizes);
	free(memo->refs);
	free(memo->out);
	tmpl_set_free(memo->templates);
	output_manifest_free(memo->manifest);
	for (size_t l = 0; l < memo->nsearch; l++)
		search_index_free(memo->search[l]);
	free(memo->search);
	opendata_free(memo->opendata);
	tmpl_memo_free(memo->shared);
	for (size_t t = 0; t < PARALLEL_MAX; t++) {
		tmpl_memo_free(memo->fragments[t]);
		buf_free(&memo->buffers[t]);
		arena_free(memo->arenas[t]);
	}
	free(memo);
}
