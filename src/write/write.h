/* The write stage: every page rendered with the theme's templates, on as
 * many threads as there are cores, together with the other files (open
 * data, search index, feeds, sitemap) and the theme's static files, and
 * the result put in place by write/output.h: whole or not at all, and
 * touching only the files whose bytes changed. */
#ifndef PORTA_WRITE_H
#define PORTA_WRITE_H

#include "../core/diag.h"
#include "../model/model.h"

typedef struct {
	size_t pages;   /* HTML pages; other files are not counted */
	size_t written; /* files whose bytes changed, and those kept as they */
	size_t kept;    /* were (with their times) */
	char *io_error; /* what failed, or NULL; the caller frees it */
	bool cut;       /* a template's limit cut a page short: nothing was
	                   put in place (write_site says which in diags) */
} write_result_t;

/* What a build keeps for the next one, in the preview server: the
 * templates, every page, and the texts each page read. */
typedef struct write_memo write_memo_t;

/* Writes the site of a checked model to out. inject, when not NULL, is
 * HTML put before the </body> of every page (only the preview server
 * uses it; it must outlive the memo). Template errors are content errors
 * and go to diags; file system failures to io_error. When keep is not
 * NULL and the site was written, *keep gets a memo for write_again. */
write_result_t write_site(site_t *site, const char *out, const char *inject,
                          diags_t *diags, write_memo_t **keep);

/* Writes again, into the output write_site made, the pages that read a
 * text of the model, old, now replaced by now (see view_replace_text);
 * with body, only its body changed: the pages that show that. The theme
 * and every other text must be as before. */
write_result_t write_pages_again(write_memo_t *memo, site_t *site,
                                 const text_t *old, const text_t *now,
                                 bool body);

/* Then the files that are not pages and read what changed of that text,
 * which is in language lang: the search index of that language, and the
 * open data and the feeds unless only the body changed. */
write_result_t write_files_again(write_memo_t *memo, site_t *site,
                                 size_t lang, bool body);

/* Both leave the old versions of the files they replaced beside the
 * output, so that the reload does not wait for the disk to free them:
 * this removes them, when the edit's files are all in place. */
void write_tidy(const write_memo_t *memo);

void write_memo_free(write_memo_t *memo); /* accepts NULL */

#endif
