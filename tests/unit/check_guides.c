/* The editors' guides (docs/editors/fi.md, sv.md) cannot go stale: every example
 * in them is applied to a copy of the real content and checked.
 *
 * An example is a fenced code block whose info string names a scenario
 * and a file:   ```yaml example=add-action file=content/data/x/actions.yaml
 * (a path under content/ or themes/). A data entry (a YAML list item
 * with an id) replaces the entry with the same id, or is added at the
 * end; any other block is the whole file.
 * A scenario passes when `porta check` finds nothing wrong, or, when it
 * has a block ```text example=NAME expect, when each line of that block
 * is a line of what porta prints. Scenarios start from a fresh copy.
 * A block flagged `draft` checks its scenario as `porta check --draft`,
 * so that the guides can show what a draft build lets through. */
#include "core/report.h"
#include "harness.h"

#include <cmark-gfm.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/fs.h"
#include "pipeline/pipeline.h"

typedef struct {
	char scenario[64], file[256];
	bool expect, draft;
	char *text;
} example_t;

/* Room for every example of one guide; a guide with more fails. */
enum { MAX_EXAMPLES = 256 };

/* key=value from an info string, or "" (flags without value: "1"). */
static void attribute(const char *info, const char *key, char *out, size_t size)
{
	out[0] = '\0';
	size_t k = strlen(key);
	for (const char *p = info; (p = strstr(p, key)); p += k) {
		if (p != info && p[-1] != ' ')
			continue;
		if (p[k] == '=') {
			size_t n = strcspn(p + k + 1, " ");
			snprintf(out, size, "%.*s", (int)n, p + k + 1);
			return;
		}
		if (p[k] == ' ' || p[k] == '\0') {
			snprintf(out, size, "1");
			return;
		}
	}
}

static size_t read_examples(const char *guide, example_t *out, size_t max)
{
	char *text;
	size_t len, n = 0;
	if (fs_read(guide, &text, &len) < 0)
		return 0;
	cmark_node *doc = cmark_parse_document(text, len, CMARK_OPT_DEFAULT);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_CODE_BLOCK)
			continue;
		const char *info = cmark_node_get_fence_info(node);
		example_t e = {0};
		char flag[8];
		attribute(info, "example", e.scenario, sizeof e.scenario);
		if (!e.scenario[0])
			continue;
		if (n == max) {
			/* Dropping an example silently would leave it untested. */
			printf("FAIL %s: more than %zu examples\n", guide, max);
			CHECK(n < max);
			break;
		}
		attribute(info, "file", e.file, sizeof e.file);
		attribute(info, "expect", flag, sizeof flag);
		e.expect = flag[0] != '\0';
		attribute(info, "draft", flag, sizeof flag);
		e.draft = flag[0] != '\0';
		e.text = xstrdup(cmark_node_get_literal(node));
		out[n++] = e;
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	free(text);
	return n;
}

/* The id of a data entry ("- id: a27"), or NULL. */
static char *entry_id(const char *text)
{
	const char *p = strstr(text, "- id:");
	if (p != text)
		return NULL;
	p += 5;
	p += strspn(p, " ");
	return xstrndup(p, strcspn(p, " \n#"));
}

/* Puts a data entry in place of the one with its id, or at the end. */
static void apply_entry(const char *path, const char *entry, const char *id)
{
	char *old = NULL;
	size_t len = 0;
	fs_read(path, &old, &len);
	buf_t out = BUF_INIT;
	const char *p = old ? old : "";
	const char *found = NULL;
	for (const char *line = p; *line;) {
		if (strncmp(line, "- id:", 5) == 0) {
			char *here = entry_id(line);
			if (here && strcmp(here, id) == 0)
				found = line;
			free(here);
			if (found)
				break;
		}
		const char *nl = strchr(line, '\n');
		line = nl ? nl + 1 : line + strlen(line);
	}
	if (found) {
		/* The entry runs to the next top-level item or comment block. */
		const char *end = strchr(found, '\n');
		while (end && end[1] && end[1] != '-' && end[1] != '#')
			end = strchr(end + 1, '\n');
		buf_put(&out, p, (size_t)(found - p));
		buf_puts(&out, entry);
		if (end)
			buf_puts(&out, end + 1);
	} else {
		buf_puts(&out, p);
		if (out.len && out.data[out.len - 1] != '\n')
			buf_putc(&out, '\n');
		buf_putc(&out, '\n');
		buf_puts(&out, entry);
	}
	fs_write(path, out.data, out.len);
	buf_free(&out);
	free(old);
}

/* Whether an example's file= is a path the scenario may write: inside
 * content/ or themes/ of the copy, never above it. A mistyped or missing
 * path would otherwise test something other than what the guide shows. */
static bool file_ok(const char *file)
{
	bool inside = strncmp(file, "content/", 8) == 0 ||
	              strncmp(file, "themes/", 7) == 0;
	return inside && !strstr(file, "..") && file[strlen(file) - 1] != '/';
}

static void apply(const char *root, const example_t *e)
{
	char *path = fs_join(root, e->file);
	char *dir = xstrdup(path);
	*strrchr(dir, '/') = '\0';
	fs_mkdirs(dir);
	char *id = entry_id(e->text);
	if (id)
		apply_entry(path, e->text, id);
	else
		fs_write(path, e->text, strlen(e->text));
	free(id);
	free(dir);
	free(path);
}

