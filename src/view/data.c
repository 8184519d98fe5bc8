/* The page that explains the open data: which files there are, what they
 * hold, and under which licence. */
#include "view_internal.h"

#include <stdlib.h>

#include "../write/opendata.h"

static value_t *file(const view_ctx_t *v, const programme_t *p,
                     const char *suffix, const char *what_key)
{
	char *name = opendata_file(p, suffix);
	value_t *m = view_link(v, view_word(v, what_key),
	                       arena_printf(v->arena, "%sdata/%s",
	                                    v->site->base_path, name));
	val_set(v->arena, m, "name", val_str(v->arena, name));
	free(name);
	return m;
}

void view_data(const view_ctx_t *v, value_t *root)
{
	arena_t *a = v->arena;
	const site_t *site = v->site;
	value_t *list = val_list(a);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		value_t *m = val_map(a);
		val_set(a, m, "title", val_str_ref(a, view_title(v, p->texts)));
		val_set(a, m, "url", val_str_ref(a, p->urls[v->lang]));
		value_t *files = val_list(a);
		val_push(a, files, file(v, p, ".json", "data.json"));
		val_push(a, files, file(v, p, "-actions.csv", "data.actions_csv"));
		val_push(a, files, file(v, p, "-indicators.csv", "data.indicators_csv"));
		val_set(a, m, "files", files);
		val_push(a, list, m);
	}
	view_set_list(v, root, "programmes", list);
	val_set(a, root, "schema_url",
	        val_str_ref(a, arena_printf(a, "%sdata/schema.json", site->base_path)));
}
