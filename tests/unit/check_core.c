/* core/: UTF-8 checks, "did you mean", the hash map, numbers, diagnostics. */
#include "harness.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/alloc.h"
#include "core/buf.h"
#include "core/diag.h"
#include "core/hint.h"
#include "core/report.h"
#include "core/json.h"
#include "core/map.h"
#include "core/parallel.h"
#include "core/utf8.h"
#include "core/value.h"
#include "core/words.h"

static void test_utf8(void)
{
	pos_t bad;
	CHECK(utf8_validate("äö å\n€", strlen("äö å\n€"), &bad));
	CHECK(!utf8_validate("ab\ncd\xff", 6, &bad));
	CHECK(bad.line == 2 && bad.col == 3);
	CHECK(!utf8_validate("\xc0\xaf", 2, &bad));         /* overlong */
	CHECK(!utf8_validate("\xed\xa0\x80", 3, &bad));     /* surrogate */
	CHECK(!utf8_validate("\xe2\x82", 2, &bad));         /* cut short */
	CHECK(!utf8_validate("a\0b", 3, &bad));              /* NUL */
	CHECK(utf8_length("äö", 4) == 2);
	/* Long runs of ASCII are read eight bytes at a time: what is bad
	 * inside or just after one is still found, and placed. */
	const char *longer = "first line of text\nsecond line, then \xff";
	CHECK(!utf8_validate(longer, strlen(longer), &bad));
	CHECK(bad.line == 2 && bad.col == 19);
	CHECK(!utf8_validate("abcdefgh\nab\0defghij", 21, &bad));
	CHECK(bad.line == 2 && bad.col == 3);
	const char *fine = "äö twelve ascii letters then € and more ascii";
	CHECK(utf8_validate(fine, strlen(fine), &bad));

	char text[] = "\xef\xbb\xbf" "a\r\nb\rc\n";
	size_t n = utf8_normalise(text, strlen(text));
	CHECK(n == 6);
	CHECK_STR(text, "a\nb\nc\n");
	char plain[] = "\xef\xbb\xbf" "no carriage return here\n";
	n = utf8_normalise(plain, strlen(plain));
	CHECK(n == 24);
	CHECK_STR(plain, "no carriage return here\n");
	char late[] = "a long line before the end\r\n";
	n = utf8_normalise(late, strlen(late));
	CHECK_STR(late, "a long line before the end\n");
}

static void test_hint(void)
{
	static const char *const keys[] = {"status", "years", "theme", NULL};
	CHECK_STR(hint_closest("staus", keys), "status");
	CHECK_STR(hint_closest("stauts", keys), "status");
	CHECK_STR(hint_closest("yeras", keys), "years");
	CHECK(hint_closest("colour", keys) == NULL);
	CHECK(hint_closest("status", keys) == NULL); /* not a typo */
}

static void test_map(void)
{
	map_t m = MAP_INIT;
	char keys[100][16];
	for (int i = 0; i < 100; i++) {
		snprintf(keys[i], sizeof keys[i], "k%d", i);
		map_put(&m, keys[i], &keys[i]);
	}
	CHECK(m.len == 100);
	CHECK(map_get(&m, "k42") == &keys[42]);
	CHECK(map_get(&m, "k100") == NULL);
	CHECK(map_put(&m, "k1", NULL) == &keys[1]);
	CHECK(m.len == 100);
	map_free(&m);
}

static void test_numbers(void)
{
	char b[32];
	val_format_number(1.21, b);
	CHECK_STR(b, "1.21");
	val_format_number(2024, b);
	CHECK_STR(b, "2024");
	val_format_number(-0.0, b);
	CHECK_STR(b, "0");
	val_format_number(0.1 + 0.2, b);
	CHECK_STR(b, "0.30000000000000004");
}

