/* How fast each core runs a fixed loop now, in seconds: on a machine to
 * itself the cores agree and do not change; a virtual machine's host may
 * slow one or all of them, by more than twice here, which then shows in
 * every figure of the bench.
 *   cores
 * Output: one time per core the process may run on, in order. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <time.h>

static double seconds(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(void)
{
	cpu_set_t all;
	if (sched_getaffinity(0, sizeof all, &all) != 0) {
		printf("?\n"); /* not known: the bench goes on */
		return 0;
	}
	const char *sep = "";
	for (int cpu = 0; cpu < CPU_SETSIZE; cpu++) {
		if (!CPU_ISSET(cpu, &all))
			continue;
		cpu_set_t one;
		CPU_ZERO(&one);
		CPU_SET(cpu, &one);
		if (sched_setaffinity(0, sizeof one, &one) != 0)
			continue;
		volatile unsigned long sum = 0;
		double start = seconds();
		for (unsigned long i = 0; i < 200000000UL; i++)
			sum += i;
		printf("%s%.3f", sep, seconds() - start);
		sep = " ";
	}
	printf("\n");
	return 0;
}
