/* pipeline: the preview server's rebuild after an edit to one text makes
 * only the pages that show it, and leaves the output exactly as a whole
 * build of the edited content would. */
#include "harness.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/buf.h"
#include "core/fs.h"
#include "pipeline/pipeline.h"

#define PROGRAMME "digiohjelma-2024-2026"
#define ACTION_FI "fi/" PROGRAMME "/actions/a1.md"
#define ACTION_SV "sv/" PROGRAMME "/actions/a1.md"
#define INDICATOR "sv/" PROGRAMME "/indicators/ad-monitoring.md"
#define CHARTED "sv/" PROGRAMME "/indicators/eporvoo-satisfaction.md"
#define PAGE_FI "fi/" PROGRAMME "/toimenpiteet/a1/index.html"
#define INJECT "<script src=\"/_porta/reload.js\" defer></script>"

typedef struct {
	char *dir, *content, *out, *fresh;
	pipeline_t *p;
	pipeline_opts_t opts;
} fixture_t;

/* One line of a manifest: "<hash> <size> <mtime> <path>". */
typedef struct {
	char *path, *mtime;
	char *line;
	size_t at; /* the line's place in the file */
} line_t;

static int by_path_then_at(const void *a, const void *b)
{
	const line_t *x = a, *y = b;
	int c = strcmp(x->path, y->path);
	return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* The lines of an output's manifest that hold, in the order of their
 * paths: a path's last line (builds of some files add lines at the
 * end). Returns their number; the caller frees *lines and *text. */
static size_t manifest_of(const char *out, line_t **lines, char **text)
{
	buf_t path = BUF_INIT;
	buf_printf(&path, "%s.manifest", out);
	size_t len, n = 0;
	if (fs_read(buf_cstr(&path), text, &len) < 0)
		*text = calloc(1, 1);
	buf_free(&path);
	*lines = calloc(strlen(*text) + 1, sizeof **lines);
	for (char *line = strtok(*text, "\n"); line; line = strtok(NULL, "\n")) {
		char *second = strchr(line, ' ');
		char *third = second ? strchr(second + 1, ' ') : NULL;
		char *fourth = third ? strchr(third + 1, ' ') : NULL;
		if (!fourth)
			continue;
		*third = *fourth = '\0';
		(*lines)[n] = (line_t){fourth + 1, third + 1, line, n};
		n++;
	}
	qsort(*lines, n, sizeof **lines, by_path_then_at);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept && strcmp((*lines)[kept - 1].path, (*lines)[i].path) == 0)
			kept--;
		(*lines)[kept++] = (*lines)[i];
	}
	return kept;
}

/* The manifest of an output without the files' times: which files, and
 * their hashes and sizes. */
static char *files_of(const char *out)
{
	line_t *lines;
	char *text;
	size_t n = manifest_of(out, &lines, &text);
	buf_t b = BUF_INIT;
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "%s %s\n", lines[i].line, lines[i].path);
	free(lines);
	free(text);
	return buf_detach(&b);
}

/* The mtime field of one file in an output's manifest, or NULL. */
static char *time_of(const char *out, const char *rel)
{
	line_t *lines;
	char *text, *found = NULL;
	size_t n = manifest_of(out, &lines, &text);
	for (size_t i = 0; i < n && !found; i++)
		if (strcmp(lines[i].path, rel) == 0)
			found = strdup(lines[i].mtime);
	free(lines);
	free(text);
	return found;
}

/* The lines of an output's manifest file, and (in *files) how many files
 * they are of. */
static size_t lines_of(const char *out, size_t *files)
{
	line_t *lines;
	char *text;
	*files = manifest_of(out, &lines, &text);
	free(lines);
	free(text);
	buf_t path = BUF_INIT;
	buf_printf(&path, "%s.manifest", out);
	size_t len, n = 0;
	if (fs_read(buf_cstr(&path), &text, &len) == 0) {
		for (size_t i = 0; i < len; i++)
			n += text[i] == '\n';
		free(text);
	}
	buf_free(&path);
	return n;
}