static void test_diag(void)
{
	diags_t d;
	diags_init(&d);
	diag_error(&d, "b.yaml", ((pos_t){3, 4}), MSG_UNKNOWN_KEY, "staus", "x");
	diag_add(&d, SEV_ERROR, "a.yaml", ((pos_t){1, 2}), "status",
	         MSG_UNKNOWN_KEY, "staus", "status, years", NULL);
	diag_warning(&d, "a.md", POS_NONE, MSG_RAW_HTML);
	CHECK(d.errors == 2 && d.warnings == 1);
	diags_sort(&d);
	CHECK_STR(d.items[0].path, "a.md");
	char *msg = diag_message(&d.items[1], MSG_LANG_EN);
	char *fix = diag_fix(&d.items[1], MSG_LANG_EN);
	CHECK_STR(msg, "unknown key 'staus'");
	CHECK_STR(fix, "did you mean 'status'?");
	free(msg);
	free(fix);
	fix = diag_fix(&d.items[2], MSG_LANG_EN);
	CHECK_STR(fix, "remove it; allowed here: x");
	free(fix);

	diags_free(&d);
}

/* The three report formats, with the source line under a text message. */
static void test_report(void)
{
	char path[] = "/tmp/porta-report-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	const char *src = "id: a1\n\tstäus: x\n";
	CHECK(write(fd, src, strlen(src)) == (ssize_t)strlen(src));
	close(fd);
	diags_t d;
	diags_init(&d);
	diag_add(&d, SEV_ERROR, path, ((pos_t){2, 4}), "status", MSG_UNKNOWN_KEY,
	         "stäus", "x", NULL);
	diag_warning(&d, "a, b.md", POS_NONE, MSG_RAW_HTML);
	diags_sort(&d);

	buf_t b = BUF_INIT;
	report_write(&b, &d, REPORT_TEXT, MSG_LANG_EN);
	char *want = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&want, &n);
	fprintf(f, "%s:2:4: error: unknown key 'stäus' \xe2\x80\x94 did you mean "
	           "'status'?\n 2 | \tstäus: x\n   | \t  ^\n", path);
	fclose(f);
	/* "a, b.md" sorts after "/tmp/...". */
	CHECK(strncmp(buf_cstr(&b), want, strlen(want)) == 0);
	CHECK(strstr(buf_cstr(&b), "a, b.md: warning: HTML in the text is not shown"));
	free(want);

	buf_reset(&b);
	report_write(&b, &d, REPORT_JSON, MSG_LANG_EN);
	CHECK(strstr(buf_cstr(&b), "\"line\": 2, \"column\": 4, \"severity\": "
	                           "\"error\", \"message\": \"unknown key 'stäus'\""));
	CHECK(strstr(buf_cstr(&b), "\"source\": \"\\tstäus: x\""));
	CHECK(strstr(buf_cstr(&b), "\"file\": \"a, b.md\", \"line\": 0"));

	buf_reset(&b);
	report_write(&b, &d, REPORT_GITHUB, MSG_LANG_EN);
	CHECK(strstr(buf_cstr(&b), ",line=2,col=4,title=porta::unknown key 'stäus' "));
	CHECK(strstr(buf_cstr(&b), "::warning file=a%2C b.md,title=porta::HTML in"));

	report_format_t format;
	CHECK(report_format_named("github", &format) && format == REPORT_GITHUB);
	CHECK(!report_format_named("xml", &format));
	buf_free(&b);
	diags_free(&d);
	unlink(path);
}

/* A very long line is shown as a window around the column, the caret
 * still under it. */
