/* The floor under a build: what it costs to render every Markdown file of
 * a content directory with cmark-gfm (tables and the other extensions
 * porta uses) and write each as a page of its own, with nothing else.
 *   floor CONTENT_DIR OUT_DIR
 * Creates OUT_DIR (which must not exist) and prints the pages written. One thread: this is the work, not a schedule. */
#define _DEFAULT_SOURCE
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct {
	const char *out;
	cmark_llist *extensions;
	long pages;
} floor_t;

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	long size = ftell(f);
	rewind(f);
	char *data = malloc((size_t)size + 1);
	*len = data ? fread(data, 1, (size_t)size, f) : 0;
	fclose(f);
	return data;
}

/* The Markdown after the front matter. */
static const char *body(const char *text)
{
	if (strncmp(text, "---\n", 4) != 0)
		return text;
	const char *end = strstr(text + 4, "\n---\n");
	return end ? end + 5 : text;
}

static void render(floor_t *fl, const char *path)
{
	size_t len;
	char *text = read_file(path, &len);
	if (!text)
		return;
	text[len] = '\0';
	cmark_parser *parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	for (cmark_llist *e = fl->extensions; e; e = e->next)
		cmark_parser_attach_syntax_extension(parser, e->data);
	const char *md = body(text);
	cmark_parser_feed(parser, md, strlen(md));
	cmark_node *doc = cmark_parser_finish(parser);
	char *html = cmark_render_html(doc, CMARK_OPT_DEFAULT,
	                               cmark_parser_get_syntax_extensions(parser));
	char dir[4096], file[4200];
	snprintf(dir, sizeof dir, "%s/%ld", fl->out, fl->pages++);
	snprintf(file, sizeof file, "%s/index.html", dir);
	FILE *f = NULL;
	if (mkdir(dir, 0755) == 0 && (f = fopen(file, "wb"))) {
		fputs(html, f);
		fclose(f);
	}
	free(html);
	cmark_node_free(doc);
	cmark_parser_free(parser);
	free(text);
}

static void walk(floor_t *fl, const char *dir)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		size_t n = strlen(e->d_name);
		struct stat st;
		if (stat(path, &st) < 0)
			continue;
		if (S_ISDIR(st.st_mode))
			walk(fl, path);
		else if (n > 3 && strcmp(e->d_name + n - 3, ".md") == 0)
			render(fl, path);
	}
	closedir(d);
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: floor CONTENT_DIR OUT_DIR\n", stderr);
		return 2;
	}
	if (mkdir(argv[2], 0755) < 0) {
		perror(argv[2]);
		return 1;
	}
	cmark_gfm_core_extensions_ensure_registered();
	floor_t fl = {argv[2], NULL, 0};
	const char *names[] = {"table", "autolink", "strikethrough"};
	cmark_mem *mem = cmark_get_default_mem_allocator();
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		fl.extensions = cmark_llist_append(mem, fl.extensions,
		                                   cmark_find_syntax_extension(names[i]));
	walk(&fl, argv[1]);
	cmark_llist_free(mem, fl.extensions);
	printf("%ld\n", fl.pages);
	return 0;
}
