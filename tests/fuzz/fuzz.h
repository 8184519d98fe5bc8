/* What every fuzz target shares (see docs/fuzzing.md). Targets are run
 * from the repository's root. */
#ifndef PORTA_FUZZ_H
#define PORTA_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "core/buf.h"
#include "core/diag.h"
#include "core/report.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Formats the diagnostics an input caused, since messages quote the
 * input, in every format and language (each format in another one), and
 * frees them. */
static inline void fuzz_report(diags_t *d)
{
	static const struct {
		report_format_t format;
		msg_lang_t lang;
	} ways[] = {{REPORT_TEXT, MSG_LANG_EN}, {REPORT_JSON, MSG_LANG_FI},
	            {REPORT_GITHUB, MSG_LANG_SV}};
	diags_sort(d);
	buf_t out = BUF_INIT;
	for (size_t i = 0; i < sizeof ways / sizeof *ways; i++) {
		report_write(&out, d, ways[i].format, ways[i].lang);
		buf_reset(&out);
	}
	buf_free(&out);
	diags_free(d);
}

#endif
