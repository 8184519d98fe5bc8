/* porta serve: build once, serve, and build again after every change
 * until SIGINT or SIGTERM. The signals are blocked in every thread and
 * read from a signalfd beside the watch, so that Ctrl-C ends the loop
 * rather than the process, and everything is freed on one path. */
#define _XOPEN_SOURCE 700 /* realpath */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/signalfd.h>
#include <time.h>
#include <unistd.h>

#include "../core/alloc.h"
#include "../core/fs.h"
#include "../core/report.h"
#include "../pipeline/pipeline.h"
#include "serve.h"
#include "serve_internal.h"

enum { PORT_TRIES = 21 }; /* the port asked for and the next twenty */

static double ms_since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* After an edit to one text, only the pages that show it were made, and
 * published at once; the files made of the whole site follow. */
static void finish(pipeline_t *p, live_t *live, FILE *log)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	live_files_lock(live, true);
	pipeline_result_t r = pipeline_finish(p);
	live_files_unlock(live);
	double ms = ms_since(&t0);
	/* The old versions of the replaced files go once the new ones are all
	 * in place (nobody waits for the disk to free them), before this is
	 * said: after the line, the output is as a whole build leaves it. */
	pipeline_tidy(p);
	if (r.io_error)
		fprintf(log, "porta: %s\n", r.io_error);
	else
		fprintf(log, "porta: site-wide files (search index, open data, "
		             "feeds) up to date in %.0f ms; %zu file%s changed\n",
		        ms, r.written, r.written == 1 ? "" : "s");
	fflush(log);
	free(r.io_error);
}

/* Builds into opts->out, says how it went, and publishes it: a failed
 * build leaves the previous one in place (the pipeline swaps directories
 * only after a full success). changed is the one file changed, if known. */
static void build(const serve_opts_t *o, pipeline_t *p, const char *changed,
                  live_t *live, FILE *log, const char *verb, bool *has_site)
{
	diags_t d;
	diags_init(&d);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	live_files_lock(live, true);
	pipeline_result_t r = pipeline_build(p, changed, &d);
	live_files_unlock(live);
	double ms = ms_since(&t0);
	diags_sort(&d);
	buf_t report = BUF_INIT;
	report_write(&report, &d, REPORT_TEXT, o->lang);
	if (r.io_error)
		buf_printf(&report, "porta: %s\n", r.io_error);
	bool ok = !r.io_error && d.errors == 0;
	*has_site |= ok;
	fputs(buf_cstr(&report), log);
	const char *after = *has_site ? "the last good version is still served"
	                              : "there is nothing to serve yet";
	if (ok && r.partial)
		fprintf(log, "porta: %s changed: rebuilt the %zu page%s showing it "
		             "in %.0f ms; %zu file%s changed\n", changed, r.pages,
		        r.pages == 1 ? "" : "s", ms, r.written,
		        r.written == 1 ? "" : "s");
	else if (ok)
		fprintf(log, "porta: %s %zu pages in %.0f ms; %zu file%s changed\n",
		        verb, r.pages, ms, r.written, r.written == 1 ? "" : "s");
	else if (d.errors)
		fprintf(log, "porta: %zu error%s; %s\n", d.errors,
		        d.errors == 1 ? "" : "s", after);
	else
		fprintf(log, "porta: %s\n", after);
	fflush(log);
	char *base = ok ? base_read(o->content) : NULL;
	live_publish(live, ok, buf_cstr(&report), base);
	free(base);
	buf_free(&report);
	free(r.io_error);
	diags_free(&d);
	if (ok && r.partial)
		finish(p, live, log);
}

/* The directory a path is in: "." for "content", "/" for "/content".
 * The caller frees it. */
static char *parent_of(const char *path)
{
	size_t n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	if (n == 0)
		return xstrdup(".");
	while (n > 1 && path[n - 1] == '/')
		n--;
	return xstrndup(path, n);
}

/* The theme to watch: the one given, or else every theme beside the
 * content (site.yaml's is among them). NULL when there is none. */
static char *theme_root(const serve_opts_t *o)
{
	if (o->theme)
		return xstrdup(o->theme);
	/* As load.c finds it: themes/<name> beside the content. */
	char *parent = parent_of(o->content);
	char *themes = fs_join(parent, "themes");
	free(parent);
	if (!fs_is_dir(themes)) {
		free(themes);
		return NULL;
	}
	return themes;
}

/* Whether the output would land in a watched tree, where every build
 * would start the next one. */
