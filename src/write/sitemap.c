#include "sitemap.h"

#include <string.h>

#include "../model/urls.h"
#include "../render/escape.h"
#include "../view/view.h"
#include "xml.h"

typedef struct {
	const site_t *site;
	xml_t *x;
	arena_t *arena; /* for one page */
	buf_t raw;      /* its element */
} map_ctx_t;

/* An absolute address in an attribute or as text, escaped. */
static void put_url(map_ctx_t *m, const char *url, bool attribute)
{
	const char *s = urls_absolute(m->arena, m->site, url);
	(attribute ? escape_xml_attribute : escape_xml)(&m->raw, s, strlen(s));
}

/* A page's <url> element, indented as the writer indents, is handed to
 * the writer whole: a site has tens of thousands, and the writer's calls
 * for their elements and attributes were 20,000 instructions a page. */
static int page(const page_ref_t *ref, void *ctx)
{
	map_ctx_t *m = ctx;
	const site_t *site = m->site;
	/* Pages in their language's words, not the 404 or files. */
	if (!view_template(ref->kind) || ref->kind == PAGE_NOT_FOUND)
		return 0;
	buf_t *b = &m->raw;
	buf_reset(b);
	buf_puts(b, "\n  <url>\n    <loc>");
	put_url(m, view_url(m->arena, site, ref), false);
	buf_puts(b, "</loc>");
	if (ref->kind != PAGE_ROOT) {
		for (size_t l = 0; l < site->nlangs; l++) {
			page_ref_t in = *ref;
			in.lang = l;
			buf_puts(b, "\n    <xhtml:link rel=\"alternate\" hreflang=\"");
			escape_xml_attribute(b, site->langs[l], strlen(site->langs[l]));
			buf_puts(b, "\" href=\"");
			put_url(m, view_url(m->arena, site, &in), true);
			buf_puts(b, "\"/>");
		}
	}
	buf_puts(b, "\n  </url>");
	xml_raw(m->x, b->data, b->len);
	arena_reset(m->arena); /* the page's addresses, written */
	return 0;
}

int sitemap_write(const site_t *site, emit_fn emit, void *ctx)
{
	arena_t *arena = arena_new();
	xml_t x;
	xml_open(&x);
	xml_start(&x, "urlset");
	xml_attr(&x, "xmlns", "http://www.sitemaps.org/schemas/sitemap/0.9");
	xml_attr(&x, "xmlns:xhtml", "http://www.w3.org/1999/xhtml");
	map_ctx_t m = {site, &x, arena, BUF_INIT};
	view_pages(site, page, &m);
	buf_free(&m.raw);
	xml_raw(&x, "\n", 1); /* the writer ends raw text without one */
	xml_end(&x);
	int rc = xml_emit(&x, emit, ctx, "sitemap.xml");
	if (rc == 0) {
		buf_t out = BUF_INIT;
		buf_printf(&out, "User-agent: *\nAllow: /\n\nSitemap: %ssitemap.xml\n",
		           site->base_url);
		rc = emit(ctx, "robots.txt", out.data, out.len);
		buf_free(&out);
	}
	arena_free(arena);
	return rc;
}
