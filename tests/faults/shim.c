/* A file system that fails on purpose, for tests/faults/run: loaded with
 * LD_PRELOAD, it makes the calls that create or change files fail after a
 * number of them, or after a number of bytes written, as a full disk or a
 * read-only directory would. It works for root too, whom chmod does not
 * stop. Set by the environment:
 *   FAULT_CALLS=N  the first N calls that count succeed, the others fail
 *   FAULT_BYTES=N  write() stores N bytes in all, then fails (the write
 *                  that crosses the limit is cut short, as on a full disk)
 *   FAULT_ERRNO=E  ENOSPC, a full disk (the default): what needs space
 *                  fails: write(), and making a file, directory or link
 *                  that is not there yet; renaming and removing need none.
 *                  EACCES or EROFS, a directory that may not be changed:
 *                  every call that would change one fails.
 *                  ENOENT, a file removed after its directory was listed:
 *                  every open fails, for reading too.
 *   FAULT_PATH=P   only calls on paths that start with P count and fail
 *                  (write() has no path and then never fails)
 *   FAULT_DELAY_US=N  every write() waits N microseconds first, so that a
 *                  build lasts long enough to be interrupted or raced
 * Calls: open, openat, openat2 (through syscall), creat, write, mkdir,
 * mkdirat, mkdtemp, mkstemp, rename, renameat, renameat2, link, symlink,
 * unlink, unlinkat, rmdir. A path taken from a directory's descriptor is
 * matched with FAULT_PATH whole: the directory's path, then it. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <linux/openat2.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

static bool call_limit, byte_limit;
static long calls_left, bytes_left;
static int fault_errno = ENOSPC;
static const char *only_path;
static long delay_us;

__attribute__((constructor)) static void setup(void)
{
	const char *v;
	if ((call_limit = (v = getenv("FAULT_CALLS"))))
		calls_left = atol(v);
	if ((byte_limit = (v = getenv("FAULT_BYTES"))))
		bytes_left = atol(v);
	if ((v = getenv("FAULT_ERRNO")))
		fault_errno = strcmp(v, "EACCES") == 0 ? EACCES
		            : strcmp(v, "EROFS") == 0  ? EROFS
		            : strcmp(v, "ENOENT") == 0 ? ENOENT : ENOSPC;
	only_path = getenv("FAULT_PATH");
	if ((v = getenv("FAULT_DELAY_US")))
		delay_us = atol(v);
}

#define REAL(name) \
	static __typeof__(name) *real_##name; \
	if (!real_##name) \
		real_##name = (__typeof__(name) *)dlsym(RTLD_NEXT, #name)

static bool matches(const char *path)
{
	return !only_path || (path && !strncmp(path, only_path, strlen(only_path)));
}

/* path as a call from the directory dir finds it, whole: into out when
 * it has to be put together. */
static const char *whole(int dir, const char *path, char out[PATH_MAX])
{
	if (!path || path[0] == '/' || dir == AT_FDCWD)
		return path;
	char link[64];
	snprintf(link, sizeof link, "/proc/self/fd/%d", dir);
	ssize_t n = readlink(link, out, PATH_MAX - 1);
	if (n < 0)
		return path;
	snprintf(out + n, (size_t)(PATH_MAX - n), "/%s", path);
	return out;
}

/* Whether a call on one or two paths must fail; counts it when it is one
 * that counts. Several threads call this: the counter is atomic. */
static bool fails2(const char *path, const char *other)
{
	if (!call_limit || !(matches(path) || (other && matches(other))))
		return false;
	if (__atomic_fetch_sub(&calls_left, 1, __ATOMIC_SEQ_CST) > 0)
		return false;
	errno = fault_errno;
	return true;
}

static bool fails(const char *path)
{
	return fails2(path, NULL);
}

static bool disk_full(void)
{
	return fault_errno == ENOSPC;
}

/* Whether a call that makes dir/path needs space or permission. */
static bool makes(int dir, const char *path)
{
	struct stat st;
	return !disk_full() || fstatat(dir, path, &st, AT_SYMLINK_NOFOLLOW) < 0;
}

/* Whether an open with flags changes anything at dir/path. */
static bool opens_to_change(int dir, const char *path, int flags)
{
	if (fault_errno == ENOENT)
		return true;
	if (disk_full())
		return (flags & O_CREAT) && makes(dir, path);
	return flags & (O_CREAT | O_WRONLY | O_RDWR | O_TRUNC);
}

