/* Open data: each programme's facts as JSON and CSV under /data/, with
 * the words of every language beside the language-neutral values, and a
 * JSON Schema describing the JSON (docs/open-data.md). */
#ifndef PORTA_OPENDATA_H
#define PORTA_OPENDATA_H

#include "../model/model.h"
#include "emit.h"

/* Writes every data file through emit; returns emit's first failure. */
int opendata_write(const site_t *site, emit_fn emit, void *ctx);

/* The same, kept between the preview's builds: each action's and
 * indicator's share of the files is made again only when one of its
 * texts was replaced. */
typedef struct opendata opendata_t;
opendata_t *opendata_new(const site_t *site);
int opendata_write_kept(opendata_t *o, emit_fn emit, void *ctx);
void opendata_free(opendata_t *o); /* accepts NULL */

/* The file names for a programme, below /data/ ("x.json"...). The
 * caller frees them with free(). */
char *opendata_file(const programme_t *p, const char *suffix);

#endif
