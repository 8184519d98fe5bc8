/* Mustache source to nodes. The spec's whitespace rules are applied here,
 * once per template: standalone tags drop their line, and blocks lose the
 * intrinsic indentation they were written with. What a standalone partial,
 * parent or block adds back is left to the renderer as N_INDENT marks at
 * the start of each source line that survives. */
#include "mustache_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/utf8.h"

/* Sections, parents and blocks nested deeper than this are refused: the
 * parser and the renderer both recurse once per level. */
enum { MAX_NESTING = 100 };

typedef struct {
	const char *s;
	size_t len;
} span_t;

typedef struct {
	arena_t *arena;
	const char *src;
	size_t len;
	size_t pos;         /* the next byte to parse */
	span_t open, close; /* the current delimiters */
	/* Nothing has been written or tagged on the current line yet: its
	 * N_INDENT is still due, and a tag on it may be standalone. */
	bool bol;
	/* Intrinsic indentation of the enclosing blocks, outermost first,
	 * removed from the start of each line of their content. */
	span_t strip[MAX_NESTING];
	int nstrip;
	int depth;
	const char *path;
	diags_t *diags;
} parser_t;

/* Where parsed nodes go. Inside a parent tag only blocks count: the rest
 * is parsed, so that its errors show, and dropped. */
typedef struct {
	node_t **tail;
	bool args;
} list_t;

typedef struct {
	char sigil;          /* # ^ / > < $ ! = & { or 0 for a variable */
	size_t start, end;   /* the tag, delimiters included */
	const char *body;    /* after the sigil, trimmed */
	size_t body_len;
	size_t prefix;       /* where the text before it on its line starts */
	bool bol;            /* only blanks before it on its line */
	bool blank_after;    /* only blanks after it on its line */
	size_t trail;        /* after those blanks */
	size_t line_end;     /* after the line end, when blank_after */
} tag_t;

static int parse_list(parser_t *p, list_t *l, tag_t *close);

static bool is_blank(char c)
{
	return c == ' ' || c == '\t';
}

static bool all_blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_blank(s[i]))
			return false;
	return true;
}

static bool is_space(char c)
{
	return is_blank(c) || c == '\n' || c == '\r';
}

static bool has_space(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (is_space(s[i]))
			return true;
	return false;
}

/* Names in messages are cut short so that a stray "{{" before a page of
 * text does not quote the page. */
static int shown(size_t len)
{
	return len > 60 ? 60 : (int)len;
}

static pos_t where(const parser_t *p, size_t at)
{
	pos_t pos = {1, 1};
	size_t line = 0;
	for (size_t i = 0; i < at; i++) {
		if (p->src[i] == '\n') {
			pos.line++;
			line = i + 1;
		}
	}
	pos.col = 1 + (int)utf8_length(p->src + line, at - line);
	return pos;
}

/* Records a template error: what is a term (terms.def) whose {1}..{3}
 * are the strings that follow, up to NULL. */
static bool fail(parser_t *p, size_t at, term_id_t what, ...)
{
	const char *args[3] = {NULL, NULL, NULL};
	va_list ap;
	va_start(ap, what);
	for (int i = 0; i < 3 && (args[i] = va_arg(ap, const char *)); i++)
		;
	va_end(ap);
	diag_error(p->diags, p->path, where(p, at), MSG_TEMPLATE_SYNTAX,
	           term_with(p->arena, what, args[0], args[1], args[2]));
	return false;
}

/* Source text as a message argument, cut to what a message shows. */
static const char *quoted(const parser_t *p, const char *s, size_t len)
{
	return arena_strndup(p->arena, s, (size_t)shown(len));
}

static const char *line_at(const parser_t *p, size_t at)
{
	return arena_printf(p->arena, "%d", where(p, at).line);
}

/* Returns the offset of d at or after from, or p->len when there is none
 * (d is never empty, so it cannot start at p->len). */
