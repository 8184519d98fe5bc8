/* Directory trees watched with inotify, which is not recursive: every
 * directory gets a watch of its own, including those created later.
 * Editors' swap and backup files are not changes, and a burst of events
 * (a save is several, a checkout many) counts as one change once it has
 * been quiet for QUIET_MS. Each burst remembers the files it touched, so
 * that the builder can tell an edit to one file from a larger change. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "../core/fs.h"
#include "serve_internal.h"

/* Quiet long enough to end a burst, short enough not to be noticed; a
 * burst that never stops is cut at LONGEST_MS. */
enum { QUIET_MS = 50, LONGEST_MS = 1000 };
/* More files than this in one burst is a larger change (a checkout). */
enum { MAX_FILES = 32 };

#define EVENTS (IN_CREATE | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM | \
                IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)

typedef struct {
	int wd;
	char *path;
} dir_t;

/* A file touched in the burst: came (created or moved in) and gone
 * (deleted or moved away) as its events last said. A file that came and
 * went in one burst is an editor's or a tool's temporary file. */
typedef struct {
	char *path;
	bool came, gone;
} touched_t;

struct watch {
	int fd;
	char **roots;
	size_t nroots;
	dir_t *dirs; /* one per directory, so few: searched linearly */
	size_t len, cap;
	touched_t files[MAX_FILES]; /* the burst's, searched linearly too */
	size_t nfiles;
	bool many; /* the burst touched directories or too many files, or
	              events were lost */
};

/* Vim's ".x.swp" and its "4913" probe, Emacs's ".#x" and "#x#", and
 * "x~" backups. Hidden names are never content: the loader skips them. */
static bool ignored(const char *name)
{
	size_t n = strlen(name);
	return n == 0 || name[0] == '.' || name[0] == '#' ||
	       name[n - 1] == '~' || strcmp(name, "4913") == 0;
}

static dir_t *find(watch_t *w, int wd)
{
	for (size_t i = 0; i < w->len; i++)
		if (w->dirs[i].wd == wd)
			return &w->dirs[i];
	return NULL;
}

/* A directory seen again (moved, or found again after an overflow) keeps
 * its watch descriptor and takes the new path. */
static void remember(watch_t *w, int wd, const char *path)
{
	dir_t *d = find(w, wd);
	if (d) {
		free(d->path);
		d->path = xstrdup(path);
		return;
	}
	if (w->len == w->cap) {
		w->cap = w->cap ? w->cap * 2 : 16;
		w->dirs = xrealloc(w->dirs, w->cap * sizeof *w->dirs);
	}
	w->dirs[w->len++] = (dir_t){wd, xstrdup(path)};
}

static void forget(watch_t *w, int wd)
{
	dir_t *d = find(w, wd);
	if (d) {
		free(d->path);
		*d = w->dirs[--w->len];
	}
}

/* Watches dir and every directory below it. Links are not followed, so
 * that none can make a loop. */
static int add_tree(watch_t *w, const char *dir)
{
	int wd = inotify_add_watch(w->fd, dir, EVENTS);
	if (wd < 0)
		return -1;
	remember(w, wd, dir);
	char **names;
	size_t n;
	if (fs_list(dir, &names, &n) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		if (ignored(names[i]))
			continue;
		char *child = fs_join(dir, names[i]);
		struct stat st;
		if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
			rc = add_tree(w, child);
		free(child);
	}
	fs_list_free(names, n);
	return rc;
}

watch_t *watch_new(const char *const *dirs, size_t n, const char **failed)
{
	watch_t *w = xcalloc(1, sizeof *w);
	w->roots = xcalloc(n ? n : 1, sizeof *w->roots);
	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	*failed = n ? dirs[0] : "";
	int rc = w->fd < 0 ? -1 : 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		w->roots[w->nroots++] = xstrdup(dirs[i]);
		*failed = dirs[i];
		rc = add_tree(w, dirs[i]);
	}
	if (rc == 0) {
		*failed = NULL;
		return w;
	}
	int saved = errno;
	watch_free(w);
	errno = saved;
	return NULL;
}

static void forget_files(watch_t *w)
{
	for (size_t i = 0; i < w->nfiles; i++)
		free(w->files[i].path);
	w->nfiles = 0;
	w->many = false;
}

