#include "new.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../check/check.h"
#include "../core/fs.h"
#include "../load/field.h"
#include "../load/load.h"
#include "../view/format.h"
#include "frontmatter.h"

typedef struct {
	const new_opts_t *o;
	site_t *site;
	buf_t *written, *error;
} job_t;

static new_result_t refuse(job_t *j, const char *fmt, const char *arg)
{
	buf_printf(j->error, fmt, arg);
	return NEW_REFUSED;
}

static new_result_t io_failure(job_t *j, const char *path)
{
	buf_printf(j->error, "cannot write %s: %s", path, strerror(errno));
	return NEW_IO;
}

/* Writes a new file; refuses to overwrite one. */
static new_result_t create(job_t *j, const char *path, const char *text)
{
	if (fs_is_file(path))
		return refuse(j, "%s exists already", path);
	char *dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	int rc = fs_mkdirs(dir);
	free(dir);
	if (rc < 0 || fs_write_atomic(path, text, strlen(text)) < 0)
		return io_failure(j, path);
	buf_printf(j->written, "%s\n", path);
	return NEW_OK;
}

/* Adds a data entry at the end of a list file. */
static new_result_t append(job_t *j, const char *path, const char *entry)
{
	char *old = NULL;
	size_t len = 0;
	if (fs_is_file(path) && fs_read(path, &old, &len) < 0)
		return io_failure(j, path);
	buf_t b = BUF_INIT;
	buf_put(&b, old ? old : "", len);
	if (b.len && b.data[b.len - 1] != '\n')
		buf_putc(&b, '\n');
	if (b.len)
		buf_putc(&b, '\n');
	buf_puts(&b, entry);
	new_result_t rc = NEW_OK;
	if (fs_write_atomic(path, b.data, b.len) < 0)
		rc = io_failure(j, path);
	else
		buf_printf(j->written, "%s\n", path);
	buf_free(&b);
	free(old);
	return rc;
}

/* A placeholder in language l: "TODO: " and the theme's words for it. */
static const char *placeholder(job_t *j, size_t l, const char *key)
{
	const char *words = format_word(j->site, l,
	                                arena_printf(j->site->arena, "new.%s", key));
	return arena_printf(j->site->arena, "TODO: %s", words);
}

/* The same quoted for YAML. */
static const char *todo(job_t *j, size_t l, const char *key)
{
	return arena_printf(j->site->arena, "\"%s\"", placeholder(j, l, key));
}

static const char *lang_path(job_t *j, size_t l, const char *rel)
{
	return arena_printf(j->site->arena, "%s/%s/%s", j->site->content_dir,
	                    j->site->langs[l], rel);
}

static new_result_t new_action(job_t *j, programme_t *p)
{
	const new_opts_t *o = j->o;
	if (model_action(p, o->id))
		return refuse(j, "there is already an action '%s'", o->id);
	char *code = xstrdup(o->id);
	for (char *c = code; *c; c++)
		if (*c >= 'a' && *c <= 'z')
			*c = (char)(*c - 'a' + 'A');
	char *entry = arena_printf(j->site->arena,
	                           "- id: %s\n  code: %s\n  theme: %s\n"
	                           "  years: [TODO]\n  status: { TODO: planned }\n",
	                           o->id, code, o->theme_id);
	free(code);
	new_result_t rc = append(j, arena_printf(j->site->arena, "%s/actions.yaml",
	                                         p->dir), entry);
	for (size_t l = 0; rc == NEW_OK && l < j->site->nlangs; l++) {
		const char *text = arena_printf(
			j->site->arena, "---\ntitle: %s\nproblem: %s\nsummary: %s\n---\n%s\n",
			todo(j, l, "title"), todo(j, l, "problem"), todo(j, l, "summary"),
			placeholder(j, l, "body"));
		rc = create(j, lang_path(j, l, arena_printf(j->site->arena,
		                                            "%s/actions/%s.md", p->id,
		                                            o->id)),
		            text);
	}
	return rc;
}

static new_result_t new_indicator(job_t *j, programme_t *p)
{
	const new_opts_t *o = j->o;
	if (model_indicator(p, o->id))
		return refuse(j, "there is already an indicator '%s'", o->id);
	char *entry = arena_printf(j->site->arena,
	                           "- id: %s\n  theme: %s\n  unit: TODO\n", o->id,
	                           o->theme_id);
	new_result_t rc = append(j, arena_printf(j->site->arena,
	                                         "%s/indicators.yaml", p->dir),
	                         entry);
	for (size_t l = 0; rc == NEW_OK && l < j->site->nlangs; l++) {
		const char *text = arena_printf(
			j->site->arena, "---\ntitle: %s\ntarget: %s\nsummary: %s\n---\n",
			todo(j, l, "indicator_title"), todo(j, l, "target"),
			todo(j, l, "indicator_summary"));
		rc = create(j, lang_path(j, l, arena_printf(j->site->arena,
		                                            "%s/indicators/%s.md",
		                                            p->id, o->id)),
		            text);
	}
	return rc;
}