static size_t find(const parser_t *p, size_t from, span_t d)
{
	while (from + d.len <= p->len) {
		const char *hit = memchr(p->src + from, d.s[0],
		                         p->len - from - d.len + 1);
		if (!hit)
			break;
		if (memcmp(hit, d.s, d.len) == 0)
			return (size_t)(hit - p->src);
		from = (size_t)(hit - p->src) + 1;
	}
	return p->len;
}

static node_t *node(parser_t *p, node_kind_t kind)
{
	node_t *n = arena_alloc(p->arena, sizeof *n);
	n->kind = kind;
	return n;
}

static void append(list_t *l, node_t *n)
{
	if (l->args && n->kind != N_BLOCK)
		return;
	*l->tail = n;
	l->tail = &n->next;
}

static void put_text(parser_t *p, list_t *l, size_t from, size_t to)
{
	if (from == to)
		return;
	node_t *n = node(p, N_TEXT);
	n->text = p->src + from;
	n->len = to - from;
	append(l, n);
}

/* The first output on a line is preceded by its N_INDENT. */
static void begin_line(parser_t *p, list_t *l)
{
	if (p->bol)
		append(l, node(p, N_INDENT));
	p->bol = false;
}

static void new_line(parser_t *p, size_t at)
{
	p->pos = at;
	p->bol = true;
	for (int i = 0; i < p->nstrip; i++) {
		const span_t *s = &p->strip[i];
		if (p->len - p->pos < s->len ||
		    memcmp(p->src + p->pos, s->s, s->len) != 0)
			break;
		p->pos += s->len;
	}
}

/* Emits the whole lines of text before offset to. Empty lines get no
 * N_INDENT, so indenting a partial adds no trailing blanks. */
static void put_lines(parser_t *p, list_t *l, size_t to)
{
	const char *nl;
	while ((nl = memchr(p->src + p->pos, '\n', to - p->pos))) {
		size_t end = (size_t)(nl - p->src) + 1;
		size_t n = end - p->pos;
		if (!(n == 1 || (n == 2 && p->src[p->pos] == '\r')))
			begin_line(p, l);
		put_text(p, l, p->pos, end);
		new_line(p, end);
	}
}

/* A tag that keeps its line: the text before it is output. */
static void inline_tag(parser_t *p, list_t *l, const tag_t *tag)
{
	begin_line(p, l);
	put_text(p, l, tag->prefix, tag->start);
	p->pos = tag->end;
}

static bool alone(const tag_t *tag)
{
	return tag->bol && tag->blank_after;
}

/* Standalone tags take their whole line with them. */
static void place_tag(parser_t *p, list_t *l, const tag_t *tag)
{
	if (alone(tag))
		new_line(p, tag->line_end);
	else
		inline_tag(p, l, tag);
}

/* Outputs the blanks held back before a parent or block tag that turned
 * out not to be standalone. */
static void put_held(parser_t *p, list_t *l, const tag_t *tag, bool bol)
{
	if (bol)
		append(l, node(p, N_INDENT));
	put_text(p, l, tag->prefix, tag->start);
}

static void set_indent(node_t *n, const char *s, size_t len)
{
	n->standalone = true;
	n->indent = s;
	n->indent_len = len;
}

/* Finds the end of the tag at offset at, opened and closed by open and
 * close: its sigil, its trimmed body [*body, *body_end) and the offset
 * after it. Returns false when it is never closed. */
static bool tag_extent(const parser_t *p, size_t at, span_t open,
                       span_t close, char *sigil, size_t *body,
                       size_t *body_end, size_t *end)
{
	const char *s = p->src;
	size_t i = at + open.len;
	*sigil = 0;
	if (i < p->len && s[i] && strchr("#^/><$!=&{", s[i]))
		*sigil = s[i++];
	/* {{{x}}} ends in '}' and {{=a b=}} in '=' before the delimiter. */
	char last = *sigil == '{' ? '}' : *sigil == '=' ? '=' : 0;
	size_t from = i, j;
	for (;;) {
		j = find(p, from, close);
		if (j == p->len)
			return false;
		if (!last || (j > i && s[j - 1] == last))
			break;
		from = j + 1;
	}
	*end = j + close.len;
	if (last)
		j--;
	while (i < j && is_space(s[i]))
		i++;
	while (j > i && is_space(s[j - 1]))
		j--;
	*body = i;
	*body_end = j;
	return true;
}

