#include "opendata.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/buf.h"
#include "../core/json.h"
#include "../model/urls.h"
#include "../view/format.h"
#include "schema.h"

char *opendata_file(const programme_t *p, const char *suffix)
{
	char *name = xmalloc(strlen(p->id) + strlen(suffix) + 1);
	sprintf(name, "%s%s", p->id, suffix);
	return name;
}

/* {"fi": ..., "sv": ...} from one text field of each language. */
typedef const char *(*field_fn)(const text_t *t);

static const char *title_of(const text_t *t) { return t->title; }
static const char *summary_of(const text_t *t) { return t->summary; }
static const char *problem_of(const text_t *t) { return t->problem; }
static const char *impact_of(const text_t *t) { return t->impact; }
static const char *target_of(const text_t *t) { return t->target; }

static void words(buf_t *b, const site_t *site, text_t *const *texts,
                  field_fn field)
{
	buf_putc(b, '{');
	for (size_t l = 0; l < site->nlangs; l++) {
		const text_t *t = texts ? texts[l] : NULL;
		json_string(b, site->langs[l]);
		buf_putc(b, ':');
		json_string(b, t && !t->borrowed ? field(t) : NULL);
		if (l + 1 < site->nlangs)
			buf_putc(b, ',');
	}
	buf_putc(b, '}');
}

static void urls(buf_t *b, const site_t *site, const char *const *list,
                 arena_t *a)
{
	buf_putc(b, '{');
	for (size_t l = 0; l < site->nlangs; l++) {
		json_string(b, site->langs[l]);
		buf_putc(b, ':');
		json_string(b, urls_absolute(a, site, list[l]));
		if (l + 1 < site->nlangs)
			buf_putc(b, ',');
	}
	buf_putc(b, '}');
}

static void key(buf_t *b, const char *k)
{
	json_string(b, k);
	buf_putc(b, ':');
}

static void enum_value(buf_t *b, enum_kind_t kind, const enum_ref_t *e)
{
	json_string(b, e->id >= 0 ? enum_id(kind, e->id) : NULL);
}

static void enum_values(buf_t *b, enum_kind_t kind, const enum_ref_t *e,
                        size_t n)
{
	buf_putc(b, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(b, ',');
		enum_value(b, kind, &e[i]);
	}
	buf_putc(b, ']');
}

/* Every enumeration's values with their names in every language. */
static void labels(buf_t *b, const site_t *site)
{
	buf_putc(b, '{');
	for (int kind = 0; kind < ENUM_KIND_COUNT; kind++) {
		const enum_def_t *def = enum_def(kind);
		if (kind)
			buf_putc(b, ',');
		key(b, def->i18n_group);
		buf_putc(b, '{');
		for (int v = 0; def->values[v]; v++) {
			if (v)
				buf_putc(b, ',');
			key(b, def->values[v]);
			buf_putc(b, '{');
			for (size_t l = 0; l < site->nlangs; l++) {
				if (l)
					buf_putc(b, ',');
				key(b, site->langs[l]);
				json_string(b, format_enum(site, l, kind, v));
			}
			buf_putc(b, '}');
		}
		buf_putc(b, '}');
	}
	buf_putc(b, '}');
}

