/* content/site.yaml and content/data/: the language-neutral facts. */
#include "load_internal.h"

#include <stdlib.h>
#include <string.h>

#include "../core/fs.h"
#include "../core/hint.h"

static const char *const site_keys[] = {
	"base_url", "languages", "title", "organisation", "theme",
	"current_programme", "contact_email", "feedback_url", "allow_html", NULL};

static bool valid_lang(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

static void read_languages(reader_t *r, const value_t *root)
{
	site_t *site = r->site;
	const value_t *list = field_list(r, root, "languages", true, "[fi, sv]");
	if (!list)
		return;
	site->langs = arena_alloc(site->arena,
	                          (list->as.list.len + 1) * sizeof(char *));
	for (size_t i = 0; i < list->as.list.len; i++) {
		const value_t *v = list->as.list.items[i];
		const char *code = v->text ? v->text : "";
		if (v->kind != VAL_STRING || !valid_lang(code)) {
			diag_error(r->diags, r->path, v->pos, MSG_BAD_LANGUAGE_CODE, code);
			site->langs_incomplete = true;
			continue;
		}
		if (model_lang_index(site, code) >= 0) {
			diag_error(r->diags, r->path, v->pos, MSG_SAME_LANGUAGE_TWICE,
			           code);
			continue;
		}
		site->langs[site->nlangs++] = code;
	}
	if (site->nlangs == 0)
		diag_error(r->diags, r->path, list->pos, MSG_MISSING_KEY, "languages",
		           term(TERM_LIST_LANGUAGES));
}

/* The path part of an absolute URL, always ending in '/'. */
static const char *url_path(arena_t *arena, const char *url)
{
	const char *host = strstr(url, "://");
	const char *path = host ? strchr(host + 3, '/') : NULL;
	if (!path)
		return "/";
	size_t n = strlen(path);
	return path[n - 1] == '/' ? path : arena_printf(arena, "%s/", path);
}

/* An address written into pages, feeds, robots.txt and mail links: a
 * scheme we know (never javascript:) and no character an address may
 * not hold as it is, which could end an attribute or a line. */
static bool plain_url(const char *url, bool mailto)
{
	if (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0 &&
	    !(mailto && strncmp(url, "mailto:", 7) == 0))
		return false;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p == 0x7f || strchr("\"<>\\`^|", *p))
			return false;
	return true;
}

static void read_base_url(reader_t *r, const value_t *root)
{
	site_t *site = r->site;
	const char *url = field_text(r, root, "base_url", true);
	if (!url)
		return;
	if (!plain_url(url, false) || strpbrk(url, "{}")) {
		diag_error(r->diags, r->path, val_get(root, "base_url")->pos,
		           MSG_BAD_URL, url);
		return;
	}
	size_t n = strlen(url);
	site->base_url = url[n - 1] == '/' ? url
	                                    : arena_printf(site->arena, "%s/", url);
	site->base_path = url_path(site->arena, site->base_url);
}

void load_site_yaml(reader_t *r)
{
	site_t *site = r->site;
	site->base_path = "/";
	const value_t *root = source_yaml(r);
	if (!root || !field_is_map(r, root, "site.yaml"))
		return;
	site->raw = root;
	field_check_keys(r, root, site_keys);
	read_languages(r, root);
	read_base_url(r, root);
	if (site->nlangs) {
		site->title = field_lang_map(r, root, "title");
		site->organisation = field_lang_map(r, root, "organisation");
	}
	site->theme_name = field_id(r, root, "theme", true, "default");
	if (field_id(r, root, "current_programme", true,
	                   "digiohjelma-2024-2026"))
		site->current_ref = val_get(root, "current_programme");
	site->contact_email = field_email(r, root, "contact_email", true);
	site->feedback_url = field_text(r, root, "feedback_url", false);
	if (site->feedback_url && !plain_url(site->feedback_url, true)) {
		diag_error(r->diags, r->path, val_get(root, "feedback_url")->pos,
		           MSG_BAD_URL, site->feedback_url);
		site->feedback_url = NULL;
	}
	site->allow_html = field_bool(r, root, "allow_html") == 1;
}

void load_units(reader_t *r)
{
	static const char *const keys[] = {"id", "contact", NULL};
	site_t *site = r->site;
	const value_t *root = source_yaml(r);
	site->units_incomplete = root == NULL;
	if (!root || root->kind == VAL_NULL)
		return;
	if (root->kind != VAL_LIST) {
		site->units_incomplete = true;
		diag_error(r->diags, r->path, root->pos, MSG_WRONG_TYPE, "units.yaml",
		           term(TERM_WANT_UNITS), val_kind_name(root->kind),
		           "- id: ...");
		return;
	}
	site->units = arena_alloc(site->arena,
	                          (root->as.list.len + 1) * sizeof(unit_t));
	for (size_t i = 0; i < root->as.list.len; i++) {
		const value_t *e = root->as.list.items[i];
		if (!field_is_map(r, e, term(TERM_MAP_UNIT)))
			continue;
		field_check_keys(r, e, keys);
		unit_t *u = &site->units[site->nunits];
		u->id = field_id(r, e, "id", true, "it-services");
		if (!u->id) {
			site->units_incomplete = true;
			continue;
		}
		u->contact = field_email(r, e, "contact", false);
		u->raw = e;
		u->names = arena_alloc(site->arena, site->nlangs * sizeof(char *));
		site->nunits++;
	}
}
