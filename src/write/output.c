#define _GNU_SOURCE /* renameat2 in fs.h's implementation; O_CLOEXEC */
#include "output.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
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
#include "../core/interrupt.h"

/* What the manifest says of one file. */
typedef struct {
	uint64_t hash;
	long long size, mtime_ns;
	char *path;
	bool changed; /* written this build: its time is read on commit */
	bool in_place; /* written over the output's file (output_open_some) */
} entry_t;

/* A manifest kept in memory between builds, with what the file it was
 * written to was: while that file is unchanged, it is this. */
struct output_manifest {
	char *text;       /* the lines, each ended by a NUL */
	entry_t *entries; /* paths point into text */
	size_t n;
	size_t lines;     /* in the file: n, and the lines added since */
	dev_t dev;
	ino_t ino;
	off_t size;
	long long mtime_ns;
};

void output_manifest_free(output_manifest_t *m)
{
	if (!m)
		return;
	free(m->text);
	free(m->entries);
	free(m);
}

struct output {
	char *out, *stage, *manifest;
	int stage_fd;         /* the stage, open: files are made from it */
	int lock_fd;          /* <out>.lock, held until output_free */
	bool incremental;     /* the output exists and has a manifest */
	bool some;            /* this build makes only some of its files */
	char *old_text;       /* the previous build's manifest, */
	entry_t *old_entries; /* its files, sorted by path (paths point into */
	size_t nold;          /* old_text) */
	size_t old_lines;     /* the file's lines, more than nold when some
	                         were added (see add_lines) */
	output_manifest_t **keep; /* where the caller keeps manifests, or NULL */
	output_manifest_t *made;  /* this build's, until it is in place */
	pthread_mutex_t lock; /* guards the fields below */
	entry_t *files;       /* this build's files */
	size_t nfiles, cap;
	size_t written, kept;
	char *error;
};

static uint64_t mix(uint64_t h, uint64_t w)
{
	h = (h ^ w) * 0x9e3779b97f4a7c15u;
	return h ^ (h >> 29);
}

/* One lane's step over the eight bytes at p. */
static inline uint64_t lane_step(uint64_t lane, const char *p)
{
	uint64_t w;
	memcpy(&w, p, 8);
	w = lane + w * 0x9e3779b97f4a7c15u;
	return w << 31 | w >> 33;
}

/* A 64-bit hash of the bytes: enough to tell a changed file from an
 * unchanged one, the size being compared too. Eight lanes of eight bytes
 * each, none waiting on another, mixed at the end: a preview's edit
 * hashes tens of megabytes, a large site's build hundreds, and one lane
 * went at half the speed. The lanes are eight variables, so that they
 * stay in registers (as an array they did not: twice the instructions). */
static uint64_t hash_bytes(const char *data, size_t len)
{
	const uint64_t k = 0x9e3779b97f4a7c15u;
	uint64_t l0 = len, l1 = len + k, l2 = len + 2 * k, l3 = len + 3 * k,
	         l4 = len + 4 * k, l5 = len + 5 * k, l6 = len + 6 * k,
	         l7 = len + 7 * k;
	size_t i = 0;
	for (; i + 64 <= len; i += 64) {
		const char *p = data + i;
		l0 = lane_step(l0, p);
		l1 = lane_step(l1, p + 8);
		l2 = lane_step(l2, p + 16);
		l3 = lane_step(l3, p + 24);
		l4 = lane_step(l4, p + 32);
		l5 = lane_step(l5, p + 40);
		l6 = lane_step(l6, p + 48);
		l7 = lane_step(l7, p + 56);
	}
	uint64_t h = len;
	h = mix(mix(mix(mix(h, l0), l1), l2), l3);
	h = mix(mix(mix(mix(h, l4), l5), l6), l7);
	for (; i < len; i++)
		h = mix(h, (unsigned char)data[i]);
	return mix(h, len);
}

/* Keeps the first error; takes msg over. */
static void set_error(output_t *o, char *msg)
{
	pthread_mutex_lock(&o->lock);
	if (!o->error)
		o->error = msg;
	else
		free(msg);
	pthread_mutex_unlock(&o->lock);
}

