/* porta: argv to one command. The only place that prints and exits.
 *
 * The pipeline: load (content/ -> model) -> check (references,
 * enumerations, translations) -> urls and Markdown bodies -> view and
 * render (one page at a time) -> write (a fresh directory, swapped in
 * only when everything succeeded). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/diag.h"
#include "core/report.h"
#include "pipeline/pipeline.h"

#define PORTA_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_CONTENT = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static const char usage[] =
	"usage: porta <command> [options]\n"
	"\n"
	"commands:\n"
	"  build      check the content and write the site\n"
	"  check      check the content without writing anything\n"
	"\n"
	"options:\n"
	"  --content DIR   the content directory (default: content)\n"
	"  --theme DIR     the theme directory (default: themes/<theme in site.yaml>)\n"
	"  --out DIR       where the site is written (default: build/site)\n"
	"  --draft         show missing translations in another language\n"
	"                  instead of failing\n"
	"  --format F      how problems are printed: text (default, with the\n"
	"                  source line), json, or github (Actions annotations)\n"
	"  --help          show this help\n"
	"  --version       show the version\n"
	"\n"
	"exit status: 0 success, 1 content errors, 2 usage error, 3 I/O error\n";

typedef struct {
	const char *command;
	const char *content, *theme, *out;
	report_format_t format;
	bool draft, help, version;
} options_t;

/* Returns EXIT_OK, or EXIT_USAGE after saying what is wrong. */
static int parse_args(int argc, char **argv, options_t *o)
{
	o->content = "content";
	o->out = "build/site";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **value = NULL;
		const char *format = NULL;
		if (strcmp(a, "--format") == 0)
			value = &format;
		else if (strcmp(a, "--content") == 0)
			value = &o->content;
		else if (strcmp(a, "--theme") == 0)
			value = &o->theme;
		else if (strcmp(a, "--out") == 0)
			value = &o->out;
		if (value) {
			if (i + 1 >= argc || !*argv[i + 1]) {
				fprintf(stderr, "porta: %s needs a value\n", a);
				return EXIT_USAGE;
			}
			*value = argv[++i];
			if (format && !report_format_named(format, &o->format)) {
				fprintf(stderr, "porta: unknown format '%s' (use text, json "
				                "or github)\n", format);
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "--draft") == 0) {
			o->draft = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->help = true;
		} else if (strcmp(a, "--version") == 0) {
			o->version = true;
		} else if (a[0] == '-') {
			fprintf(stderr, "porta: unknown option '%s'\n%s", a, usage);
			return EXIT_USAGE;
		} else if (!o->command) {
			o->command = a;
		} else {
			fprintf(stderr, "porta: unexpected argument '%s'\n", a);
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

/* Text goes to standard error with the summary; JSON and annotations are
 * for programs and go to standard output. */
static void print_diags(diags_t *d, report_format_t format)
{
	diags_sort(d);
	buf_t b = BUF_INIT;
	report_write(&b, d, format);
	fputs(buf_cstr(&b), format == REPORT_TEXT ? stderr : stdout);
	buf_free(&b);
	if (d->errors)
		fprintf(stderr, "porta: %zu error%s, %zu warning%s; nothing was "
		                "written\n",
		        d->errors, d->errors == 1 ? "" : "s", d->warnings,
		        d->warnings == 1 ? "" : "s");
}

static int run(const options_t *o)
{
	bool build = strcmp(o->command, "build") == 0;
	if (!build && strcmp(o->command, "check") != 0) {
		fprintf(stderr, "porta: unknown command '%s'\n%s", o->command, usage);
		return EXIT_USAGE;
	}
	diags_t d;
	diags_init(&d);
	pipeline_opts_t opts = {o->content, o->theme, build ? o->out : NULL,
	                        o->draft, NULL};
	pipeline_result_t r = pipeline_run(&opts, &d);
	int rc = EXIT_OK;
	if (r.io_error) {
		fprintf(stderr, "porta: %s\n", r.io_error);
		free(r.io_error);
		rc = EXIT_IO;
	} else if (d.errors) {
		rc = EXIT_CONTENT;
	} else if (build) {
		fprintf(stderr, "porta: wrote %zu pages to %s\n", r.pages, o->out);
	}
	print_diags(&d, o->format);
	diags_free(&d);
	return rc;
}

int main(int argc, char **argv)
{
	options_t o = {0};
	int rc = parse_args(argc, argv, &o);
	if (rc != EXIT_OK)
		return rc;
	if (o.help) {
		fputs(usage, stdout);
		return EXIT_OK;
	}
	if (o.version) {
		puts("porta " PORTA_VERSION);
		return EXIT_OK;
	}
	if (!o.command) {
		fputs(usage, stderr);
		return EXIT_USAGE;
	}
	return run(&o);
}
