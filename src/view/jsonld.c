/* Structured data (schema.org as JSON-LD) for search engines: the
 * publishing organisation and the site on the front page, the open data
 * as a Dataset with its files on the data page. */
#include "view_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/json.h"
#include "../model/urls.h"
#include "../write/opendata.h"

static void pair(buf_t *b, const char *key, const char *value, bool comma)
{
	json_string(b, key);
	buf_putc(b, ':');
	json_string(b, value);
	if (comma)
		buf_putc(b, ',');
}

static void organisation(const view_ctx_t *v, buf_t *b)
{
	const site_t *site = v->site;
	buf_putc(b, '{');
	pair(b, "@type", "GovernmentOrganization", true);
	pair(b, "name", site->organisation[v->lang], true);
	pair(b, "email", site->contact_email, true);
	pair(b, "url", site->base_url, false);
	buf_putc(b, '}');
}

static const char *done(const view_ctx_t *v, buf_t *b)
{
	const char *s = arena_strdup(v->arena, buf_cstr(b));
	buf_free(b);
	return s;
}

const char *view_jsonld_home(const view_ctx_t *v)
{
	const site_t *site = v->site;
	buf_t b = BUF_INIT;
	buf_puts(&b, "{\"@context\":\"https://schema.org\",\"@graph\":[");
	organisation(v, &b);
	buf_puts(&b, ",{");
	pair(&b, "@type", "WebSite", true);
	pair(&b, "name", site->title[v->lang], true);
	pair(&b, "inLanguage", site->langs[v->lang], true);
	pair(&b, "url", urls_absolute(v->arena, site, site->home_urls[v->lang]),
	     false);
	buf_puts(&b, "}]}");
	return done(v, &b);
}

static void distribution(const view_ctx_t *v, buf_t *b, const programme_t *p,
                         const char *suffix, const char *format, bool comma)
{
	char *name = opendata_file(p, suffix);
	buf_putc(b, '{');
	pair(b, "@type", "DataDownload", true);
	pair(b, "encodingFormat", format, true);
	pair(b, "contentUrl", arena_printf(v->arena, "%sdata/%s", v->site->base_url,
	                                   name), false);
	buf_putc(b, '}');
	if (comma)
		buf_putc(b, ',');
	free(name);
}

const char *view_jsonld_data(const view_ctx_t *v)
{
	const site_t *site = v->site;
	buf_t b = BUF_INIT;
	buf_puts(&b, "{\"@context\":\"https://schema.org\",\"@graph\":[");
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		const text_t *t = view_text(v, p->texts);
		buf_puts(&b, i ? ",{" : "{");
		pair(&b, "@type", "Dataset", true);
		pair(&b, "name", t && t->title ? t->title : p->id, true);
		pair(&b, "description", t && t->summary ? t->summary
		                                        : view_word(v, "data.intro"), true);
		pair(&b, "inLanguage", site->langs[v->lang], true);
		pair(&b, "license", "https://creativecommons.org/licenses/by/4.0/", true);
		pair(&b, "url", urls_absolute(v->arena, site, site->data_urls[v->lang]),
		     true);
		char *temporal = arena_printf(v->arena, "%d/%d", p->first_year,
		                              p->last_year);
		pair(&b, "temporalCoverage", temporal, true);
		json_string(&b, "creator");
		buf_putc(&b, ':');
		organisation(v, &b);
		buf_puts(&b, ",\"distribution\":[");
		distribution(v, &b, p, ".json", "application/json", true);
		distribution(v, &b, p, "-actions.csv", "text/csv", true);
		distribution(v, &b, p, "-indicators.csv", "text/csv", false);
		buf_puts(&b, "]}");
	}
	buf_puts(&b, "]}");
	return done(v, &b);
}