static void fail(output_t *o, const char *what, const char *path)
{
	char *msg = xmalloc(strlen(what) + strlen(path) + 256);
	sprintf(msg, "cannot %s %s: %s", what, path, strerror(errno));
	set_error(o, msg);
}

/* After Ctrl-C the build stops as after a failed write, before the output
 * changes (see core/interrupt.h). */
static bool interrupted(output_t *o)
{
	if (!interrupt_caught())
		return false;
	char *msg = xmalloc(strlen(o->out) + 64);
	sprintf(msg, "interrupted; %s was not changed", o->out);
	set_error(o, msg);
	return true;
}

/* Whether name is base + suffix + the six characters mkdtemp adds. */
static bool temporary_of(const char *name, const char *base,
                         const char *suffix)
{
	size_t nb = strlen(base), ns = strlen(suffix);
	return strncmp(name, base, nb) == 0 &&
	       strncmp(name + nb, suffix, ns) == 0 && strlen(name + nb + ns) == 6;
}

/* Removes what builds killed before they could clean up (SIGKILL, a power
 * cut) left beside the output: staging directories and half-written
 * manifests. Builds make them only while holding the lock, which this one
 * now holds: none belongs to a build still running. */
static void remove_stale(const char *out)
{
	const char *slash = strrchr(out, '/');
	const char *base = slash ? slash + 1 : out;
	char *parent = !slash       ? xstrdup(".")
	               : slash == out ? xstrdup("/")
	                              : xstrndup(out, (size_t)(slash - out));
	char **names;
	size_t n;
	if (fs_list(parent, &names, &n) == 0) {
		for (size_t i = 0; i < n; i++) {
			if (temporary_of(names[i], base, ".new-") ||
			    temporary_of(names[i], base, ".manifest.new-")) {
				char *path = fs_join(parent, names[i]);
				fs_remove_tree(path);
				free(path);
			}
		}
		fs_list_free(names, n);
	}
	free(parent);
}

static int by_path(const void *a, const void *b)
{
	return strcmp(((const entry_t *)a)->path, ((const entry_t *)b)->path);
}

/* A number of the manifest in base 16 or 10, ending at a space, which
 * *p is then past; false for anything else. By hand: strtoull's locale
 * and sign handling cost more than a preview's edit may. */
static bool manifest_number(char **p, unsigned base, unsigned long long max,
                            unsigned long long *out)
{
	unsigned long long n = 0;
	char *s = *p;
	for (; *s != ' '; s++) {
		unsigned d = *s >= '0' && *s <= '9'   ? (unsigned)(*s - '0')
		             : *s >= 'a' && *s <= 'f' ? (unsigned)(*s - 'a' + 10)
		                                      : base;
		if (d >= base || n > (max - d) / base)
			return false;
		n = n * base + d;
	}
	if (s == *p)
		return false;
	*p = s + 1;
	*out = n;
	return true;
}

/* Orders by path and, for one path, by the line's place in the text. */
static int by_path_then_line(const void *a, const void *b)
{
	const entry_t *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : (x->path > y->path) - (x->path < y->path);
}

/* Reads "<hash> <size> <mtime_ns> <path>" lines, which porta writes in
 * the order of their paths: a build of some files looks a few up, and
 * keeps the rest in that order, without a table of them all. Lines added
 * at the end by such builds (add_lines) come in any order; a path's last
 * line is what holds. A last line without its newline was cut short (a
 * crash while lines were added) and is left out. */
static bool read_manifest(output_t *o)
{
	char *text;
	size_t len;
	if (fs_read(o->manifest, &text, &len) < 0)
		return false;
	o->old_text = text;
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	o->old_entries = xcalloc(lines + 1, sizeof(entry_t));
	bool ok = true, sorted = true;
	for (char *line = text, *end = text + len; line < end && ok;) {
		char *nl = memchr(line, '\n', (size_t)(end - line));
		if (!nl)
			break;
		*nl = '\0';
		if (nl > line) {
			entry_t *e = &o->old_entries[o->nold];
			unsigned long long hash, size, mtime;
			char *s = line;
			ok = manifest_number(&s, 16, UINT64_MAX, &hash) &&
			     manifest_number(&s, 10, LLONG_MAX, &size) &&
			     manifest_number(&s, 10, LLONG_MAX, &mtime) && *s;
			if (!ok)
				break;
			*e = (entry_t){.hash = hash, .size = (long long)size,
			               .mtime_ns = (long long)mtime, .path = s};
			sorted = sorted && (!o->nold || strcmp(e[-1].path, e->path) < 0);
			o->nold++;
		}
		line = nl + 1;
	}
	o->old_lines = o->nold;
	if (ok && !sorted) {
		qsort(o->old_entries, o->nold, sizeof(entry_t), by_path_then_line);
		size_t n = 0;
		for (size_t i = 0; i < o->nold; i++) {
			if (n && strcmp(o->old_entries[n - 1].path,
			                o->old_entries[i].path) == 0)
				n--;
			o->old_entries[n++] = o->old_entries[i];
		}
		o->nold = n;
	}
	return ok;
}