/* What a scenario's blocks ask for, besides the files they write. */
typedef struct {
	const char *expect; /* the expected lines, or NULL: no errors */
	bool draft;         /* check as `porta check --draft` */
	bool files_ok;      /* every file= was a path the scenario may write */
} plan_t;

/* Writes every block of the scenario into the copy at root. */
static plan_t apply_scenario(const char *guide, const example_t *all, size_t n,
                             const char *scenario, const char *root)
{
	plan_t plan = {NULL, false, true};
	for (size_t i = 0; i < n; i++) {
		if (strcmp(all[i].scenario, scenario) != 0)
			continue;
		plan.draft |= all[i].draft;
		if (all[i].expect) {
			plan.expect = all[i].text;
		} else if (!file_ok(all[i].file)) {
			printf("FAIL %s, example %s: file=%s is not a path under content/ "
			       "or themes/\n", guide, scenario, all[i].file);
			plan.files_ok = false;
		} else {
			apply(root, &all[i]);
		}
	}
	return plan;
}

/* Runs `porta check` (the pipeline without output) in dir, as an editor
 * would in the repository, and appends its text report to report.
 * Returns the number of errors. */
static size_t check_in(const char *dir, bool draft, buf_t *report)
{
	char cwd[4096];
	CHECK(getcwd(cwd, sizeof cwd) != NULL);
	CHECK(chdir(dir) == 0);
	diags_t d;
	diags_init(&d);
	pipeline_opts_t opts = {"content", NULL, NULL, draft, NULL};
	pipeline_result_t r = pipeline_run(&opts, &d);
	if (r.io_error)
		printf("FAIL cannot check the copy: %s\n", r.io_error);
	CHECK(r.io_error == NULL);
	free(r.io_error);
	diags_sort(&d);
	report_write(report, &d, REPORT_TEXT, MSG_LANG_EN);
	size_t errors = d.errors;
	diags_free(&d);
	CHECK(chdir(cwd) == 0);
	return errors;
}

/* Whether every line of expect is a whole line of report; names the
 * lines that are not, since those are what the guide has wrong. */
static bool lines_printed(const char *expect, const char *report,
                          const char *scenario)
{
	bool ok = true;
	char *lines = xstrdup(expect), *save = NULL;
	for (char *l = strtok_r(lines, "\n", &save); l; l = strtok_r(NULL, "\n", &save)) {
		size_t ln = strlen(l);
		bool found = false;
		for (const char *p = report; (p = strstr(p, l)); p++)
			if ((p == report || p[-1] == '\n') && (p[ln] == '\n' || !p[ln]))
				found = true;
		ok &= found;
		if (!found)
			printf("  %s: the guide shows a line porta does not print: %s\n",
			       scenario, l);
	}
	free(lines);
	return ok;
}

static void copy_tree(const char *from, const char *to)
{
	CHECK(fs_copy_tree(from, to) == 0);
}

/* A fresh copy of the repository's content/ and themes/ in a new
 * temporary directory, whose name is written to tmp. */
static void fresh_copy(const char *repo, char *tmp)
{
	CHECK(mkdtemp(tmp) != NULL);
	static const char *const trees[] = {"content", "themes"};
	for (size_t i = 0; i < sizeof trees / sizeof *trees; i++) {
		char *from = fs_join(repo, trees[i]);
		char *to = fs_join(tmp, trees[i]);
		copy_tree(from, to);
		free(from);
		free(to);
	}
}

static void run_scenario(const char *guide, const example_t *all, size_t n,
                         const char *scenario, const char *repo)
{
	char tmp[] = "/tmp/porta-guide-XXXXXX";
	fresh_copy(repo, tmp);
	plan_t plan = apply_scenario(guide, all, n, scenario, tmp);
	CHECK(plan.files_ok);
	buf_t report = BUF_INIT;
	size_t errors = check_in(tmp, plan.draft, &report);
	bool ok = plan.expect ? lines_printed(plan.expect, buf_cstr(&report), scenario)
	                      : errors == 0;
	if (!ok)
		printf("FAIL %s, example %s; porta printed:\n%s", guide, scenario,
		       buf_cstr(&report));
	CHECK(ok);
	buf_free(&report);
	fs_remove_tree(tmp);
}

int main(void)
{
	static const char *const guides[] = {"docs/editors/fi.md",
	                                     "docs/editors/sv.md"};
	char repo[4096];
	CHECK(getcwd(repo, sizeof repo) != NULL);
	for (size_t g = 0; g < sizeof guides / sizeof *guides; g++) {
		example_t all[MAX_EXAMPLES];
		size_t n = read_examples(guides[g], all, MAX_EXAMPLES);
		CHECK(n > 0);
		size_t scenarios = 0;
		for (size_t i = 0; i < n; i++) {
			bool first = true;
			for (size_t j = 0; j < i; j++)
				first &= strcmp(all[j].scenario, all[i].scenario) != 0;
			if (!first)
				continue;
			scenarios++;
			run_scenario(guides[g], all, n, all[i].scenario, repo);
		}
		printf("guides: %s: %zu examples in %zu scenarios\n", guides[g], n,
		       scenarios);
		for (size_t i = 0; i < n; i++)
			free(all[i].text);
	}
	return harness_report();
}
