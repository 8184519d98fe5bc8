#define _GNU_SOURCE /* MADV_HUGEPAGE */
#include "alloc.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "buf.h"

static void out_of_memory(void)
{
	fputs("porta: out of memory\n", stderr);
	abort();
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		out_of_memory();
	return p;
}

char *xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

enum { HUGE_PAGE = 2 * 1024 * 1024 };

void advise_huge_pages(void *p, size_t size)
{
	uintptr_t from = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	uintptr_t to = ((uintptr_t)p + size) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (to > from)
		madvise((void *)from, to - from, MADV_HUGEPAGE); /* may fail */
}

/* Blocks are chained; a request larger than a quarter of the first block
 * gets a block of its own so that big strings do not waste the rest of a
 * block. Blocks grow from 64 KiB to 2 MiB as an arena does: a page's
 * arena stays small, while the model's fills 2 MiB blocks that the kernel
 * may back with huge pages (MADV_HUGEPAGE). A build of 10,000 actions
 * then takes a third of the page faults, which virtual machines pay
 * dearly for. */
enum { BLOCK_SIZE = 64 * 1024, HUGE_BLOCK = HUGE_PAGE, ALIGN = 16 };

struct block {
	struct block *next;
	size_t used, size;
	_Alignas(ALIGN) unsigned char data[];
};

struct arena {
	struct block *head;
	size_t next_size; /* of the next block */
};

arena_t *arena_new(void)
{
	return xcalloc(1, sizeof(arena_t));
}

void arena_free(arena_t *arena)
{
	if (!arena)
		return;
	struct block *b = arena->head;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	free(arena);
}

void arena_reset(arena_t *arena)
{
	struct block *keep = arena->head;
	if (!keep)
		return;
	/* The head is the newest block, and so the largest of its size. */
	struct block *b = keep->next;
	while (b) {
		struct block *next = b->next;
		free(b);
		b = next;
	}
	keep->next = NULL;
	keep->used = 0;
}

void arena_adopt(arena_t *into, arena_t *from)
{
	struct block *last = from->head;
	if (last) {
		while (last->next)
			last = last->next;
		/* Behind into's head, which keeps its room for what comes. */
		if (into->head) {
			last->next = into->head->next;
			into->head->next = from->head;
		} else {
			into->head = from->head;
		}
	}
	free(from);
}

static struct block *new_block(size_t size)
{
	struct block *b;
	if (size == HUGE_BLOCK - sizeof(struct block)) {
		void *p;
		if (posix_memalign(&p, HUGE_BLOCK, HUGE_BLOCK) != 0)
			out_of_memory();
		advise_huge_pages(p, HUGE_BLOCK);
		b = p;
	} else {
		b = xmalloc(sizeof(struct block) + size);
	}
	b->next = NULL;
	b->used = 0;
	b->size = size;
	return b;
}

void *arena_take(arena_t *arena, size_t size)
{
	size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (size == 0)
		size = ALIGN;
	struct block *b = arena->head;
	if (!b || b->size - b->used < size) {
		if (size > BLOCK_SIZE / 4) {
			/* Big request: a private block behind the current head. */
			struct block *big = new_block(size);
			big->used = size;
			if (b) {
				big->next = b->next;
				b->next = big;
			} else {
				arena->head = big;
			}
			return big->data;
		}
		if (arena->next_size < BLOCK_SIZE)
			arena->next_size = BLOCK_SIZE;
		b = new_block(arena->next_size);
		if (arena->next_size < HUGE_BLOCK / 2)
			arena->next_size *= 2;
		else
			arena->next_size = HUGE_BLOCK - sizeof(struct block);
		b->next = arena->head;
		arena->head = b;
	}
	void *p = b->data + b->used;
	b->used += size;
	return p;
}

void *arena_alloc(arena_t *arena, size_t size)
{
	void *p = arena_take(arena, size);
	memset(p, 0, size);
	return p;
}

char *arena_strndup(arena_t *arena, const char *s, size_t len)
{
	char *p = arena_take(arena, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *arena_strdup(arena_t *arena, const char *s)
{
	return arena_strndup(arena, s, strlen(s));
}

/* A plain format is filled by hand (see buf.h); another is formatted
 * straight into the head block when the text fits there, so that most
 * texts are formatted once. */
char *arena_printf(arena_t *arena, const char *fmt, ...)
{
	va_list ap;
	if (buf_plain_format(fmt)) {
		va_start(ap, fmt);
		size_t n = buf_join_plain(NULL, fmt, ap);
		va_end(ap);
		char *p = arena_take(arena, n + 1);
		va_start(ap, fmt);
		buf_join_plain(p, fmt, ap);
		va_end(ap);
		return p;
	}
	struct block *b = arena->head;
	char *room = b ? (char *)b->data + b->used : NULL;
	size_t free_bytes = b ? b->size - b->used : 0;
	va_start(ap, fmt);
	int n = vsnprintf(room, free_bytes, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	/* Taking n + 1 bytes that fit hands out the room written to: blocks'
	 * sizes and what is used of them are multiples of ALIGN, so rounding
	 * the request up cannot make it not fit. */
	if ((size_t)n < free_bytes)
		return arena_take(arena, (size_t)n + 1);
	char *p = arena_take(arena, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}

void arena_grow(arena_t *arena, void **items, size_t len, size_t *cap,
                size_t elem_size)
{
	if (len < *cap)
		return;
	size_t ncap = *cap ? *cap * 2 : 4;
	/* Not cleared: items past len are written before they are read. */
	void *fresh = arena_take(arena, ncap * elem_size);
	if (len)
		memcpy(fresh, *items, len * elem_size);
	*items = fresh;
	*cap = ncap;
}
