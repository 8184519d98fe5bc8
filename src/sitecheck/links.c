/* Every link of every page, checked once all pages' ids are known: an
 * address inside the site must lead to a file (a directory to its
 * index.html), and its fragment to an id, or the name of an <a>, on the
 * page it leads to. Addresses with a scheme (https:, mailto:, tel:) are
 * never fetched; those that start with the site's own address (from its
 * hreflang alternates) are checked like paths.
 *
 * The site is published under a base path ("/mini/"), and absolute links
 * start with it. An absolute link without it is reported, not guessed
 * at: it would be broken once published even if a file of that name
 * exists at the top of the directory. */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "../core/buf.h"
#include "../core/hex.h"
#include "sitecheck_internal.h"

typedef enum { LINK_EXTERNAL, LINK_INSIDE, LINK_OUTSIDE } link_kind_t;

/* "https:", "mailto:": a letter, then letters, digits, '+', '-' or '.',
 * then a colon. */
static bool has_scheme(const char *url)
{
	if (!isalpha((unsigned char)*url))
		return false;
	for (const char *p = url + 1; *p; p++) {
		if (*p == ':')
			return true;
		if (!isalnum((unsigned char)*p) && *p != '+' && *p != '-' &&
		    *p != '.')
			return false;
	}
	return false;
}

/* s[0..len) with %XX decoded, as file names and ids are written. */
static void decode(buf_t *out, const char *s, size_t len)
{
	buf_reset(out);
	for (size_t i = 0; i < len; i++) {
		int hi, lo;
		if (s[i] == '%' && i + 2 < len &&
		    (hi = hex_digit(s[i + 1])) >= 0 && (lo = hex_digit(s[i + 2])) >= 0) {
			buf_putc(out, (char)(hi * 16 + lo));
			i += 2;
		} else {
			buf_putc(out, s[i]);
		}
	}
}

/* Shortens b to len bytes, keeping it a C string. */
static void cut(buf_t *b, size_t len)
{
	b->len = len;
	if (b->data)
		b->data[len] = '\0';
}

/* The path of a link below the site directory, without "." and ".."
 * segments, ending in '/' when it names a directory ("" is the site's
 * root). path is absolute ("/mini/fi/") or relative to the page. */
static link_kind_t resolve(const sitecheck_t *sc, const sc_page_t *page,
                           const char *path, size_t len, buf_t *out)
{
	buf_t joined = BUF_INIT, decoded = BUF_INIT;
	link_kind_t kind = LINK_INSIDE;
	size_t blen = strlen(sc->base);
	if (path[0] == '/') {
		if (len >= blen && strncmp(path, sc->base, blen) == 0)
			buf_put(&joined, path + blen, len - blen);
		else if (!(len == blen - 1 && strncmp(path, sc->base, len) == 0))
			kind = LINK_OUTSIDE;
	} else {
		const char *slash = strrchr(page->rel, '/');
		if (slash)
			buf_put(&joined, page->rel, (size_t)(slash + 1 - page->rel));
		buf_put(&joined, path, len);
	}
	if (kind != LINK_INSIDE)
		goto out;
	decode(&decoded, buf_cstr(&joined), joined.len);
	buf_reset(out);
	bool dir = true;
	for (const char *p = buf_cstr(&decoded); *p;) {
		const char *slash = strchr(p, '/');
		size_t n = slash ? (size_t)(slash - p) : strlen(p);
		if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (out->len == 0) {
				kind = LINK_OUTSIDE;
				goto out;
			}
			size_t keep = out->len - 1;
			while (keep && out->data[keep - 1] != '/')
				keep--;
			cut(out, keep);
			dir = true;
		} else if (n > 0 && !(n == 1 && p[0] == '.')) {
			buf_put(out, p, n);
			buf_putc(out, '/');
			dir = slash != NULL;
		} else {
			dir = true;
		}
		p += n + (slash != NULL);
	}
	if (!dir)
		cut(out, out->len - 1);
out:
	buf_free(&joined);
	buf_free(&decoded);
	return kind;
}

/* The file a resolved path leads to; path becomes the name looked for. */
static const sc_file_t *find(const sitecheck_t *sc, buf_t *path)
{
	if (path->len == 0 || path->data[path->len - 1] == '/') {
		buf_puts(path, "index.html");
		return map_get(&sc->files, buf_cstr(path));
	}
	const sc_file_t *f = map_get(&sc->files, buf_cstr(path));
	if (f)
		return f;
	/* A directory without its slash: hosts redirect to the slash. */
	size_t len = path->len;
	buf_puts(path, "/index.html");
	f = map_get(&sc->files, buf_cstr(path));
	cut(path, len);
	return f;
}

/* HTML ignores spaces around an address. */
static const char *trim(const char *s, size_t *len)
{
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' ||
	             s[n - 1] == '\r' || s[n - 1] == '\f'))
		n--;
	*len = n;
	return s;
}

/* An absolute address of the site itself, as a path ("/mini/fi/"), in
 * out; false for any other address. */
