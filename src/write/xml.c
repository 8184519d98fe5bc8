#include "xml.h"

#include <stdlib.h>

#include "../core/utf8.h"

void xml_open(xml_t *x)
{
	x->buf = xmlBufferCreate();
	x->w = x->buf ? xmlNewTextWriterMemory(x->buf, 0) : NULL;
	if (!x->w)
		abort(); /* only when out of memory */
	xmlTextWriterSetIndent(x->w, 1);
	xmlTextWriterSetIndentString(x->w, BAD_CAST "  ");
	xmlTextWriterStartDocument(x->w, NULL, "UTF-8", NULL);
}

int xml_emit(xml_t *x, emit_fn emit, void *ctx, const char *path)
{
	xmlTextWriterEndDocument(x->w);
	xmlFreeTextWriter(x->w);
	int rc = emit(ctx, path, (const char *)xmlBufferContent(x->buf),
	              (size_t)xmlBufferLength(x->buf));
	xmlBufferFree(x->buf);
	return rc;
}

void xml_start(xml_t *x, const char *element)
{
	xmlTextWriterStartElement(x->w, BAD_CAST element);
}

void xml_end(xml_t *x)
{
	xmlTextWriterEndElement(x->w);
}

void xml_attr(xml_t *x, const char *name, const char *value)
{
	char *clean = utf8_xml_clean(value);
	xmlTextWriterWriteAttribute(x->w, BAD_CAST name,
	                            BAD_CAST(clean ? clean : value));
	free(clean);
}

void xml_string(xml_t *x, const char *text)
{
	char *clean = utf8_xml_clean(text);
	xmlTextWriterWriteString(x->w, BAD_CAST(clean ? clean : text));
	free(clean);
}

void xml_text(xml_t *x, const char *element, const char *text)
{
	xml_start(x, element);
	xml_string(x, text);
	xml_end(x);
}

void xml_raw(xml_t *x, const char *markup, size_t len)
{
	xmlTextWriterWriteRawLen(x->w, BAD_CAST markup, (int)len);
}
