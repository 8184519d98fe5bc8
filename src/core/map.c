#include "map.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static uint64_t load64(const char *s)
{
	uint64_t w;
	memcpy(&w, s, 8);
	return w;
}

static uint64_t load32(const char *s)
{
	uint32_t w;
	memcpy(&w, s, 4);
	return w;
}

static uint64_t mix(uint64_t h)
{
	h *= 0x9e3779b97f4a7c15u;
	return h ^ (h >> 29);
}

/* Eight bytes a step, the last eight (or two fours) overlapping what came
 * before: a word of the search index is hashed in a few steps where one a
 * byte took most of a lookup. The keys are compared whole on a match. */
static uint64_t hash(const char *s, size_t len)
{
	uint64_t h = mix(len + 1);
	if (len >= 8) {
		for (size_t i = 0; i + 8 < len; i += 8)
			h = mix(h ^ load64(s + i));
		h = mix(h ^ load64(s + len - 8));
	} else if (len >= 4) {
		h = mix(h ^ (load32(s) | load32(s + len - 4) << 32));
	} else if (len) {
		h = mix(h ^ ((unsigned char)s[0] | (unsigned char)s[len / 2] << 8 |
		             (uint64_t)(unsigned char)s[len - 1] << 16));
	}
	return h;
}

/* The slot of key[0..len) with hash h, or the empty one where it would
 * go. */
static map_slot_t *slot(const map_t *m, const char *key, size_t len,
                        uint64_t h)
{
	size_t i = (size_t)h & (m->cap - 1);
	for (;;) {
		map_slot_t *s = &m->slots[i];
		if (!s->key ||
		    (s->hash == h && s->len == len && memcmp(s->key, key, len) == 0))
			return s;
		i = (i + 1) & (m->cap - 1);
	}
}

static void resize(map_t *m, size_t cap)
{
	map_slot_t *slots = xcalloc(cap, sizeof *slots);
	for (size_t i = 0; i < m->cap; i++) {
		const map_slot_t *s = &m->slots[i];
		if (!s->key)
			continue;
		/* Keys are distinct: the first empty slot is the place. */
		size_t j = (size_t)s->hash & (cap - 1);
		while (slots[j].key)
			j = (j + 1) & (cap - 1);
		slots[j] = *s;
	}
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
}

void *map_put(map_t *m, const char *key, void *val)
{
	if ((m->len + 1) * 2 > m->cap)
		resize(m, m->cap ? m->cap * 2 : 16);
	size_t len = strlen(key);
	uint64_t h = hash(key, len);
	map_slot_t *s = slot(m, key, len, h);
	void *old = s->key ? s->val : NULL;
	if (!s->key) {
		*s = (map_slot_t){key, NULL, h, len};
		m->len++;
	}
	s->val = val;
	return old;
}

void *map_getn(const map_t *m, const char *key, size_t len)
{
	if (!m->cap)
		return NULL;
	const map_slot_t *s = slot(m, key, len, hash(key, len));
	return s->key ? s->val : NULL;
}

void *map_get(const map_t *m, const char *key)
{
	return map_getn(m, key, strlen(key));
}

void map_free(map_t *m)
{
	free(m->slots);
	m->slots = NULL;
	m->len = m->cap = 0;
}