static long long mtime_of(const struct stat *st);

/* Takes the kept manifest as the previous build's when the file on disk
 * is still the one it was written to (nobody built into the output
 * since); false otherwise, dropping it. */
static bool take_kept(output_t *o)
{
	output_manifest_t *m = o->keep ? *o->keep : NULL;
	if (!m)
		return false;
	*o->keep = NULL;
	struct stat st;
	if (stat(o->manifest, &st) < 0 || st.st_dev != m->dev ||
	    st.st_ino != m->ino || st.st_size != m->size ||
	    mtime_of(&st) != m->mtime_ns) {
		output_manifest_free(m);
		return false;
	}
	o->old_text = m->text;
	o->old_entries = m->entries;
	o->nold = m->n;
	o->old_lines = m->lines;
	free(m);
	return true;
}

/* The previous build's line for the file at rel, or NULL. */
static const entry_t *old_entry(const output_t *o, const char *rel)
{
	if (!o->incremental)
		return NULL;
	entry_t key = {.path = (char *)rel};
	return bsearch(&key, o->old_entries, o->nold, sizeof(entry_t), by_path);
}

static output_t *open_output(const char *out, output_manifest_t **kept,
                             bool some, char **error);

/* out without its trailing slashes, and suffix: the output's own name
 * ("") or that of a file beside it. */
static char *beside(const char *out, const char *suffix)
{
	size_t n = strlen(out);
	while (n > 1 && out[n - 1] == '/')
		n--;
	char *s = xmalloc(n + strlen(suffix) + 1);
	memcpy(s, out, n);
	strcpy(s + n, suffix);
	return s;
}

output_t *output_open(const char *out, output_manifest_t **kept,
                      char **error)
{
	return open_output(out, kept, false, error);
}

output_t *output_open_some(const char *out, output_manifest_t **kept,
                           char **error)
{
	output_t *o = open_output(out, kept, true, error);
	if (o && !o->incremental) {
		*error = xmalloc(strlen(out) + 64);
		sprintf(*error, "cannot update %s: it has no manifest", out);
		output_free(o);
		return NULL;
	}
	return o;
}

