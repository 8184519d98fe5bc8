/* The content's errors in the browser, drawn by the server so that they
 * show without JavaScript: a panel at the top of every page while the last
 * build has failed, and a page of its own. The text is exactly what
 * `porta check` prints, escaped, in a <pre> so that the carets line up
 * under the columns. */
#include <string.h>

#include "../render/escape.h"
#include "serve_internal.h"

const char overlay_css[] =
	"/* porta serve: the error panel. Not part of any built site. */\n"
	".porta-errors { display: block; box-sizing: border-box; margin: 0;\n"
	"  padding: 1rem 1.25rem; background: #fff4f4; color: #1a1a1a;\n"
	"  border-bottom: 4px solid #b00020; font: 1rem/1.5 system-ui, sans-serif; }\n"
	".porta-errors h1, .porta-errors h2 { margin: 0 0 .75rem;\n"
	"  font-size: 1.25rem; color: #8a0018; }\n"
	".porta-errors pre { margin: 0; padding: .75rem; overflow-x: auto;\n"
	"  background: #fff; color: #1a1a1a; border: 1px solid #e3b3b8;\n"
	"  font: .875rem/1.4 ui-monospace, monospace; white-space: pre; }\n"
	".porta-errors a { color: #0b57d0; }\n";

static const char behind[] =
	"porta: the content has errors — the last good version is shown below";
static const char still[] =
	"porta: the content has errors — the last good version is still "
	"served";
static const char nothing[] =
	"porta: the content has errors — there is no site to show until they "
	"are fixed";

/* The panel; heading is "h1" on a page of its own, "h2" on a page of the
 * site, which has its own h1. The messages are in English, whatever the
 * page's language. */
static void panel(buf_t *out, const char *report, const char *title,
                  const char *heading)
{
	buf_puts(out, "<section class=\"porta-errors\" id=\"porta-errors\" "
	              "lang=\"en\" role=\"alert\">"
	              "<link rel=\"stylesheet\" href=\"/_porta/porta.css\">");
	buf_printf(out, "<%s>%s</%s><pre>", heading, title, heading);
	escape_html(out, report, strlen(report));
	buf_puts(out, "</pre></section>\n");
}

void overlay_insert(buf_t *html, const char *report)
{
	size_t at = 0;
	const char *body = html->data ? strstr(html->data, "<body") : NULL;
	const char *end = body ? strchr(body, '>') : NULL;
	if (end && (body[5] == '>' || body[5] == ' ' || body[5] == '\n'))
		at = (size_t)(end + 1 - html->data);
	buf_t p = BUF_INIT;
	panel(&p, report, behind, "h2");
	buf_grow(html, p.len);
	memmove(html->data + at + p.len, html->data + at, html->len - at + 1);
	memcpy(html->data + at, p.data, p.len);
	html->len += p.len;
	buf_free(&p);
}

void overlay_page(buf_t *out, const char *report, const char *base)
{
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	              "<meta charset=\"utf-8\">\n"
	              "<meta name=\"viewport\" content=\"width=device-width, "
	              "initial-scale=1\">\n"
	              "<title>porta: errors</title>\n"
	              "<link rel=\"stylesheet\" href=\"/_porta/porta.css\">\n"
	              "</head>\n<body>\n");
	if (report) {
		panel(out, report, base ? still : nothing, "h1");
	} else {
		buf_puts(out, "<main><h1>porta: no errors</h1>"
		              "<p>The last build succeeded.</p></main>\n");
	}
	if (base) {
		buf_puts(out, "<p><a href=\"");
		escape_html(out, base, strlen(base));
		buf_puts(out, "\">Open the site</a></p>\n");
	}
	buf_puts(out, events_snippet);
	buf_puts(out, "\n</body>\n</html>\n");
}
