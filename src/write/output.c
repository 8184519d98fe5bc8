#define _GNU_SOURCE /* renameat2 in fs.h's implementation; O_CLOEXEC */
#include "output.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "../core/buf.h"
#include "../core/fs.h"
#include "../core/map.h"

/* What the manifest says of one file. */
typedef struct {
	uint64_t hash;
	long long size, mtime_ns;
	char *path;
	bool changed; /* written this build: its time is read on commit */
} entry_t;

struct output {
	char *out, *stage, *manifest;
	int lock_fd;          /* <out>.lock, held until output_free */
	bool incremental;     /* the output exists and has a manifest */
	map_t old;            /* path -> entry_t* of the previous build */
	entry_t *old_entries;
	size_t nold;
	pthread_mutex_t lock; /* guards the fields below */
	entry_t *files;       /* this build's files */
	size_t nfiles, cap;
	size_t written, kept;
	char *error;
};

/* A 64-bit hash of the bytes, eight at a time: enough to tell a changed
 * file from an unchanged one, the size being compared too. */
static uint64_t hash_bytes(const char *data, size_t len)
{
	const uint64_t k = 0x9e3779b97f4a7c15u;
	uint64_t h = len * k;
	size_t i = 0;
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, data + i, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	for (; i < len; i++)
		h = (h ^ (unsigned char)data[i]) * k;
	return h ^ (h >> 32);
}

static void fail(output_t *o, const char *what, const char *path)
{
	char *msg = xmalloc(strlen(what) + strlen(path) + 256);
	sprintf(msg, "cannot %s %s: %s", what, path, strerror(errno));
	pthread_mutex_lock(&o->lock);
	if (!o->error)
		o->error = msg;
	else
		free(msg);
	pthread_mutex_unlock(&o->lock);
}

/* Reads "<hash> <size> <mtime_ns> <path>" lines. */
static bool read_manifest(output_t *o)
{
	char *text;
	size_t len;
	if (fs_read(o->manifest, &text, &len) < 0)
		return false;
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	o->old_entries = xcalloc(lines + 1, sizeof(entry_t));
	char *save = NULL;
	bool ok = true;
	for (char *line = strtok_r(text, "\n", &save); line && ok;
	     line = strtok_r(NULL, "\n", &save)) {
		entry_t *e = &o->old_entries[o->nold];
		unsigned long long hash;
		int used = 0;
		ok = sscanf(line, "%llx %lld %lld %n", &hash, &e->size, &e->mtime_ns,
		            &used) == 3 && used > 0 && line[used];
		if (!ok)
			break;
		e->hash = hash;
		e->path = xstrdup(line + used);
		map_put(&o->old, e->path, e);
		o->nold++;
	}
	free(text);
	return ok;
}

output_t *output_open(const char *out, char **error)
{
	output_t *o = xcalloc(1, sizeof *o);
	pthread_mutex_init(&o->lock, NULL);
	size_t n = strlen(out);
	while (n > 1 && out[n - 1] == '/')
		n--;
	o->lock_fd = -1;
	o->out = xstrndup(out, n);
	o->manifest = xmalloc(n + 16);
	sprintf(o->manifest, "%s.manifest", o->out);
	char *parent = xstrdup(o->out);
	char *slash = strrchr(parent, '/');
	if (slash)
		*slash = '\0';
	if (slash && *parent && fs_mkdirs(parent) < 0) {
		fail(o, "create", parent);
		goto out;
	}
	/* Two builds into one output wait for each other: each decides what
	 * changed from what the other left. */
	char *lock = xmalloc(n + 16);
	sprintf(lock, "%s.lock", o->out);
	o->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (o->lock_fd < 0 || flock(o->lock_fd, LOCK_EX) < 0)
		fail(o, "lock", lock);
	free(lock);
	if (o->error)
		goto out;
	o->incremental = fs_is_dir(o->out) && read_manifest(o);
	o->stage = xmalloc(n + 16);
	sprintf(o->stage, "%s.new-XXXXXX", o->out);
	if (!mkdtemp(o->stage)) {
		free(o->stage);
		o->stage = NULL;
		fail(o, "create a directory beside", o->out);
	}
out:
	free(parent);
	if (o->error) {
		*error = xstrdup(o->error);
		output_free(o);
		return NULL;
	}
	return o;
}

static long long mtime_of(const struct stat *st)
{
	return (long long)st->st_mtim.tv_sec * 1000000000LL + st->st_mtim.tv_nsec;
}

/* Whether the output's file at rel still is the one the manifest
 * remembers with this hash (nobody edited it since). */
static bool unchanged(output_t *o, const char *rel, uint64_t hash, size_t len)
{
	const entry_t *e = o->incremental ? map_get(&o->old, rel) : NULL;
	if (!e || e->hash != hash || e->size != (long long)len)
		return false;
	char *path = fs_join(o->out, rel);
	struct stat st;
	bool same = stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	            st.st_size == (off_t)len && mtime_of(&st) == e->mtime_ns;
	free(path);
	return same;
}

static int stage(output_t *o, const char *rel, const char *data, size_t len)
{
	char *path = fs_join(o->stage, rel);
	char *slash = strrchr(path, '/');
	int rc = 0;
	*slash = '\0';
	/* Most pages get a directory of their own whose parent exists: one
	 * mkdir, and the whole chain only when that fails. */
	if (mkdir(path, 0755) < 0 && errno != EEXIST && fs_mkdirs(path) < 0) {
		fail(o, "create", path);
		rc = -1;
	}
	*slash = '/';
	if (rc == 0 && fs_write(path, data, len) < 0) {
		fail(o, "write", path);
		rc = -1;
	}
	free(path);
	return rc;
}

