/* Live reload with Server-Sent Events. Each stream sends "hello" when it
 * opens and "rebuild" after every build; the page's script reloads on
 * them. With one thread per connection, a stream's thread waits in
 * live_wait and wakes every half second to see whether its client has
 * gone, so that a closed tab frees its thread at once rather than at the
 * next write. */
#define _GNU_SOURCE /* POLLRDHUP */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <microhttpd.h>

#include "../core/alloc.h"
#include "serve_internal.h"

/* External, not inline: the site's Content-Security-Policy forbids inline
 * scripts. */
const char events_snippet[] =
	"<script src=\"/_porta/reload.js\" defer></script>";

/* Browsers open at most six connections to one server and every stream
 * holds one, so that a seventh tab would never load: tabs share one
 * stream through a shared worker where there is one. A "hello" unlike the
 * first one means another server, or builds missed while the stream was
 * down; either way the page is stale. */
const char events_script[] =
	"// porta serve: reloads the page after every rebuild. Only the preview\n"
	"// server links this script; `porta build` never does.\n"
	"(function () {\n"
	"  \"use strict\";\n"
	"  var first = null;\n"
	"  function on(kind, data) {\n"
	"    if (kind === \"rebuild\") {\n"
	"      location.reload();\n"
	"    } else if (kind === \"hello\") {\n"
	"      if (first === null) first = data;\n"
	"      else if (data !== first) location.reload();\n"
	"    }\n"
	"  }\n"
	"  function direct() {\n"
	"    var source = new EventSource(\"/_porta/events\");\n"
	"    [\"hello\", \"rebuild\"].forEach(function (kind) {\n"
	"      source.addEventListener(kind, function (e) { on(kind, e.data); });\n"
	"    });\n"
	"  }\n"
	"  if (!window.SharedWorker) return direct();\n"
	"  var worker;\n"
	"  try {\n"
	"    worker = new SharedWorker(\"/_porta/worker.js\");\n"
	"  } catch (e) {\n"
	"    return direct();\n"
	"  }\n"
	"  worker.onerror = direct;\n"
	"  worker.port.onmessage = function (e) { on(e.data.kind, e.data.data); };\n"
	"  window.addEventListener(\"pagehide\", function () {\n"
	"    worker.port.postMessage(\"bye\");\n"
	"  });\n"
	"  window.addEventListener(\"pageshow\", function (e) {\n"
	"    if (e.persisted) location.reload();\n"
	"  });\n"
	"})();\n";

const char events_worker[] =
	"// porta serve: one event stream for every open tab of the preview.\n"
	"\"use strict\";\n"
	"var ports = [], hello = null;\n"
	"var source = new EventSource(\"/_porta/events\");\n"
	"function send(message) {\n"
	"  ports.forEach(function (port) { port.postMessage(message); });\n"
	"}\n"
	"source.addEventListener(\"hello\", function (e) {\n"
	"  hello = { kind: \"hello\", data: e.data };\n"
	"  send(hello);\n"
	"});\n"
	"source.addEventListener(\"rebuild\", function (e) {\n"
	"  send({ kind: \"rebuild\", data: e.data });\n"
	"});\n"
	"self.onconnect = function (e) {\n"
	"  var port = e.ports[0];\n"
	"  ports.push(port);\n"
	"  port.onmessage = function (m) {\n"
	"    var i = ports.indexOf(port);\n"
	"    if (m.data === \"bye\" && i >= 0) ports.splice(i, 1);\n"
	"  };\n"
	"  if (hello) port.postMessage(hello);\n"
	"};\n";

enum { SLICE_MS = 500, KEEPALIVE_MS = 15000 };

typedef struct {
	live_t *live;
	int fd;             /* the client's socket, only polled */
	unsigned long seen; /* the last build this client was told of */
	bool greeted;
} stream_t;

static bool client_gone(int fd)
{
	struct pollfd p = {fd, POLLRDHUP, 0};
	return fd >= 0 && poll(&p, 1, 0) > 0 &&
	       (p.revents & (POLLRDHUP | POLLHUP | POLLERR));
}

/* Events are far shorter than the 1024-byte blocks asked for; returning
 * 0 instead would make the thread spin. */
static ssize_t put(char *buf, size_t max, const char *text)
{
	size_t n = strlen(text);
	if (n > max)
		return MHD_CONTENT_READER_END_WITH_ERROR;
	memcpy(buf, text, n);
	return (ssize_t)n;
}

static ssize_t next(void *cls, uint64_t pos, char *buf, size_t max)
{
	stream_t *s = cls;
	char text[96];
	(void)pos;
	if (!s->greeted) {
		snprintf(text, sizeof text, "retry: 1000\nevent: hello\n"
		         "data: %ld.%lu\n\n", (long)getpid(), s->seen);
		s->greeted = true;
		return put(buf, max, text);
	}
	for (int waited = 0; waited < KEEPALIVE_MS; waited += SLICE_MS) {
		unsigned long now;
		switch (live_wait(s->live, s->seen, SLICE_MS, &now)) {
		case LIVE_STOPPED:
			return MHD_CONTENT_READER_END_OF_STREAM;
		case LIVE_CHANGED:
			snprintf(text, sizeof text, "event: rebuild\ndata: %lu\n\n",
			         now);
			s->seen = now;
			return put(buf, max, text);
		case LIVE_TIMEOUT:
			if (client_gone(s->fd))
				return MHD_CONTENT_READER_END_WITH_ERROR;
			break;
		}
	}
	/* A comment now and then keeps idle connections from being dropped
	 * on the way, and a failed write is the surest sign of a gone
	 * client. */
	return put(buf, max, ":\n\n");
}

struct MHD_Response *events_response(live_t *live, int client_fd)
{
	stream_t *s = xcalloc(1, sizeof *s);
	s->live = live;
	s->fd = client_fd;
	s->seen = live_generation(live);
	struct MHD_Response *r =
		MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 1024, next, s,
		                                  free);
	if (!r)
		free(s);
	return r;
}
