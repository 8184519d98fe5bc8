/* Memory: allocation that never returns NULL, and arenas for per-build data.
 * Out of memory aborts here, so no other code checks allocation results. */
#ifndef PORTA_ALLOC_H
#define PORTA_ALLOC_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t len);
/* Asks the kernel to back the whole 2 MiB pages within size bytes at p
 * with huge pages: one page fault for each instead of 512, which virtual
 * machines pay dearly for. A hint: for memory not touched yet, of at
 * least a few megabytes. */
void advise_huge_pages(void *p, size_t size);

/* An arena hands out memory that is freed all at once by arena_free.
 * Nothing allocated from it may be freed on its own. */
typedef struct arena arena_t;

arena_t *arena_new(void);
void arena_free(arena_t *arena); /* accepts NULL */
/* Frees everything allocated from the arena but keeps its newest block
 * for what comes next: for work done over and over, a page at a time. */
void arena_reset(arena_t *arena);
/* Moves everything allocated from from into into, and frees from: what
 * a thread made in an arena of its own then lives as long as into. */
void arena_adopt(arena_t *into, arena_t *from);
void *arena_alloc(arena_t *arena, size_t size); /* zeroed, aligned for any type */
/* Memory from the arena, not cleared: for what is written over whole. */
void *arena_take(arena_t *arena, size_t size);
char *arena_strdup(arena_t *arena, const char *s);
char *arena_strndup(arena_t *arena, const char *s, size_t len);
char *arena_printf(arena_t *arena, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Grows an array allocated from the arena: *items (of *cap elements of
 * elem_size) is replaced by a larger copy when len == *cap; the elements
 * past len are not cleared. */
void arena_grow(arena_t *arena, void **items, size_t len, size_t *cap,
                size_t elem_size);

#endif