int open(const char *path, int flags, ...)
{
	REAL(open);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = va_arg(ap, mode_t);
	va_end(ap);
	if (opens_to_change(AT_FDCWD, path, flags) && fails(path))
		return -1;
	return real_open(path, flags, mode);
}

int open64(const char *path, int flags, ...) __attribute__((alias("open")));

int openat(int dir, const char *path, int flags, ...)
{
	REAL(openat);
	va_list ap;
	va_start(ap, flags);
	mode_t mode = va_arg(ap, mode_t);
	va_end(ap);
	char buf[PATH_MAX];
	if (opens_to_change(dir, path, flags) && fails(whole(dir, path, buf)))
		return -1;
	return real_openat(dir, path, flags, mode);
}

/* openat2 has no wrapper in the C library: porta calls it through
 * syscall. Other calls pass through with six arguments, as the C
 * library's syscall itself takes them. */
long syscall(long number, ...)
{
	REAL(syscall);
	va_list ap;
	va_start(ap, number);
	long a[6];
	for (int i = 0; i < 6; i++)
		a[i] = va_arg(ap, long);
	va_end(ap);
	if (number == SYS_openat2) {
		int dir = (int)a[0];
		const char *path = (const char *)a[1];
		const struct open_how *how = (const struct open_how *)a[2];
		char buf[PATH_MAX];
		if (opens_to_change(dir, path, (int)how->flags) &&
		    fails(whole(dir, path, buf)))
			return -1;
	}
	return real_syscall(number, a[0], a[1], a[2], a[3], a[4], a[5]);
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

ssize_t write(int fd, const void *data, size_t len)
{
	REAL(write);
	if (delay_us && fd > 2)
		usleep((useconds_t)delay_us);
	/* Standard error and the like are not the disk being filled. */
	if (fd > 2 && !only_path) {
		if (fails(NULL))
			return -1;
		if (byte_limit) {
			long had = __atomic_fetch_sub(&bytes_left, (long)len,
			                              __ATOMIC_SEQ_CST);
			if (had <= 0) {
				errno = ENOSPC;
				return -1;
			}
			if ((size_t)had < len)
				len = (size_t)had;
		}
	}
	return real_write(fd, data, len);
}

int mkdir(const char *path, mode_t mode)
{
	REAL(mkdir);
	return makes(AT_FDCWD, path) && fails(path) ? -1 : real_mkdir(path, mode);
}

int mkdirat(int dir, const char *path, mode_t mode)
{
	REAL(mkdirat);
	char buf[PATH_MAX];
	return makes(dir, path) && fails(whole(dir, path, buf))
	       ? -1 : real_mkdirat(dir, path, mode);
}

char *mkdtemp(char *template)
{
	REAL(mkdtemp);
	return fails(template) ? NULL : real_mkdtemp(template);
}

int mkstemp(char *template)
{
	REAL(mkstemp);
	return fails(template) ? -1 : real_mkstemp(template);
}

/* Renaming and removing need no space (a directory that must grow by a
 * block for a new name is the rare exception, not made here). */
static bool moves_fail(const char *path, const char *other)
{
	return !disk_full() && fails2(path, other);
}

int rename(const char *from, const char *to)
{
	REAL(rename);
	return moves_fail(from, to) ? -1 : real_rename(from, to);
}

int renameat(int fd1, const char *from, int fd2, const char *to)
{
	REAL(renameat);
	return moves_fail(from, to) ? -1 : real_renameat(fd1, from, fd2, to);
}

int renameat2(int fd1, const char *from, int fd2, const char *to,
              unsigned flags)
{
	REAL(renameat2);
	return moves_fail(from, to) ? -1
	       : real_renameat2(fd1, from, fd2, to, flags);
}

int unlink(const char *path)
{
	REAL(unlink);
	return moves_fail(path, NULL) ? -1 : real_unlink(path);
}

int unlinkat(int dir, const char *path, int flags)
{
	REAL(unlinkat);
	char buf[PATH_MAX];
	return moves_fail(whole(dir, path, buf), NULL)
	       ? -1 : real_unlinkat(dir, path, flags);
}

int rmdir(const char *path)
{
	REAL(rmdir);
	return moves_fail(path, NULL) ? -1 : real_rmdir(path);
}

int link(const char *from, const char *to)
{
	REAL(link);
	return makes(AT_FDCWD, to) && fails(to) ? -1 : real_link(from, to);
}

int symlink(const char *target, const char *path)
{
	REAL(symlink);
	return makes(AT_FDCWD, path) && fails(path) ? -1
	       : real_symlink(target, path);
}
