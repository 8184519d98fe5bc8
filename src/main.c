/* porta: argv to one command. The only place that prints and exits.
 *
 * The pipeline: load (content/ -> model) -> check (references,
 * enumerations, translations) -> urls and Markdown bodies -> view and
 * render (one page at a time) -> write (a fresh directory, swapped in
 * only when everything succeeded). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "check/check.h"
#include "core/diag.h"
#include "core/interrupt.h"
#include "core/report.h"
#include "edit/new.h"
#include "edit/translations.h"
#include "load/load.h"
#include "pipeline/pipeline.h"
#include "serve/serve.h"
#include "sitecheck/sitecheck.h"

#define PORTA_VERSION "0.1.0"

enum { EXIT_OK = 0, EXIT_CONTENT = 1, EXIT_USAGE = 2, EXIT_IO = 3 };

static const char usage[] =
	"usage: porta <command> [options]\n"
	"\n"
	"commands:\n"
	"  build      check the content and write the site\n"
	"  check      check the content without writing anything\n"
	"  check --site DIR [--base-path PATH]\n"
	"             check a built site's HTML: links, fragments, ids, alt,\n"
	"             headings, lang, link and button texts\n"
	"  serve      build into build/preview, serve it on 127.0.0.1 and\n"
	"             rebuild and reload open pages on every change\n"
	"  new action PROGRAMME ID --theme THEME\n"
	"  new indicator PROGRAMME ID --theme THEME\n"
	"  new page ID\n"
	"  new update ACTION [--programme P] [--date YYYY-MM-DD]\n"
	"             add the files for a new action, indicator, free page or\n"
	"             update in every language, with TODO placeholders that\n"
	"             check reports until they are written\n"
	"  translations [--mark [FILE...]]\n"
	"             list missing and stale translations; --mark records that\n"
	"             the translations (or only the FILEs named) are up to\n"
	"             date with the first language\n"
	"\n"
	"options:\n"
	"  --content DIR   the content directory (default: content)\n"
	"  --theme DIR     the theme directory (default: themes/<theme in site.yaml>)\n"
	"  --out DIR       where the site is written (default: build/site,\n"
	"                  build/preview for serve)\n"
	"  --port N        serve: the first port to try (default: 1313, then\n"
	"                  the next free one; 0 lets the system choose)\n"
	"  --draft         show missing translations in another language\n"
	"                  instead of failing\n"
	"  --theme THEME   new: the theme (goal) id of the new action or indicator\n"
	"  --site DIR      check: the built site to check instead of the content\n"
	"  --base-path P   check --site: the path the site is published under\n"
	"                  (default: read from its index.html, else /)\n"
	"  --format F      how problems are printed: text (default, with the\n"
	"                  source line), json, or github (Actions annotations)\n"
	"  --lang L        the language problems are told in: en (default),\n"
	"                  fi or sv\n"
	"  --help          show this help\n"
	"  --version       show the version\n"
	"\n"
	"exit status: 0 success, 1 content errors, 2 usage error, 3 I/O error\n"
	"(serve: 0 when stopped with Ctrl-C, 3 when it cannot listen or watch)\n";

enum { MAX_ARGS = 64 }; /* new's words, or the files to mark */

typedef struct {
	const char *command;
	const char *args[MAX_ARGS]; /* after the command */
	int nargs;
	const char *content, *theme, *out;
	const char *site, *base_path; /* check --site */
	const char *port;            /* serve */
	const char *programme, *date; /* new update */
	report_format_t format;
	msg_lang_t lang;             /* of the diagnostics */
	bool draft, mark, help, version;
} options_t;