/* Whether two outputs hold the same files with the same bytes. */
static bool same_site(const char *a, const char *b)
{
	char *fa = files_of(a), *fb = files_of(b);
	bool same = strcmp(fa, fb) == 0 && strlen(fa) > 1000;
	if (!same) {
		size_t at = 0;
		while (fa[at] && fa[at] == fb[at])
			at++;
		while (at > 0 && fa[at - 1] != '\n')
			at--;
		printf("  the files differ from: %.100s\n", fa + at);
	}
	for (char *line = strtok(fa, "\n"); same && line;
	     line = strtok(NULL, "\n")) {
		char *rel = strchr(strchr(line, ' ') + 1, ' ') + 1;
		char *pa = fs_join(a, rel), *pb = fs_join(b, rel);
		char *da, *db;
		size_t la, lb;
		if (fs_read(pa, &da, &la) < 0 || fs_read(pb, &db, &lb) < 0) {
			same = false;
		} else {
			same = la == lb && memcmp(da, db, la) == 0;
			free(da);
			free(db);
		}
		if (!same)
			printf("  differs: %s\n", rel);
		free(pa);
		free(pb);
	}
	free(fa);
	free(fb);
	return same;
}

/* The inode of the output's file at rel, 0 if none. */
static ino_t inode_of(const char *out, const char *rel)
{
	char *path = fs_join(out, rel);
	struct stat st;
	ino_t ino = stat(path, &st) == 0 ? st.st_ino : 0;
	free(path);
	return ino;
}

/* Builds the fixture's content whole into its second output: what the
 * incremental builds must have made. */
static bool as_whole_build(fixture_t *f)
{
	diags_t d;
	diags_init(&d);
	pipeline_opts_t opts = f->opts;
	opts.out = f->fresh;
	pipeline_result_t r = pipeline_run(&opts, &d);
	bool ok = !r.io_error && d.errors == 0 && same_site(f->out, f->fresh);
	free(r.io_error);
	diags_free(&d);
	return ok;
}

