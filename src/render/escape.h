/* Escaping for the places templates write into. Each function appends the
 * escaped form of s[0..len) to out; the caller owns out. */
#ifndef PORTA_ESCAPE_H
#define PORTA_ESCAPE_H

#include <stddef.h>

#include "../core/buf.h"

/* HTML text and quoted attribute values: & < > " and ' become entities,
 * control characters other than tab and line ends U+FFFD. */
void escape_html(buf_t *out, const char *s, size_t len);

/* XML text, escaped as libxml2's text writer escapes text (& < > " and
 * carriage returns), with the characters XML 1.0 does not allow made
 * U+FFFD (as utf8_xml_clean makes them): for parts of a document that its
 * writer is handed whole (charts, the sitemap). */
void escape_xml(buf_t *out, const char *s, size_t len);
/* The same for a quoted attribute value: tabs and line feeds too. */
void escape_xml_attribute(buf_t *out, const char *s, size_t len);

/* A URL component (a query value): everything but unreserved characters
 * percent-encoded, byte by byte of its UTF-8. */
void escape_url_component(buf_t *out, const char *s, size_t len);

#endif