static bool out_inside(const char *out, const char *const *roots, size_t n)
{
	char *parent = parent_of(out);
	size_t len = strlen(out);
	while (len > 1 && out[len - 1] == '/')
		len--;
	const char *base = out + len;
	while (base > out && base[-1] != '/')
		base--;
	fs_mkdirs(parent);
	char *real = realpath(parent, NULL);
	buf_t full = BUF_INIT;
	if (real)
		buf_printf(&full, "%s/%.*s", real, (int)(out + len - base), base);
	bool inside = false;
	for (size_t i = 0; real && i < n && !inside; i++) {
		char *root = realpath(roots[i], NULL);
		size_t k = root ? strlen(root) : 0;
		inside = root && strncmp(full.data, root, k) == 0 &&
		         (full.data[k] == '\0' || full.data[k] == '/');
		free(root);
	}
	buf_free(&full);
	free(real);
	free(parent);
	return inside;
}

int serve_run(const serve_opts_t *o, FILE *out, FILE *log)
{
	int rc = -1, sigfd = -1, waited;
	live_t *live = live_new();
	watch_t *watch = NULL;
	server_t *server = NULL;
	char *themes = theme_root(o);
	const char *roots[2] = {o->content, themes}, *failed;
	size_t nroots = themes ? 2 : 1;
	bool has_site = false;
	pipeline_opts_t popts = {o->content, o->theme, o->out, o->draft,
	                         events_snippet};
	pipeline_t *pipeline = pipeline_new(&popts);
	sigset_t stop, old;
	struct signalfd_siginfo si;
	struct sigaction ignore = {.sa_handler = SIG_IGN};
	struct sigaction deflt = {.sa_handler = SIG_DFL};
	struct sigaction old_pipe, old_int, old_term;

	/* Blocked before any thread starts, so that every thread inherits
	 * the mask and the signals can only arrive through sigfd. Not
	 * ignored either, or they would never arrive: a shell starts
	 * background commands with SIGINT ignored. A client gone mid-answer
	 * is an error return, not SIGPIPE. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGINT);
	sigaddset(&stop, SIGTERM);
	pthread_sigmask(SIG_BLOCK, &stop, &old);
	sigaction(SIGINT, &deflt, &old_int);
	sigaction(SIGTERM, &deflt, &old_term);
	sigaction(SIGPIPE, &ignore, &old_pipe);
	sigfd = signalfd(-1, &stop, SFD_CLOEXEC);
	if (sigfd < 0) {
		fprintf(log, "porta: cannot wait for signals: %s\n",
		        strerror(errno));
		goto out;
	}
	if (out_inside(o->out, roots, nroots)) {
		fprintf(log, "porta: the output directory %s is inside a watched "
		             "directory; every build would start another\n", o->out);
		goto out;
	}
	/* Watching starts before the first build, so that an edit made
	 * during it is not missed. */
	watch = watch_new(roots, nroots, &failed);
	if (!watch) {
		fprintf(log, "porta: cannot watch %s: %s\n", failed,
		        strerror(errno));
		goto out;
	}
	build(o, pipeline, NULL, live, log, "built", &has_site);
	server = server_start(o->port, PORT_TRIES, o->out, live);
	if (!server) {
		if (o->port)
			fprintf(log, "porta: cannot listen on 127.0.0.1 at ports "
			             "%d to %d\n", o->port, o->port + PORT_TRIES - 1);
		else
			fprintf(log, "porta: cannot listen on 127.0.0.1\n");
		goto out;
	}
	fprintf(out, "porta: serving http://127.0.0.1:%d/ (Ctrl-C stops)\n",
	        server_port(server));
	fflush(out);
	while ((waited = watch_wait(watch, sigfd)) > 0)
		build(o, pipeline, watch_changed_file(watch), live, log, "rebuilt",
		      &has_site);
	if (waited < 0) {
		fprintf(log, "porta: cannot watch for changes: %s\n",
		        strerror(errno));
		goto out;
	}
	/* Taken, so that it is not delivered when the old mask returns. */
	if (read(sigfd, &si, sizeof si) < 0)
		si.ssi_signo = 0;
	fprintf(log, "porta: stopped\n");
	rc = 0;
out:
	live_stop(live); /* ends the event streams, or stopping would wait */
	server_free(server);
	watch_free(watch);
	live_free(live);
	pipeline_free(pipeline);
	free(themes);
	if (sigfd >= 0)
		close(sigfd);
	sigaction(SIGPIPE, &old_pipe, NULL);
	/* After a stop the signals stay blocked: a second one may come while
	 * stopping (timeout(1) signals the server and then its process
	 * group), and unblocked it would end the process after a clean stop. */
	if (rc != 0) {
		sigaction(SIGTERM, &old_term, NULL);
		sigaction(SIGINT, &old_int, NULL);
		pthread_sigmask(SIG_SETMASK, &old, NULL);
	}
	return rc;
}
