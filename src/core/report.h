/* Diagnostics as text for people (with the source line and a caret under
 * the column), as JSON for programs, or as GitHub Actions annotations so
 * that a pull request shows them on the changed lines. */
#ifndef PORTA_REPORT_H
#define PORTA_REPORT_H

#include "buf.h"
#include "diag.h"

typedef enum { REPORT_TEXT, REPORT_JSON, REPORT_GITHUB } report_format_t;

/* Appends every diagnostic of d (sort it first) to out, its message and
 * fix in lang. Text also names the severity in lang; JSON and GitHub keep
 * "error" and "warning", which programs read. */
void report_write(buf_t *out, const diags_t *d, report_format_t format,
                  msg_lang_t lang);

/* Looks a format up by name ("text", "json", "github"); false if none. */
bool report_format_named(const char *name, report_format_t *format);

#endif