static void action_json(buf_t *b, const site_t *site, const action_t *x,
                        arena_t *a)
{
	buf_puts(b, "{");
	key(b, "id"); json_string(b, x->id);
	buf_puts(b, ","); key(b, "code"); json_string(b, x->code);
	buf_puts(b, ","); key(b, "theme"); json_string(b, x->theme ? x->theme->id : NULL);
	buf_puts(b, ","); key(b, "years"); buf_putc(b, '[');
	for (size_t i = 0; i < x->nyears; i++)
		buf_printf(b, "%s%d", i ? "," : "", x->years[i]);
	buf_puts(b, "],"); key(b, "status"); buf_putc(b, '{');
	for (size_t i = 0; i < x->nstatuses; i++) {
		buf_printf(b, "%s\"%d\":", i ? "," : "", x->statuses[i].year);
		enum_value(b, ENUM_STATUS, &x->statuses[i].status);
	}
	int current = model_current_status(x);
	buf_puts(b, "},"); key(b, "current_status");
	json_string(b, current >= 0 ? enum_id(ENUM_STATUS, current) : NULL);
	buf_puts(b, ","); key(b, "responsible"); buf_putc(b, '[');
	for (size_t i = 0; i < x->nresponsible; i++) {
		if (i)
			buf_putc(b, ',');
		json_string(b, x->responsible[i]->id);
	}
	buf_puts(b, "],"); key(b, "level"); enum_value(b, ENUM_LEVEL, &x->level);
	buf_puts(b, ","); key(b, "statutory");
	buf_puts(b, x->statutory < 0 ? "null" : x->statutory ? "true" : "false");
	buf_puts(b, ","); key(b, "state_funding");
	buf_puts(b, x->state_funding < 0 ? "null" : x->state_funding ? "true" : "false");
	buf_puts(b, ","); key(b, "need"); enum_values(b, ENUM_NEED, x->need, x->nneed);
	buf_puts(b, ","); key(b, "benefits");
	enum_values(b, ENUM_BENEFIT, x->benefits, x->nbenefits);
	buf_puts(b, ","); key(b, "beneficiaries");
	enum_values(b, ENUM_BENEFICIARY, x->beneficiaries, x->nbeneficiaries);
	buf_puts(b, ","); key(b, "cost_class"); enum_value(b, ENUM_CLASS, &x->cost_class);
	buf_puts(b, ","); key(b, "impact_class");
	enum_value(b, ENUM_CLASS, &x->impact_class);
	buf_puts(b, ","); key(b, "model"); enum_value(b, ENUM_MODEL, &x->model);
	buf_puts(b, ","); key(b, "cost");
	if (x->has_cost) {
		buf_putc(b, '{'); key(b, "amount_eur"); json_number(b, x->cost_eur);
		buf_puts(b, ","); key(b, "kind"); enum_value(b, ENUM_COST_KIND, &x->cost_kind);
		buf_puts(b, ","); key(b, "funding"); enum_value(b, ENUM_FUNDING, &x->funding);
		buf_putc(b, '}');
	} else {
		buf_puts(b, "null");
	}
	buf_puts(b, ","); key(b, "related"); buf_putc(b, '[');
	for (size_t i = 0; i < x->nrelated; i++) {
		if (i)
			buf_putc(b, ',');
		json_string(b, x->related[i]->id);
	}
	buf_puts(b, "],"); key(b, "continues");
	if (x->continues) {
		char *ref = xmalloc(strlen(x->continues->programme->id) +
		                    strlen(x->continues->id) + 2);
		sprintf(ref, "%s/%s", x->continues->programme->id, x->continues->id);
		json_string(b, ref);
		free(ref);
	} else {
		buf_puts(b, "null");
	}
	buf_puts(b, ","); key(b, "title"); words(b, site, x->texts, title_of);
	buf_puts(b, ","); key(b, "summary"); words(b, site, x->texts, summary_of);
	buf_puts(b, ","); key(b, "problem"); words(b, site, x->texts, problem_of);
	buf_puts(b, ","); key(b, "impact"); words(b, site, x->texts, impact_of);
	buf_puts(b, ","); key(b, "url"); urls(b, site, x->urls, a);
	buf_putc(b, '}');
}

