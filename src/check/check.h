/* The check stage: links the loaded model up (ids to entities, enumerated
 * words to values) and records every broken reference, unknown value,
 * year out of period and missing translation. With draft set, a missing
 * translation is filled with another language's text instead. */
#ifndef PORTA_CHECK_H
#define PORTA_CHECK_H

#include "../core/diag.h"
#include "../model/model.h"

void check_site(site_t *site, bool draft, diags_t *diags);

/* Checks a text that load_text_again read, against a model check_site
 * checked: what check_site checks of one text by itself. Addresses are
 * the caller's to compare (the text's slug must be the old one's). */
void check_text(const site_t *site, const text_t *text, diags_t *diags);

#endif
