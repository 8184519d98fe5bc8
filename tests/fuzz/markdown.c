/* Fuzz target: a Markdown file with front matter, read as the text of an
 * action of tests/sites/mini (loaded once): front matter split off and its
 * keys read as the load stage does, then the body rendered by cmark-gfm
 * with its links rewritten to the mini site's pages, without and with raw
 * HTML allowed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"

#include "check/check.h"
#include "load/load_internal.h"
#include "model/urls.h"
#include "render/links.h"
#include "render/markdown.h"

#define MINI "tests/sites/mini/content"

static site_t *mini;
static const char *path; /* of the input: relative links start there */

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	diags_t d;
	diags_init(&d);
	mini = load_site(MINI, "themes/default", &d);
	check_site(mini, false, &d);
	if (d.errors || !mini->current) {
		fprintf(stderr, "cannot load %s; run from the repository's root\n",
		        MINI);
		exit(1);
	}
	diags_free(&d);
	urls_assign(mini);
	path = arena_printf(mini->arena, "%s/fi/%s/actions/fuzz.md",
	                    mini->content_dir, mini->current->id);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	diags_t d;
	diags_init(&d);
	/* What the input makes lives in a site of its own, freed below; the
	 * mini site is only read. */
	site_t *own = model_new();
	reader_t r = {.site = own, .arena = own->arena, .diags = &d,
	              .path = path, .bytes = (const char *)data, .nbytes = size};
	text_t *t = load_text(&r, TEXT_ACTION, "fi", "fuzz");
	for (int html = 0; !t->unreadable && html <= 1; html++) {
		links_ctx_t ctx = {mini, 0, mini->current, path, own->arena};
		markdown_opts_t o = {html, links_resolve, &ctx, path, t->body_line,
		                     &d};
		free(markdown_render(t->body, strlen(t->body), &o));
	}
	model_free(own);
	fuzz_report(&d);
	return 0;
}