static void indicator_json(buf_t *b, const site_t *site,
                           const indicator_t *x, arena_t *a)
{
	buf_puts(b, "{");
	key(b, "id"); json_string(b, x->id);
	buf_puts(b, ","); key(b, "theme"); json_string(b, x->theme ? x->theme->id : NULL);
	buf_puts(b, ","); key(b, "unit"); enum_value(b, ENUM_MEASURE_UNIT, &x->unit);
	buf_puts(b, ","); key(b, "direction");
	enum_value(b, ENUM_DIRECTION, &x->direction);
	buf_puts(b, ","); key(b, "scale");
	if (x->has_scale) {
		buf_putc(b, '[');
		json_number(b, x->scale_min);
		buf_putc(b, ',');
		json_number(b, x->scale_max);
		buf_putc(b, ']');
	} else {
		buf_puts(b, "null");
	}
	buf_puts(b, ","); key(b, "target");
	if (x->has_target)
		json_number(b, x->target);
	else
		buf_puts(b, "null");
	buf_puts(b, ","); key(b, "values"); buf_putc(b, '[');
	for (size_t i = 0; i < x->nvalues; i++) {
		const indicator_value_t *v = &x->values[i];
		buf_printf(b, "%s{\"year\":%d,\"value\":", i ? "," : "", v->year);
		if (v->is_number)
			json_number(b, v->number);
		else
			buf_puts(b, "null");
		buf_puts(b, ",\"state\":");
		if (v->is_number)
			buf_puts(b, "null");
		else
			enum_value(b, ENUM_VALUE_STATE, &v->state);
		buf_putc(b, '}');
	}
	buf_puts(b, "],"); key(b, "name"); words(b, site, x->texts, title_of);
	buf_puts(b, ","); key(b, "target_in_words"); words(b, site, x->texts, target_of);
	buf_puts(b, ","); key(b, "url"); urls(b, site, x->urls, a);
	buf_putc(b, '}');
}

/* A programme's JSON up to its actions, which follow one per line. */
static void json_head(buf_t *b, const site_t *site, const programme_t *p,
                      arena_t *a)
{
	buf_puts(b, "{\n");
	key(b, "$schema"); json_string(b, "schema.json");
	buf_puts(b, ",\n"); key(b, "licence"); json_string(b, "CC-BY-4.0");
	buf_puts(b, ",\n"); key(b, "publisher"); buf_putc(b, '{');
	for (size_t l = 0; l < site->nlangs; l++) {
		if (l)
			buf_putc(b, ',');
		key(b, site->langs[l]);
		json_string(b, site->organisation[l]);
	}
	buf_puts(b, "},\n"); key(b, "programme"); buf_putc(b, '{');
	key(b, "id"); json_string(b, p->id);
	buf_puts(b, ","); key(b, "period");
	buf_printf(b, "[%d,%d]", p->first_year, p->last_year);
	buf_puts(b, ","); key(b, "status");
	enum_value(b, ENUM_PROGRAMME_STATUS, &p->status);
	buf_puts(b, ","); key(b, "title"); words(b, site, p->texts, title_of);
	buf_puts(b, ","); key(b, "summary"); words(b, site, p->texts, summary_of);
	buf_puts(b, ","); key(b, "url"); urls(b, site, p->urls, a);
	buf_puts(b, ","); key(b, "follow_ups"); buf_putc(b, '[');
	for (size_t i = 0; i < p->nfollow_ups; i++) {
		buf_printf(b, "%s{\"year\":%d,\"date\":", i ? "," : "",
		           p->follow_ups[i].year);
		json_string(b, p->follow_ups[i].date);
		buf_putc(b, '}');
	}
	buf_puts(b, "]},\n"); key(b, "themes"); buf_puts(b, "[\n");
	for (size_t i = 0; i < p->nthemes; i++) {
		const theme_t *t = &p->themes[i];
		buf_puts(b, i ? ",\n{" : "{");
		key(b, "id"); json_string(b, t->id);
		buf_puts(b, ","); key(b, "code"); json_string(b, t->code);
		buf_puts(b, ","); key(b, "kind"); enum_value(b, ENUM_THEME_KIND, &t->kind);
		buf_puts(b, ","); key(b, "title"); words(b, site, t->texts, title_of);
		buf_puts(b, ","); key(b, "url"); urls(b, site, t->urls, a);
		buf_putc(b, '}');
	}
	buf_puts(b, "],\n"); key(b, "actions"); buf_puts(b, "[\n");
}

