/* HTTP for the preview: libmicrohttpd with one thread per connection,
 * which suits event streams that stay open as long as a tab does. Only
 * GET and HEAD; the output directory's files through paths.c; /_porta/
 * for the server's own parts. Every answer says no-store and nosniff. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <microhttpd.h>

#include "../core/alloc.h"
#include "../core/fs.h"
#include "serve_internal.h"

/* Enough for many tabs and their pages' files at once. */
enum { CONNECTIONS = 512, IDLE_SECONDS = 60 };

static const char html_type[] = "text/html; charset=utf-8";
static const char text_type[] = "text/plain; charset=utf-8";

struct server {
	struct MHD_Daemon *v4, *v6;
	int port;
	char *root;
	live_t *live;
};

/* Queues r with the common headers and lets go of it. A NULL r (MHD out
 * of memory) closes the connection. */
static enum MHD_Result reply(struct MHD_Connection *c, unsigned status,
                             struct MHD_Response *r, const char *type)
{
	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, MHD_HTTP_HEADER_CONTENT_TYPE, type);
	MHD_add_response_header(r, MHD_HTTP_HEADER_X_CONTENT_TYPE_OPTIONS,
	                        "nosniff");
	MHD_add_response_header(r, MHD_HTTP_HEADER_CACHE_CONTROL, "no-store");
	enum MHD_Result rc = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return rc;
}

static struct MHD_Response *constant(const char *text)
{
	return MHD_create_response_from_buffer(strlen(text), (void *)text,
	                                       MHD_RESPMEM_PERSISTENT);
}

/* Hands b's storage to MHD, which frees it with the response. */
static enum MHD_Result reply_buf(struct MHD_Connection *c, unsigned status,
                                 buf_t *b, const char *type)
{
	size_t len = b->len;
	char *data = buf_detach(b);
	struct MHD_Response *r =
		MHD_create_response_from_buffer(len, data, MHD_RESPMEM_MUST_FREE);
	if (!r)
		free(data);
	return reply(c, status, r, type);
}

static enum MHD_Result reply_text(struct MHD_Connection *c, unsigned status,
                                  const char *text)
{
	return reply(c, status, constant(text), text_type);
}

static enum MHD_Result redirect(struct MHD_Connection *c, const char *to)
{
	struct MHD_Response *r = constant("moved\n");
	if (r)
		MHD_add_response_header(r, MHD_HTTP_HEADER_LOCATION, to);
	return reply(c, MHD_HTTP_MOVED_PERMANENTLY, r, text_type);
}

/* Pages get the error panel while the last build has failed; other files
 * go out as they are. Each is read whole, while no build writes: a
 * preview's edit writes files in place (write/output.h). */
static enum MHD_Result reply_file(server_t *s, struct MHD_Connection *c,
                                  unsigned status, const char *file,
                                  const char *report)
{
	const char *type = path_content_type(file);
	buf_t body = BUF_INIT;
	live_files_lock(s->live, false);
	int rc = fs_read(file, &body.data, &body.len);
	live_files_unlock(s->live);
	if (rc < 0)
		return reply_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
	body.cap = body.len + 1;
	if (report && strcmp(type, html_type) == 0)
		overlay_insert(&body, report);
	return reply_buf(c, status, &body, type);
}

/* /_porta/<name>: the reload script, its worker, the event stream, the
 * panel's style and the error page. */
static enum MHD_Result reply_own(server_t *s, struct MHD_Connection *c,
                                 const char *name, const live_view_t *view)
{
	if (strcmp(name, "events") == 0) {
		const union MHD_ConnectionInfo *info =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
		return reply(c, MHD_HTTP_OK,
		             events_response(s->live, info ? info->connect_fd : -1),
		             "text/event-stream");
	}
	if (strcmp(name, "reload.js") == 0)
		return reply(c, MHD_HTTP_OK, constant(events_script),
		             "text/javascript; charset=utf-8");
	if (strcmp(name, "worker.js") == 0)
		return reply(c, MHD_HTTP_OK, constant(events_worker),
		             "text/javascript; charset=utf-8");
	if (strcmp(name, "porta.css") == 0)
		return reply(c, MHD_HTTP_OK, constant(overlay_css),
		             "text/css; charset=utf-8");
	if (strcmp(name, "errors") == 0) {
		buf_t page = BUF_INIT;
		overlay_page(&page, view->report,
		             view->has_site ? view->base : NULL);
		return reply_buf(c, MHD_HTTP_OK, &page, html_type);
	}
	return reply_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
}

/* The site lives at view->base ("/x/"), where its links expect it; the
 * files are written without that prefix. "/" and "/x" lead to "/x/". */