/* The stages left beside the fixture's output (preview.new-XXXXXX). */
static size_t stages_of(const fixture_t *f)
{
	char **names;
	size_t n, stages = 0;
	if (fs_list(f->dir, &names, &n) < 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		stages += strncmp(names[i], "preview.new-", 12) == 0;
	fs_list_free(names, n);
	return stages;
}

/* Builds after a change to rel (NULL: unknown), finishing a partial
 * build; returns what the first step said. */
static pipeline_result_t build(fixture_t *f, const char *rel, size_t *errors)
{
	diags_t d;
	diags_init(&d);
	char *path = rel ? fs_join(f->content, rel) : NULL;
	pipeline_result_t r = pipeline_build(f->p, path, &d);
	if (r.partial) {
		pipeline_result_t rest = pipeline_finish(f->p);
		CHECK(rest.io_error == NULL);
		free(rest.io_error);
		/* The old versions of the files replaced wait beside the output
		 * until tidied away. */
		CHECK(stages_of(f) > 0 || r.written + rest.written == 0);
		pipeline_tidy(f->p);
		CHECK(stages_of(f) == 0);
	}
	*errors = d.errors;
	free(r.io_error);
	r.io_error = NULL;
	free(path);
	diags_free(&d);
	return r;
}

/* Replaces the first occurrence of from in the content file rel. */
static void edit(fixture_t *f, const char *rel, const char *from,
                 const char *to)
{
	char *path = fs_join(f->content, rel), *text;
	size_t len;
	CHECK(fs_read(path, &text, &len) == 0);
	char *at = strstr(text, from);
	CHECK(at != NULL);
	buf_t b = BUF_INIT;
	if (at) {
		buf_put(&b, text, (size_t)(at - text));
		buf_puts(&b, to);
		buf_puts(&b, at + strlen(from));
	}
	CHECK(fs_write(path, b.data, b.len) == 0);
	buf_free(&b);
	free(text);
	free(path);
}

static void append(fixture_t *f, const char *rel, const char *text)
{
	char *path = fs_join(f->content, rel), *old;
	size_t len;
	CHECK(fs_read(path, &old, &len) == 0);
	buf_t b = BUF_INIT;
	buf_put(&b, old, len);
	buf_puts(&b, text);
	CHECK(fs_write(path, b.data, b.len) == 0);
	buf_free(&b);
	free(old);
	free(path);
}

int main(void)
{
	char dir[] = "/tmp/porta-pipeline-XXXXXX";
	CHECK(mkdtemp(dir) != NULL);
	fixture_t f = {.dir = dir};
	f.content = fs_join(dir, "content");
	f.out = fs_join(dir, "preview");
	f.fresh = fs_join(dir, "whole");
	CHECK(fs_copy_tree("content", f.content) == 0);
	f.opts = (pipeline_opts_t){f.content, "themes/default", f.out, false,
	                           INJECT};
	f.p = pipeline_new(&f.opts);
	size_t errors;
	/* A second follow-up: actions without news since the first have gone
	 * quiet, which the front pages say. */
	edit(&f, "data/" PROGRAMME "/programme.yaml",
	     "  - { year: 2024, date: 2024-10-31 }\n",
	     "  - { year: 2024, date: 2024-10-31 }\n"
	     "  - { year: 2025, date: 2025-10-31 }\n");

	/* The first build makes everything. */
	pipeline_result_t r = build(&f, NULL, &errors);
	CHECK(errors == 0 && !r.partial && r.pages > 400);
	size_t all = r.pages;

	/* A sentence added to an action's text: only its page shows the
	 * body; the other files keep their times. */
	char *before = time_of(f.out, "fi/" PROGRAMME "/toimenpiteet/index.html");
	append(&f, ACTION_FI, "\nUusi kappale esikatselussa.\n");
	r = build(&f, ACTION_FI, &errors);
	CHECK(errors == 0 && r.partial && r.pages == 1 && r.written >= 1);
	CHECK(as_whole_build(&f));
	char *after = time_of(f.out, "fi/" PROGRAMME "/toimenpiteet/index.html");
	CHECK(before && after && strcmp(before, after) == 0);
	free(before);
	free(after);

	/* A title shows in lists, filters, the theme, search and the rest. */
	edit(&f, ACTION_SV, "title: ", "title: Nytt namn – ");
	r = build(&f, ACTION_SV, &errors);
	CHECK(errors == 0 && r.partial && r.pages > 5 && r.pages < all / 4);
	CHECK(as_whole_build(&f));
	/* A word that leaves the title but stays in the text: the search
	 * index keeps the document under its stem, in other fields. */
	edit(&f, ACTION_SV, "Kundregister skapas", "Register skapas");
	r = build(&f, ACTION_SV, &errors);
	CHECK(errors == 0 && r.partial);
	CHECK(as_whole_build(&f));

	/* News: the front page, the feed, freshness. The front page read
	 * the text as it was before the first edit, and was not made again
	 * since: it still knows that it shows it. */
	edit(&f, ACTION_FI, "---\n\n", "updates:\n  - date: 2026-11-30\n"
	                                "    text: Hankinta valmistui.\n---\n\n");
	r = build(&f, ACTION_FI, &errors);
	CHECK(errors == 0 && r.partial && r.pages > 1);
	CHECK(as_whole_build(&f));

	/* An indicator's summary, and its title (its chart has it too). */
	edit(&f, INDICATOR, "summary: ", "summary: Ny sammanfattning. ");
	r = build(&f, INDICATOR, &errors);
	CHECK(errors == 0 && r.partial && r.pages > 1);
	CHECK(as_whole_build(&f));
	edit(&f, CHARTED, "title: ", "title: Nytt namn – ");
	r = build(&f, CHARTED, &errors);
	CHECK(errors == 0 && r.partial && r.pages > 1);
	CHECK(as_whole_build(&f));

	/* Another sentence, right after: the page is written over its old
	 * file, in place. */
	ino_t ino = inode_of(f.out, PAGE_FI);
	append(&f, ACTION_FI, "\nJa toinen.\n");
	r = build(&f, ACTION_FI, &errors);
	CHECK(errors == 0 && r.partial && r.pages == 1);
	CHECK(as_whole_build(&f));
	CHECK(ino != 0 && inode_of(f.out, PAGE_FI) == ino);

	/* Unless the file has another name too (a backup made with hard
	 * links): that keeps the old bytes, and the page gets a new file. */
	char *page = fs_join(f.out, PAGE_FI), *other = fs_join(f.dir, "other");
	char *kept = NULL, *later = NULL;
	size_t kept_len = 0, later_len = 0;
	CHECK(link(page, other) == 0);
	CHECK(fs_read(other, &kept, &kept_len) == 0);
	append(&f, ACTION_FI, "\nJa kolmas.\n");
	r = build(&f, ACTION_FI, &errors);
	CHECK(errors == 0 && r.partial && r.pages == 1);
	CHECK(as_whole_build(&f));
	CHECK(inode_of(f.out, PAGE_FI) != ino);
	CHECK(fs_read(other, &later, &later_len) == 0);
	CHECK(kept && later && kept_len == later_len &&
	      memcmp(kept, later, later_len) == 0);
	unlink(other);
	free(kept);
	free(later);
	free(page);
	free(other);

	/* Someone builds into the preview's output meanwhile (porta build):
	 * the manifest the preview kept in memory is no longer the one on
	 * disk, which the next edit reads instead; a build after that finds
	 * every file as the manifest says. */
	edit(&f, ACTION_SV, "title: ", "title: Utanför förhandsvisningen – ");
	diags_t d;
	diags_init(&d);
	r = pipeline_run(&f.opts, &d);
	CHECK(!r.io_error && d.errors == 0 && r.written > 0);
	append(&f, ACTION_FI, "\nNeljäs.\n");
	r = build(&f, ACTION_FI, &errors);
	CHECK(errors == 0 && r.partial && r.pages == 1);
	CHECK(as_whole_build(&f));
	r = pipeline_run(&f.opts, &d);
	CHECK(!r.io_error && d.errors == 0 && r.written == 0);

	/* An edit adds its files' lines to the manifest; a later line of a
	 * file holds over an earlier one, and a last line cut short (a crash
	 * while lines were added) is left out, not taken for a broken
	 * manifest (which would make every file again). */
	size_t files, lines = lines_of(f.out, &files);
	append(&f, ACTION_FI, "\nViides.\n");
	r = build(&f, ACTION_FI, &errors);
	CHECK(errors == 0 && r.partial && r.pages == 1);
	size_t more = lines_of(f.out, &files);
	CHECK(more > lines && more > files);
	char *manifest = fs_join(f.dir, "preview.manifest");
	FILE *cut = fopen(manifest, "a");
	CHECK(cut && fputs("0123456789abcdef 12", cut) >= 0);
	if (cut)
		fclose(cut);
	r = pipeline_run(&f.opts, &d);
	CHECK(!r.io_error && d.errors == 0 && r.written == 0);
	free(manifest);
	diags_free(&d);

	/* Edits keep adding lines until they are half as many as the files;
	 * then the manifest is written whole again. */
	bool whole_again = false;
	for (int i = 0; i < 60 && !whole_again; i++) {
		char title[64];
		snprintf(title, sizeof title, "title: %d ", i);
		edit(&f, ACTION_SV, "title: ", title);
		r = build(&f, ACTION_SV, &errors);
		CHECK(errors == 0 && r.partial);
		size_t now = lines_of(f.out, &files);
		CHECK(now <= files + files / 2);
		whole_again = now < lines;
		lines = now;
	}
	CHECK(whole_again);
	CHECK(as_whole_build(&f));

	/* A new address is for a whole build: links to it change. */
	edit(&f, ACTION_FI, "title: ", "slug: uusi-osoite\ntitle: ");
	r = build(&f, ACTION_FI, &errors);
	CHECK(errors == 0 && !r.partial && r.pages == all);
	CHECK(as_whole_build(&f));

	/* A mistake is reported by a whole build, and the output stays. */
	edit(&f, ACTION_SV, "title: ", "title: TODO ");
	r = build(&f, ACTION_SV, &errors);
	CHECK(errors > 0 && !r.partial && r.pages == 0);
	edit(&f, ACTION_SV, "title: TODO ", "title: ");
	r = build(&f, ACTION_SV, &errors);
	CHECK(errors == 0 && !r.partial && r.pages == all);
	CHECK(as_whole_build(&f));

	/* A text deleted: a whole build says what is missing. */
	char *indicator = fs_join(f.content, INDICATOR), *saved;
	size_t saved_len;
	CHECK(fs_read(indicator, &saved, &saved_len) == 0);
	CHECK(unlink(indicator) == 0);
	r = build(&f, INDICATOR, &errors);
	CHECK(errors > 0 && !r.partial);
	CHECK(fs_write(indicator, saved, saved_len) == 0);
	r = build(&f, INDICATOR, &errors);
	CHECK(errors == 0 && !r.partial && r.pages == all);
	CHECK(as_whole_build(&f));
	free(saved);
	free(indicator);

	/* Files other than actions' and indicators' texts: a whole build. */
	append(&f, "fi/pages/about.md", "\nLisää tietoa.\n");
	r = build(&f, "fi/pages/about.md", &errors);
	CHECK(errors == 0 && !r.partial && r.pages == all);
	r = build(&f, "data/" PROGRAMME "/actions.yaml", &errors);
	CHECK(errors == 0 && !r.partial);

	/* Several files at once, or a change not known. */
	append(&f, ACTION_FI, "\nVielä yksi.\n");
	r = build(&f, NULL, &errors);
	CHECK(errors == 0 && !r.partial && r.pages == all);
	CHECK(as_whole_build(&f));

	pipeline_free(f.p);
	fs_remove_tree(dir);
	free(f.content);
	free(f.out);
	free(f.fresh);
	return harness_report();
}
