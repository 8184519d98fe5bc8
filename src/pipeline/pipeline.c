#include "pipeline.h"

#include <stdlib.h>
#include <string.h>

#include "../check/check.h"
#include "../load/load.h"
#include "../model/urls.h"
#include "../render/bodies.h"
#include "../view/view.h"
#include "../write/write.h"

struct pipeline {
	pipeline_opts_t opts;
	/* The last build, when it succeeded: */
	site_t *site;
	write_memo_t *memo;
	diags_t warnings; /* its problems, all warnings */
	/* What pipeline_finish makes after a partial build: */
	size_t changed_lang;
	bool changed_body;
};

static pipeline_result_t result_of(const write_result_t *w)
{
	return (pipeline_result_t){w->pages, w->written, w->kept, w->io_error,
	                           false};
}

/* Builds everything; with p, keeps the model and the pages for the next
 * build when the site was written. */
static pipeline_result_t build_all(const pipeline_opts_t *opts, pipeline_t *p,
                                   diags_t *diags)
{
	pipeline_result_t result = {0, 0, 0, NULL, false};
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
		write_memo_t *memo = NULL;
		write_result_t w = write_site(site, opts->out, opts->inject, diags,
		                              p ? &memo : NULL);
		result = result_of(&w);
		if (memo && diags->errors == 0) {
			p->site = site;
			p->memo = memo;
			diags_append(&p->warnings, diags);
			return result;
		}
		write_memo_free(memo);
	}
	model_free(site);
	return result;
}

pipeline_result_t pipeline_run(const pipeline_opts_t *opts, diags_t *diags)
{
	return build_all(opts, NULL, diags);
}

pipeline_t *pipeline_new(const pipeline_opts_t *opts)
{
	pipeline_t *p = xcalloc(1, sizeof *p);
	p->opts = *opts;
	diags_init(&p->warnings);
	return p;
}

/* Forgets the last build: the next one makes everything. */
static void forget(pipeline_t *p)
{
	write_memo_free(p->memo);
	model_free(p->site);
	p->memo = NULL;
	p->site = NULL;
	diags_free(&p->warnings);
	diags_init(&p->warnings);
}

void pipeline_free(pipeline_t *p)
{
	if (!p)
		return;
	forget(p);
	diags_free(&p->warnings);
	free(p);
}

static bool mentioned(const diags_t *d, const char *path)
{
	for (size_t i = 0; i < d->len; i++)
		if (d->items[i].path && strcmp(d->items[i].path, path) == 0)
			return true;
	return false;
}

/* Puts the new version of changed in the model and makes the pages that
 * read the old one, when that is all the change needs: the file is an
 * action's or an indicator's text, correct, at the same address, and no
 * borrowed translation stands for it. False when a whole build must
 * decide (and say what is wrong). */
static bool build_some(pipeline_t *p, const char *changed,
                       pipeline_result_t *result)
{
	if (!p->site || !changed || p->opts.draft ||
	    mentioned(&p->warnings, changed))
		return false;
	diags_t d;
	diags_init(&d);
	text_slot_t slot;
	text_t *text = load_text_again(p->site, changed, &slot, &d);
	const text_t *old = text ? slot.texts[slot.lang] : NULL;
	/* A new address would change every link to the page. */
	bool ok = text && !text->unreadable && d.len == 0 &&
	          strcmp(text->slug, old->slug) == 0;
	if (ok)
		check_text(p->site, text, &d);
	if (ok && d.len == 0)
		bodies_render_text(p->site, text, slot.lang, slot.programme, &d);
	ok = ok && d.len == 0;
	diags_free(&d);
	if (!ok)
		return false;
	bool body = model_same_words(old, text);
	view_replace_text(p->site, slot.texts, slot.lang, text);
	write_result_t w = write_pages_again(p->memo, p->site, old, text, body);
	p->changed_lang = slot.lang;
	p->changed_body = body;
	*result = result_of(&w);
	/* A page cut short: the whole build says which. */
	result->partial = !w.io_error && !w.cut;
	return true;
}

pipeline_result_t pipeline_build(pipeline_t *p, const char *changed,
                                 diags_t *diags)
{
	pipeline_result_t result;
	if (build_some(p, changed, &result)) {
		if (result.partial) {
			diags_append(diags, &p->warnings);
			return result;
		}
		free(result.io_error);
	}
	forget(p);
	return build_all(&p->opts, p, diags);
}

pipeline_result_t pipeline_finish(pipeline_t *p)
{
	write_result_t w = write_files_again(p->memo, p->site, p->changed_lang,
	                                     p->changed_body);
	pipeline_result_t result = result_of(&w);
	if (w.io_error)
		forget(p);
	return result;
}

void pipeline_tidy(pipeline_t *p)
{
	if (p->memo)
		write_tidy(p->memo);
}
