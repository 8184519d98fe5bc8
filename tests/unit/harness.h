/* The unit-test harness: CHECK records a failure and goes on; each test
 * binary ends by printing "N passed, N failed" for tests/run to add up. */
#ifndef PORTA_HARNESS_H
#define PORTA_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond) check_(!!(cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(got, want) check_str_((got), (want), __FILE__, __LINE__)

static inline void check_(int ok, const char *what, const char *file, int line)
{
	if (ok) {
		harness_passed++;
	} else {
		harness_failed++;
		printf("FAIL %s:%d: %s\n", file, line, what);
	}
}

static inline void check_str_(const char *got, const char *want,
                              const char *file, int line)
{
	int ok = got && want && strcmp(got, want) == 0;
	check_(ok, "strings equal", file, line);
	if (!ok)
		printf("  want: [%s]\n  got:  [%s]\n", want ? want : "(null)",
		       got ? got : "(null)");
}

/* Prints diagnostics (for a test that expected none). Defined only where
 * core/report.h is included. */
#ifdef PORTA_REPORT_H
#include <stdlib.h>
static inline void show_diags(const diags_t *d)
{
	buf_t b = BUF_INIT;
	report_write(&b, d, REPORT_TEXT, MSG_LANG_EN);
	fputs(buf_cstr(&b), stdout);
	buf_free(&b);
}
#endif

static inline int harness_report(void)
{
	printf("%d passed, %d failed\n", harness_passed, harness_failed);
	return harness_failed ? 1 : 0;
}

#endif
