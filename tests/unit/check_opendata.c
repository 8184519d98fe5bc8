/* The open data files read back to the facts in content/: every CSV row
 * parsed (RFC 4180) and compared with the model, every fact present. The
 * JSON is validated against its schema by tests/data (with a JSON Schema
 * validator). */
#include "core/report.h"
#include "harness.h"

#include "built_site.h"
#include "model/enums.h"

enum { MAX_COLS = 64 };

typedef struct {
	char *cell[MAX_COLS];
	size_t n;
} row_t;

/* Reads one record from *p; false at the end. Cells are malloc'd. */
static bool read_row(const char **p, row_t *r)
{
	const char *s = *p;
	if (!*s)
		return false;
	r->n = 0;
	for (;;) {
		buf_t cell = BUF_INIT;
		if (*s == '"') {
			for (s++; *s; s++) {
				if (*s == '"' && s[1] == '"') {
					buf_putc(&cell, '"');
					s++;
				} else if (*s == '"') {
					s++;
					break;
				} else {
					buf_putc(&cell, *s);
				}
			}
		} else {
			while (*s && *s != ',' && *s != '\r' && *s != '\n')
				buf_putc(&cell, *s++);
		}
		if (r->n < MAX_COLS)
			r->cell[r->n++] = buf_detach(&cell);
		else
			buf_free(&cell);
		if (*s == ',') {
			s++;
			continue;
		}
		if (*s == '\r')
			s++;
		if (*s == '\n')
			s++;
		break;
	}
	*p = s;
	return true;
}

static void free_row(row_t *r)
{
	for (size_t i = 0; i < r->n; i++)
		free(r->cell[i]);
	r->n = 0;
}

static int column(const row_t *header, const char *name)
{
	for (size_t i = 0; i < header->n; i++)
		if (strcmp(header->cell[i], name) == 0)
			return (int)i;
	printf("  no column %s\n", name);
	return -1;
}

/* A text cell as the data has it: without the apostrophe that keeps a
 * spreadsheet from reading it as a formula. */
static const char *text_cell(const char *cell)
{
	if (cell[0] == '\'' && strchr("=+-@", cell[1]))
		return cell + 1;
	return cell;
}

static bool same(const char *cell, const char *want)
{
	return strcmp(cell, want ? want : "") == 0;
}

static void actions(const built_t *b, const programme_t *p)
{
	char *path = arena_printf(b->site->arena, "%s/data/%s-actions.csv", b->out,
	                          p->id);
	char *csv;
	size_t len;
	if (fs_read(path, &csv, &len) < 0) {
		printf("  cannot read %s\n", path);
		CHECK(!"actions CSV");
		return;
	}
	const char *s = csv;
	row_t header, r;
	CHECK(read_row(&s, &header));
	int id = column(&header, "id"), code = column(&header, "code"),
	    theme = column(&header, "theme"), years = column(&header, "years"),
	    current = column(&header, "current_status"),
	    responsible = column(&header, "responsible"),
	    title_fi = column(&header, "title_fi"),
	    title_sv = column(&header, "title_sv");
	size_t rows = 0;
	while (read_row(&s, &r)) {
		const action_t *x = model_action(p, r.cell[id]);
		CHECK(x != NULL);
		if (x) {
			rows++;
			CHECK(same(text_cell(r.cell[code]), x->code));
			CHECK(same(r.cell[theme], x->theme->id));
			buf_t want = BUF_INIT;
			for (size_t i = 0; i < x->nyears; i++)
				buf_printf(&want, "%s%d", i ? " " : "", x->years[i]);
			CHECK(same(r.cell[years], buf_cstr(&want)));
			buf_reset(&want);
			for (size_t i = 0; i < x->nresponsible; i++)
				buf_printf(&want, "%s%s", i ? " " : "", x->responsible[i]->id);
			CHECK(same(r.cell[responsible], buf_cstr(&want)));
			buf_free(&want);
			int st = model_current_status(x);
			CHECK(same(r.cell[current], st >= 0 ? enum_id(ENUM_STATUS, st) : NULL));
			for (size_t f = 0; f < p->nfollow_ups; f++) {
				char name[32];
				snprintf(name, sizeof name, "status_%d", p->follow_ups[f].year);
				int c = column(&header, name);
				int at = model_status_in(x, p->follow_ups[f].year);
				CHECK(c >= 0 && same(r.cell[c], at >= 0 ? enum_id(ENUM_STATUS, at)
				                                        : NULL));
			}
			CHECK(same(text_cell(r.cell[title_fi]), x->texts[0]->title));
			CHECK(same(text_cell(r.cell[title_sv]), x->texts[1]->title));
		}
		free_row(&r);
	}
	CHECK(rows == p->nactions);
	free_row(&header);
	free(csv);
}

static void indicators(const built_t *b, const programme_t *p)
{
	char *path = arena_printf(b->site->arena, "%s/data/%s-indicators.csv",
	                          b->out, p->id);
	char *csv;
	size_t len;
	if (fs_read(path, &csv, &len) < 0) {
		printf("  cannot read %s\n", path);
		CHECK(!"indicators CSV");
		return;
	}
	const char *s = csv;
	row_t header, r;
	CHECK(read_row(&s, &header));
	int ind_col = column(&header, "indicator"), year = column(&header, "year"),
	    value = column(&header, "value"), state = column(&header, "state"),
	    target = column(&header, "target");
	size_t rows = 0, values = 0;
	for (size_t i = 0; i < p->nindicators; i++)
		values += p->indicators[i].nvalues;
	while (read_row(&s, &r)) {
		const indicator_t *ind = model_indicator(p, r.cell[ind_col]);
		CHECK(ind != NULL);
		const indicator_value_t *v = NULL;
		for (size_t k = 0; ind && k < ind->nvalues; k++)
			if (ind->values[k].year == atoi(r.cell[year]))
				v = &ind->values[k];
		CHECK(v != NULL);
		if (v && v->is_number)
			CHECK(*r.cell[value] && strtod(r.cell[value], NULL) == v->number &&
			      !*r.cell[state]);
		if (v && !v->is_number)
			CHECK(!*r.cell[value] &&
			      same(r.cell[state], enum_id(ENUM_VALUE_STATE, v->state.id)));
		if (ind && ind->has_target)
			CHECK(strtod(r.cell[target], NULL) == ind->target);
		rows++;
		free_row(&r);
	}
	CHECK(rows == values);
	free_row(&header);
	free(csv);
}

int main(void)
{
	built_t b;
	built_open(&b, "content");
	show_diags(&b.diags);
	CHECK(b.diags.errors == 0);
	for (size_t i = 0; i < b.site->nprogrammes; i++) {
		actions(&b, &b.site->programmes[i]);
		indicators(&b, &b.site->programmes[i]);
	}
	built_close(&b);

	/* Formula-like text keeps its meaning in a spreadsheet and here. */
	built_open(&b, "tests/sites/hostile/content");
	show_diags(&b.diags);
	CHECK(b.diags.errors == 0);
	actions(&b, &b.site->programmes[0]);
	char *csv;
	size_t len;
	char *path = fs_join(b.out, "data/mini-actions.csv");
	CHECK(fs_read(path, &csv, &len) == 0);
	CHECK(strstr(csv, ",\"'=cmd|' /C calc'!A0\","));
	free(csv);
	free(path);
	built_close(&b);
	return harness_report();
}