static output_t *open_output(const char *out, output_manifest_t **kept,
                             bool some, char **error)
{
	output_t *o = xcalloc(1, sizeof *o);
	o->keep = kept;
	o->some = some;
	pthread_mutex_init(&o->lock, NULL);
	o->lock_fd = o->stage_fd = -1;
	o->out = beside(out, "");
	o->manifest = beside(out, ".manifest");
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
	char *lock = beside(out, ".lock");
	o->lock_fd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (o->lock_fd < 0) {
		fail(o, "lock", lock);
	} else if (flock(o->lock_fd, LOCK_EX | LOCK_NB) < 0) {
		/* Said at once, so that a build that waits does not seem hung. */
		bool busy = errno == EWOULDBLOCK;
		if (busy)
			fprintf(stderr, "porta: another build is writing %s; waiting "
			                "for it to finish\n", o->out);
		if ((!busy || flock(o->lock_fd, LOCK_EX) < 0) &&
		    !interrupted(o))
			fail(o, "lock", lock);
	}
	free(lock);
	if (o->error || interrupted(o))
		goto out;
	/* A build of some files leaves them to output_tidy: the preview's
	 * edit does not wait for the disk to free the last one's. */
	if (!some)
		remove_stale(o->out);
	o->incremental = fs_is_dir(o->out) && (take_kept(o) || read_manifest(o));
	o->stage = beside(out, ".new-XXXXXX");
	if (!mkdtemp(o->stage)) {
		free(o->stage);
		o->stage = NULL;
		fail(o, "create a directory beside", o->out);
	} else if ((o->stage_fd = open(o->stage, O_RDONLY | O_DIRECTORY |
	                                         O_CLOEXEC)) < 0) {
		fail(o, "open", o->stage);
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

/* Whether the output's file at rel still is the one its line e of the
 * manifest remembers with this hash (nobody edited it since). */
static bool unchanged(const output_t *o, const entry_t *e, const char *rel,
                      uint64_t hash, size_t len)
{
	if (!e || e->hash != hash || e->size != (long long)len)
		return false;
	char *path = fs_join(o->out, rel);
	struct stat st;
	bool same = stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	            st.st_size == (off_t)len && mtime_of(&st) == e->mtime_ns;
	free(path);
	return same;
}

/* Fails with the path of rel in the stage. */
static void fail_staging(output_t *o, const char *what, const char *rel)
{
	char *path = fs_join(o->stage, rel);
	fail(o, what, path);
	free(path);
}

/* Writes a file into the stage; *mtime_ns gets its time there, which a
 * rename into the output keeps, for the manifest. Paths are taken from
 * the stage's directory, open: the kernel walks only rel. */
static int stage(output_t *o, const char *rel, const char *data, size_t len,
                 long long *mtime_ns)
{
	int rc = 0, fd = -1;
	struct stat st;
	const char *slash = strrchr(rel, '/');
	if (slash) {
		/* Most pages get a directory of their own whose parent exists:
		 * one mkdir, and the whole chain only when that fails. */
		char *dir = xstrndup(rel, (size_t)(slash - rel));
		if (mkdirat(o->stage_fd, dir, 0755) < 0 && errno != EEXIST) {
			char *path = fs_join(o->stage, dir);
			if (fs_mkdirs(path) < 0) {
				fail(o, "create", path);
				rc = -1;
			}
			free(path);
		}
		free(dir);
	}
	if (rc == 0) {
		fd = openat(o->stage_fd, rel, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
		            0644);
		if (fd < 0 || fs_write_fd(fd, data, len) < 0 || fstat(fd, &st) < 0) {
			fail_staging(o, "write", rel);
			rc = -1;
		}
	}
	if (fd >= 0 && close(fd) < 0 && rc == 0) {
		fail_staging(o, "write", rel);
		rc = -1;
	}
	*mtime_ns = rc == 0 ? mtime_of(&st) : 0;
	return rc;
}

/* Writes the file at rel over the output's, in place, when the output's
 * is a file of the manifest's with no other name (a hard link elsewhere,
 * a backup's say, must keep its bytes). A preview's edit rewrites the same
 * large pages again and again: a file written anew takes fresh pages of
 * memory and the one it replaces gives its back, which took five times as
 * long as writing over the old pages. Returns 1 when written, 0 when the
 * file must be staged instead, -1 on failure. */
static int overwrite(output_t *o, const char *rel, const char *data,
                     size_t len, long long *mtime_ns)
{
	char *path = fs_join(o->out, rel);
	int rc = 0;
	struct stat st;
	int fd = open(path, O_WRONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK);
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
	    st.st_nlink == 1) {
		rc = 1;
		if (fs_write_fd(fd, data, len) < 0 || ftruncate(fd, (off_t)len) < 0 ||
		    fstat(fd, &st) < 0)
			rc = -1;
		if (close(fd) < 0)
			rc = -1;
		fd = -1;
		if (rc < 0)
			fail(o, "write", path);
		*mtime_ns = rc == 1 ? mtime_of(&st) : 0;
	}
	if (fd >= 0)
		close(fd);
	free(path);
	return rc;
}

int output_file(output_t *o, const char *rel, const char *data, size_t len)
{
	if (interrupted(o))
		return -1;
	uint64_t hash = hash_bytes(data, len);
	const entry_t *old = old_entry(o, rel);
	bool keep = unchanged(o, old, rel, hash, len);
	long long mtime_ns = keep ? old->mtime_ns : 0;
	int over = 0;
	if (!keep && o->some && old &&
	    (over = overwrite(o, rel, data, len, &mtime_ns)) < 0)
		return -1;
	if (!keep && !over && stage(o, rel, data, len, &mtime_ns) < 0)
		return -1;
	pthread_mutex_lock(&o->lock);
	if (o->nfiles == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 256;
		o->files = xrealloc(o->files, o->cap * sizeof(entry_t));
	}
	entry_t *e = &o->files[o->nfiles++];
	e->hash = hash;
	e->size = (long long)len;
	e->mtime_ns = mtime_ns;
	e->path = xstrdup(rel);
	e->changed = !keep;
	e->in_place = over;
	int rc = o->error ? -1 : 0;
	pthread_mutex_unlock(&o->lock);
	return rc;
}

/* Whether this build made the file at rel (its files are sorted by
 * then). */
static bool made(const output_t *o, const char *rel)
{
	entry_t key = {.path = (char *)rel};
	return bsearch(&key, o->files, o->nfiles, sizeof(entry_t), by_path);
}

/* Removes whatever below dir (rel inside the output) this build did not
 * make: pages of removed content, and files somebody put there by hand,
 * so that the output holds exactly what the content gives. Directories
 * left empty go too. Returns the number of entries left in dir. */
static size_t sweep(const output_t *o, const char *dir, const char *rel)
{
	/* The entries' types come with their names: an output of 50,000
	 * entries is walked without a stat for each. */
	DIR *d = opendir(dir);
	if (!d)
		return 1;
	typedef struct {
		char *name;
		bool is_dir;
	} dirent_t;
	dirent_t *entries = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		bool is_dir = e->d_type == DT_DIR;
		if (e->d_type == DT_UNKNOWN) {
			struct stat st;
			is_dir = fstatat(dirfd(d), e->d_name, &st,
			                 AT_SYMLINK_NOFOLLOW) == 0 && S_ISDIR(st.st_mode);
		}
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			entries = xrealloc(entries, cap * sizeof *entries);
		}
		entries[n++] = (dirent_t){xstrdup(e->d_name), is_dir};
	}
	closedir(d);
	size_t left = n;
	for (size_t i = 0; i < n; i++) {
		char *path = fs_join(dir, entries[i].name);
		char *sub = *rel ? fs_join(rel, entries[i].name)
		                 : xstrdup(entries[i].name);
		if (entries[i].is_dir) {
			if (sweep(o, path, sub) == 0 && rmdir(path) == 0)
				left--;
		} else if (!made(o, sub) && unlink(path) == 0) {
			left--;
		}
		free(sub);
		free(path);
		free(entries[i].name);
	}
	free(entries);
	return left;
}

