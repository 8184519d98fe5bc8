#include "format.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"

const char *format_word(const site_t *site, size_t lang, const char *key)
{
	const value_t *v = site->i18n_words ? map_get(&site->i18n_words[lang], key)
	                                    : NULL; /* no i18n file was read */
	return v && v->kind == VAL_STRING ? v->as.str.s : key;
}

const char *format_enum(const site_t *site, size_t lang, enum_kind_t kind,
                        int id)
{
	if (id < 0)
		return "";
	const value_t *group = val_get(site->i18n[lang], enum_def(kind)->i18n_group);
	const value_t *v = val_get(group, enum_id(kind, id));
	return v && v->kind == VAL_STRING ? v->as.str.s : enum_id(kind, id);
}

/* Replaces "{n}" in pattern with s. */
static const char *fill(arena_t *arena, const char *pattern, const char *s)
{
	const char *at = strstr(pattern, "{n}");
	if (!at)
		return arena_printf(arena, "%s %s", s, pattern);
	return arena_printf(arena, "%.*s%s%s", (int)(at - pattern), pattern, s,
	                    at + 3);
}

const char *format_number(arena_t *arena, const site_t *site, size_t lang,
                          double n)
{
	char raw[64];
	/* Up to two decimals are what indicators carry; more is noise. */
	if (fabs(n) >= 1e15 || n != n) {
		val_format_number(n, raw);
	} else if (n == floor(n)) {
		/* Most values are whole: what "%.2f" then trimmed would say,
		 * without printf ("-0" is 0). */
		char *p = raw;
		if (n < 0)
			*p++ = '-';
		p[buf_format_uint(p, (unsigned long long)fabs(n))] = '\0';
	} else {
		snprintf(raw, sizeof raw, "%.2f", n);
		char *end = raw + strlen(raw);
		while (end[-1] == '0')
			*--end = '\0';
		if (end[-1] == '.')
			*--end = '\0';
		if (strcmp(raw, "-0") == 0)
			strcpy(raw, "0");
	}
	const char *decimal = format_word(site, lang, "format.decimal");
	const char *group = format_word(site, lang, "format.group");
	if (strcmp(decimal, "format.decimal") == 0)
		decimal = ".";
	if (strcmp(group, "format.group") == 0)
		group = ",";
	if (strchr(raw, 'e'))
		return arena_strdup(arena, raw);
	const char *digits = raw + (raw[0] == '-');
	const char *point = strchr(digits, '.');
	size_t int_len = point ? (size_t)(point - digits) : strlen(digits);
	buf_t b = BUF_INIT;
	if (raw[0] == '-')
		buf_puts(&b, "\xe2\x88\x92"); /* minus sign */
	/* Group thousands from five digits up: 1500 reads better than 1 500,
	 * 15 000 better than 15000. */
	for (size_t i = 0; i < int_len; i++) {
		if (i > 0 && int_len > 4 && (int_len - i) % 3 == 0)
			buf_puts(&b, group);
		buf_putc(&b, digits[i]);
	}
	if (point) {
		buf_puts(&b, decimal);
		buf_puts(&b, point + 1);
	}
	const char *s = arena_strdup(arena, buf_cstr(&b));
	buf_free(&b);
	return s;
}

const char *format_money(arena_t *arena, const site_t *site, size_t lang,
                         double eur)
{
	return fill(arena, format_word(site, lang, "format.money"),
	            format_number(arena, site, lang, eur));
}

const char *format_percent(arena_t *arena, const site_t *site, size_t lang,
                           double pct)
{
	return fill(arena, format_word(site, lang, "format.percent"),
	            format_number(arena, site, lang, round(pct)));
}

/* Writes n in decimal at out; returns how many characters. */
static size_t put_int(char *out, int n)
{
	size_t sign = n < 0;
	if (sign)
		out[0] = '-';
	return sign + buf_format_uint(out + sign, n < 0 ? 0u - (unsigned)n
	                                                : (unsigned)n);
}

const char *format_date(arena_t *arena, const site_t *site, size_t lang,
                        const char *iso)
{
	if (!iso || strlen(iso) != 10)
		return iso ? iso : "";
	int y = atoi(iso), m = atoi(iso + 5), d = atoi(iso + 8);
	const char *pattern = format_word(site, lang, "format.date");
	if (!*pattern)
		return arena_strdup(arena, iso);
	/* Written straight into the arena: each field takes at most as many
	 * characters as a number does, and the pattern's own. */
	char *s = arena_take(arena, strlen(pattern) / 3 * 11 + strlen(pattern) + 1);
	size_t n = 0;
	for (const char *p = pattern; *p; p++) {
		if (strncmp(p, "{d}", 3) == 0) {
			n += put_int(s + n, d);
			p += 2;
		} else if (strncmp(p, "{m}", 3) == 0) {
			n += put_int(s + n, m);
			p += 2;
		} else if (strncmp(p, "{y}", 3) == 0) {
			n += put_int(s + n, y);
			p += 2;
		} else {
			s[n++] = *p;
		}
	}
	s[n] = '\0';
	return s;
}
