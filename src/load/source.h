/* Reading content files: every file is normalised (BOM, CRLF) and checked
 * to be UTF-8 before anything parses it; Markdown files are split into
 * their front matter and body. */
#ifndef PORTA_SOURCE_H
#define PORTA_SOURCE_H

#include "field.h"

/* Reads a YAML file (r's path, or the bytes it holds) into r's arena;
 * NULL after recording the problem. */
const value_t *source_yaml(reader_t *r);

typedef struct {
	const value_t *front; /* a map */
	const char *body;
	int body_line;
} markdown_file_t;

/* Reads a Markdown file with front matter: its body (and the values of
 * its front matter) into r's arena; false after recording the problem. */
bool source_markdown(reader_t *r, markdown_file_t *out);

#endif