/* Whether the path rel lies below the directory dir (both relative). */
static bool below(const char *rel, const char *dir)
{
	size_t n = strlen(dir);
	return strncmp(rel, dir, n) == 0 && rel[n] == '/';
}

/* Moves a changed file from the stage into the output: by itself when the
 * output has its directory, else with the highest directory the output
 * lacks, whole (its path is left in *moved: every file below it came
 * along). Nothing is created in the output, so a full disk cannot stop
 * this half-way: a rename within one file system needs no space. */
static int move_in(output_t *o, const char *rel, char **moved)
{
	if (*moved && below(rel, *moved))
		return 0;
	char *top = xstrdup(rel);
	bool whole = false;
	for (char *s = strchr(top, '/'); s && !whole; s = strchr(s + 1, '/')) {
		*s = '\0';
		char *dir = fs_join(o->out, top);
		whole = !fs_is_dir(dir);
		free(dir);
		if (!whole)
			*s = '/';
	}
	char *from = fs_join(o->stage, top), *to = fs_join(o->out, top);
	/* A file that replaces one changes places with it: the old one goes
	 * with the stage, after every new one is in place (output_free). */
	int rc = whole ? rename(from, to) : fs_swap(from, to);
	if (rc < 0)
		fail(o, "replace", to);
	free(from);
	free(to);
	if (whole) {
		free(*moved);
		*moved = top;
	} else {
		free(top);
	}
	return rc;
}

