#include "parallel.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <unistd.h>

#include "alloc.h"

typedef struct {
	atomic_size_t next;
	size_t end;
} lane_t;

typedef struct {
	lane_t *lanes;
	size_t nlanes;
	int (*task)(size_t, size_t, void *);
	void *ctx;
	atomic_bool failed;
} pool_t;

typedef struct {
	pool_t *pool;
	size_t thread;
} worker_t;

static void *work(void *arg)
{
	worker_t *w = arg;
	pool_t *p = w->pool;
	for (size_t k = 0; k < p->nlanes; k++) {
		lane_t *lane = &p->lanes[(w->thread + k) % p->nlanes];
		for (;;) {
			size_t i = atomic_fetch_add(&lane->next, 1);
			if (i >= lane->end || atomic_load(&p->failed))
				break;
			if (p->task(i, w->thread, p->ctx) != 0)
				atomic_store(&p->failed, true);
		}
	}
	return NULL;
}

size_t parallel_threads(void)
{
	const char *env = getenv("PORTA_JOBS");
	long n = env ? atol(env) : sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > PARALLEL_MAX ? PARALLEL_MAX : (size_t)n;
}

int parallel_run(size_t n, size_t threads,
                 int (*task)(size_t i, size_t thread, void *ctx), void *ctx)
{
	return parallel_run_lanes(&n, 1, threads, task, ctx);
}

int parallel_run_lanes(const size_t *ends, size_t nlanes, size_t threads,
                       int (*task)(size_t i, size_t thread, void *ctx),
                       void *ctx)
{
	lane_t *lanes = xmalloc((nlanes + 1) * sizeof *lanes);
	for (size_t k = 0; k < nlanes; k++) {
		atomic_init(&lanes[k].next, k ? ends[k - 1] : 0);
		lanes[k].end = ends[k];
	}
	size_t n = nlanes ? ends[nlanes - 1] : 0;
	pool_t pool = {.lanes = lanes, .nlanes = nlanes, .task = task, .ctx = ctx};
	worker_t workers[PARALLEL_MAX];
	pthread_t ids[PARALLEL_MAX];
	if (threads < 1)
		threads = 1;
	if (threads > PARALLEL_MAX)
		threads = PARALLEL_MAX;
	if (threads > n)
		threads = n ? n : 1;
	size_t started = 0;
	for (size_t t = 1; t < threads; t++) {
		workers[t] = (worker_t){&pool, t};
		if (pthread_create(&ids[started], NULL, work, &workers[t]) != 0)
			break;
		started++;
	}
	/* A thread that could not start leaves its share to the others. */
	workers[0] = (worker_t){&pool, 0};
	work(&workers[0]);
	for (size_t t = 0; t < started; t++)
		pthread_join(ids[t], NULL);
	free(lanes);
	return atomic_load(&pool.failed) ? -1 : 0;
}