/* Whether only blanks follow offset at on its line; if so *line_end is
 * after the line end (or the end of the source). *trail is after the
 * blanks either way. */
static bool blank_after(const parser_t *p, size_t at, size_t *trail,
                        size_t *line_end)
{
	const char *s = p->src;
	while (at < p->len && is_blank(s[at]))
		at++;
	*trail = at;
	if (at == p->len)
		*line_end = at;
	else if (s[at] == '\n')
		*line_end = at + 1;
	else if (s[at] == '\r' && at + 1 < p->len && s[at + 1] == '\n')
		*line_end = at + 2;
	else
		return false;
	return true;
}

static bool scan_tag(parser_t *p, size_t at, tag_t *tag)
{
	size_t body, body_end;
	memset(tag, 0, sizeof *tag);
	if (!tag_extent(p, at, p->open, p->close, &tag->sigil, &body,
	                &body_end, &tag->end)) {
		size_t i = at + p->open.len;
		char sigil = i < p->len ? p->src[i] : 0;
		bool triple = sigil == '{' || sigil == '=';
		return fail(p, at, TERM_TPL_UNCLOSED,
		            arena_printf(p->arena, "%.*s%.*s", (int)p->open.len,
		                         p->open.s, triple, &sigil),
		            arena_printf(p->arena, "%.*s%.*s", triple,
		                         sigil == '{' ? "}" : "=", (int)p->close.len,
		                         p->close.s), NULL);
	}
	tag->start = at;
	tag->prefix = p->pos;
	tag->body = p->src + body;
	tag->body_len = body_end - body;
	tag->bol = p->bol && all_blank(p->src + p->pos, at - p->pos);
	tag->blank_after = blank_after(p, tag->end, &tag->trail,
	                               &tag->line_end);
	return true;
}

static bool check_word(parser_t *p, const tag_t *tag, const char *s,
                       size_t len)
{
	if (len == 0)
		return fail(p, tag->start, TERM_TPL_NO_NAME,
		            quoted(p, p->src + tag->start, tag->end - tag->start),
		            NULL);
	if (has_space(s, len))
		return fail(p, tag->start, TERM_TPL_NAME_SPACE, quoted(p, s, len),
		            NULL);
	return true;
}

/* "a.b.c" -> {"a", "b", "c"}; "." -> no parts. */
static bool parse_dotted(parser_t *p, const tag_t *tag, const char *s,
                         size_t len, name_t *name)
{
	if (!check_word(p, tag, s, len))
		return false;
	if (len == 1 && s[0] == '.')
		return true;
	int parts = 1;
	for (size_t i = 0; i < len; i++)
		parts += s[i] == '.';
	name->parts = arena_alloc(p->arena, (size_t)parts * sizeof(part_t));
	size_t from = 0;
	for (size_t i = 0; i <= len; i++) {
		if (i < len && s[i] != '.')
			continue;
		if (i == from)
			return fail(p, tag->start, TERM_TPL_NAME_DOT, quoted(p, s, len),
			            NULL);
		name->parts[name->len++].s = arena_strndup(p->arena, s + from,
		                                           i - from);
		from = i + 1;
	}
	return true;
}

static bool parse_plain(parser_t *p, const tag_t *tag, node_t *n)
{
	if (!check_word(p, tag, tag->body, tag->body_len))
		return false;
	n->text = arena_strndup(p->arena, tag->body, tag->body_len);
	n->len = tag->body_len;
	return true;
}

/* The name after '*' in a dynamic name, which may be padded. */
static span_t after_star(const tag_t *tag)
{
	span_t s = {tag->body + 1, tag->body_len - 1};
	while (s.len && is_blank(s.s[0])) {
		s.s++;
		s.len--;
	}
	return s;
}