/* Removes what is not made any more and moves the staged files in. */
static int apply(output_t *o)
{
	/* First out with the old, so that nothing stands where a new file or
	 * directory goes. */
	if (!o->some)
		sweep(o, o->out, "");
	int rc = 0;
	char *moved = NULL;
	for (size_t i = 0; i < o->nfiles && rc == 0; i++) {
		entry_t *e = &o->files[i];
		if (!e->changed) {
			o->kept++;
			continue;
		}
		if (!e->in_place)
			rc = move_in(o, e->path, &moved);
		o->written++;
	}
	free(moved);
	return rc;
}

/* Adds e's manifest line to b; returns where in b its path is. */
static size_t put_line(buf_t *b, const entry_t *e)
{
	buf_put_hex(b, e->hash, 16);
	buf_putc(b, ' ');
	buf_put_uint(b, (unsigned long long)e->size);
	buf_putc(b, ' ');
	buf_put_uint(b, (unsigned long long)e->mtime_ns);
	buf_putc(b, ' ');
	size_t path = b->len;
	buf_puts(b, e->path);
	buf_putc(b, '\n');
	return path;
}

/* Writes this build's manifest beside the output under a temporary name,
 * before the output changes, so that a full disk stops the build while the
 * output is still as it was. Returns the temporary file's name (the
 * caller frees it), or NULL. */
static char *stage_manifest(output_t *o)
{
	/* A build of some files keeps the others' lines: the two lists,
	 * both in the order of their paths, merged. */
	size_t n = 0, fresh = 0, kept = 0, nold = o->some ? o->nold : 0;
	const entry_t **lines = xmalloc((o->nfiles + nold + 1) * sizeof *lines);
	while (fresh < o->nfiles || kept < nold) {
		int c = fresh == o->nfiles ? 1
		        : kept == nold     ? -1
		                           : strcmp(o->files[fresh].path,
		                                    o->old_entries[kept].path);
		if (c <= 0)
			lines[n++] = &o->files[fresh++];
		else
			lines[n++] = &o->old_entries[kept];
		kept += c >= 0; /* a file made again replaces its old line */
	}
	/* Room for every line at once: a large site's manifest is
	 * megabytes. */
	buf_t b = BUF_INIT;
	size_t room = 0;
	for (size_t i = 0; i < n; i++)
		room += strlen(lines[i]->path) + 64;
	buf_grow(&b, room);
	/* Kept for the next build, each line's path is where it was put. */
	entry_t *made = o->keep ? xmalloc((n + 1) * sizeof *made) : NULL;
	for (size_t i = 0; i < n; i++) {
		const entry_t *e = lines[i];
		size_t path = put_line(&b, e);
		if (made) {
			made[i] = *e;
			made[i].path = (char *)(uintptr_t)path;
		}
	}
	free(lines);
	char *tmp = fs_write_beside(o->manifest, b.data ? b.data : "", b.len);
	if (!tmp)
		fail(o, "write", o->manifest);
	if (made && tmp) {
		o->made = xcalloc(1, sizeof *o->made);
		o->made->n = o->made->lines = n;
		o->made->text = buf_detach(&b);
		for (size_t i = 0; i < n; i++) {
			made[i].path = o->made->text + (uintptr_t)made[i].path;
			made[i].path[strcspn(made[i].path, "\n")] = '\0';
		}
		o->made->entries = made;
	} else {
		free(made);
	}
	buf_free(&b);
	return tmp;
}

/* Whether this build's lines are better added to the manifest than the
 * manifest written whole: a build of some files that replaces only files
 * the manifest has, when the lines added so far are not too many. The
 * manifest of a large site is megabytes; a preview's edit changes a few
 * dozen of its lines. */
static bool adds_lines(const output_t *o)
{
	if (!o->some)
		return false;
	size_t changed = 0;
	for (size_t i = 0; i < o->nfiles; i++) {
		if (!o->files[i].changed)
			continue;
		if (!old_entry(o, o->files[i].path))
			return false;
		changed++;
	}
	return o->old_lines + changed <= o->nold + o->nold / 2;
}

/* Adds the changed files' lines at the manifest's end, before the output
 * changes (as writing it whole does), and puts them in the entries read;
 * those are kept for the next build on commit. A write cut short is
 * undone, so that the next lines do not join a broken one; if even that
 * fails, the manifest goes, and the next build makes the output afresh. */
