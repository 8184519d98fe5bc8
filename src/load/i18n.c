/* themes/<theme>/i18n/<lang>.yaml: the interface words of each language. */
#include "load_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/fs.h"

/* An address word names a directory of the output: it is written as a
 * slug, so that none can lead out of the output ("../.."). */
static void address_word(reader_t *r, const value_t *v)
{
	if (v && v->kind == VAL_STRING && v->as.str.len > 0 &&
	    !field_valid_id(v->as.str.s))
		diag_error(r->diags, r->path, v->pos, MSG_BAD_SLUG, v->as.str.s);
}

/* Puts v in words under path and each of its members under path.key: a
 * word is then found in one look (format_word) instead of a walk through
 * maps of hundreds of keys. A key with a dot, which no dotted name can
 * reach, is left out. */
static void index_words(arena_t *arena, map_t *words, buf_t *path,
                        const value_t *v)
{
	if (path->len)
		map_put(words, arena_strndup(arena, path->data, path->len),
		        (void *)v);
	if (v->kind != VAL_MAP)
		return;
	size_t len = path->len;
	for (size_t i = 0; i < v->as.map.len; i++) {
		const member_t *m = &v->as.map.items[i];
		if (!*m->key || strchr(m->key, '.'))
			continue;
		if (len)
			buf_putc(path, '.');
		buf_puts(path, m->key);
		index_words(arena, words, path, m->val);
		path->len = len;
	}
}

void load_i18n_words(site_t *site, size_t lang)
{
	if (!site->i18n_words)
		site->i18n_words = arena_alloc(site->arena,
		                               site->nlangs * sizeof(map_t));
	if (!site->i18n[lang])
		return;
	buf_t path = BUF_INIT;
	index_words(site->arena, &site->i18n_words[lang], &path, site->i18n[lang]);
	buf_free(&path);
}

void load_i18n_file(reader_t *r, size_t lang)
{
	const value_t *root = source_yaml(r);
	if (!root || !field_is_map(r, root, term(TERM_MAP_I18N)))
		return;
	r->site->i18n[lang] = root;
	load_i18n_words(r->site, lang);
	const value_t *paths = val_get(root, "paths");
	for (size_t i = 0; paths && paths->kind == VAL_MAP &&
	                   i < paths->as.map.len; i++)
		address_word(r, paths->as.map.items[i].val);
	const value_t *facets = val_get(root, "facets");
	for (size_t i = 0; facets && facets->kind == VAL_MAP &&
	                   i < facets->as.map.len; i++)
		address_word(r, val_get(facets->as.map.items[i].val, "path"));
}

void load_i18n(site_t *site, diags_t *diags)
{
	char *dir = fs_join(site->theme_dir, "i18n");
	site->i18n = arena_alloc(site->arena, site->nlangs * sizeof(value_t *));
	site->i18n_paths = arena_alloc(site->arena, site->nlangs * sizeof(char *));
	/* No theme at all is one mistake, not a missing file per language. */
	bool no_theme = !fs_is_dir(site->theme_dir);
	if (no_theme)
		diag_error(diags, site->theme_dir, POS_NONE, MSG_NO_THEME,
		           site->theme_dir);
	for (size_t l = 0; l < site->nlangs; l++) {
		char *name = arena_printf(site->arena, "%s.yaml", site->langs[l]);
		reader_t r = load_reader(site, diags, dir, name);
		site->i18n_paths[l] = r.path;
		if (!fs_is_file(r.path)) {
			if (!no_theme)
				diag_error(diags, r.path, POS_NONE, MSG_MISSING_FILE, r.path);
			continue;
		}
		load_i18n_file(&r, l);
	}
	free(dir);
}