static bool is_dynamic(const tag_t *tag)
{
	return tag->body_len && tag->body[0] == '*';
}

/* What a partial or parent expands: a template name, or with '*' a name
 * in the data that holds it. */
static bool parse_target(parser_t *p, const tag_t *tag, node_t *n)
{
	if (!is_dynamic(tag))
		return parse_plain(p, tag, n);
	span_t s = after_star(tag);
	n->dynamic = true;
	return parse_dotted(p, tag, s.s, s.len, &n->name);
}

static bool same_name(const tag_t *a, const tag_t *b)
{
	if (is_dynamic(a) != is_dynamic(b))
		return false;
	span_t x = {a->body, a->body_len}, y = {b->body, b->body_len};
	if (is_dynamic(a)) {
		x = after_star(a);
		y = after_star(b);
	}
	return x.len == y.len && memcmp(x.s, y.s, x.len) == 0;
}

/* "... opened on line n is never closed", for each kind of element. */
static term_id_t not_closed(char sigil)
{
	switch (sigil) {
	case '^': return TERM_TPL_INVERTED_NOT_CLOSED;
	case '<': return TERM_TPL_PARENT_NOT_CLOSED;
	case '$': return TERM_TPL_BLOCK_NOT_CLOSED;
	default: return TERM_TPL_SECTION_NOT_CLOSED;
	}
}

/* Parses the content of the element opened by open, up to its closing
 * tag, which is left in *close for the caller to place. */
static bool parse_body(parser_t *p, list_t *l, const tag_t *open,
                       tag_t *close)
{
	if (p->depth >= MAX_NESTING)
		return fail(p, open->start, TERM_TPL_TOO_DEEP,
		            arena_printf(p->arena, "%d", MAX_NESTING), NULL);
	p->depth++;
	int found = parse_list(p, l, close);
	p->depth--;
	if (found < 0)
		return false;
	if (found == 0)
		return fail(p, open->start, not_closed(open->sigil),
		            quoted(p, open->body, open->body_len),
		            line_at(p, open->start), NULL);
	if (!same_name(open, close))
		return fail(p, close->start, TERM_TPL_WRONG_CLOSE,
		            quoted(p, close->body, close->body_len),
		            quoted(p, open->body, open->body_len),
		            line_at(p, open->start), NULL);
	return true;
}

static bool parse_var(parser_t *p, list_t *l, const tag_t *tag)
{
	node_t *n = node(p, N_VAR);
	n->raw = tag->sigil == '&' || tag->sigil == '{';
	if (!parse_dotted(p, tag, tag->body, tag->body_len, &n->name))
		return false;
	inline_tag(p, l, tag);
	append(l, n);
	return true;
}

/* "<% %>" -> open "<%", close "%>". */
static bool split_delimiters(const char *s, size_t len, span_t *open,
                             span_t *close)
{
	const char *end = s + len, *a = s, *b;
	while (a < end && !is_space(*a))
		a++;
	for (b = a; b < end && is_space(*b); b++)
		;
	if (a == s || b == a || b == end || has_space(b, (size_t)(end - b)))
		return false;
	*open = (span_t){s, (size_t)(a - s)};
	*close = (span_t){b, (size_t)(end - b)};
	return true;
}

static bool set_delimiters(parser_t *p, const tag_t *tag)
{
	if (!split_delimiters(tag->body, tag->body_len, &p->open, &p->close))
		return fail(p, tag->start, TERM_TPL_DELIMITERS,
		            quoted(p, p->src + tag->start, tag->end - tag->start),
		            NULL);
	return true;
}

/* Comments and delimiter changes: they output nothing. */
static bool parse_quiet(parser_t *p, list_t *l, const tag_t *tag)
{
	if (tag->sigil == '=' && !set_delimiters(p, tag))
		return false;
	place_tag(p, l, tag);
	return true;
}

