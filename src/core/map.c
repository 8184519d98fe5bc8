#include "map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* FNV-1a: short keys, good enough spread, no state. */
static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = 1469598103934665603u;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211u;
	}
	return h;
}

/* The slot of key[0..len) with hash h, or the empty one where it would
 * go. */
static size_t slot(const map_t *m, const char *key, size_t len, uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	while (m->keys[i] &&
	       (m->hashes[i] != h || strncmp(m->keys[i], key, len) != 0 ||
	        m->keys[i][len] != '\0'))
		i = (i + 1) & (m->cap - 1);
	return i;
}

static void resize(map_t *m, size_t cap)
{
	map_t bigger = {xcalloc(cap, sizeof(char *)),
	                xmalloc(cap * sizeof(uint64_t)),
	                xmalloc(cap * sizeof(void *)), m->len, cap};
	for (size_t i = 0; i < m->cap; i++) {
		if (!m->keys[i])
			continue;
		/* Keys are distinct: the first empty slot is the place. */
		size_t j = (size_t)m->hashes[i] & (cap - 1);
		while (bigger.keys[j])
			j = (j + 1) & (cap - 1);
		bigger.keys[j] = m->keys[i];
		bigger.hashes[j] = m->hashes[i];
		bigger.vals[j] = m->vals[i];
	}
	map_free(m);
	*m = bigger;
}

void *map_put(map_t *m, const char *key, void *val)
{
	if ((m->len + 1) * 2 > m->cap)
		resize(m, m->cap ? m->cap * 2 : 16);
	size_t len = strlen(key);
	uint64_t h = hash(key, len);
	size_t i = slot(m, key, len, h);
	void *old = m->keys[i] ? m->vals[i] : NULL;
	if (!m->keys[i]) {
		m->keys[i] = key;
		m->hashes[i] = h;
		m->len++;
	}
	m->vals[i] = val;
	return old;
}

void *map_getn(const map_t *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	size_t i = slot(m, key, len, hash(key, len));
	return m->keys[i] ? m->vals[i] : NULL;
}

void *map_get(const map_t *m, const char *key)
{
	return map_getn(m, key, strlen(key));
}

void map_free(map_t *m)
{
	free(m->keys);
	free(m->hashes);
	free(m->vals);
	m->keys = NULL;
	m->hashes = NULL;
	m->vals = NULL;
	m->len = m->cap = 0;
}
