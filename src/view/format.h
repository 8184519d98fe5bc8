/* Numbers, money and dates as each language writes them. The patterns
 * come from the theme's i18n file (format.decimal, format.group,
 * format.date, format.money, format.percent), never from the C locale, so
 * that output does not depend on the machine. */
#ifndef PORTA_FORMAT_H
#define PORTA_FORMAT_H

#include "../model/model.h"

/* Results are allocated from arena. */
const char *format_number(arena_t *arena, const site_t *site, size_t lang,
                          double n);
/* "3 100 €" */
const char *format_money(arena_t *arena, const site_t *site, size_t lang,
                         double eur);
/* "74 %" */
const char *format_percent(arena_t *arena, const site_t *site, size_t lang,
                           double pct);
/* "22.1.2024" from "2024-01-22" */
const char *format_date(arena_t *arena, const site_t *site, size_t lang,
                        const char *iso);
/* An i18n string by dotted key ("labels.theme"); the key itself when the
 * theme lacks it (check reports missing ones). */
const char *format_word(const site_t *site, size_t lang, const char *key);
/* The name of an enumerated value in a language. */
const char *format_enum(const site_t *site, size_t lang, enum_kind_t kind,
                        int id);

#endif