static bool parse_section(parser_t *p, list_t *l, const tag_t *tag)
{
	node_t *n = node(p, tag->sigil == '#' ? N_SECTION : N_INVERTED);
	if (!parse_dotted(p, tag, tag->body, tag->body_len, &n->name))
		return false;
	place_tag(p, l, tag);
	append(l, n);
	list_t body = {&n->child, false};
	tag_t close;
	if (!parse_body(p, &body, tag, &close))
		return false;
	place_tag(p, &body, &close);
	return true;
}

static bool parse_partial(parser_t *p, list_t *l, const tag_t *tag)
{
	node_t *n = node(p, N_PARTIAL);
	if (!parse_target(p, tag, n))
		return false;
	if (alone(tag))
		set_indent(n, p->src + tag->prefix, tag->start - tag->prefix);
	place_tag(p, l, tag);
	append(l, n);
	return true;
}

/* A parent is standalone when its opening tag is alone on its line, or
 * when the pair is: blanks before the opening tag, blanks after the
 * closing one. The blanks before are held back until that is known. */
static bool parse_parent(parser_t *p, list_t *l, const tag_t *tag)
{
	node_t *n = node(p, N_PARENT);
	if (!parse_target(p, tag, n))
		return false;
	bool bol = p->bol;
	if (alone(tag)) {
		new_line(p, tag->line_end);
	} else if (tag->bol) {
		p->pos = tag->end;
		p->bol = false;
	} else {
		inline_tag(p, l, tag);
	}
	list_t args = {&n->child, true};
	tag_t close;
	if (!parse_body(p, &args, tag, &close))
		return false;
	bool pair = tag->bol && close.blank_after;
	if (pair || alone(&close)) {
		new_line(p, close.line_end);
	} else {
		p->pos = close.end;
		p->bol = false;
	}
	if (alone(tag) || pair)
		set_indent(n, p->src + tag->prefix, tag->start - tag->prefix);
	else if (tag->bol)
		put_held(p, l, tag, bol);
	append(l, n);
	return true;
}

/* The blanks starting the current line, after those of enclosing blocks:
 * the intrinsic indentation of a block whose opening tag ends the line
 * before. */
static span_t measure(const parser_t *p)
{
	size_t k = p->pos;
	while (k < p->len && is_blank(p->src[k]))
		k++;
	return (span_t){p->src + p->pos, k - p->pos};
}

/* Removes indentation from this line and, until popped, the next ones. */
static bool push_strip(parser_t *p, span_t s)
{
	if (s.len == 0 || p->nstrip == MAX_NESTING)
		return false;
	p->strip[p->nstrip++] = s;
	p->pos += s.len;
	return true;
}

/* A block directly inside a parent tag: text around it is ignored, so
 * only the line end after its opening tag and the blanks before its
 * closing tag matter. */
static bool parse_argument(parser_t *p, list_t *l, const tag_t *tag,
                           node_t *n)
{
	bool pushed = false;
	if (tag->blank_after) {
		new_line(p, tag->line_end);
		n->own_indent = true;
		pushed = push_strip(p, measure(p));
	} else {
		p->pos = tag->end;
		p->bol = false;
	}
	list_t body = {&n->child, false};
	tag_t close;
	bool ok = parse_body(p, &body, tag, &close);
	if (pushed)
		p->nstrip--;
	if (!ok)
		return false;
	if (close.bol) {
		p->pos = close.end;
		p->bol = false;
	} else {
		inline_tag(p, &body, &close);
	}
	append(l, n);
	return true;
}

/* Whether the closing tag of the element whose content starts here has
 * only blanks after it on its line. Looks ahead over the tags without
 * parsing, so each level of nesting reads its content once more at most;
 * a template that does not parse gives false, and parsing says why. */
static bool close_ends_line(const parser_t *p)
{
	span_t open = p->open, close = p->close;
	size_t pos = p->pos, body, body_end, end, trail, line_end;
	int depth = 0;
	for (;;) {
		size_t at = find(p, pos, open);
		char sigil;
		if (at == p->len || !tag_extent(p, at, open, close, &sigil,
		                                &body, &body_end, &end))
			return false;
		pos = end;
		if (sigil == '=' && !split_delimiters(p->src + body,
		                                      body_end - body, &open,
		                                      &close))
			return false;
		if (sigil && strchr("#^<$", sigil))
			depth++;
		if (sigil == '/' && depth-- == 0)
			return blank_after(p, end, &trail, &line_end);
	}
}

