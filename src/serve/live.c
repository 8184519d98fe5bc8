/* The last build as the HTTP threads see it. One mutex guards it; the
 * condition variable is how event streams learn of a new build. A
 * read-write lock keeps requests from reading files a build writes. */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>

#include "../core/alloc.h"
#include "serve_internal.h"

struct live {
	pthread_mutex_t lock;
	pthread_cond_t changed;
	unsigned long generation;
	bool stopping;
	bool has_site;
	char *report; /* of the last build when it failed, else NULL */
	char *base;   /* of the last good build */
	pthread_rwlock_t files;
};

live_t *live_new(void)
{
	live_t *live = xcalloc(1, sizeof *live);
	pthread_mutex_init(&live->lock, NULL);
	pthread_rwlock_init(&live->files, NULL);
	/* Timeouts on the monotonic clock, so that setting the wall clock
	 * does not stall or hurry the streams. */
	pthread_condattr_t attr;
	pthread_condattr_init(&attr);
	pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
	pthread_cond_init(&live->changed, &attr);
	pthread_condattr_destroy(&attr);
	return live;
}

void live_free(live_t *live)
{
	if (!live)
		return;
	pthread_cond_destroy(&live->changed);
	pthread_mutex_destroy(&live->lock);
	pthread_rwlock_destroy(&live->files);
	free(live->report);
	free(live->base);
	free(live);
}

void live_publish(live_t *live, bool ok, const char *report,
                  const char *base)
{
	char *copy = ok ? NULL : xstrdup(report ? report : "");
	char *base_copy = ok ? xstrdup(base) : NULL;
	pthread_mutex_lock(&live->lock);
	free(live->report);
	live->report = copy;
	if (ok) {
		free(live->base);
		live->base = base_copy;
		live->has_site = true;
	}
	live->generation++;
	pthread_cond_broadcast(&live->changed);
	pthread_mutex_unlock(&live->lock);
}

void live_files_lock(live_t *live, bool writing)
{
	if (writing)
		pthread_rwlock_wrlock(&live->files);
	else
		pthread_rwlock_rdlock(&live->files);
}

void live_files_unlock(live_t *live)
{
	pthread_rwlock_unlock(&live->files);
}

void live_stop(live_t *live)
{
	pthread_mutex_lock(&live->lock);
	live->stopping = true;
	pthread_cond_broadcast(&live->changed);
	pthread_mutex_unlock(&live->lock);
}

void live_view(live_t *live, live_view_t *view)
{
	pthread_mutex_lock(&live->lock);
	view->has_site = live->has_site;
	view->report = live->report ? xstrdup(live->report) : NULL;
	view->base = xstrdup(live->base ? live->base : "/");
	pthread_mutex_unlock(&live->lock);
}

void live_view_free(live_view_t *view)
{
	free(view->report);
	free(view->base);
}

unsigned long live_generation(live_t *live)
{
	pthread_mutex_lock(&live->lock);
	unsigned long g = live->generation;
	pthread_mutex_unlock(&live->lock);
	return g;
}

live_wait_t live_wait(live_t *live, unsigned long seen, int ms,
                      unsigned long *now)
{
	struct timespec until;
	clock_gettime(CLOCK_MONOTONIC, &until);
	until.tv_sec += ms / 1000;
	until.tv_nsec += (long)(ms % 1000) * 1000000L;
	if (until.tv_nsec >= 1000000000L) {
		until.tv_sec++;
		until.tv_nsec -= 1000000000L;
	}
	pthread_mutex_lock(&live->lock);
	int rc = 0;
	while (!live->stopping && live->generation == seen && rc != ETIMEDOUT)
		rc = pthread_cond_timedwait(&live->changed, &live->lock, &until);
	live_wait_t result = live->stopping ? LIVE_STOPPED
	                     : live->generation != seen ? LIVE_CHANGED
	                     : LIVE_TIMEOUT;
	*now = live->generation;
	pthread_mutex_unlock(&live->lock);
	return result;
}
