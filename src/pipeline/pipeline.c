#include "pipeline.h"

#include "../check/check.h"
#include "../load/load.h"
#include "../model/urls.h"
#include "../render/bodies.h"
#include "../write/write.h"

pipeline_result_t pipeline_run(const pipeline_opts_t *opts, diags_t *diags)
{
	pipeline_result_t result = {0, 0, 0, NULL};
	site_t *site = load_site(opts->content, opts->theme, diags);
	check_site(site, opts->draft, diags);
	/* Bodies are checked even when the data has errors, so that one run
	 * reports everything; a link to an entry that failed to load is then
	 * not called broken (see render/links.c). */
	if (site->nlangs > 0) {
		urls_assign(site);
		bodies_render(site, diags);
	}
	if (diags->errors == 0 && opts->out) {
		write_result_t w = write_site(site, opts->out, opts->inject, diags);
		result.pages = w.pages;
		result.written = w.written;
		result.kept = w.kept;
		result.io_error = w.io_error;
	}
	model_free(site);
	return result;
}