static void test_report_long_line(void)
{
	char path[] = "/tmp/porta-report-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	char line[1002];
	memset(line, 'x', 1000);
	memcpy(line + 500, "<b>", 3);
	line[1000] = '\n';
	line[1001] = '\0';
	CHECK(write(fd, line, 1001) == 1001);
	close(fd);
	diags_t d;
	diags_init(&d);
	diag_warning(&d, path, ((pos_t){1, 501}), MSG_RAW_HTML);
	buf_t b = BUF_INIT;
	report_write(&b, &d, REPORT_TEXT, MSG_LANG_EN);
	const char *shown = strstr(buf_cstr(&b), " 1 | ");
	CHECK(shown != NULL);
	if (shown) {
		/* "…" + 100 characters before the column, then the column. */
		CHECK(strncmp(shown + 5, "\xe2\x80\xa6", 3) == 0);
		CHECK(strncmp(shown + 8 + 100, "<b>", 3) == 0);
		const char *end = strchr(shown, '\n');
		CHECK(end && end - (shown + 5) == 3 + 160 + 3);
		const char *mark = end ? strchr(end + 1, '^') : NULL;
		CHECK(mark && mark - (end + 1) == 5 + 1 + 100);
	}
	buf_free(&b);
	diags_free(&d);
	unlink(path);
}

/* arena_printf joins formats of strings and integers by hand: the same
 * text as printf's, %% included, at any length; others go to printf. */
