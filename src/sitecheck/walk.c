/* Reading the built site: every file is listed, because links may lead to
 * any of them; every HTML file is parsed and checked on its own, and its
 * tree freed before the next, so memory holds only ids and links; the
 * links are checked last, when every page's ids are known. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <libxml/HTMLparser.h>

#include "../core/buf.h"
#include "../core/fs.h"
#include "sitecheck_internal.h"

/* No network, and libxml2's own complaints about HTML5 elements it does
 * not know are noise: the checks below are what we report. */
enum { PARSE = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING };

static bool is_html(const char *name)
{
	size_t n = strlen(name);
	return (n > 5 && strcmp(name + n - 5, ".html") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".htm") == 0);
}

static void check_text(sitecheck_t *sc, sc_page_t *page, const char *given,
                       const char *text, size_t len)
{
	xmlDoc *doc = NULL;
	if (len < INT_MAX)
		doc = htmlReadMemory(text, (int)len, page->shown, "UTF-8", PARSE);
	if (!doc || !xmlDocGetRootElement(doc)) {
		diag_error(sc->diags, page->shown, POS_NONE, MSG_SITE_NOT_HTML);
	} else {
		if (strcmp(page->rel, "index.html") == 0)
			links_base(sc, doc, given);
		page_check(sc, page, doc, text, len);
	}
	xmlFreeDoc(doc);
}

static void read_page(sitecheck_t *sc, sc_page_t *page, const char *given)
{
	char *path = fs_join(sc->dir, page->rel), *text = NULL;
	size_t len = 0;
	if (fs_read(path, &text, &len) < 0)
		diag_error(sc->diags, page->shown, POS_NONE, MSG_READ_FAILED,
		           strerror(errno));
	else
		check_text(sc, page, given, text, len);
	free(text);
	free(path);
}

/* Records a file of the site; returns its page, to be read, if it is
 * HTML. */
static sc_page_t *add_file(sitecheck_t *sc, const char *rel)
{
	sc_file_t *f = arena_alloc(sc->arena, sizeof *f);
	f->rel = rel;
	map_put(&sc->files, rel, f);
	if (!is_html(rel))
		return NULL;
	sc_page_t *page = arena_alloc(sc->arena, sizeof *page);
	page->rel = rel;
	page->shown = arena_printf(sc->arena, "%s/%s", sc->dir, rel);
	f->page = page;
	arena_grow(sc->arena, (void **)&sc->pages, sc->npages, &sc->cap,
	           sizeof *sc->pages);
	sc->pages[sc->npages++] = page;
	return page;
}

/* Lists rel (a directory below the site, "" for the site itself) in
 * sorted order. Directories reached through symbolic links are not
 * entered: a built site has none, and a loop would never end. Returns 0,
 * or the errno of listing rel. */
static int walk(sitecheck_t *sc, const char *rel, const char *given)
{
	char *dir = *rel ? fs_join(sc->dir, rel) : xstrdup(sc->dir);
	char **names = NULL;
	size_t n = 0;
	int rc = fs_list(dir, &names, &n) < 0 ? errno : 0;
	if (rc) {
		if (*rel)
			diag_error(sc->diags, arena_printf(sc->arena, "%s/%s", sc->dir,
			                                   rel),
			           POS_NONE, MSG_READ_FAILED, strerror(rc));
		goto out;
	}
	for (size_t i = 0; i < n; i++) {
		const char *child = *rel ? arena_printf(sc->arena, "%s/%s", rel,
		                                        names[i])
		                         : arena_strdup(sc->arena, names[i]);
		char *path = fs_join(sc->dir, child);
		sc_page_t *page;
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode))
			walk(sc, child, given);
		else if (fs_is_file(path) && (page = add_file(sc, child)))
			read_page(sc, page, given);
		free(path);
	}
out:
	fs_list_free(names, n);
	free(dir);
	return rc;
}

/* "mini" -> "/mini/": the form the link checks compare with. */
static const char *normal_base(arena_t *arena, const char *given)
{
	if (!given)
		return "/";
	while (*given == '/')
		given++;
	size_t n = strlen(given);
	while (n && given[n - 1] == '/')
		n--;
	return n ? arena_printf(arena, "/%.*s/", (int)n, given) : "/";
}

/* Sets up a checker for opts; returns the base path given, or NULL
 * when it is to be read from the root page. */
static const char *open_checker(sitecheck_t *sc, const sitecheck_opts_t *opts,
                                diags_t *d)
{
	*sc = (sitecheck_t){0};
	sc->arena = arena_new();
	sc->diags = d;
	/* Paths are reported as given, without a trailing slash. */
	size_t n = strlen(opts->dir);
	while (n > 1 && opts->dir[n - 1] == '/')
		n--;
	sc->dir = arena_strndup(sc->arena, opts->dir, n);
	sc->base = normal_base(sc->arena, opts->base_path);
	return opts->base_path ? sc->base : NULL;
}

static void close_checker(sitecheck_t *sc)
{
	for (size_t i = 0; i < sc->npages; i++)
		map_free(&sc->pages[i]->targets);
	map_free(&sc->files);
	arena_free(sc->arena);
}

sitecheck_result_t sitecheck_run(const sitecheck_opts_t *opts, diags_t *d)
{
	sitecheck_result_t r = {0, NULL};
	sitecheck_t sc;
	const char *given = open_checker(&sc, opts, d);
	int rc = walk(&sc, "", given);
	if (rc) {
		buf_t b = BUF_INIT;
		buf_printf(&b, "cannot read the site directory %s: %s", sc.dir,
		           strerror(rc));
		r.io_error = buf_detach(&b);
	} else {
		links_check(&sc);
		r.pages = sc.npages;
	}
	close_checker(&sc);
	return r;
}

size_t sitecheck_page(const sitecheck_opts_t *opts, const char *rel,
                      const char *text, size_t len, diags_t *d)
{
	sitecheck_t sc;
	const char *given = open_checker(&sc, opts, d);
	sc_page_t *page = add_file(&sc, arena_strdup(sc.arena, rel));
	if (page)
		check_text(&sc, page, given, text, len);
	links_check(&sc);
	size_t pages = sc.npages;
	close_checker(&sc);
	return pages;
}
