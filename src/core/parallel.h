/* Work shared among a few threads: tasks numbered 0..n-1, each taken by
 * the next free thread. The tasks must not depend on each other's order;
 * each thread has a number of its own for the state it keeps. */
#ifndef PORTA_PARALLEL_H
#define PORTA_PARALLEL_H

#include <stddef.h>

/* How many threads work: as many as cores, at most PARALLEL_MAX (past a
 * few, files are what limits a build); PORTA_JOBS=n overrides it. */
enum { PARALLEL_MAX = 8 };
size_t parallel_threads(void);

/* Calls task(i, thread, ctx) for every i below n, on threads numbered
 * below threads (the caller's own thread among them), and returns when
 * all are done. A task returning non-zero stops the others from starting
 * new ones; parallel_run then returns non-zero. */
int parallel_run(size_t n, size_t threads,
                 int (*task)(size_t i, size_t thread, void *ctx), void *ctx);
/* The same with the tasks in lanes: lane k has the tasks from ends[k - 1]
 * (0 for the first) to ends[k] - 1. Thread t takes the tasks of lane
 * t % nlanes first, then of the lanes after it as each runs dry: for
 * tasks that share what a thread keeps between them, so that it is made
 * by fewer threads. */
int parallel_run_lanes(const size_t *ends, size_t nlanes, size_t threads,
                       int (*task)(size_t i, size_t thread, void *ctx),
                       void *ctx);

#endif