/* Between the actions and the indicators. */
static void json_middle(buf_t *b)
{
	buf_puts(b, "],\n"); key(b, "indicators"); buf_puts(b, "[\n");
}

/* After the indicators. */
static void json_tail(buf_t *b, const site_t *site)
{
	buf_puts(b, "],\n"); key(b, "units"); buf_putc(b, '[');
	for (size_t i = 0; i < site->nunits; i++) {
		const unit_t *u = &site->units[i];
		buf_puts(b, i ? ",\n{" : "\n{");
		key(b, "id"); json_string(b, u->id);
		buf_puts(b, ","); key(b, "name"); buf_putc(b, '{');
		for (size_t l = 0; l < site->nlangs; l++) {
			if (l)
				buf_putc(b, ',');
			key(b, site->langs[l]);
			json_string(b, u->names[l]);
		}
		buf_puts(b, "}}");
	}
	buf_puts(b, "],\n"); key(b, "labels"); labels(b, site);
	buf_puts(b, "\n}\n");
}

/* A CSV field (RFC 4180). Text that a spreadsheet would take for a
 * formula (=, +, -, @ first) gets a leading apostrophe. */
static void csv(buf_t *b, const char *s, bool text)
{
	if (!s)
		s = "";
	bool formula = text && (*s == '=' || *s == '+' || *s == '-' ||
	                        *s == '@' || *s == '\t' || *s == '\r');
	bool quote = formula || strpbrk(s, ",\"\n\r") != NULL;
	if (quote)
		buf_putc(b, '"');
	if (formula)
		buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			buf_putc(b, '"');
		buf_putc(b, *s);
	}
	if (quote)
		buf_putc(b, '"');
}

static const char *text_in(const text_t *const *texts, size_t l, field_fn f)
{
	return texts && texts[l] && !texts[l]->borrowed ? f(texts[l]) : NULL;
}

static void actions_csv_head(buf_t *b, const site_t *site,
                             const programme_t *p)
{
	buf_puts(b, "programme,id,code,theme,years,current_status");
	for (size_t i = 0; i < p->nfollow_ups; i++)
		buf_printf(b, ",status_%d", p->follow_ups[i].year);
	buf_puts(b, ",responsible,level,statutory,cost_class,impact_class,"
	            "cost_eur,cost_kind");
	for (size_t l = 0; l < site->nlangs; l++)
		buf_printf(b, ",title_%s,problem_%s,status_name_%s,url_%s",
		           site->langs[l], site->langs[l], site->langs[l],
		           site->langs[l]);
	buf_puts(b, "\r\n");
}

