/* How the writers of extra files (open data, search index, feeds) hand
 * their files to the write stage. */
#ifndef PORTA_EMIT_H
#define PORTA_EMIT_H

#include <stddef.h>

/* Receives one file: its path below the site root and its bytes. Returns
 * non-zero to stop. */
typedef int (*emit_fn)(void *ctx, const char *path, const char *data,
                       size_t len);

#endif
