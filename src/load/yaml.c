#include "yaml.h"

#include <errno.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "../core/map.h"

/* Deeper nesting than this is never content; the limit keeps hostile input
 * from exhausting the stack. */
enum { MAX_DEPTH = 64 };

typedef struct {
	arena_t *arena;
	yaml_parser_t parser;
	const char *path;
	int first_line;
	diags_t *diags;
	bool failed;
} reader_t;

static pos_t position(const reader_t *r, yaml_mark_t mark)
{
	pos_t p = {(int)mark.line + r->first_line, (int)mark.column + 1};
	return p;
}

/* libyaml's words for the mistakes editors make most, in plainer ones. */
static const struct {
	const char *problem;
	msg_id_t msg;
} plainer[] = {
	{"mapping values are not allowed in this context", MSG_YAML_COLON},
	{"found character that cannot start any token", MSG_YAML_TAB},
	{"found a tab character that violates indentation", MSG_YAML_TAB},
	{"did not find expected key", MSG_YAML_INDENT},
	{"did not find expected '-' indicator", MSG_YAML_INDENT},
	{"found unexpected end of stream", MSG_YAML_UNCLOSED},
};

static void syntax_error(reader_t *r)
{
	yaml_parser_t *p = &r->parser;
	/* libyaml's own words are English; ours are terms. */
	const char *problem = p->problem ? p->problem
	                                 : term(TERM_YAML_UNREADABLE);
	pos_t pos = position(r, p->problem_mark);
	r->failed = true;
	for (size_t i = 0; i < sizeof plainer / sizeof *plainer; i++) {
		if (strcmp(problem, plainer[i].problem) == 0) {
			/* An unclosed quote or bracket is best shown where it opens. */
			if (plainer[i].msg == MSG_YAML_UNCLOSED && p->context)
				pos = position(r, p->context_mark);
			diag_error(r->diags, r->path, pos, plainer[i].msg);
			return;
		}
	}
	if (p->context)
		diag_error(r->diags, r->path, pos, MSG_YAML_SYNTAX_CONTEXT, problem,
		           p->context);
	else
		diag_error(r->diags, r->path, pos, MSG_YAML_SYNTAX, problem);
}

static bool next(reader_t *r, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&r->parser, ev)) {
		syntax_error(r);
		return false;
	}
	return true;
}

static bool is_number(const char *s, double *out)
{
	const char *p = s;
	if (*p == '+' || *p == '-')
		p++;
	if (*p == '.' && (strcmp(p, ".inf") == 0 || strcmp(p, ".Inf") == 0 ||
	                  strcmp(p, ".INF") == 0)) {
		*out = s[0] == '-' ? -INFINITY : INFINITY;
		return true;
	}
	if (*s == '.' && (strcmp(s, ".nan") == 0 || strcmp(s, ".NaN") == 0 ||
	                  strcmp(s, ".NAN") == 0)) {
		*out = NAN;
		return true;
	}
	/* Digits, an optional fraction and exponent: nothing strtod accepts
	 * beyond that (no hex, no "infinity", no leading spaces). */
	bool digits = false;
	while (*p >= '0' && *p <= '9') {
		p++;
		digits = true;
	}
	if (*p == '.') {
		p++;
		while (*p >= '0' && *p <= '9') {
			p++;
			digits = true;
		}
	}
	if (!digits)
		return false;
	if (*p == 'e' || *p == 'E') {
		p++;
		if (*p == '+' || *p == '-')
			p++;
		if (!(*p >= '0' && *p <= '9'))
			return false;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p)
		return false;
	errno = 0;
	*out = strtod(s, NULL);
	return true;
}

/* What YAML reads a plain scalar's text as: null, a boolean, or neither
 * (then perhaps a number). */
typedef enum { WORD_OTHER, WORD_NULL, WORD_TRUE, WORD_FALSE } word_t;

static word_t word_of(const char *s, size_t len)
{
	if (len == 0)
		return WORD_NULL;
	if (len > 5)
		return WORD_OTHER; /* most scalars: no comparisons */
	if (strcmp(s, "~") == 0 || strcmp(s, "null") == 0 ||
	    strcmp(s, "Null") == 0 || strcmp(s, "NULL") == 0)
		return WORD_NULL;
	if (strcmp(s, "true") == 0 || strcmp(s, "True") == 0 ||
	    strcmp(s, "TRUE") == 0)
		return WORD_TRUE;
	if (strcmp(s, "false") == 0 || strcmp(s, "False") == 0 ||
	    strcmp(s, "FALSE") == 0)
		return WORD_FALSE;
	return WORD_OTHER;
}

static value_t *scalar(reader_t *r, const yaml_event_t *ev)
{
	const char *text = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	const char *tag = (const char *)ev->data.scalar.tag;
	value_t *v = NULL;
	bool plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	             !(tag && strcmp(tag, YAML_STR_TAG) == 0);
	if (plain) {
		double n;
		word_t w = word_of(text, len);
		if (w == WORD_NULL)
			v = val_null(r->arena);
		else if (w != WORD_OTHER)
			v = val_bool(r->arena, w == WORD_TRUE);
		else if (is_number(text, &n))
			v = val_number(r->arena, n);
	}
	if (v) {
		v->text = arena_strndup(r->arena, text, len);
	} else {
		v = val_strn(r->arena, text, len);
		v->text = v->as.str.s;
	}
	v->pos = position(r, ev->start_mark);
	return v;
}

