#include "markdown.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/buf.h"
#include "../core/utf8.h"

static const char *const extensions[] = {"table", "autolink", "strikethrough"};

/* cmark-gfm marks its extensions' characters in a table of its own while
 * a parser reads inlines, and unmarks them after (in cmark_parser_finish):
 * two parsers must not do that at once. Reading blocks and rendering need
 * no lock, and they are most of the work. The lock spins: a text's inline
 * step takes tens of microseconds, and a mutex's sleep and wake-up cost
 * about as much (the Markdown stage of 10,000 actions took 160 ms with a
 * mutex, 147 ms with this); it yields now and then, should there be more
 * threads than cores. */
static atomic_bool inlines_busy;

static void lock_inlines(void)
{
	unsigned spins = 0;
	while (atomic_exchange_explicit(&inlines_busy, true, memory_order_acquire))
		while (atomic_load_explicit(&inlines_busy, memory_order_relaxed))
			if (++spins % 1024 == 0)
				sched_yield();
}

static void unlock_inlines(void)
{
	atomic_store_explicit(&inlines_busy, false, memory_order_release);
}

/* cmark-gfm allocates each node, string and buffer of a text through a
 * cmark_mem, and frees each; at thousands of pieces a text that was a
 * sixth of its time. Ours takes them from an arena made for the text
 * being rendered and freed with it at once. cmark_mem's functions get no
 * context, so the arena is found through the thread: set only while
 * markdown_render runs on it. Each piece has its size before it, for
 * realloc. */
static _Thread_local arena_t *pieces;

typedef struct {
	_Alignas(16) size_t size;
} piece_t;

static void *piece_alloc(size_t size)
{
	piece_t *p = arena_take(pieces, sizeof *p + size);
	p->size = size;
	return p + 1;
}

static void *piece_calloc(size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size - sizeof(piece_t))
		return NULL; /* cmark then aborts, as for any failed allocation */
	void *p = piece_alloc(n * size);
	memset(p, 0, n * size);
	return p;
}

static void *piece_realloc(void *old, size_t size)
{
	void *p = piece_alloc(size);
	if (old) {
		size_t had = ((piece_t *)old - 1)->size;
		memcpy(p, old, had < size ? had : size);
	}
	return p;
}

static void piece_free(void *p)
{
	(void)p; /* with the arena */
}

static cmark_mem piece_mem = {piece_calloc, piece_realloc, piece_free};

/* cmark counts columns in bytes; messages count characters. */
static pos_t node_pos(const markdown_opts_t *o, const char *src, size_t len,
                      cmark_node *node)
{
	int line = cmark_node_get_start_line(node);
	int col = cmark_node_get_start_column(node);
	pos_t pos = {o->first_line + (line > 0 ? line - 1 : 0), col};
	const char *p = src, *end = src + len;
	for (int l = 1; l < line && p < end; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		p = nl ? nl + 1 : end;
	}
	if (col > 0 && p + col - 1 <= end)
		pos.col = (int)utf8_length(p, (size_t)col - 1) + 1;
	return pos;
}

/* True when the node has no text at all (an image's alt text is its
 * children's text). */
static bool has_text(cmark_node *node)
{
	for (cmark_node *c = cmark_node_first_child(node); c;
	     c = cmark_node_next(c)) {
		const char *lit = cmark_node_get_literal(c);
		if (lit && lit[strspn(lit, " \t\n")])
			return true;
		if (has_text(c))
			return true;
	}
	return false;
}

static void visit(cmark_node *node, const markdown_opts_t *o, const char *src,
                  size_t len)
{
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_LINK: {
		const char *url = cmark_node_get_url(node);
		const char *to = o->resolve(o->ctx, url ? url : "");
		if (!to)
			diag_error(o->diags, o->path, node_pos(o, src, len, node),
			           MSG_BROKEN_LINK, url ? url : "", "");
		else if (to != url)
			cmark_node_set_url(node, to);
		break;
	}
	case CMARK_NODE_IMAGE:
		if (!has_text(node))
			diag_error(o->diags, o->path, node_pos(o, src, len, node),
			           MSG_IMAGE_WITHOUT_ALT);
		break;
	case CMARK_NODE_HEADING:
		if (cmark_node_get_heading_level(node) == 1)
			diag_error(o->diags, o->path, node_pos(o, src, len, node),
			           MSG_HEADING_LEVEL_1);
		break;
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		if (!o->allow_html)
			diag_warning(o->diags, o->path, node_pos(o, src, len, node),
			             MSG_RAW_HTML);
		break;
	default:
		break;
	}
}

/* html, copied with every table wrapped in a box that scrolls sideways,
 * so that a wide table does not make the whole page scroll on a phone
 * (WCAG 1.4.10). cmark-gfm writes "<table>" and "</table>" exactly so.
 * The caller frees the copy with free(). */
static char *wrap_tables(const char *html)
{
	static const char open[] = "<table>", close[] = "</table>";
	static const char open_wrapped[] =
		"<div class=\"table-scroll\" tabindex=\"0\"><table>";
	static const char close_wrapped[] = "</table></div>";
	if (!strstr(html, open))
		return xstrdup(html);
	buf_t b = BUF_INIT;
	const char *p = html;
	for (const char *tag; (tag = strchr(p, '<'));) {
		buf_put(&b, p, (size_t)(tag - p));
		if (strncmp(tag, open, sizeof open - 1) == 0) {
			buf_puts(&b, open_wrapped);
			p = tag + sizeof open - 1;
		} else if (strncmp(tag, close, sizeof close - 1) == 0) {
			buf_puts(&b, close_wrapped);
			p = tag + sizeof close - 1;
		} else {
			buf_putc(&b, '<');
			p = tag + 1;
		}
	}
	buf_puts(&b, p);
	return buf_detach(&b);
}

void markdown_prepare(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

char *markdown_render(const char *src, size_t len, const markdown_opts_t *o)
{
	int options = CMARK_OPT_DEFAULT | (o->allow_html ? CMARK_OPT_UNSAFE : 0);
	markdown_prepare();
	pieces = arena_new();
	cmark_parser *parser = cmark_parser_new_with_mem(options, &piece_mem);
	for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
		cmark_parser_attach_syntax_extension(
			parser, cmark_find_syntax_extension(extensions[i]));
	cmark_parser_feed(parser, src, len);
	lock_inlines();
	cmark_node *doc = cmark_parser_finish(parser);
	unlock_inlines();

	cmark_iter *iter = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER)
			visit(cmark_iter_get_node(iter), o, src, len);
	cmark_iter_free(iter);

	char *html = cmark_render_html_with_mem(
		doc, options, cmark_parser_get_syntax_extensions(parser), &piece_mem);
	char *result = wrap_tables(html);
	arena_free(pieces); /* the document, the parser and html with it */
	pieces = NULL;
	return result;
}