/* Notes an event on the file name in dir. */
static void touch(watch_t *w, const dir_t *dir, const char *name,
                  uint32_t mask)
{
	if (!dir || (mask & IN_ISDIR)) {
		w->many = true;
		return;
	}
	char *path = fs_join(dir->path, name);
	touched_t *f = NULL;
	for (size_t i = 0; i < w->nfiles && !f; i++)
		if (strcmp(w->files[i].path, path) == 0)
			f = &w->files[i];
	if (!f && w->nfiles == MAX_FILES) {
		w->many = true;
		free(path);
		return;
	}
	if (!f) {
		f = &w->files[w->nfiles++];
		*f = (touched_t){path, false, false};
	} else {
		free(path);
	}
	if (mask & (IN_CREATE | IN_MOVED_TO))
		f->came = true;
	if (mask & (IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE))
		f->gone = false;
	if (mask & (IN_DELETE | IN_MOVED_FROM))
		f->gone = true;
}

const char *watch_changed_file(const watch_t *w)
{
	const char *only = NULL;
	if (w->many)
		return NULL;
	for (size_t i = 0; i < w->nfiles; i++) {
		if (w->files[i].came && w->files[i].gone)
			continue;
		if (only)
			return NULL;
		only = w->files[i].path;
	}
	return only;
}

void watch_free(watch_t *w)
{
	if (!w)
		return;
	forget_files(w);
	if (w->fd >= 0)
		close(w->fd);
	for (size_t i = 0; i < w->len; i++)
		free(w->dirs[i].path);
	free(w->dirs);
	for (size_t i = 0; i < w->nroots; i++)
		free(w->roots[i]);
	free(w->roots);
	free(w);
}

/* Reads the events waiting; returns 1 if any is a change, 0 if none is,
 * -1 on failure. */
static int read_events(watch_t *w)
{
	_Alignas(struct inotify_event) char buf[16384];
	ssize_t n = read(w->fd, buf, sizeof buf);
	if (n < 0)
		return errno == EAGAIN || errno == EINTR ? 0 : -1;
	int changed = 0;
	for (char *p = buf; p < buf + n;) {
		const struct inotify_event *e = (const struct inotify_event *)p;
		p += sizeof *e + e->len;
		if (e->mask & IN_Q_OVERFLOW) {
			/* Events were lost, directories created among them too:
			 * look again everywhere. */
			for (size_t i = 0; i < w->nroots; i++)
				add_tree(w, w->roots[i]);
			changed = 1;
			w->many = true;
		} else if (e->mask & IN_IGNORED) {
			forget(w, e->wd);
		} else if (e->len == 0 || !ignored(e->name)) {
			changed = 1;
			dir_t *parent = find(w, e->wd);
			if (e->len == 0)
				w->many = true; /* a watched directory itself */
			else
				touch(w, parent, e->name, e->mask);
			/* A directory removed again before it could be watched
			 * is not a failure. */
			if (parent && (e->mask & IN_ISDIR) &&
			    (e->mask & (IN_CREATE | IN_MOVED_TO))) {
				char *dir = fs_join(parent->path, e->name);
				add_tree(w, dir);
				free(dir);
			}
		}
	}
	return changed;
}

static long long now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long long)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int watch_wait(watch_t *w, int stop_fd)
{
	long long first = 0, last = 0;
	bool changed = false;
	forget_files(w);
	for (;;) {
		int timeout = -1;
		if (changed) {
			long long until = last + QUIET_MS;
			if (until > first + LONGEST_MS)
				until = first + LONGEST_MS;
			long long now = now_ms();
			if (now >= until)
				return 1;
			timeout = (int)(until - now);
		}
		struct pollfd p[2] = {{w->fd, POLLIN, 0}, {stop_fd, POLLIN, 0}};
		if (poll(p, 2, timeout) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (p[1].revents)
			return 0;
		if (p[0].revents & POLLIN) {
			int r = read_events(w);
			if (r < 0)
				return -1;
			if (r > 0) {
				last = now_ms();
				if (!changed)
					first = last;
				changed = true;
			}
		}
	}
}