static void action_csv(buf_t *b, const site_t *site, const action_t *x,
                       arena_t *a)
{
	const programme_t *p = x->programme;
	int current = model_current_status(x);
	csv(b, p->id, false);
	buf_putc(b, ',');
	csv(b, x->id, false);
	buf_putc(b, ',');
	csv(b, x->code, true);
	buf_putc(b, ',');
	csv(b, x->theme ? x->theme->id : NULL, false);
	buf_putc(b, ',');
	for (size_t y = 0; y < x->nyears; y++)
		buf_printf(b, "%s%d", y ? " " : "", x->years[y]);
	buf_putc(b, ',');
	csv(b, current >= 0 ? enum_id(ENUM_STATUS, current) : NULL, false);
	for (size_t f = 0; f < p->nfollow_ups; f++) {
		int s = model_status_in(x, p->follow_ups[f].year);
		buf_putc(b, ',');
		csv(b, s >= 0 ? enum_id(ENUM_STATUS, s) : NULL, false);
	}
	buf_putc(b, ',');
	for (size_t u = 0; u < x->nresponsible; u++)
		buf_printf(b, "%s%s", u ? " " : "", x->responsible[u]->id);
	buf_putc(b, ',');
	csv(b, x->level.id >= 0 ? enum_id(ENUM_LEVEL, x->level.id) : NULL, false);
	buf_putc(b, ',');
	csv(b, x->statutory < 0 ? NULL : x->statutory ? "true" : "false", false);
	buf_putc(b, ',');
	csv(b, x->cost_class.id >= 0 ? enum_id(ENUM_CLASS, x->cost_class.id)
	                             : NULL, false);
	buf_putc(b, ',');
	csv(b, x->impact_class.id >= 0 ? enum_id(ENUM_CLASS, x->impact_class.id)
	                               : NULL, false);
	buf_putc(b, ',');
	if (x->has_cost)
		json_number(b, x->cost_eur);
	buf_putc(b, ',');
	csv(b, x->has_cost && x->cost_kind.id >= 0
	       ? enum_id(ENUM_COST_KIND, x->cost_kind.id) : NULL, false);
	for (size_t l = 0; l < site->nlangs; l++) {
		buf_putc(b, ',');
		csv(b, text_in((const text_t *const *)x->texts, l, title_of), true);
		buf_putc(b, ',');
		csv(b, text_in((const text_t *const *)x->texts, l, problem_of), true);
		buf_putc(b, ',');
		csv(b, current >= 0 ? format_enum(site, l, ENUM_STATUS, current)
		                    : NULL, true);
		buf_putc(b, ',');
		csv(b, urls_absolute(a, site, x->urls[l]), false);
	}
	buf_puts(b, "\r\n");
}

static void indicators_csv_head(buf_t *b, const site_t *site)
{
	buf_puts(b, "programme,indicator,theme,unit,direction,target,year,value,"
	            "state");
	for (size_t l = 0; l < site->nlangs; l++)
		buf_printf(b, ",name_%s,target_in_words_%s,state_name_%s",
		           site->langs[l], site->langs[l], site->langs[l]);
	buf_puts(b, "\r\n");
}

/* An indicator's rows: one per year with a value. */
static void indicator_csv(buf_t *b, const site_t *site, const indicator_t *x)
{
	const programme_t *p = x->programme;
	for (size_t k = 0; k < x->nvalues; k++) {
		const indicator_value_t *v = &x->values[k];
		csv(b, p->id, false);
		buf_putc(b, ',');
		csv(b, x->id, false);
		buf_putc(b, ',');
		csv(b, x->theme ? x->theme->id : NULL, false);
		buf_putc(b, ',');
		csv(b, x->unit.id >= 0 ? enum_id(ENUM_MEASURE_UNIT, x->unit.id)
		                       : NULL, false);
		buf_putc(b, ',');
		csv(b, x->direction.id >= 0
		       ? enum_id(ENUM_DIRECTION, x->direction.id) : NULL, false);
		buf_putc(b, ',');
		if (x->has_target)
			json_number(b, x->target);
		buf_printf(b, ",%d,", v->year);
		if (v->is_number)
			json_number(b, v->number);
		buf_putc(b, ',');
		csv(b, !v->is_number && v->state.id >= 0
		       ? enum_id(ENUM_VALUE_STATE, v->state.id) : NULL, false);
		for (size_t l = 0; l < site->nlangs; l++) {
			buf_putc(b, ',');
			csv(b, text_in((const text_t *const *)x->texts, l, title_of),
			    true);
			buf_putc(b, ',');
			csv(b, text_in((const text_t *const *)x->texts, l, target_of),
			    true);
			buf_putc(b, ',');
			csv(b, !v->is_number
			       ? format_enum(site, l, ENUM_VALUE_STATE, v->state.id)
			       : NULL, true);
		}
		buf_puts(b, "\r\n");
	}
}

static int emit_buf(emit_fn emit, void *ctx, const programme_t *p,
                    const char *suffix, buf_t *b)
{
	char *name = opendata_file(p, suffix);
	char *path = xmalloc(strlen(name) + 6);
	sprintf(path, "data/%s", name);
	int rc = emit(ctx, path, b->data ? b->data : "", b->len);
	free(path);
	free(name);
	buf_reset(b);
	return rc;
}

