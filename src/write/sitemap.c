#include "sitemap.h"

#include <string.h>

#include "../model/urls.h"
#include "../view/view.h"
#include "xml.h"

typedef struct {
	const site_t *site;
	xml_t *x;
	arena_t *arena; /* for one page */
} map_ctx_t;

static int page(const page_ref_t *ref, void *ctx)
{
	map_ctx_t *m = ctx;
	const site_t *site = m->site;
	/* Pages in their language's words, not the 404 or files. */
	if (!view_template(ref->kind) || ref->kind == PAGE_NOT_FOUND)
		return 0;
	xml_t *x = m->x;
	xml_start(x, "url");
	xml_text(x, "loc", urls_absolute(m->arena, site,
	                                 view_url(m->arena, site, ref)));
	if (ref->kind != PAGE_ROOT) {
		for (size_t l = 0; l < site->nlangs; l++) {
			page_ref_t in = *ref;
			in.lang = l;
			xml_start(x, "xhtml:link");
			xml_attr(x, "rel", "alternate");
			xml_attr(x, "hreflang", site->langs[l]);
			xml_attr(x, "href", urls_absolute(m->arena, site,
			                                  view_url(m->arena, site, &in)));
			xml_end(x);
		}
	}
	xml_end(x);
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
	map_ctx_t m = {site, &x, arena};
	view_pages(site, page, &m);
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