static new_result_t new_page(job_t *j)
{
	const new_opts_t *o = j->o;
	new_result_t rc = NEW_OK;
	for (size_t l = 0; rc == NEW_OK && l < j->site->nlangs; l++) {
		const char *text = arena_printf(
			j->site->arena, "---\ntitle: %s\nsummary: %s\n---\n%s\n",
			todo(j, l, "page_title"), todo(j, l, "page_summary"),
			placeholder(j, l, "page_body"));
		rc = create(j, lang_path(j, l, arena_printf(j->site->arena,
		                                            "pages/%s.md", o->id)),
		            text);
	}
	return rc;
}

static new_result_t new_update(job_t *j)
{
	const new_opts_t *o = j->o;
	action_t *a = NULL;
	for (size_t i = 0; i < j->site->nprogrammes && !a; i++) {
		programme_t *p = &j->site->programmes[i];
		if (!o->programme || strcmp(o->programme, p->id) == 0)
			a = model_action(p, o->id);
	}
	if (!a)
		return refuse(j, "there is no action '%s'", o->id);
	new_result_t rc = NEW_OK;
	for (size_t l = 0; rc == NEW_OK && l < j->site->nlangs; l++) {
		const text_t *t = a->texts[l];
		if (!t || t->borrowed)
			continue;
		char *text;
		size_t len;
		if (fs_read(t->path, &text, &len) < 0)
			return io_failure(j, t->path);
		char *with = frontmatter_add_update(text, o->date,
		                                    placeholder(j, l, "update"));
		free(text);
		if (!with)
			return refuse(j, "%s has no front matter", t->path);
		if (fs_write_atomic(t->path, with, strlen(with)) < 0)
			rc = io_failure(j, t->path);
		else
			buf_printf(j->written, "%s\n", t->path);
		free(with);
	}
	return rc;
}

static bool words_readable(const site_t *site)
{
	for (size_t l = 0; l < site->nlangs; l++)
		if (!site->i18n[l])
			return false;
	return true;
}

/* No --theme, or one the programme does not have: say which it has. */
static new_result_t no_theme(job_t *j, const programme_t *p)
{
	if (j->o->theme_id)
		buf_printf(j->error, "%s has no theme '%s': ", p->id, j->o->theme_id);
	buf_printf(j->error, "give the theme with --theme, one of:");
	for (size_t i = 0; i < p->nthemes; i++)
		buf_printf(j->error, "%s %s", i ? "," : "", p->themes[i].id);
	return NEW_REFUSED;
}

new_result_t new_run(const new_opts_t *o, buf_t *written, buf_t *error)
{
	diags_t d;
	diags_init(&d);
	site_t *site = load_site(o->content, o->theme, &d);
	check_site(site, false, &d);
	job_t j = {o, site, written, error};
	new_result_t rc;
	if (site->nlangs == 0) {
		rc = refuse(&j, "%s/site.yaml cannot be read", o->content);
	} else if (!words_readable(site)) {
		rc = refuse(&j, "the placeholders come from the theme's i18n files, "
		                "and %s has none that can be read: porta check says "
		                "why", site->theme_dir);
	} else if (o->kind != NEW_UPDATE && !field_valid_id(o->id)) {
		refuse(&j, "'%s' is not a valid id: use lowercase letters a-z, "
		           "digits and '-'", o->id);
		rc = NEW_USAGE;
	} else if (o->kind == NEW_PAGE) {
		rc = new_page(&j);
	} else if (o->kind == NEW_UPDATE) {
		if (field_valid_date(o->date)) {
			rc = new_update(&j);
		} else {
			refuse(&j, "'%s' is not a date: write it as YYYY-MM-DD, for "
			           "example 2025-03-31", o->date);
			rc = NEW_USAGE;
		}
	} else {
		programme_t *p = model_programme(site, o->programme);
		if (!p)
			rc = refuse(&j, "there is no programme '%s'", o->programme);
		else if (!o->theme_id || !model_theme(p, o->theme_id))
			rc = no_theme(&j, p);
		else
			rc = o->kind == NEW_ACTION ? new_action(&j, p)
			                           : new_indicator(&j, p);
	}
	model_free(site);
	diags_free(&d);
	return rc;
}
