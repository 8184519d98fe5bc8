/* Editing the front matter of a Markdown file as text, so that the rest
 * of the file (comments, order, the body) stays exactly as the editor
 * wrote it. */
#ifndef PORTA_FRONTMATTER_H
#define PORTA_FRONTMATTER_H

/* Returns text with the top-level key (and its indented continuation
 * lines) replaced by block, or with block added at the end of the front
 * matter when the key is absent. block is whole lines ending in '\n'.
 * NULL when text has no front matter. The caller frees the result. */
char *frontmatter_set(const char *text, const char *key, const char *block);

/* Returns text with an update {date, text} added first in its updates
 * list (created when missing). The caller frees the result. */
char *frontmatter_add_update(const char *text, const char *date,
                             const char *words);

#endif
