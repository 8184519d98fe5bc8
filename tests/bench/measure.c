/* Runs a command several times and prints the median wall time and the
 * peak resident memory of the runs (from wait4's rusage).
 *   measure RUNS COMMAND [ARGS...]
 * In the arguments, {} stands for the number of the run (1, 2, ...), so
 * that each run can write to a place of its own.
 * Output: "<median seconds> <peak RSS in KiB>" on stdout; the command's
 * own output goes to /dev/null. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* arg with every {} replaced by number (a fresh string), or arg. */
static char *with_number(char *arg, const char *number)
{
	if (!strstr(arg, "{}"))
		return arg;
	char *s = malloc(strlen(arg) * (strlen(number) + 1) + 1), *to = s;
	if (!s)
		return arg;
	for (const char *p = arg; *p;) {
		if (p[0] == '{' && p[1] == '}') {
			to = stpcpy(to, number);
			p += 2;
		} else {
			*to++ = *p++;
		}
	}
	*to = '\0';
	return s;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: measure RUNS COMMAND [ARGS...]\n", stderr);
		return 2;
	}
	int runs = atoi(argv[1]);
	double *times = calloc((size_t)runs, sizeof *times);
	long peak = 0;
	for (int i = 0; i < runs; i++) {
		struct timespec t0, t1;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		pid_t pid = fork();
		if (pid == 0) {
			int null = open("/dev/null", O_WRONLY);
			dup2(null, 1);
			dup2(null, 2);
			char number[16];
			snprintf(number, sizeof number, "%d", i + 1);
			for (int a = 2; a < argc; a++)
				argv[a] = with_number(argv[a], number);
			execvp(argv[2], argv + 2);
			_exit(127);
		}
		int status;
		struct rusage ru;
		wait4(pid, &status, 0, &ru);
		clock_gettime(CLOCK_MONOTONIC, &t1);
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			fprintf(stderr, "measure: %s failed\n", argv[2]);
			return 1;
		}
		times[i] = (double)(t1.tv_sec - t0.tv_sec) +
		           (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		if (ru.ru_maxrss > peak)
			peak = ru.ru_maxrss;
	}
	qsort(times, (size_t)runs, sizeof *times, by_value);
	printf("%.3f %ld\n", times[runs / 2], peak);
	free(times);
	return 0;
}
