/* Runs a command several times and prints the median wall time and the
 * peak resident memory of the runs (from wait4's rusage).
 *   measure RUNS COMMAND [ARGS...]
 * Output: "<median seconds> <peak RSS in KiB>" on stdout; the command's
 * own output goes to /dev/null. */
#define _DEFAULT_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static int by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
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
