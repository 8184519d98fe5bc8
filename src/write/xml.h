/* Small helpers over libxml2's text writer, shared by the XML writers
 * (feeds, sitemap): an in-memory document and elements with text. */
#ifndef PORTA_XML_H
#define PORTA_XML_H

#include <libxml/xmlwriter.h>

#include "../core/buf.h"

typedef struct {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
} xml_t;

/* Starts a document (with its XML declaration, indented). */
void xml_open(xml_t *x);
/* Ends the document, appends it to out and frees the writer. */
void xml_close(xml_t *x, buf_t *out);

void xml_start(xml_t *x, const char *element);
void xml_end(xml_t *x);
void xml_attr(xml_t *x, const char *name, const char *value);
/* <element>text</element> */
void xml_text(xml_t *x, const char *element, const char *text);

#endif