/* A block elsewhere: a place a child template may fill. Standalone as a
 * pair like a parent, but the line end after a closing tag that is not
 * alone on its line stays (the spec's "Standalone block"). Its content
 * loses its intrinsic indentation only when the pair is standalone, which
 * the closing tag decides: hence the look ahead. */
static bool parse_parameter(parser_t *p, list_t *l, const tag_t *tag,
                            node_t *n)
{
	bool bol = p->bol;
	span_t own = {"", 0};
	if (alone(tag)) {
		new_line(p, tag->line_end);
		if (close_ends_line(p))
			own = measure(p);
	} else if (tag->bol) {
		p->pos = tag->end;
		p->bol = false;
	} else {
		inline_tag(p, l, tag);
	}
	list_t body = {&n->child, false};
	tag_t close;
	bool pushed = push_strip(p, own);
	bool ok = parse_body(p, &body, tag, &close);
	if (pushed)
		p->nstrip--;
	if (!ok)
		return false;
	bool pair = tag->bol && close.blank_after;
	if (alone(&close)) {
		new_line(p, close.line_end);
	} else {
		inline_tag(p, &body, &close);
		if (pair)
			p->pos = close.trail;
	}
	if (pair && alone(tag))
		set_indent(n, own.s, own.len);
	else if (pair)
		set_indent(n, p->src + tag->prefix, tag->start - tag->prefix);
	else if (tag->bol && !alone(tag))
		put_held(p, l, tag, bol);
	append(l, n);
	return true;
}

static bool parse_block(parser_t *p, list_t *l, const tag_t *tag)
{
	node_t *n = node(p, N_BLOCK);
	if (!parse_plain(p, tag, n))
		return false;
	if (l->args)
		return parse_argument(p, l, tag, n);
	return parse_parameter(p, l, tag, n);
}

/* Parses into l up to a closing tag or the end of the source. Returns 1 at
 * a closing tag, left in *close with the text before it on its line not
 * yet output; 0 at the end; -1 after an error. */
static int parse_list(parser_t *p, list_t *l, tag_t *close)
{
	for (;;) {
		size_t at = find(p, p->pos, p->open);
		put_lines(p, l, at);
		if (at == p->len) {
			if (p->pos < at) {
				begin_line(p, l);
				put_text(p, l, p->pos, at);
				p->pos = at;
			}
			return 0;
		}
		tag_t tag;
		if (!scan_tag(p, at, &tag))
			return -1;
		bool ok;
		switch (tag.sigil) {
		case '/':
			*close = tag;
			return 1;
		case '!':
		case '=':
			ok = parse_quiet(p, l, &tag);
			break;
		case '#':
		case '^':
			ok = parse_section(p, l, &tag);
			break;
		case '>':
			ok = parse_partial(p, l, &tag);
			break;
		case '<':
			ok = parse_parent(p, l, &tag);
			break;
		case '$':
			ok = parse_block(p, l, &tag);
			break;
		default:
			ok = parse_var(p, l, &tag);
			break;
		}
		if (!ok)
			return -1;
	}
}

bool tmpl_compile(arena_t *arena, const char *src, size_t len,
                  const char *path, diags_t *diags, node_t **root)
{
	parser_t p = {
		.arena = arena, .src = src, .len = len,
		.open = {"{{", 2}, .close = {"}}", 2}, .bol = true,
		.path = path, .diags = diags,
	};
	list_t l = {root, false};
	tag_t close;
	*root = NULL;
	int found = parse_list(&p, &l, &close);
	if (found == 1)
		return fail(&p, close.start, TERM_TPL_NEVER_OPENED,
		            quoted(&p, close.body, close.body_len), NULL);
	return found == 0;
}
