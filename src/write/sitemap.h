/* sitemap.xml, with every page and its versions in the other languages
 * (xhtml:link hreflang alternates), and robots.txt pointing at it. */
#ifndef PORTA_SITEMAP_H
#define PORTA_SITEMAP_H

#include "../model/model.h"
#include "emit.h"

int sitemap_write(const site_t *site, emit_fn emit, void *ctx);

#endif