/* An action's or an indicator's share of the files, and the texts it was
 * made of (a copy of its texts slots): the preview makes it again when
 * one of them was replaced. */
typedef struct {
	char *json, *csv; /* one block */
	size_t json_len, csv_len; /* joined for every write: not measured again */
	text_t **texts;
} part_t;

struct opendata {
	const site_t *site;
	part_t **actions, **indicators; /* [programme][entry] */
	buf_t scratch;
	arena_t *arena;                 /* absolute addresses, for one part */
};

static bool stale(const part_t *part, text_t *const *texts, size_t nlangs)
{
	return !part->json ||
	       memcmp(part->texts, texts, nlangs * sizeof *texts) != 0;
}

/* What b holds, its JSON the first json_len bytes and its CSV the rest,
 * in place of part's texts (both in one block); b is emptied for the next
 * part. */
static void take(buf_t *b, size_t json_len, part_t *part)
{
	free(part->json);
	part->json = xmalloc(b->len + 2);
	part->json_len = json_len;
	memcpy(part->json, b->data, json_len);
	part->json[json_len] = '\0';
	part->csv = part->json + json_len + 1;
	part->csv_len = b->len - json_len;
	memcpy(part->csv, b->data + json_len, part->csv_len + 1);
	buf_reset(b);
}

/* Makes again the parts whose texts are not the ones they were made of. */
static void refresh(opendata_t *o)
{
	const site_t *site = o->site;
	size_t n = site->nlangs;
	buf_t *b = &o->scratch;
	buf_reset(b);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		for (size_t k = 0; k < p->nactions; k++) {
			part_t *part = &o->actions[i][k];
			const action_t *x = &p->actions[k];
			if (!stale(part, x->texts, n))
				continue;
			action_json(b, site, x, o->arena);
			size_t json_len = b->len;
			action_csv(b, site, x, o->arena);
			take(b, json_len, part);
			arena_reset(o->arena);
			memcpy(part->texts, x->texts, n * sizeof *part->texts);
		}
		for (size_t k = 0; k < p->nindicators; k++) {
			part_t *part = &o->indicators[i][k];
			const indicator_t *x = &p->indicators[k];
			if (!stale(part, x->texts, n))
				continue;
			indicator_json(b, site, x, o->arena);
			size_t json_len = b->len;
			indicator_csv(b, site, x);
			take(b, json_len, part);
			arena_reset(o->arena);
			memcpy(part->texts, x->texts, n * sizeof *part->texts);
		}
	}
}

static part_t *new_parts(size_t n, size_t nlangs)
{
	part_t *parts = xcalloc(n + 1, sizeof *parts);
	for (size_t i = 0; i < n; i++)
		parts[i].texts = xcalloc(nlangs, sizeof *parts[i].texts);
	return parts;
}

opendata_t *opendata_new(const site_t *site)
{
	opendata_t *o = xcalloc(1, sizeof *o);
	o->site = site;
	o->arena = arena_new();
	o->actions = xcalloc(site->nprogrammes + 1, sizeof *o->actions);
	o->indicators = xcalloc(site->nprogrammes + 1, sizeof *o->indicators);
	for (size_t i = 0; i < site->nprogrammes; i++) {
		o->actions[i] = new_parts(site->programmes[i].nactions, site->nlangs);
		o->indicators[i] = new_parts(site->programmes[i].nindicators,
		                             site->nlangs);
	}
	return o;
}

static void free_parts(part_t *parts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(parts[i].json); /* and the CSV after it */
		free(parts[i].texts);
	}
	free(parts);
}

void opendata_free(opendata_t *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->site->nprogrammes; i++) {
		free_parts(o->actions[i], o->site->programmes[i].nactions);
		free_parts(o->indicators[i], o->site->programmes[i].nindicators);
	}
	free(o->actions);
	free(o->indicators);
	buf_free(&o->scratch);
	arena_free(o->arena);
	free(o);
}

