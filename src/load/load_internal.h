/* Shared by the files of the load stage; not for other modules. */
#ifndef PORTA_LOAD_INTERNAL_H
#define PORTA_LOAD_INTERNAL_H

#include "field.h"
#include "load.h"
#include "source.h"

void load_site_yaml(reader_t *r);
void load_units(reader_t *r);
void load_programme(reader_t *r, programme_t *p);
/* The three files of load_programme, each read by its reader r. */
void load_programme_yaml(reader_t *r, programme_t *p);
void load_actions(reader_t *r, programme_t *p);
void load_indicators(reader_t *r, programme_t *p);
void load_i18n(site_t *site, diags_t *diags);
/* Reads r's file as the words of site->langs[lang] into site->i18n[lang]
 * (allocated by load_i18n, or by the caller) and indexes them
 * (load_i18n_words); its address words (paths.*, facets.*.path) must be
 * slugs. */
void load_i18n_file(reader_t *r, size_t lang);
/* Indexes site->i18n[lang] by dotted name for format_word (making
 * site->i18n_words when it is not there yet). */
void load_i18n_words(site_t *site, size_t lang);
/* The words of every language (content/<lang>/): the texts a walk finds
 * (and units.yaml, read at once), read each on any thread, then put in
 * the model in the order found, once the data is loaded. */
typedef struct load_texts load_texts_t;
load_texts_t *load_texts_find(site_t *site, diags_t *diags);
size_t load_texts_count(const load_texts_t *texts);
/* Reads text i into arena, its problems into diags. */
void load_texts_read(load_texts_t *texts, size_t i, arena_t *arena,
                     diags_t *diags);
/* Puts every text where it belongs, and frees texts. */
void load_texts_attach(load_texts_t *texts);

typedef enum { TEXT_FRONT, TEXT_PROGRAMME, TEXT_THEME, TEXT_ACTION,
               TEXT_INDICATOR, TEXT_PAGE } text_kind_t;

/* Reads one Markdown file of a language, a text of kind: its front matter
 * and body. id is the entity's, the slug unless the file gives one. */
text_t *load_text(reader_t *r, text_kind_t kind, const char *lang,
                  const char *id);

/* A reader for dir/name, with the path kept in the site's arena. */
reader_t load_reader(site_t *site, diags_t *diags, const char *dir,
                     const char *name);

#endif