static value_t *node(reader_t *r, yaml_event_t *ev, int depth);

/* Reads the items of a sequence or mapping whose start event was ev. */
/* Finds key among the members read so far. Small mappings are searched in
 * order; a large one (hostile input) gets a hash index, built on first
 * need, so that reading stays linear. */
static const member_t *earlier(const value_t *map, map_t *index,
                               const char *key)
{
	enum { LINEAR = 16 };
	size_t n = map->as.map.len;
	if (n <= LINEAR)
		return val_member(map, key);
	if (index->len == 0)
		for (size_t i = 0; i < n; i++)
			map_put(index, map->as.map.items[i].key, (void *)(i + 1));
	size_t at = (size_t)map_get(index, key);
	return at ? &map->as.map.items[at - 1] : NULL;
}

/* Reads the key and value of one member of map; false on failure. */
static bool member(reader_t *r, value_t *map, map_t *index, yaml_event_t *ev,
                   int depth)
{
	if (ev->type != YAML_SCALAR_EVENT) {
		/* Only plain text keys make sense in content. */
		diag_error(r->diags, r->path, position(r, ev->start_mark),
		           MSG_YAML_COMPLEX_KEY);
		r->failed = true;
		return false;
	}
	pos_t key_pos = position(r, ev->start_mark);
	char *key = arena_strndup(r->arena, (const char *)ev->data.scalar.value,
	                          ev->data.scalar.length);
	const member_t *dup = earlier(map, index, key);
	if (dup) {
		char line[16];
		snprintf(line, sizeof line, "%d", dup->pos.line);
		diag_error(r->diags, r->path, key_pos, MSG_YAML_DUPLICATE_KEY, key,
		           line);
		r->failed = true;
	}
	yaml_event_t value_ev;
	if (!next(r, &value_ev))
		return false;
	value_t *val = node(r, &value_ev, depth + 1);
	yaml_event_delete(&value_ev);
	if (!val)
		return false;
	val_set(r->arena, map, key, val);
	map->as.map.items[map->as.map.len - 1].pos = key_pos;
	if (index->len)
		map_put(index, key, (void *)map->as.map.len);
	return true;
}

/* Reads the items of a sequence or mapping whose start event was start. */
static value_t *collection(reader_t *r, yaml_event_t *start, int depth)
{
	bool is_map = start->type == YAML_MAPPING_START_EVENT;
	value_t *v = is_map ? val_map(r->arena) : val_list(r->arena);
	v->pos = position(r, start->start_mark);
	if (depth >= MAX_DEPTH) {
		diag_error(r->diags, r->path, v->pos, MSG_YAML_TOO_DEEP);
		r->failed = true;
		return NULL;
	}
	yaml_event_type_t end =
		is_map ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
	map_t index = MAP_INIT;
	value_t *result = NULL;
	for (;;) {
		yaml_event_t ev;
		if (!next(r, &ev))
			break;
		bool ok;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			result = v;
			break;
		}
		if (is_map) {
			ok = member(r, v, &index, &ev, depth);
		} else {
			value_t *item = node(r, &ev, depth + 1);
			if ((ok = item != NULL))
				val_push(r->arena, v, item);
		}
		yaml_event_delete(&ev);
		if (!ok)
			break;
	}
	map_free(&index);
	return result;
}

static value_t *node(reader_t *r, yaml_event_t *ev, int depth)
{
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		return scalar(r, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return collection(r, ev, depth);
	case YAML_ALIAS_EVENT:
		diag_error(r->diags, r->path, position(r, ev->start_mark),
		           MSG_YAML_ALIAS);
		r->failed = true;
		return NULL;
	default:
		diag_error(r->diags, r->path, position(r, ev->start_mark),
		           MSG_YAML_SYNTAX, term(TERM_YAML_STRUCTURE));
		r->failed = true;
		return NULL;
	}
}

value_t *yaml_parse(arena_t *arena, const char *text, size_t len,
                    const char *path, int first_line, diags_t *diags)
{
	reader_t r = {.arena = arena, .path = path, .first_line = first_line,
	              .diags = diags};
	if (!yaml_parser_initialize(&r.parser))
		abort(); /* only fails when out of memory */
	yaml_parser_set_input_string(&r.parser, (const unsigned char *)text, len);
	yaml_parser_set_encoding(&r.parser, YAML_UTF8_ENCODING);

	value_t *root = NULL;
	yaml_event_t ev;
	int documents = 0;
	while (!r.failed && next(&r, &ev)) {
		yaml_event_type_t type = ev.type;
		if (type == YAML_DOCUMENT_START_EVENT) {
			if (++documents > 1) {
				diag_error(diags, path, position(&r, ev.start_mark),
				           MSG_YAML_SECOND_DOCUMENT);
				r.failed = true;
			}
		} else if (type != YAML_STREAM_START_EVENT &&
		           type != YAML_DOCUMENT_END_EVENT &&
		           type != YAML_STREAM_END_EVENT) {
			root = node(&r, &ev, 0);
		}
		yaml_event_delete(&ev);
		if (type == YAML_STREAM_END_EVENT)
			break;
	}
	yaml_parser_delete(&r.parser);
	if (r.failed)
		return NULL;
	if (!root) {
		root = val_null(arena);
		root->pos.line = first_line;
		root->pos.col = 1;
	}
	return root;
}
