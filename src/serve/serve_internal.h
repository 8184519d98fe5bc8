/* What the parts of the preview server share; nothing outside src/serve/
 * includes this. The builder (serve.c) publishes each build to live.c;
 * the HTTP threads (server.c, events.c) read it from there. */
#ifndef PORTA_SERVE_INTERNAL_H
#define PORTA_SERVE_INTERNAL_H

#include <stdbool.h>

#include "../core/buf.h"

struct MHD_Response;

/* live.c: the outcome of the last build, shared between threads. */
typedef struct live live_t;

live_t *live_new(void);
void live_free(live_t *live); /* accepts NULL */

/* Records a build and wakes every event stream. ok: the output directory
 * now holds this build, whose pages expect to be served at base ("/" or
 * "/x/"); otherwise report (the text `porta check` prints) says why it
 * failed, and the previous build, if any, stays. */
void live_publish(live_t *live, bool ok, const char *report,
                  const char *base);

/* The output's files: a build may write some in place (a preview's edit
 * does, write/output.h), so requests read them while no build runs. The
 * builder locks for writing around each build; requests for reading. */
void live_files_lock(live_t *live, bool writing);
void live_files_unlock(live_t *live);

/* Wakes every event stream for good: the server is stopping. */
void live_stop(live_t *live);

/* What a request needs to know of the last build, copied. */
typedef struct {
	bool has_site; /* a build has succeeded */
	char *report;  /* why the last build failed, or NULL */
	char *base;    /* where the site's pages expect to be: "/" or "/x/" */
} live_view_t;

void live_view(live_t *live, live_view_t *view);
void live_view_free(live_view_t *view);

/* The number of builds published so far. */
unsigned long live_generation(live_t *live);

typedef enum { LIVE_CHANGED, LIVE_TIMEOUT, LIVE_STOPPED } live_wait_t;

/* Waits up to ms milliseconds for a build after the seen-th; on
 * LIVE_CHANGED *now is the new generation. */
live_wait_t live_wait(live_t *live, unsigned long seen, int ms,
                      unsigned long *now);

/* events.c: live reload. */

/* What every page built for the preview gets before </body>. */
extern const char events_snippet[];
/* /_porta/reload.js and /_porta/worker.js. */
extern const char events_script[];
extern const char events_worker[];

/* A text/event-stream response that sends "hello" at once, then "rebuild"
 * after every build, until the client goes away (noticed by polling
 * client_fd) or the server stops. The caller queues and destroys it. */
struct MHD_Response *events_response(live_t *live, int client_fd);

/* paths.c: request path to file, refusing anything that could leave the
 * output directory. */
typedef enum {
	PATH_FILE,      /* *file is the real path of a regular file */
	PATH_REDIRECT,  /* a directory asked for without its final '/' */
	PATH_MISSING,   /* nothing there: the site's 404 page */
	PATH_FORBIDDEN  /* hostile or malformed: refused */
} path_kind_t;

/* Maps url, the request path still percent-encoded, to a file under root.
 * On PATH_FILE the caller frees *file; otherwise it is NULL. */
path_kind_t path_resolve(const char *root, const char *url, char **file);

/* The Content-Type for a file name, with "; charset=utf-8" on text. */
const char *path_content_type(const char *file);

/* base.c: the path part of site.yaml's base_url, which every link of
 * the site starts with: "/" or "/x/". "/" when it cannot be read. The
 * caller frees it. */
char *base_read(const char *content);

/* overlay.c: the content's errors shown in the browser. */

/* /_porta/porta.css: the look of the panel and of the error page. */
extern const char overlay_css[];

/* Inserts the error panel, listing report, just after the <body> tag of
 * the page in html (or at its start when there is no such tag). */
void overlay_insert(buf_t *html, const char *report);

/* A page of its own for the report: /_porta/errors, and every path while
 * no build has succeeded. report NULL means there are no errors; base,
 * when not NULL, is where the site is. */
void overlay_page(buf_t *out, const char *report, const char *base);

/* server.c: libmicrohttpd on the loopback addresses. */
typedef struct server server_t;

/* Listens on 127.0.0.1 (and ::1 when the system has it) at port, or at
 * the next free one of the following tries, and serves root (which need
 * not exist yet). Returns NULL if no port could be bound. */
server_t *server_start(int port, int tries, const char *root, live_t *live);

/* The port listened on. */
int server_port(const server_t *server);

/* Stops listening, ends every connection and frees. Call live_stop first
 * so that event streams end. Accepts NULL. */
void server_free(server_t *server);

/* watch.c: inotify on directory trees. */
typedef struct watch watch_t;

/* Watches each of the n directories and every directory below them,
 * including those created later. Returns NULL with errno set when one
 * cannot be watched; *failed then names it. */
watch_t *watch_new(const char *const *dirs, size_t n, const char **failed);
void watch_free(watch_t *watch); /* accepts NULL */

/* Waits for a change, then for its burst of events to settle. Returns 1
 * after a change, 0 when stop_fd became readable, -1 with errno set on
 * failure. Editors' swap and backup files do not count as changes. */
int watch_wait(watch_t *watch, int stop_fd);

/* The one file the last change was to (its path as the watched directory
 * names it, owned by the watch until the next wait), or NULL when it
 * touched several, or a directory. */
const char *watch_changed_file(const watch_t *watch);

#endif
