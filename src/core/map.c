#include "map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* FNV-1a: short keys, good enough spread, no state. */
static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211u;
	}
	return h;
}

static size_t slot(const char **keys, size_t cap, const char *key)
{
	size_t i = (size_t)hash(key) & (cap - 1);
	while (keys[i] && strcmp(keys[i], key) != 0)
		i = (i + 1) & (cap - 1);
	return i;
}

static void resize(map_t *m, size_t cap)
{
	const char **keys = xcalloc(cap, sizeof *keys);
	void **vals = xcalloc(cap, sizeof *vals);
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		size_t j = slot(keys, cap, m->keys[i]);
		keys[j] = m->keys[i];
		vals[j] = m->vals[i];
	}
	free(m->keys);
	free(m->vals);
	m->keys = keys;
	m->vals = vals;
	m->cap = cap;
}

void *map_put(map_t *m, const char *key, void *val)
{
	if ((m->len + 1) * 2 > m->cap)
		resize(m, m->cap ? m->cap * 2 : 16);
	size_t i = slot(m->keys, m->cap, key);
	void *old = m->keys[i] ? m->vals[i] : NULL;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->len++;
	}
	m->vals[i] = val;
	return old;
}

void *map_get(const map_t *m, const char *key)
{
	if (!m->cap)
		return NULL;
	size_t i = slot(m->keys, m->cap, key);
	return m->keys[i] ? m->vals[i] : NULL;
}

void map_free(map_t *m)
{
	free(m->keys);
	free(m->vals);
	m->keys = NULL;
	m->vals = NULL;
	m->len = m->cap = 0;
}
