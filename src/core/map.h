/* A hash map from strings to pointers, for indexes by id. Keys are not
 * copied: they must outlive the map. Iteration order is not defined, so
 * nothing that reaches the output may iterate over a map. */
#ifndef PORTA_MAP_H
#define PORTA_MAP_H

#include <stddef.h>
#include <stdint.h>

/* A slot: its key (NULL when empty), with the key's hash and length, so
 * that a probe compares few keys and those with memcmp; one cache line
 * holds all a probe reads. */
typedef struct {
	const char *key;
	void *val;
	uint64_t hash;
	size_t len;
} map_slot_t;

typedef struct {
	map_slot_t *slots;
	size_t len, cap;
} map_t;

#define MAP_INIT {NULL, 0, 0}

/* Stores key -> val. Returns the previous value for key, or NULL. */
void *map_put(map_t *m, const char *key, void *val);
void *map_get(const map_t *m, const char *key);
/* The value for the key key[0..len), which need not end in '\0'. */
void *map_getn(const map_t *m, const char *key, size_t len);
void map_free(map_t *m); /* frees the table, not the keys or values */

#endif