/* What put_entries puts: one of a programme's lists, in one file. */
typedef enum { ACTIONS_JSON, INDICATORS_JSON, ACTIONS_CSV, INDICATORS_CSV } list_t;

/* Room for an entry made as it comes, more than most take: unused room
 * costs no memory until written, and a file grown as it comes was copied
 * and faulted in again and again. */
enum { ENTRY_ROOM = 2048 };

/* The programme's entries of one list into b: with o, its kept parts
 * joined (room for all at once: megabytes); without, each made as it
 * comes, a build making each once (kept first, they took as much memory
 * again). */
static void put_entries(buf_t *b, const site_t *site, opendata_t *o,
                        arena_t *a, size_t prog, list_t list)
{
	const programme_t *p = &site->programmes[prog];
	bool actions = list == ACTIONS_JSON || list == ACTIONS_CSV;
	bool json = list == ACTIONS_JSON || list == INDICATORS_JSON;
	size_t n = actions ? p->nactions : p->nindicators;
	const part_t *parts = !o ? NULL : actions ? o->actions[prog]
	                                          : o->indicators[prog];
	size_t total = parts ? 0 : n * ENTRY_ROOM;
	for (size_t i = 0; parts && i < n; i++)
		total += json ? parts[i].json_len + 2 : parts[i].csv_len;
	buf_grow(b, total);
	for (size_t i = 0; i < n; i++) {
		if (json && i)
			buf_puts(b, ",\n");
		if (parts) {
			if (json)
				buf_put(b, parts[i].json, parts[i].json_len);
			else
				buf_put(b, parts[i].csv, parts[i].csv_len);
			continue;
		}
		switch (list) {
		case ACTIONS_JSON:
			action_json(b, site, &p->actions[i], a);
			break;
		case INDICATORS_JSON:
			indicator_json(b, site, &p->indicators[i], a);
			break;
		case ACTIONS_CSV:
			action_csv(b, site, &p->actions[i], a);
			break;
		case INDICATORS_CSV:
			indicator_csv(b, site, &p->indicators[i]);
			break;
		}
		arena_reset(a);
	}
}

/* The files, each made in b: from o's parts, or made afresh (no o). */
static int write_files(const site_t *site, opendata_t *o, buf_t *b,
                       arena_t *a, emit_fn emit, void *ctx)
{
	int rc = emit(ctx, "data/schema.json", opendata_schema,
	              strlen(opendata_schema));
	buf_reset(b);
	for (size_t i = 0; rc == 0 && i < site->nprogrammes; i++) {
		const programme_t *p = &site->programmes[i];
		json_head(b, site, p, a);
		arena_reset(a);
		put_entries(b, site, o, a, i, ACTIONS_JSON);
		json_middle(b);
		put_entries(b, site, o, a, i, INDICATORS_JSON);
		json_tail(b, site);
		rc = emit_buf(emit, ctx, p, ".json", b);
		if (rc == 0) {
			actions_csv_head(b, site, p);
			put_entries(b, site, o, a, i, ACTIONS_CSV);
			rc = emit_buf(emit, ctx, p, "-actions.csv", b);
		}
		if (rc == 0) {
			indicators_csv_head(b, site);
			put_entries(b, site, o, a, i, INDICATORS_CSV);
			rc = emit_buf(emit, ctx, p, "-indicators.csv", b);
		}
	}
	return rc;
}

int opendata_write_kept(opendata_t *o, emit_fn emit, void *ctx)
{
	refresh(o);
	/* The scratch buffer is kept: a preview's next write reuses it. */
	return write_files(o->site, o, &o->scratch, o->arena, emit, ctx);
}

int opendata_write(const site_t *site, emit_fn emit, void *ctx)
{
	buf_t b = BUF_INIT;
	arena_t *a = arena_new();
	int rc = write_files(site, NULL, &b, a, emit, ctx);
	arena_free(a);
	buf_free(&b);
	return rc;
}
