/* Translation status. The site's first language is the source; a file in
 * another language records, in its front matter, a short hash of each
 * field of the source it was translated from (`porta translations
 * --mark`). A translation is stale when a field of the source has changed
 * since, and missing when it does not exist. */
#ifndef PORTA_TRANSLATIONS_H
#define PORTA_TRANSLATIONS_H

#include "../core/buf.h"
#include "../model/model.h"

typedef struct {
	size_t missing, stale, unmarked;
} translations_count_t;

/* Appends the report for every language but the first to out. */
translations_count_t translations_report(const site_t *site, buf_t *out);

/* Records the current source of existing translations in their files: of
 * the nfiles files named, or of all when nfiles is 0. Returns the number
 * of files written; -1 after an I/O error (with errno set; *failed names
 * the file, to be freed by the caller); -2, writing nothing, when a file
 * named is not a translation (*unknown is that name). */
long translations_mark(const site_t *site, const char *const *files,
                       size_t nfiles,
                       char **failed, const char **unknown);

#endif