static bool own_address(const sitecheck_t *sc, const char *url, size_t len,
                        buf_t *out)
{
	if (!sc->address)
		return false;
	const char *net = strstr(sc->address, "//"); /* without the scheme */
	const char *from = url[0] == '/' ? net : sc->address;
	size_t alen = strlen(from);
	bool whole = len >= alen && strncasecmp(url, from, alen) == 0;
	if (!whole && !(len == alen - 1 && strncasecmp(url, from, len) == 0))
		return false;
	buf_reset(out);
	buf_puts(out, sc->base);
	if (whole)
		buf_put(out, url + alen, len - alen);
	return true;
}

static void check_fragment(sitecheck_t *sc, const sc_page_t *page,
                           const sc_link_t *link, const sc_page_t *target,
                           const char *frag)
{
	buf_t id = BUF_INIT;
	decode(&id, frag, strlen(frag));
	/* "#top" leads to the top of any page; ":~:text=" is a text
	 * fragment, not an id. */
	if (*frag && strcasecmp(buf_cstr(&id), "top") != 0 &&
	    strncmp(frag, ":~:", 3) != 0 &&
	    !map_get(&target->targets, buf_cstr(&id)))
		diag_error(sc->diags, page->shown, link->pos,
		           MSG_SITE_MISSING_FRAGMENT, link->url, buf_cstr(&id),
		           target->rel);
	buf_free(&id);
}

static void check_link(sitecheck_t *sc, const sc_page_t *page,
                       const sc_link_t *link)
{
	size_t len;
	const char *url = trim(link->url, &len);
	buf_t own = BUF_INIT, path = BUF_INIT;
	if ((has_scheme(url) || (url[0] == '/' && url[1] == '/')) &&
	    !own_address(sc, url, len, &own))
		goto out;
	if (own.data) {
		url = own.data;
		len = own.len;
	}
	const char *hash = memchr(url, '#', len);
	size_t before = hash ? (size_t)(hash - url) : len;
	const char *query = memchr(url, '?', before);
	size_t plen = query ? (size_t)(query - url) : before;
	const sc_page_t *target = page;
	if (plen > 0) {
		link_kind_t kind = resolve(sc, page, url, plen, &path);
		if (kind == LINK_OUTSIDE) {
			diag_error(sc->diags, page->shown, link->pos,
			           MSG_SITE_LINK_OUTSIDE, link->url, sc->base);
			goto out;
		}
		const sc_file_t *f = find(sc, &path);
		if (!f) {
			diag_error(sc->diags, page->shown, link->pos,
			           MSG_SITE_BROKEN_LINK, link->url, buf_cstr(&path));
			goto out;
		}
		target = f->page;
	}
	if (hash && target) {
		char *frag = xstrndup(hash + 1, len - before - 1);
		check_fragment(sc, page, link, target, frag);
		free(frag);
	}
out:
	buf_free(&own);
	buf_free(&path);
}

void links_check(sitecheck_t *sc)
{
	for (size_t i = 0; i < sc->npages; i++)
		for (size_t j = 0; j < sc->pages[i]->nlinks; j++)
			check_link(sc, sc->pages[i], &sc->pages[i]->links[j]);
}

static bool has_token(const char *list, const char *word)
{
	size_t n = strlen(word);
	for (const char *p = list; p && *p;) {
		while (isspace((unsigned char)*p))
			p++;
		const char *start = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		if ((size_t)(p - start) == n && strncasecmp(start, word, n) == 0)
			return true;
	}
	return false;
}

/* porta writes the root page's alternates as the site's address followed
 * by each language ("https://example.org/mini/fi/"): the address is the
 * part before the language. */
static bool alternate(sitecheck_t *sc, xmlNode *el, const char *given)
{
	const char *rel = sc_attr(sc, el, "rel");
	const char *lang = sc_attr(sc, el, "hreflang");
	const char *href = sc_attr(sc, el, "href");
	if (!has_token(rel, "alternate") || !lang || !href || !has_scheme(href))
		return false;
	const char *host = strstr(href, "://");
	const char *path = host ? strchr(host + 3, '/') : NULL;
	size_t n = path ? strlen(path) : 0, l = strlen(lang);
	if (n < l + 2 || path[n - 1] != '/' || path[n - l - 2] != '/' ||
	    strncmp(path + n - l - 1, lang, l) != 0)
		return false;
	const char *base = arena_strndup(sc->arena, path, n - l - 1);
	if (given && strcmp(given, base) != 0)
		return true; /* the base given wins; the address is not known */
	sc->base = base;
	sc->address = arena_strndup(sc->arena, href, strlen(href) - l - 1);
	return true;
}

static bool find_alternate(sitecheck_t *sc, xmlNode *n, const char *given)
{
	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((strcmp((const char *)n->name, "link") == 0 &&
		     alternate(sc, n, given)) ||
		    find_alternate(sc, n->children, given))
			return true;
	}
	return false;
}

void links_base(sitecheck_t *sc, xmlDoc *root, const char *given)
{
	find_alternate(sc, xmlDocGetRootElement(root), given);
}
