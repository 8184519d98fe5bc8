/* Shared by the files of the load stage; not for other modules. */
#ifndef PORTA_LOAD_INTERNAL_H
#define PORTA_LOAD_INTERNAL_H

#include "field.h"
#include "load.h"
#include "source.h"

void load_site_yaml(reader_t *r);
void load_units(reader_t *r);
void load_programme(reader_t *r, programme_t *p);
void load_i18n(site_t *site, diags_t *diags);
void load_language(site_t *site, diags_t *diags, size_t lang);

/* A reader for dir/name, with the path kept in the site's arena. */
reader_t load_reader(site_t *site, diags_t *diags, const char *dir,
                     const char *name);

#endif
