/* themes/<theme>/i18n/<lang>.yaml: the interface words of each language. */
#include "load_internal.h"

#include <stdlib.h>

#include "../core/fs.h"

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
		const value_t *root = source_yaml(&r);
		if (root && field_is_map(&r, root, term(TERM_MAP_I18N)))
			site->i18n[l] = root;
	}
	free(dir);
}