static enum MHD_Result reply_site(server_t *s, struct MHD_Connection *c,
                                  const char *url, const live_view_t *view)
{
	size_t n = strlen(view->base);
	bool inside = strncmp(url, view->base, n) == 0;
	if (!inside && (strcmp(url, "/") == 0 ||
	                (strncmp(url, view->base, n - 1) == 0 && !url[n - 1])))
		return redirect(c, view->base);
	char *file = NULL;
	path_kind_t kind = path_resolve(s->root, inside ? url + n - 1 : url,
	                                &file);
	if (!inside && kind != PATH_FORBIDDEN) {
		free(file);
		file = NULL;
		kind = PATH_MISSING;
	}
	enum MHD_Result rc;
	switch (kind) {
	case PATH_FILE:
		rc = reply_file(s, c, MHD_HTTP_OK, file, view->report);
		break;
	case PATH_REDIRECT: {
		/* url passed paths.c's checks: no control bytes, no "//". */
		buf_t to = BUF_INIT;
		buf_printf(&to, "%s/", url);
		rc = redirect(c, buf_cstr(&to));
		buf_free(&to);
		break;
	}
	case PATH_MISSING:
		if (path_resolve(s->root, "/404.html", &file) == PATH_FILE)
			rc = reply_file(s, c, MHD_HTTP_NOT_FOUND, file,
			                view->report);
		else
			rc = reply_text(c, MHD_HTTP_NOT_FOUND, "not found\n");
		break;
	default:
		rc = reply_text(c, MHD_HTTP_FORBIDDEN, "forbidden\n");
		break;
	}
	free(file);
	return rc;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c,
                              const char *url, const char *method,
                              const char *version, const char *upload,
                              size_t *upload_size, void **request)
{
	static char seen;
	server_t *s = cls;
	(void)version;
	(void)upload;
	if (strcmp(method, MHD_HTTP_METHOD_GET) != 0 &&
	    strcmp(method, MHD_HTTP_METHOD_HEAD) != 0) {
		struct MHD_Response *r = constant("method not allowed\n");
		if (r)
			MHD_add_response_header(r, MHD_HTTP_HEADER_ALLOW, "GET, HEAD");
		return reply(c, MHD_HTTP_METHOD_NOT_ALLOWED, r, text_type);
	}
	/* The first call only announces the request. Answering then would
	 * make MHD close the connection, as it could not know whether a body
	 * follows; a body sent with GET is read and ignored. */
	if (!*request) {
		*request = &seen;
		return MHD_YES;
	}
	if (*upload_size) {
		*upload_size = 0;
		return MHD_YES;
	}
	live_view_t view;
	live_view(s->live, &view);
	enum MHD_Result rc;
	if (strncmp(url, "/_porta/", 8) == 0) {
		rc = reply_own(s, c, url + 8, &view);
	} else if (view.has_site) {
		rc = reply_site(s, c, url, &view);
	} else {
		/* No build has succeeded yet: there is nothing but the
		 * errors. */
		buf_t page = BUF_INIT;
		overlay_page(&page, view.report, NULL);
		rc = reply_buf(c, MHD_HTTP_SERVICE_UNAVAILABLE, &page, html_type);
	}
	live_view_free(&view);
	return rc;
}

/* Leaves %XX escapes in place: paths.c decodes them itself, so that an
 * encoded slash or NUL can be told from a real one. */
static size_t keep_escapes(void *cls, struct MHD_Connection *c, char *s)
{
	(void)cls;
	(void)c;
	return strlen(s);
}

static struct MHD_Daemon *listen_on(server_t *s, int family, int port)
{
	struct sockaddr_in v4 = {0};
	struct sockaddr_in6 v6 = {0};
	struct sockaddr *addr = (struct sockaddr *)&v4;
	/* poll() rather than select(), which cannot take descriptors past
	 * FD_SETSIZE. */
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD |
	                 MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL;
	if (family == AF_INET6) {
		v6.sin6_family = AF_INET6;
		v6.sin6_port = htons((uint16_t)port);
		v6.sin6_addr = in6addr_loopback;
		addr = (struct sockaddr *)&v6;
		flags |= MHD_USE_IPv6;
	} else {
		v4.sin_family = AF_INET;
		v4.sin_port = htons((uint16_t)port);
		v4.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	}
	return MHD_start_daemon(flags, (uint16_t)port, NULL, NULL, handle, s,
	                        MHD_OPTION_SOCK_ADDR, addr,
	                        MHD_OPTION_UNESCAPE_CALLBACK, keep_escapes, NULL,
	                        MHD_OPTION_CONNECTION_LIMIT, (unsigned)CONNECTIONS,
	                        MHD_OPTION_CONNECTION_TIMEOUT,
	                        (unsigned)IDLE_SECONDS, MHD_OPTION_END);
}

server_t *server_start(int port, int tries, const char *root, live_t *live)
{
	server_t *s = xcalloc(1, sizeof *s);
	s->root = xstrdup(root);
	s->live = live;
	for (int i = 0; !s->v4 && i < (port ? tries : 1) && port + i < 65536; i++) {
		s->v4 = listen_on(s, AF_INET, port + i);
		s->port = port + i;
	}
	if (!s->v4) {
		server_free(s);
		return NULL;
	}
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(s->v4, MHD_DAEMON_INFO_BIND_PORT);
	if (info)
		s->port = info->port;
	/* ::1 too, for browsers that try it first for "localhost"; where the
	 * system has no IPv6, or the port is taken there, 127.0.0.1 is
	 * enough. */
	s->v6 = listen_on(s, AF_INET6, s->port);
	return s;
}

int server_port(const server_t *s)
{
	return s->port;
}

void server_free(server_t *s)
{
	if (!s)
		return;
	if (s->v6)
		MHD_stop_daemon(s->v6);
	if (s->v4)
		MHD_stop_daemon(s->v4);
	free(s->root);
	free(s);
}