/* Returns EXIT_OK, or EXIT_USAGE after saying what is wrong. */
static int parse_args(int argc, char **argv, options_t *o)
{
	o->content = "content";
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char **value = NULL;
		const char *format = NULL, *lang = NULL;
		if (strcmp(a, "--format") == 0)
			value = &format;
		else if (strcmp(a, "--lang") == 0)
			value = &lang;
		else if (strcmp(a, "--content") == 0)
			value = &o->content;
		else if (strcmp(a, "--theme") == 0)
			value = &o->theme;
		else if (strcmp(a, "--out") == 0)
			value = &o->out;
		else if (strcmp(a, "--site") == 0)
			value = &o->site;
		else if (strcmp(a, "--base-path") == 0)
			value = &o->base_path;
		else if (strcmp(a, "--port") == 0)
			value = &o->port;
		else if (strcmp(a, "--programme") == 0)
			value = &o->programme;
		else if (strcmp(a, "--date") == 0)
			value = &o->date;
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
			if (lang && !msg_lang_named(lang, &o->lang)) {
				fprintf(stderr, "porta: unknown language '%s' (use en, fi "
				                "or sv)\n", lang);
				return EXIT_USAGE;
			}
		} else if (strcmp(a, "--draft") == 0) {
			o->draft = true;
		} else if (strcmp(a, "--mark") == 0) {
			o->mark = true;
		} else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
			o->help = true;
		} else if (strcmp(a, "--version") == 0) {
			o->version = true;
		} else if (a[0] == '-') {
			fprintf(stderr, "porta: unknown option '%s'\n%s", a, usage);
			return EXIT_USAGE;
		} else if (!o->command) {
			o->command = a;
		} else if (o->nargs < MAX_ARGS) {
			o->args[o->nargs++] = a;
		} else {
			fprintf(stderr, "porta: unexpected argument '%s'\n", a);
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

/* Text goes to standard error with the summary; JSON and annotations are
 * for programs and go to standard output. */
static void print_report(diags_t *d, report_format_t format, msg_lang_t lang)
{
	diags_sort(d);
	buf_t b = BUF_INIT;
	report_write(&b, d, format, lang);
	fputs(buf_cstr(&b), format == REPORT_TEXT ? stderr : stdout);
	buf_free(&b);
}

static void print_diags(diags_t *d, report_format_t format, msg_lang_t lang)
{
	print_report(d, format, lang);
	if (d->errors) {
		char *summary = diags_summary(d, lang);
		fprintf(stderr, "porta: %s\n", summary);
		free(summary);
	}
}

/* A port number, or -1 when text is not one. */
static int port_number(const char *text)
{
	char *end;
	long n = strtol(text, &end, 10);
	return *text >= '0' && *text <= '9' && !*end && n <= 65535 ? (int)n : -1;
}

static int serve(const options_t *o)
{
	serve_opts_t opts = {o->content, o->theme,
	                     o->out ? o->out : "build/preview", 1313, o->draft,
	                     o->lang};
	if (o->port && (opts.port = port_number(o->port)) < 0) {
		fprintf(stderr, "porta: --port needs a number from 0 to 65535, "
		                "not '%s'\n", o->port);
		return EXIT_USAGE;
	}
	return serve_run(&opts, stdout, stderr) == 0 ? EXIT_OK : EXIT_IO;
}

/* Today, for a new update: editing tools may read the clock; builds never
 * do. */
static const char *today(char out[16])
{
	time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
	return out;
}

static int scaffold(const options_t *o)
{
	static const struct {
		const char *word;
		new_kind_t kind;
		int args; /* after the word */
	} kinds[] = {{"action", NEW_ACTION, 2}, {"indicator", NEW_INDICATOR, 2},
	             {"page", NEW_PAGE, 1}, {"update", NEW_UPDATE, 1}};
	char date[16];
	new_opts_t opts = {o->content, NULL, 0, o->programme, NULL, o->theme,
	                   o->date ? o->date : today(date)};
	size_t k = 0;
	while (k < sizeof kinds / sizeof *kinds &&
	       !(o->nargs > 0 && strcmp(o->args[0], kinds[k].word) == 0))
		k++;
	if (k == sizeof kinds / sizeof *kinds || o->nargs != kinds[k].args + 1) {
		fprintf(stderr, "porta: new needs what to make and its names:\n"
		                "  porta new action PROGRAMME ID --theme THEME\n"
		                "  porta new indicator PROGRAMME ID --theme THEME\n"
		                "  porta new page ID\n"
		                "  porta new update ACTION\n");
		return EXIT_USAGE;
	}
	opts.kind = kinds[k].kind;
	if (kinds[k].args == 2) {
		opts.programme = o->args[1];
		opts.id = o->args[2];
	} else {
		opts.id = o->args[1];
	}
	buf_t written = BUF_INIT, error = BUF_INIT;
	new_result_t rc = new_run(&opts, &written, &error);
	if (rc == NEW_OK)
		fprintf(stderr, "porta: wrote\n%sWrite the texts that start with TODO; "
		                "porta check lists them.\n", buf_cstr(&written));
	else
		fprintf(stderr, "porta: %s\n", buf_cstr(&error));
	buf_free(&written);
	buf_free(&error);
	return rc == NEW_OK      ? EXIT_OK
	       : rc == NEW_IO    ? EXIT_IO
	       : rc == NEW_USAGE ? EXIT_USAGE
	                         : EXIT_CONTENT;
}

static int translations(const options_t *o)
{
	if (o->nargs && !o->mark) {
		fprintf(stderr, "porta: name files only with --mark\n");
		return EXIT_USAGE;
	}
	diags_t d;
	diags_init(&d);
	site_t *site = load_site(o->content, NULL, &d);
	check_site(site, false, &d);
	int rc = EXIT_OK;
	if (site->nlangs == 0) {
		print_diags(&d, o->format, o->lang);
		rc = EXIT_CONTENT;
	} else if (o->mark) {
		char *failed = NULL;
		const char *unknown = NULL;
		long n = translations_mark(site, o->args, o->nargs, &failed,
		                           &unknown);
		if (n == -2) {
			fprintf(stderr, "porta: %s is not a translation: name files in "
			                "a language other than %s\n", unknown,
			        site->langs[0]);
			rc = EXIT_USAGE;
		} else if (n < 0) {
			fprintf(stderr, "porta: cannot write %s\n", failed);
			rc = EXIT_IO;
		} else {
			fprintf(stderr, "porta: marked %ld translation%s as up to date\n",
			        n, n == 1 ? "" : "s");
		}
		free(failed);
	} else {
		buf_t out = BUF_INIT;
		translations_report(site, &out);
		fputs(buf_cstr(&out), stdout);
		buf_free(&out);
	}
	model_free(site);
	diags_free(&d);
	return rc;
}

/* check --site: the built site's HTML, not the content. */
static int check_built_site(const options_t *o)
{
	if (o->theme || o->out || o->draft || o->nargs) {
		fprintf(stderr, "porta: check --site takes only --base-path and "
		                "--format\n");
		return EXIT_USAGE;
	}
	diags_t d;
	diags_init(&d);
	sitecheck_opts_t opts = {o->site, o->base_path};
	sitecheck_result_t r = sitecheck_run(&opts, &d);
	int rc = d.errors ? EXIT_CONTENT : EXIT_OK;
	if (r.io_error) {
		fprintf(stderr, "porta: %s\n", r.io_error);
		free(r.io_error);
		rc = EXIT_IO;
	} else {
		print_report(&d, o->format, o->lang);
		fprintf(stderr, "porta: %zu page%s checked, %zu problem%s\n",
		        r.pages, r.pages == 1 ? "" : "s", d.errors,
		        d.errors == 1 ? "" : "s");
	}
	diags_free(&d);
	return rc;
}

static int run(const options_t *o)
{
	if (o->site || o->base_path) {
		if (strcmp(o->command, "check") == 0 && o->site)
			return check_built_site(o);
		fprintf(stderr, "porta: --site and --base-path are for "
		                "check --site DIR only\n");
		return EXIT_USAGE;
	}
	if (strcmp(o->command, "serve") == 0)
		return serve(o);
	if (strcmp(o->command, "new") == 0)
		return scaffold(o);
	if (strcmp(o->command, "translations") == 0)
		return translations(o);
	if (o->nargs) {
		fprintf(stderr, "porta: unexpected argument '%s'\n", o->args[0]);
		return EXIT_USAGE;
	}
	if (o->port) {
		fprintf(stderr, "porta: --port is for serve only\n");
		return EXIT_USAGE;
	}
	bool build = strcmp(o->command, "build") == 0;
	if (!build && strcmp(o->command, "check") != 0) {
		fprintf(stderr, "porta: unknown command '%s'\n%s", o->command, usage);
		return EXIT_USAGE;
	}
	diags_t d;
	diags_init(&d);
	const char *out = o->out ? o->out : "build/site";
	pipeline_opts_t opts = {o->content, o->theme, build ? out : NULL,
	                        o->draft, NULL};
	if (build)
		interrupt_catch();
	pipeline_result_t r = pipeline_run(&opts, &d);
	int rc = EXIT_OK;
	if (r.io_error) {
		fprintf(stderr, "porta: %s\n", r.io_error);
		free(r.io_error);
		rc = EXIT_IO;
	} else if (d.errors) {
		rc = EXIT_CONTENT;
	} else if (build) {
		fprintf(stderr, "porta: wrote %zu pages to %s (%zu files changed, "
		                "%zu unchanged)\n", r.pages, out, r.written, r.kept);
	}
	print_diags(&d, o->format, o->lang);
	/* An editor who checks wants to hear that all is well, too. */
	if (!build && rc == EXIT_OK && o->format == REPORT_TEXT) {
		char *summary = diags_summary(&d, o->lang);
		fprintf(stderr, "porta: %s\n", summary);
		free(summary);
	}
	diags_free(&d);
	/* Ctrl-C: now that the build has cleaned up and said so, end as the
	 * signal would have, so that a calling script stops too. */
	int sig = interrupt_caught();
	if (sig) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
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
