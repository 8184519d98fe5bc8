/* The checks of one element that need no other page: the page's language,
 * heading levels and the one h1, alt on images, and a name for every link
 * and button. They follow what a screen reader announces: a page read in
 * the wrong voice, a heading list with holes, "link" or "button" alone. */
#include <stdio.h>
#include <string.h>

#include "sitecheck_internal.h"

/* Whitespace, including no-break spaces, is no text to a screen reader. */
static bool blank(const xmlChar *s)
{
	for (const xmlChar *p = s; p && *p; p++) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f')
			continue;
		if (p[0] == 0xc2 && p[1] == 0xa0) {
			p++;
			continue;
		}
		return false;
	}
	return true;
}

/* True when the attribute is missing or holds only whitespace. */
static bool attr_blank(xmlNode *el, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(el, (const xmlChar *)name);
	bool b = blank(v);
	xmlFree(v);
	return b;
}

static bool attr_is(xmlNode *el, const char *name, const char *value)
{
	xmlChar *v = xmlGetNoNsProp(el, (const xmlChar *)name);
	bool is = v && strcmp((const char *)v, value) == 0;
	xmlFree(v);
	return is;
}

static bool is(const xmlNode *el, const char *tag)
{
	return strcmp((const char *)el->name, tag) == 0;
}

/* Whether el's content names it: text, an image with alt text, or an
 * element (an inline SVG) with aria-label. What aria-hidden hides does
 * not count. */
static bool content_named(xmlNode *el)
{
	for (xmlNode *n = el->children; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			if (!blank(n->content))
				return true;
		} else if (n->type == XML_ELEMENT_NODE &&
		           !attr_is(n, "aria-hidden", "true")) {
			if ((is(n, "img") && !attr_blank(n, "alt")) ||
			    !attr_blank(n, "aria-label") || content_named(n))
				return true;
		}
	}
	return false;
}

/* The accessible name's sources, as browsers compute it for links and
 * buttons (title is the last resort, but it is one). */
static bool named(xmlNode *el)
{
	return !attr_blank(el, "aria-label") ||
	       !attr_blank(el, "aria-labelledby") || content_named(el) ||
	       !attr_blank(el, "title");
}

static void heading(sitecheck_t *sc, const sc_page_t *page,
                    sc_structure_t *st, int level, pos_t pos)
{
	if (level == 1) {
		if (st->h1s++ == 0) {
			st->first_h1 = pos;
		} else {
			char line[16];
			snprintf(line, sizeof line, "%d", st->first_h1.line);
			diag_error(sc->diags, page->shown, pos, MSG_SITE_SECOND_H1, line);
		}
	}
	if (st->level && level > st->level + 1) {
		char now[16], before[16], missing[16];
		snprintf(now, sizeof now, "h%d", level);
		snprintf(before, sizeof before, "h%d", st->level);
		snprintf(missing, sizeof missing, "h%d", st->level + 1);
		diag_error(sc->diags, page->shown, pos, MSG_SITE_HEADING_SKIPPED,
		           now, before, missing);
	}
	st->level = level;
}

void structure_element(sitecheck_t *sc, const sc_page_t *page,
                       sc_structure_t *st, xmlNode *el, pos_t pos)
{
	const char *tag = (const char *)el->name;
	if (is(el, "html")) {
		if (attr_blank(el, "lang"))
			diag_error(sc->diags, page->shown, pos, MSG_SITE_NO_LANG);
	} else if (is(el, "body")) {
		st->body = pos;
	} else if (tag[0] == 'h' && tag[1] >= '1' && tag[1] <= '6' && !tag[2]) {
		heading(sc, page, st, tag[1] - '0', pos);
	} else if (is(el, "img")) {
		/* alt="" is right for decoration; no alt at all leaves screen
		 * readers to read the file name. */
		if (!xmlHasProp(el, (const xmlChar *)"alt"))
			diag_error(sc->diags, page->shown, pos,
			           MSG_SITE_IMAGE_WITHOUT_ALT);
	} else if (is(el, "a") && xmlHasProp(el, (const xmlChar *)"href")) {
		if (!named(el))
			diag_error(sc->diags, page->shown, pos, MSG_SITE_EMPTY_LINK);
	} else if (is(el, "button")) {
		if (!named(el))
			diag_error(sc->diags, page->shown, pos, MSG_SITE_EMPTY_BUTTON);
	}
}

void structure_finish(sitecheck_t *sc, const sc_page_t *page,
                      const sc_structure_t *st)
{
	if (st->h1s == 0)
		diag_error(sc->diags, page->shown,
		           st->body.line ? st->body : POS_FIRST_LINE, MSG_SITE_NO_H1);
}
