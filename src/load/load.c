#define _XOPEN_SOURCE 700 /* realpath */
/* The load stage in order: site.yaml, the list of data/, the theme's
 * i18n, the texts each language has; then the programmes' data and the
 * texts read on a few threads, and the texts put in their places. */
#include "load_internal.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../core/fs.h"
#include "../core/parallel.h"

reader_t load_reader(site_t *site, diags_t *diags, const char *dir,
                     const char *name)
{
	char *path = fs_join(dir, name);
	reader_t r = {.site = site, .arena = site->arena, .diags = diags,
	              .path = arena_strdup(site->arena, path)};
	free(path);
	return r;
}

/* data/: units.yaml, read at once, and the programmes, each a directory
 * whose files are read with the texts (see read_one). */
static void load_data(site_t *site, diags_t *diags)
{
	char *dir = fs_join(site->content_dir, "data");
	reader_t units = load_reader(site, diags, dir, "units.yaml");
	if (fs_is_file(units.path))
		load_units(&units);
	/* A duplicate keeps the first entry; check reports the second. */
	for (size_t i = 0; i < site->nunits; i++)
		if (!map_get(&site->unit_index, site->units[i].id))
			map_put(&site->unit_index, site->units[i].id, &site->units[i]);

	char **names;
	size_t n;
	if (fs_list(dir, &names, &n) < 0) {
		diag_error(diags, dir, POS_NONE, MSG_MISSING_FILE, dir);
		free(dir);
		return;
	}
	site->programmes = arena_alloc(site->arena, (n + 1) * sizeof(programme_t));
	for (size_t i = 0; i < n; i++) {
		reader_t r = load_reader(site, diags, dir, names[i]);
		if (names[i][0] == '.' || strcmp(names[i], "units.yaml") == 0)
			continue;
		if (!fs_is_dir(r.path)) {
			diag_error(diags, r.path, POS_NONE, MSG_UNEXPECTED_FILE, names[i],
			           term(TERM_BELONGS_DATA));
			continue;
		}
		if (!field_valid_id(names[i])) {
			diag_error(diags, r.path, POS_NONE, MSG_BAD_ID, names[i]);
			continue;
		}
		programme_t *p = &site->programmes[site->nprogrammes++];
		p->id = arena_strdup(site->arena, names[i]);
		p->dir = r.path;
		map_put(&site->programme_index, p->id, p);
	}
	fs_list_free(names, n);
	free(dir);
}

/* Every entity gets one text slot per language; indexes by id. Duplicate
 * ids keep the first entry; check reports the second. */
static void index_programmes(site_t *site)
{
	size_t slots = site->nlangs * sizeof(text_t *);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		programme_t *p = &site->programmes[i];
		p->texts = arena_alloc(site->arena, slots);
		for (size_t j = 0; j < p->nthemes; j++) {
			p->themes[j].texts = arena_alloc(site->arena, slots);
			if (!model_theme(p, p->themes[j].id))
				map_put(&p->theme_index, p->themes[j].id, &p->themes[j]);
		}
		for (size_t j = 0; j < p->nactions; j++) {
			p->actions[j].texts = arena_alloc(site->arena, slots);
			if (!model_action(p, p->actions[j].id))
				map_put(&p->action_index, p->actions[j].id, &p->actions[j]);
		}
		for (size_t j = 0; j < p->nindicators; j++) {
			p->indicators[j].texts = arena_alloc(site->arena, slots);
			if (!model_indicator(p, p->indicators[j].id))
				map_put(&p->indicator_index, p->indicators[j].id,
				        &p->indicators[j]);
		}
	}
}

/* The theme directory: given, or themes/<name> beside the content. */
static const char *theme_dir(site_t *site, const char *given)
{
	if (given)
		return arena_strdup(site->arena, given);
	const char *slash = strrchr(site->content_dir, '/');
	const char *parent = slash ? arena_strndup(site->arena, site->content_dir,
	                                           (size_t)(slash - site->content_dir))
	                           : ".";
	char *themes = fs_join(*parent ? parent : "/", "themes");
	char *dir = fs_join(themes, site->theme_name ? site->theme_name : "default");
	const char *result = arena_strdup(site->arena, dir);
	free(themes);
	free(dir);
	return result;
}

/* What each thread reads into: an arena and a list of problems. */
typedef struct {
	site_t *site;
	load_texts_t *texts;
	arena_t *arenas[PARALLEL_MAX];
	diags_t diags[PARALLEL_MAX];
} reading_t;

/* The programmes' data first: a large actions.yaml is the longest read,
 * and the texts keep the other threads busy meanwhile. */
static int read_one(size_t i, size_t thread, void *ctx)
{
	reading_t *rd = ctx;
	arena_t *arena = rd->arenas[thread];
	diags_t *diags = &rd->diags[thread];
	if (i < rd->site->nprogrammes) {
		programme_t *p = &rd->site->programmes[i];
		reader_t r = {.site = rd->site, .arena = arena, .diags = diags,
		              .path = p->dir};
		load_programme(&r, p);
	} else {
		load_texts_read(rd->texts, i - rd->site->nprogrammes, arena, diags);
	}
	return 0;
}

/* Reading the files is most of the work, and a file system answers a few
 * threads at once about as fast as one. */
static void read_all(site_t *site, load_texts_t *texts, diags_t *diags)
{
	reading_t rd = {.site = site, .texts = texts};
	size_t threads = parallel_threads();
	for (size_t t = 0; t < threads; t++) {
		rd.arenas[t] = arena_new();
		diags_init(&rd.diags[t]);
	}
	parallel_run(site->nprogrammes + load_texts_count(texts), threads,
	             read_one, &rd);
	for (size_t t = 0; t < threads; t++) {
		arena_adopt(site->arena, rd.arenas[t]);
		diags_append(diags, &rd.diags[t]);
		diags_free(&rd.diags[t]);
	}
}

static void load_content(site_t *site, const char *theme_dir_given,
                         diags_t *diags)
{
	reader_t r = load_reader(site, diags, site->content_dir, "site.yaml");
	if (!fs_is_file(r.path)) {
		diag_error(diags, r.path, POS_NONE, MSG_MISSING_FILE, r.path);
		return;
	}
	load_site_yaml(&r);
	if (site->nlangs == 0)
		return; /* nothing more can be read without languages */

	load_data(site, diags);
	site->theme_dir = theme_dir(site, theme_dir_given);
	load_i18n(site, diags);
	site->front = arena_alloc(site->arena, site->nlangs * sizeof(text_t *));
	site->lang_missing = arena_alloc(site->arena, site->nlangs * sizeof(bool));
	site->unit_names_unreadable = arena_alloc(site->arena,
	                                          site->nlangs * sizeof(bool));
	load_texts_t *texts = load_texts_find(site, diags);
	read_all(site, texts, diags);
	index_programmes(site);
	load_texts_attach(texts);
}

site_t *load_site(const char *content_dir, const char *theme_dir_given,
                  diags_t *diags)
{
	site_t *site = model_new();
	size_t n = strlen(content_dir);
	while (n > 1 && content_dir[n - 1] == '/')
		n--;
	site->content_dir = arena_strndup(site->arena, content_dir, n);
	char *real = realpath(site->content_dir, NULL);
	site->content_real = real ? arena_strdup(site->arena, real) : NULL;
	free(real);
	/* Files are opened from it (see load/source.c). */
	site->content_fd = open(site->content_dir,
	                        O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	load_content(site, theme_dir_given, diags);
	if (site->content_fd >= 0)
		close(site->content_fd);
	site->content_fd = -1;
	return site;
}