static int add_lines(output_t *o)
{
	buf_t b = BUF_INIT;
	for (size_t i = 0; i < o->nfiles; i++) {
		const entry_t *e = &o->files[i];
		if (!e->changed)
			continue;
		put_line(&b, e);
		entry_t *old = (entry_t *)old_entry(o, e->path);
		old->hash = e->hash;
		old->size = e->size;
		old->mtime_ns = e->mtime_ns;
		o->old_lines++;
	}
	int fd = open(o->manifest, O_WRONLY | O_APPEND | O_CLOEXEC);
	struct stat st;
	int rc = fd >= 0 && fstat(fd, &st) == 0 ? 0 : -1;
	if (rc == 0 && fs_write_fd(fd, b.data, b.len) < 0) {
		int saved = errno;
		if (ftruncate(fd, st.st_size) < 0)
			unlink(o->manifest);
		errno = saved;
		rc = -1;
	}
	if (rc < 0)
		fail(o, "write", o->manifest);
	if (fd >= 0)
		close(fd);
	buf_free(&b);
	if (rc == 0 && o->keep) {
		o->made = xmalloc(sizeof *o->made);
		*o->made = (output_manifest_t){.text = o->old_text,
		                               .entries = o->old_entries,
		                               .n = o->nold,
		                               .lines = o->old_lines};
		o->old_text = NULL;
		o->old_entries = NULL;
		o->nold = 0;
	}
	return rc;
}

/* Keeps the manifest made for the next build, with what its file is. */
static void keep_made(output_t *o)
{
	struct stat st;
	if (o->made && stat(o->manifest, &st) == 0) {
		o->made->dev = st.st_dev;
		o->made->ino = st.st_ino;
		o->made->size = st.st_size;
		o->made->mtime_ns = mtime_of(&st);
		*o->keep = o->made;
		o->made = NULL;
	}
}

int output_commit(output_t *o)
{
	if (o->error || interrupted(o))
		return -1;
	qsort(o->files, o->nfiles, sizeof(entry_t), by_path);
	if (adds_lines(o)) {
		if (add_lines(o) < 0)
			return -1;
		/* From here on the build finishes even after Ctrl-C. */
		int rc = apply(o);
		if (rc == 0)
			keep_made(o);
		return rc;
	}
	char *manifest = stage_manifest(o);
	if (!manifest)
		return -1;
	/* From here on the build finishes even after Ctrl-C. */
	int rc = 0;
	if (o->incremental) {
		rc = apply(o);
	} else if (fs_swap(o->stage, o->out) < 0) {
		/* A first build, or an output porta did not make: swapped whole,
		 * the previous one kept out of the way until that worked. */
		fail(o, "replace", o->out);
		rc = -1;
	} else {
		o->written = o->nfiles;
	}
	if (rc == 0 && rename(manifest, o->manifest) < 0) {
		fail(o, "write", o->manifest);
		rc = -1;
	}
	if (rc == 0)
		keep_made(o);
	if (rc < 0)
		unlink(manifest);
	free(manifest);
	return rc;
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

void output_tidy(const char *out)
{
	char *base = beside(out, ""), *lock = beside(out, ".lock");
	/* The stages are removed only by whoever holds the lock: a build
	 * writing now will, when it opens. */
	int fd = open(lock, O_RDWR | O_CLOEXEC);
	if (fd >= 0 && flock(fd, LOCK_EX | LOCK_NB) == 0)
		remove_stale(base);
	if (fd >= 0)
		close(fd);
	free(lock);
	free(base);
}

void output_free_later(output_t *o)
{
	if (o) {
		free(o->stage);
		o->stage = NULL;
	}
	output_free(o);
}

void output_free(output_t *o)
{
	if (!o)
		return;
	if (o->stage_fd >= 0)
		close(o->stage_fd);
	if (o->stage)
		fs_remove_tree(o->stage);
	if (o->lock_fd >= 0)
		close(o->lock_fd); /* and with it the lock */
	for (size_t i = 0; i < o->nfiles; i++)
		free(o->files[i].path);
	free(o->files);
	free(o->old_entries);
	free(o->old_text);
	output_manifest_free(o->made);
	pthread_mutex_destroy(&o->lock);
	free(o->error);
	free(o->out);
	free(o->stage);
	free(o->manifest);
	free(o);
}
