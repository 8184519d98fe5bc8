#include "links.h"

#include <string.h>
#include <strings.h>

#include "../core/buf.h"

/* When the data a link points into could not be read, the link may well
 * be right: the build fails anyway, so it is not reported as broken. */
static const char unknowable[] = "#";

/* The address of kind:id, where id may be "programme/id". */
static const char *by_scheme(const links_ctx_t *c, const char *scheme,
                             const char *id)
{
	const site_t *site = c->site;
	const programme_t *p = c->programme ? c->programme : site->current;
	const char *slash = strchr(id, '/');
	if (slash && strcmp(scheme, "page") != 0 &&
	    strcmp(scheme, "programme") != 0) {
		p = model_programme(site, arena_strndup(c->arena, id,
		                                        (size_t)(slash - id)));
		id = slash + 1;
	}
	if (strcmp(scheme, "page") == 0) {
		const page_t *pg = model_page(site, id);
		return pg ? pg->urls[c->lang] : NULL;
	}
	if (strcmp(scheme, "programme") == 0) {
		const programme_t *q = model_programme(site, id);
		return q ? q->urls[c->lang] : NULL;
	}
	if (!p)
		return NULL;
	if (strcmp(scheme, "action") == 0) {
		const action_t *a = model_action(p, id);
		return a ? a->urls[c->lang]
		         : p->actions_incomplete ? unknowable : NULL;
	}
	if (strcmp(scheme, "indicator") == 0) {
		const indicator_t *i = model_indicator(p, id);
		return i ? i->urls[c->lang]
		         : p->indicators_incomplete ? unknowable : NULL;
	}
	if (strcmp(scheme, "theme") == 0) {
		const theme_t *t = model_theme(p, id);
		return t ? t->urls[c->lang] : p->themes_incomplete ? unknowable : NULL;
	}
	return NULL;
}

/* Splits a normalised path relative to content/ ("fi/p/actions/a1.md")
 * into its parts and finds the page. */
static const char *by_path(const links_ctx_t *c, char **parts, size_t n)
{
	const site_t *site = c->site;
	if (n < 2)
		return NULL;
	int lang = model_lang_index(site, parts[0]);
	if (lang < 0)
		return NULL;
	size_t len = strlen(parts[n - 1]);
	if (len < 4 || strcmp(parts[n - 1] + len - 3, ".md") != 0)
		return NULL;
	parts[n - 1][len - 3] = '\0';
	const char *id = parts[n - 1];
	links_ctx_t in_lang = *c;
	in_lang.lang = (size_t)lang;
	if (n == 2 && strcmp(id, "_index") == 0)
		return site->home_urls[lang];
	if (n == 3 && strcmp(parts[1], "pages") == 0)
		return by_scheme(&in_lang, "page", id);
	const programme_t *p = model_programme(site, parts[1]);
	if (!p)
		return NULL;
	in_lang.programme = p;
	if (n == 3 && strcmp(id, "_index") == 0)
		return p->urls[lang];
	if (n != 4)
		return NULL;
	if (strcmp(parts[2], "actions") == 0)
		return by_scheme(&in_lang, "action", id);
	if (strcmp(parts[2], "indicators") == 0)
		return by_scheme(&in_lang, "indicator", id);
	if (strcmp(parts[2], "themes") == 0)
		return by_scheme(&in_lang, "theme", id);
	return NULL;
}

enum { MAX_PARTS = 32 };

/* Resolves a relative path against the text's directory, within
 * content/. Returns NULL when it climbs out of it. */
static const char *relative(const links_ctx_t *c, const char *target)
{
	size_t root = strlen(c->site->content_dir) + 1;
	if (strlen(c->path) <= root)
		return NULL;
	const char *from = c->path + root;
	const char *last = strrchr(from, '/');
	char *joined = last ? arena_printf(c->arena, "%.*s/%s",
	                                   (int)(last - from), from, target)
	                    : arena_strdup(c->arena, target);
	char *parts[MAX_PARTS];
	size_t n = 0;
	char *save = NULL;
	for (char *tok = strtok_r(joined, "/", &save); tok;
	     tok = strtok_r(NULL, "/", &save)) {
		if (strcmp(tok, ".") == 0)
			continue;
		if (strcmp(tok, "..") == 0) {
			if (n == 0)
				return NULL;
			n--;
			continue;
		}
		if (n == MAX_PARTS)
			return NULL;
		parts[n++] = tok;
	}
	return by_path(c, parts, n);
}

/* The scheme of a URL ("action" in "action:a9"), or NULL. */
static const char *scheme_of(arena_t *arena, const char *target)
{
	size_t n = strspn(target, "abcdefghijklmnopqrstuvwxyz"
	                          "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+.-");
	if (n == 0 || target[n] != ':')
		return NULL;
	return arena_strndup(arena, target, n);
}

const char *links_resolve(void *ctx, const char *target)
{
	const links_ctx_t *c = ctx;
	const char *hash = strchr(target, '#');
	size_t base_len = hash ? (size_t)(hash - target) : strlen(target);
	if (base_len == 0 || target[0] == '/')
		return target;
	char *base = arena_strndup(c->arena, target, base_len);
	const char *scheme = scheme_of(c->arena, base);
	const char *url;
	if (scheme) {
		static const char *const ours[] = {"action", "indicator", "theme",
		                                   "page", "programme", NULL};
		/* Schemes that run code instead of leading to a page. */
		static const char *const unsafe[] = {"javascript", "vbscript",
		                                     "data", "file", NULL};
		bool content = false;
		for (size_t i = 0; ours[i] && !content; i++)
			content = strcasecmp(scheme, ours[i]) == 0;
		for (size_t i = 0; unsafe[i]; i++)
			if (strcasecmp(scheme, unsafe[i]) == 0)
				return NULL;
		if (!content)
			return target;
		url = by_scheme(c, scheme, base + strlen(scheme) + 1);
	} else {
		url = relative(c, base);
	}
	if (!url)
		return NULL;
	return hash ? arena_printf(c->arena, "%s%s", url, hash) : url;
}
