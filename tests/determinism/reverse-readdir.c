/* An LD_PRELOAD shim for tests/determinism/run: every directory is listed
 * in the reverse of the order the file system gives, so that a build that
 * depended on that order would come out different.
 *   cc -shared -fPIC -o reverse-readdir.so reverse-readdir.c -ldl
 * readdir and readdir64 are both taken over (they are the same on 64-bit
 * systems; programs built with 64-bit file offsets call the second). */
#define _GNU_SOURCE
#include <dirent.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* One open directory's entries, read in full at its first readdir. */
typedef struct listing {
	DIR *dir;
	struct dirent *entries;
	size_t len, next;
	struct listing *up;
} listing_t;

static listing_t *listings;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static struct dirent *(*real_readdir)(DIR *);
static int (*real_closedir)(DIR *);

static listing_t *listing_of(DIR *dir)
{
	for (listing_t *l = listings; l; l = l->up)
		if (l->dir == dir)
			return l;
	if (!real_readdir)
		real_readdir = (struct dirent *(*)(DIR *))dlsym(RTLD_NEXT, "readdir");
	listing_t *l = calloc(1, sizeof *l);
	if (!l)
		abort();
	size_t cap = 0;
	for (struct dirent *e; (e = real_readdir(dir));) {
		if (l->len == cap) {
			cap = cap ? 2 * cap : 32;
			l->entries = realloc(l->entries, cap * sizeof *l->entries);
			if (!l->entries)
				abort();
		}
		l->entries[l->len++] = *e;
	}
	for (size_t i = 0; i < l->len / 2; i++) {
		struct dirent t = l->entries[i];
		l->entries[i] = l->entries[l->len - 1 - i];
		l->entries[l->len - 1 - i] = t;
	}
	l->dir = dir;
	l->up = listings;
	listings = l;
	return l;
}

struct dirent *readdir(DIR *dir)
{
	pthread_mutex_lock(&lock);
	listing_t *l = listing_of(dir);
	struct dirent *e = l->next < l->len ? &l->entries[l->next++] : NULL;
	pthread_mutex_unlock(&lock);
	return e;
}

struct dirent64 *readdir64(DIR *dir)
{
	_Static_assert(sizeof(struct dirent) == sizeof(struct dirent64),
	               "dirent and dirent64 differ on this system");
	return (struct dirent64 *)readdir(dir);
}

int closedir(DIR *dir)
{
	pthread_mutex_lock(&lock);
	for (listing_t **p = &listings; *p; p = &(*p)->up)
		if ((*p)->dir == dir) {
			listing_t *l = *p;
			*p = l->up;
			free(l->entries);
			free(l);
			break;
		}
	if (!real_closedir)
		real_closedir = (int (*)(DIR *))dlsym(RTLD_NEXT, "closedir");
	pthread_mutex_unlock(&lock);
	return real_closedir(dir);
}
