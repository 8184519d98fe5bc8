/* File system: whole-file reads, sorted directory listings, and the
 * atomic swap that publishes a finished site. Functions return 0 on success
 * and -1 with errno set on failure; none of them prints. */
#ifndef PORTA_FS_H
#define PORTA_FS_H

#include <stdbool.h>
#include <stddef.h>

/* Reads a whole file. On success *data is NUL-terminated and the caller
 * frees it with free(). */
int fs_read(const char *path, char **data, size_t *len);
/* The same for a regular file the caller opened (and closes); size,
 * what fstat said, is where the buffer starts. */
int fs_read_fd(int fd, size_t size, char **data, size_t *len);

/* Writes len bytes to path, creating or truncating it. */
int fs_write(const char *path, const char *data, size_t len);
/* Writes len bytes to a file the caller opened (and closes). */
int fs_write_fd(int fd, const char *data, size_t len);

/* Writes path whole or not at all: a temporary file beside it, renamed
 * over it. For files editors own (content), which a crash must not cut. */
int fs_write_atomic(const char *path, const char *data, size_t len);

/* The first half of fs_write_atomic: writes a new file beside path
 * ("<path>.new-XXXXXX") for the caller to rename over path later. Returns
 * its name, which the caller frees, or NULL. */
char *fs_write_beside(const char *path, const char *data, size_t len);

/* Creates path and its missing parents. */
int fs_mkdirs(const char *path);

/* Lists the names in a directory (without "." and ".."), sorted by byte
 * value so that output never depends on the file system's order. The caller
 * frees the array and each name with fs_list_free. */
int fs_list(const char *dir, char ***names, size_t *count);
void fs_list_free(char **names, size_t count);

bool fs_is_dir(const char *path);
bool fs_is_file(const char *path);

/* Removes a file or a directory tree. A missing path is not an error. */
int fs_remove_tree(const char *path);

/* Copies a regular file. */
int fs_copy(const char *from, const char *to);

/* Copies a directory tree into to (created if missing). Symbolic links
 * are not followed. */
int fs_copy_tree(const char *from, const char *to);

/* Publishes fresh (a file or a directory) as target: when target exists
 * the two are exchanged atomically and the old one is left at fresh for
 * the caller to remove; otherwise fresh is renamed to target. */
int fs_swap(const char *fresh, const char *target);

/* Joins two path parts with one '/'. The caller frees the result. */
char *fs_join(const char *a, const char *b);

#endif
