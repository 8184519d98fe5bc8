/* A hash map from strings to pointers, for indexes by id. Keys are not
 * copied: they must outlive the map. Iteration order is not defined, so
 * nothing that reaches the output may iterate over a map. */
#ifndef PORTA_MAP_H
#define PORTA_MAP_H

#include <stddef.h>

typedef struct {
	const char **keys;
	void **vals;
	size_t len, cap;
} map_t;

#define MAP_INIT {NULL, NULL, 0, 0}

/* Stores key -> val. Returns the previous value for key, or NULL. */
void *map_put(map_t *m, const char *key, void *val);
void *map_get(const map_t *m, const char *key);
void map_free(map_t *m); /* frees the table, not the keys or values */

#endif
