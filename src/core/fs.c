#define _GNU_SOURCE /* renameat2 */
#include "fs.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"

int fs_read_fd(int fd, size_t size, char **data, size_t *len)
{
	/* Read to the end rather than trusting size: the file may change.
	 * Room for a byte more than size: a file of that size reads short. */
	size_t cap = size + 2, n = 0;
	char *p = xmalloc(cap);
	for (;;) {
		if (n + 1 >= cap) {
			cap *= 2;
			p = xrealloc(p, cap);
		}
		size_t want = cap - n - 1;
		ssize_t r = read(fd, p + n, want);
		if (r < 0) {
			if (errno == EINTR)
				continue;
			int saved = errno;
			free(p);
			errno = saved;
			return -1;
		}
		n += (size_t)r;
		/* A regular file reads short only at its end: no call to hear
		 * that there is nothing more. */
		if ((size_t)r < want)
			break;
	}
	p[n] = '\0';
	*data = p;
	*len = n;
	return 0;
}

int fs_read(const char *path, char **data, size_t *len)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = -1;
	if (fstat(fd, &st) == 0) {
		if (S_ISREG(st.st_mode))
			rc = fs_read_fd(fd, (size_t)st.st_size, data, len);
		else
			errno = EISDIR;
	}
	int saved = errno;
	close(fd);
	errno = saved;
	return rc;
}

int fs_write_fd(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t w = write(fd, data, len);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += w;
		len -= (size_t)w;
	}
	return 0;
}

int fs_write(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return -1;
	if (fs_write_fd(fd, data, len) < 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return close(fd);
}

char *fs_write_beside(const char *path, const char *data, size_t len)
{
	char *tmp = xmalloc(strlen(path) + 16);
	sprintf(tmp, "%s.new-XXXXXX", path);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		free(tmp);
		return NULL;
	}
	close(fd);
	/* mkstemp makes the file private; content is as readable as before. */
	int rc = chmod(tmp, 0644);
	if (rc == 0)
		rc = fs_write(tmp, data, len);
	if (rc < 0) {
		int saved = errno;
		unlink(tmp);
		free(tmp);
		errno = saved;
		return NULL;
	}
	return tmp;
}

int fs_write_atomic(const char *path, const char *data, size_t len)
{
	char *tmp = fs_write_beside(path, data, len);
	if (!tmp)
		return -1;
	int rc = rename(tmp, path);
	int saved = errno;
	if (rc < 0)
		unlink(tmp);
	free(tmp);
	errno = saved;
	return rc;
}

int fs_mkdirs(const char *path)
{
	char *p = xstrdup(path);
	int rc = 0;
	for (char *s = p + 1; ; s++) {
		if (*s == '/' || *s == '\0') {
			char saved = *s;
			*s = '\0';
			if (mkdir(p, 0755) < 0 && errno != EEXIST) {
				rc = -1;
				break;
			}
			*s = saved;
			if (!saved)
				break;
		}
	}
	if (rc == 0 && !fs_is_dir(path)) {
		errno = ENOTDIR;
		rc = -1;
	}
	int saved = errno;
	free(p);
	errno = saved;
	return rc;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int fs_list(const char *dir, char ***names, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d)
		return -1;
	char **v = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			v = xrealloc(v, cap * sizeof *v);
		}
		v[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	if (n > 1)
		qsort(v, n, sizeof *v, compare_names);
	*names = v;
	*count = n;
	return 0;
}

void fs_list_free(char **names, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free(names[i]);
	free(names);
}

bool fs_is_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool fs_is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

int fs_remove_tree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) < 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	char **names;
	size_t n;
	if (fs_list(path, &names, &n) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *child = fs_join(path, names[i]);
		rc = fs_remove_tree(child);
		free(child);
	}
	fs_list_free(names, n);
	return rc == 0 ? rmdir(path) : rc;
}

int fs_copy(const char *from, const char *to)
{
	char *data;
	size_t len;
	if (fs_read(from, &data, &len) < 0)
		return -1;
	int rc = fs_write(to, data, len);
	int saved = errno;
	free(data);
	errno = saved;
	return rc;
}

int fs_copy_tree(const char *from, const char *to)
{
	if (fs_mkdirs(to) < 0)
		return -1;
	char **names;
	size_t n;
	if (fs_list(from, &names, &n) < 0)
		return -1;
	int rc = 0;
	for (size_t i = 0; i < n && rc == 0; i++) {
		char *src = fs_join(from, names[i]);
		char *dst = fs_join(to, names[i]);
		struct stat st;
		if (lstat(src, &st) < 0)
			rc = -1;
		else if (S_ISDIR(st.st_mode))
			rc = fs_copy_tree(src, dst);
		else if (S_ISREG(st.st_mode))
			rc = fs_copy(src, dst);
		free(src);
		free(dst);
	}
	int saved = errno;
	fs_list_free(names, n);
	errno = saved;
	return rc;
}

int fs_swap(const char *fresh, const char *target)
{
	if (renameat2(AT_FDCWD, fresh, AT_FDCWD, target, RENAME_EXCHANGE) == 0)
		return 0;
	if (errno == ENOENT && !fs_is_dir(target) && access(target, F_OK) != 0)
		return rename(fresh, target);
	return -1;
}

char *fs_join(const char *a, const char *b)
{
	size_t la = strlen(a);
	while (la > 1 && a[la - 1] == '/')
		la--;
	size_t lb = strlen(b);
	char *p = xmalloc(la + lb + 2);
	memcpy(p, a, la);
	p[la] = '/';
	memcpy(p + la + 1, b, lb + 1);
	return p;
}