static void test_arena_printf(void)
{
	arena_t *a = arena_new();
	CHECK_STR(arena_printf(a, "%s-%s%%%s.", "a", "b", ""), "a-b%.");
	CHECK_STR(arena_printf(a, "plain"), "plain");
	CHECK_STR(arena_printf(a, "%s", ""), "");
	CHECK_STR(arena_printf(a, "x%dy%s", 5, "z"), "x5yz");
	CHECK_STR(arena_printf(a, "%d|%d|%zu|%d", 0, -2147483647 - 1, (size_t)18446744073709551615u, 42),
	          "0|-2147483648|18446744073709551615|42");
	CHECK_STR(arena_printf(a, "%.2f", 0.5), "0.50");
	char big[100001];
	memset(big, 'b', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	const char *s = arena_printf(a, "<%s|%s>", big, big);
	CHECK(strlen(s) == 2 * (sizeof big - 1) + 3);
	CHECK(s[0] == '<' && s[sizeof big] == '|' && s[2 * sizeof big] == '>');
	arena_free(a);
}

static void test_buf(void)
{
	buf_t b = BUF_INIT;
	/* Plain formats are filled by hand, the others by printf. */
	buf_printf(&b, "%s:%d:%zu%%", "a", -7, (size_t)12);
	buf_printf(&b, "|%.1f|%x", 2.25, 255);
	CHECK_STR(buf_cstr(&b), "a:-7:12%|2.2|ff");
	buf_reset(&b);
	CHECK_STR(buf_cstr(&b), "");
	for (int i = 0; i < 1000; i++)
		buf_printf(&b, "%d,", i % 10);
	CHECK(b.len == 2000);
	buf_reset(&b);
	buf_puts(&b, "x");
	CHECK_STR(buf_cstr(&b), "x");
	buf_free(&b);
	/* Numbers without printf: an empty buffer grows for them. */
	buf_put_uint(&b, 0);
	buf_putc(&b, ' ');
	for (unsigned long long n = 9; n <= 1000; n = n * 10 + 9) {
		buf_put_uint(&b, n);
		buf_putc(&b, '|');
		buf_put_uint(&b, n + 1);
		buf_putc(&b, ' ');
	}
	buf_put_uint(&b, 1234567890);
	buf_putc(&b, ' ');
	buf_put_uint(&b, 18446744073709551615ull);
	buf_putc(&b, ' ');
	buf_put_hex(&b, 0xabc, 6);
	buf_putc(&b, ' ');
	buf_put_int(&b, -2026);
	buf_putc(&b, ' ');
	buf_put_int(&b, -9223372036854775807ll - 1);
	CHECK_STR(buf_cstr(&b), "0 9|10 99|100 999|1000 1234567890 "
	                        "18446744073709551615 000abc -2026 "
	                        "-9223372036854775808");
	buf_free(&b);
}

/* Whether the sort key of a orders before b's. */
static bool key_before(const char *a, const char *b)
{
	buf_t ka = BUF_INIT, kb = BUF_INIT;
	words_key(&ka, a);
	words_key(&kb, b);
	size_t n = ka.len < kb.len ? ka.len : kb.len;
	int c = n ? memcmp(ka.data, kb.data, n) : 0;
	bool before = c < 0 || (c == 0 && ka.len < kb.len);
	buf_free(&ka);
	buf_free(&kb);
	return before;
}

/* The A–Z order of the search page: signs, then digits, then letters
 * whatever their case, accented ones beside their base letter, and å, ä,
 * ö (æ, ø) after z; a shorter text before a longer one it begins. */
static void test_words_key(void)
{
	static const char *const order[] = {
		"\"Lainattu\"", "10 vuotta", "alku", "Alku alkaa", "Beta",
		"éclair", "Émile", "Zeta", "Åbo", "ålö", "æble", "Ähky", "Öljy",
	};
	size_t n = sizeof order / sizeof *order;
	for (size_t i = 0; i + 1 < n; i++) {
		CHECK(key_before(order[i], order[i + 1]));
		CHECK(!key_before(order[i + 1], order[i]));
	}
	/* Case and accents alone make no difference. */
	CHECK(!key_before("Alku", "alku") && !key_before("alku", "Alku"));
	CHECK(!key_before("élan", "elan") && !key_before("elan", "élan"));
	buf_t empty = BUF_INIT;
	words_key(&empty, "");
	CHECK(empty.len == 0);
	buf_free(&empty);
}

static void join_word(const char *word, size_t len, void *ctx)
{
	buf_t *b = ctx;
	buf_putc(b, '[');
	buf_put(b, word, len);
	buf_putc(b, ']');
}

/* Words lowercased, Latin-1 letters too (ß and ÿ have no capitals here;
 * × and ÷ are no letters), hyphens between letters dropped, tags
 * skipped. Latin Extended-A as JavaScript lowercases it: Ő ő, Ł ł, Ž ž
 * (the pairs shifted by one there), Ÿ ÿ; ĸ and ſ are lowercase; İ is
 * i and a combining dot, which ends the word; ẞ, the Kelvin and the
 * Ångström signs are ß, k and å. search.js's words() is held to the same
 * (tests/browser/test-search.mjs). */
static void test_words_each(void)
{
	static const char text[] = "\xc3\x84\xc3\x96\xc3\x85 \xc3\xa4\xc3\xb6\xc3\xa5 "
	                           "Stra\xc3\x9f" "e \xc3\xbf x\xc3\x97y a\xc3\xb7" "b "
	                           "\xc3\x80\xc3\x9e <b class=\"x\">e-TJ\xc3\x84NST</b> "
	                           "\xc5\x90z \xc5\x81\xc5\x82 \xc5\xbd\xc5\xbe "
	                           "\xc5\xb8 \xc4\xb8\xc5\xbf "
	                           "\xc4\xb0stanbul-\xc4\xb0zmir "
	                           "STRA\xe1\xba\x9e" "E 5\xe2\x84\xaa-\xe2\x84\xab";
	buf_t b = BUF_INIT;
	words_each(text, sizeof text - 1, true, join_word, &b);
	CHECK_STR(buf_cstr(&b), "[\xc3\xa4\xc3\xb6\xc3\xa5][\xc3\xa4\xc3\xb6\xc3\xa5]"
	                        "[stra\xc3\x9f" "e][\xc3\xbf][x][y][a][b]"
	                        "[\xc3\xa0\xc3\xbe][etj\xc3\xa4nst][\xc5\x91z]"
	                        "[\xc5\x82\xc5\x82][\xc5\xbe\xc5\xbe][\xc3\xbf]"
	                        "[\xc4\xb8\xc5\xbf][i][stanbuli][zmir]"
	                        "[stra\xc3\x9f" "e][5k\xc3\xa5]");
	buf_free(&b);
}

/* Plain runs are copied whole: what needs escaping is found wherever it
 * stands, at the ends too. */
static void test_json(void)
{
	buf_t b = BUF_INIT;
	json_string(&b, "\"a long plain run\\ then\n\t\r\x01 <b> \xe2\x80\xa8"
	                "\xe2\x80\xa9 \xe2\x82\xac end<");
	CHECK_STR(buf_cstr(&b), "\"\\\"a long plain run\\\\ then\\n\\t\\r"
	                        "\\u0001 \\u003cb> \\u2028\\u2029 \xe2\x82\xac "
	                        "end\\u003c\"");
	buf_reset(&b);
	json_string(&b, "");
	json_string(&b, NULL);
	json_string(&b, "\x1f\xe2");
	CHECK_STR(buf_cstr(&b), "\"\"null\"\\u001f\xe2\"");
	buf_reset(&b);
	json_number(&b, 3);
	buf_putc(&b, ' ');
	json_number(&b, -12345678901234);
	buf_putc(&b, ' ');
	json_number(&b, -0.0);
	buf_putc(&b, ' ');
	json_number(&b, 2.5);
	buf_putc(&b, ' ');
	json_number(&b, 0.0 / 0.0);
	CHECK_STR(buf_cstr(&b), "3 -12345678901234 -0 2.5 null");
	buf_free(&b);
}

/* What the tasks of test_parallel_lanes saw: how often each ran, and
 * the order they ran in on one thread. */
enum { LANE_TASKS = 300 };
typedef struct {
	_Atomic int runs[LANE_TASKS];
	_Atomic int seen;
	size_t order[LANE_TASKS];
	size_t first[2]; /* each thread's first task, + 1 */
	size_t fail_at;  /* a task that fails, or LANE_TASKS */
} lanes_seen_t;

static int lane_task(size_t i, size_t thread, void *ctx)
{
	lanes_seen_t *s = ctx;
	s->runs[i]++;
	s->order[s->seen++] = i;
	if (thread < 2 && !s->first[thread])
		s->first[thread] = i + 1;
	return i == s->fail_at ? -1 : 0;
}

static void test_parallel_lanes(void)
{
	size_t ends[] = {100, 100, 250, LANE_TASKS}; /* one lane is empty */
	/* One thread takes the lanes in turn, each in its order. */
	lanes_seen_t *s = calloc(1, sizeof *s);
	s->fail_at = LANE_TASKS;
	CHECK(parallel_run_lanes(ends, 4, 1, lane_task, s) == 0);
	CHECK(s->seen == LANE_TASKS);
	for (size_t i = 0; i < LANE_TASKS; i++)
		CHECK(s->order[i] == i);
	free(s);
	/* Two threads: every task once; each starts with its own lane, and
	 * takes from the other's only once its own is done (a thread that
	 * starts late may find both done). */
	for (int round = 0; round < 20; round++) {
		s = calloc(1, sizeof *s);
		s->fail_at = LANE_TASKS;
		size_t two[] = {150, LANE_TASKS};
		CHECK(parallel_run_lanes(two, 2, 2, lane_task, s) == 0);
		int once = 0;
		for (size_t i = 0; i < LANE_TASKS; i++)
			once += s->runs[i] == 1;
		CHECK(once == LANE_TASKS);
		CHECK(s->first[0] == 0 || s->first[0] <= 150);
		CHECK(s->first[1] == 0 || s->first[1] > 150);
		free(s);
	}
	/* A failing task stops the rest from starting. */
	s = calloc(1, sizeof *s);
	s->fail_at = 10;
	CHECK(parallel_run_lanes(ends, 4, 1, lane_task, s) != 0);
	CHECK(s->seen == 11);
	free(s);
}

int main(void)
{
	test_utf8();
	test_hint();
	test_map();
	test_numbers();
	test_diag();
	test_report();
	test_report_long_line();
	test_arena_printf();
	test_buf();
	test_words_key();
	test_words_each();
	test_json();
	test_parallel_lanes();
	return harness_report();
}