int output_file(output_t *o, const char *rel, const char *data, size_t len)
{
	uint64_t hash = hash_bytes(data, len);
	const entry_t *old = o->incremental ? map_get(&o->old, rel) : NULL;
	bool keep = unchanged(o, rel, hash, len);
	if (!keep && stage(o, rel, data, len) < 0)
		return -1;
	pthread_mutex_lock(&o->lock);
	if (o->nfiles == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 256;
		o->files = xrealloc(o->files, o->cap * sizeof(entry_t));
	}
	entry_t *e = &o->files[o->nfiles++];
	e->hash = hash;
	e->size = (long long)len;
	e->mtime_ns = keep ? old->mtime_ns : 0;
	e->path = xstrdup(rel);
	e->changed = !keep;
	int rc = o->error ? -1 : 0;
	pthread_mutex_unlock(&o->lock);
	return rc;
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const entry_t *)a)->path, ((const entry_t *)b)->path);
}

/* Removes whatever below dir (rel inside the output) this build did not
 * make: pages of removed content, and files somebody put there by hand,
 * so that the output holds exactly what the content gives. Directories
 * left empty go too. Returns the number of entries left in dir. */
static size_t sweep(const map_t *made, const char *dir, const char *rel)
{
	char **names;
	size_t n;
	if (fs_list(dir, &names, &n) < 0)
		return 1;
	size_t left = n;
	for (size_t i = 0; i < n; i++) {
		char *path = fs_join(dir, names[i]);
		char *sub = *rel ? fs_join(rel, names[i]) : xstrdup(names[i]);
		struct stat st;
		if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			if (sweep(made, path, sub) == 0 && rmdir(path) == 0)
				left--;
		} else if (!map_get(made, sub) && unlink(path) == 0) {
			left--;
		}
		free(sub);
		free(path);
	}
	fs_list_free(names, n);
	return left;
}

/* Removes what is not made any more and moves the staged files in. */
static int apply(output_t *o)
{
	map_t made = MAP_INIT;
	for (size_t i = 0; i < o->nfiles; i++)
		map_put(&made, o->files[i].path, &o->files[i]);
	/* First out with the old, so that nothing stands where a new file or
	 * directory goes. */
	sweep(&made, o->out, "");
	int rc = 0;
	for (size_t i = 0; i < o->nfiles && rc == 0; i++) {
		entry_t *e = &o->files[i];
		if (!e->changed) {
			o->kept++;
			continue;
		}
		char *from = fs_join(o->stage, e->path), *to = fs_join(o->out, e->path);
		char *dir = xstrdup(to);
		*strrchr(dir, '/') = '\0';
		if (fs_mkdirs(dir) < 0 || rename(from, to) < 0) {
			fail(o, "replace", to);
			rc = -1;
		}
		o->written++;
		free(dir);
		free(from);
		free(to);
	}
	map_free(&made);
	return rc;
}

/* Records this build's files with the times they now have. */
static int write_manifest(output_t *o)
{
	buf_t b = BUF_INIT;
	for (size_t i = 0; i < o->nfiles; i++) {
		entry_t *e = &o->files[i];
		if (e->changed) {
			char *path = fs_join(o->out, e->path);
			struct stat st;
			e->mtime_ns = stat(path, &st) == 0 ? mtime_of(&st) : 0;
			free(path);
		}
		buf_printf(&b, "%016llx %lld %lld %s\n", (unsigned long long)e->hash,
		           e->size, e->mtime_ns, e->path);
	}
	int rc = fs_write_atomic(o->manifest, b.data ? b.data : "", b.len);
	if (rc < 0)
		fail(o, "write", o->manifest);
	buf_free(&b);
	return rc;
}

int output_commit(output_t *o)
{
	if (o->error)
		return -1;
	qsort(o->files, o->nfiles, sizeof(entry_t), by_path);
	if (o->incremental) {
		if (apply(o) < 0)
			return -1;
	} else {
		/* A first build, or an output porta did not make: swap it whole,
		 * and keep the previous one out of the way until that worked. */
		if (fs_swap_dir(o->stage, o->out) < 0) {
			fail(o, "replace", o->out);
			return -1;
		}
		o->written = o->nfiles;
	}
	return write_manifest(o);
}

size_t output_written(const output_t *o)
{
	return o->written;
}

size_t output_kept(const output_t *o)
{
	return o->kept;
}

const char *output_error(const output_t *o)
{
	return o->error;
}

void output_free(output_t *o)
{
	if (!o)
		return;
	if (o->stage)
		fs_remove_tree(o->stage);
	if (o->lock_fd >= 0)
		close(o->lock_fd); /* and with it the lock */
	for (size_t i = 0; i < o->nfiles; i++)
		free(o->files[i].path);
	for (size_t i = 0; i < o->nold; i++)
		free(o->old_entries[i].path);
	free(o->files);
	free(o->old_entries);
	map_free(&o->old);
	pthread_mutex_destroy(&o->lock);
	free(o->error);
	free(o->out);
	free(o->stage);
	free(o->manifest);
	free(o);
}
