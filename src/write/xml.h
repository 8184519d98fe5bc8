/* Small helpers over libxml2's text writer, shared by the XML writers
 * (feeds, sitemap): an in-memory document and elements with text. Text
 * and attribute values are escaped, and characters XML does not allow
 * (control characters a YAML escape can make) become U+FFFD, so that the
 * document stays well-formed whatever the content says. */
#ifndef PORTA_XML_H
#define PORTA_XML_H

#include <libxml/xmlwriter.h>

#include "emit.h"

typedef struct {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
} xml_t;

/* Starts a document (with its XML declaration, indented). */
void xml_open(xml_t *x);
/* Ends the document, hands it to emit as the file path (without copying
 * it first: a sitemap is megabytes) and frees the writer. Returns what
 * emit returned. */
int xml_emit(xml_t *x, emit_fn emit, void *ctx, const char *path);

void xml_start(xml_t *x, const char *element);
void xml_end(xml_t *x);
void xml_attr(xml_t *x, const char *name, const char *value);
/* Text inside the open element. */
void xml_string(xml_t *x, const char *text);
/* <element>text</element> */
void xml_text(xml_t *x, const char *element, const char *text);
/* Markup made by the caller, escaped with render/escape.h's escape_xml
 * and escape_xml_attribute, written as it is. */
void xml_raw(xml_t *x, const char *markup, size_t len);

#endif
