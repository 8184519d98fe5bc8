/* Writes a synthetic programme for benchmarks: N actions and M indicators
 * in Finnish and Swedish, with Markdown bodies of realistic length
 * (headings, a list, a table, links between actions). Deterministic: the
 * same arguments give the same bytes.
 *   gen DIR ACTIONS INDICATORS */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static unsigned long long state = 88172645463325252ull;

/* xorshift64: small, fast, the same everywhere. */
static unsigned next(unsigned n)
{
	state ^= state << 13;
	state ^= state >> 7;
	state ^= state << 17;
	return (unsigned)(state % n);
}

static void mkdirs(const char *path)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "%s", path);
	for (char *p = buf + 1; *p; p++) {
		if (*p == '/') {
			*p = '\0';
			mkdir(buf, 0755);
			*p = '/';
		}
	}
	if (mkdir(buf, 0755) < 0 && errno != EEXIST) {
		perror(buf);
		exit(1);
	}
}

static FILE *open_file(const char *fmt, ...)
{
	char path[4096];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(path, sizeof path, fmt, ap);
	va_end(ap);
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	return f;
}

static const char *const words_fi[] = {
	"palvelu", "asukas", "kaupunki", "digitaalinen", "tieto", "järjestelmä",
	"kehittäminen", "asiakas", "sähköinen", "prosessi", "henkilöstö",
	"ilmasto", "hankinta", "raportti", "yhteistyö", "verkko", "käyttäjä",
	"arkisto", "tekoäly", "palautteet"};
static const char *const words_sv[] = {
	"tjänst", "invånare", "stad", "digital", "information", "system",
	"utveckling", "kund", "elektronisk", "process", "personal", "klimat",
	"upphandling", "rapport", "samarbete", "nät", "användare", "arkiv",
	"artificiell", "respons"};

static void sentence(FILE *f, const char *const *words, int n)
{
	for (int i = 0; i < n; i++) {
		const char *w = words[next(20)];
		if (i == 0)
			fprintf(f, "%c%s", w[0] - 32, w + 1);
		else
			fprintf(f, " %s", w);
	}
	fputs(". ", f);
}

static void paragraph(FILE *f, const char *const *words)
{
	int sentences = 3 + (int)next(4);
	for (int i = 0; i < sentences; i++)
		sentence(f, words, 6 + (int)next(8));
	fputs("\n\n", f);
}

static const char *const statuses[] = {"done", "started", "planned",
                                       "cancelled", "unknown"};
static const char *const themes[] = {"a", "b", "c", "k"};

static void data(const char *dir, int actions, int indicators)
{
	FILE *f = open_file("%s/site.yaml", dir);
	fputs("base_url: https://example.org/\nlanguages: [fi, sv]\n"
	      "title: { fi: Testiohjelma, sv: Testprogram }\n"
	      "organisation: { fi: Testikunta, sv: Testkommun }\n"
	      "theme: default\ncurrent_programme: bench\n"
	      "contact_email: palaute@example.org\n", f);
	fclose(f);
	f = open_file("%s/data/units.yaml", dir);
	for (int i = 0; i < 10; i++)
		fprintf(f, "- id: unit-%d\n", i);
	fclose(f);
	f = open_file("%s/data/bench/programme.yaml", dir);
	fputs("period: [2024, 2026]\nstatus: active\n"
	      "decision: { body: kaupunginhallitus, date: 2024-01-22, section: 25 }\n"
	      "themes:\n  - { id: a, code: A, kind: goal }\n"
	      "  - { id: b, code: B, kind: goal }\n"
	      "  - { id: c, code: C, kind: goal }\n"
	      "  - { id: k, code: K, kind: capability }\n"
	      "follow_ups:\n  - { year: 2024, date: 2024-10-31 }\n"
	      "  - { year: 2025, date: 2025-10-31 }\n", f);
	fclose(f);
	f = open_file("%s/data/bench/actions.yaml", dir);
	for (int i = 1; i <= actions; i++) {
		const char *t = themes[next(4)];
		fprintf(f, "- id: x%d\n  code: %c%d\n  theme: %s\n", i, t[0] - 32, i, t);
		fprintf(f, "  years: [%d]\n", 2024 + (int)next(3));
		fprintf(f, "  status: { 2024: %s, 2025: %s }\n", statuses[next(5)],
		        statuses[next(5)]);
		fprintf(f, "  responsible: [unit-%u]\n", next(10));
		fprintf(f, "  cost_class: %c\n  impact_class: %c\n", "SML"[next(3)],
		        "SML"[next(3)]);
		fprintf(f, "  beneficiaries: [residents, staff]\n");
		if (actions > 1)
			fprintf(f, "  related: [x%d]\n", 1 + (i % actions));
		fputc('\n', f);
	}
	fclose(f);
	f = open_file("%s/data/bench/indicators.yaml", dir);
	for (int i = 1; i <= indicators; i++) {
		fprintf(f, "- id: m%d\n  theme: %s\n  unit: count\n  direction: up\n"
		           "  target: %u\n  values: { 2023: %u, 2024: %u, 2025: %u }\n\n",
		        i, themes[next(4)], 100 + next(900), next(1000), next(1000),
		        next(1000));
	}
	fclose(f);
}

static void words(const char *dir, const char *lang, const char *const *w,
                  int actions, int indicators)
{
	FILE *f = open_file("%s/%s/_index.md", dir, lang);
	fprintf(f, "---\ntitle: %s\n---\n", lang[0] == 'f' ? "Testiohjelma"
	                                                     : "Testprogram");
	paragraph(f, w);
	fclose(f);
	f = open_file("%s/%s/units.yaml", dir, lang);
	for (int i = 0; i < 10; i++)
		fprintf(f, "unit-%d: Yksikkö %d\n", i, i);
	fclose(f);
	f = open_file("%s/%s/bench/_index.md", dir, lang);
	fprintf(f, "---\ntitle: Ohjelma %s\n---\n", lang);
	paragraph(f, w);
	fclose(f);
	for (int i = 0; i < 4; i++) {
		f = open_file("%s/%s/bench/themes/%s.md", dir, lang, themes[i]);
		fprintf(f, "---\ntitle: Teema %s\nsummary: ", themes[i]);
		sentence(f, w, 8);
		fputs("\n---\n", f);
		paragraph(f, w);
		fclose(f);
	}
	for (int i = 1; i <= actions; i++) {
		f = open_file("%s/%s/bench/actions/x%d.md", dir, lang, i);
		fputs("---\ntitle: ", f);
		sentence(f, w, 5);
		fputs("\nproblem: ", f);
		sentence(f, w, 10);
		fputs("\nsummary: ", f);
		sentence(f, w, 12);
		fputs("\nupdates:\n  - date: 2025-03-14\n    text: ", f);
		sentence(f, w, 10);
		fputs("\n---\n", f);
		paragraph(f, w);
		fputs("## Tausta\n\n", f);
		paragraph(f, w);
		fputs("- ", f);
		sentence(f, w, 6);
		fputs("\n- ", f);
		sentence(f, w, 6);
		fputs("\n- ", f);
		sentence(f, w, 6);
		fputs("\n\n| Vuosi | Vaihe |\n|---|---|\n| 2024 | alku |\n"
		      "| 2025 | toteutus |\n\n", f);
		fprintf(f, "Katso myös [toimenpide](action:x%u) ja [toinen](x%u.md).\n\n",
		        1 + next((unsigned)actions), 1 + next((unsigned)actions));
		fputs("## Tavoitteet\n\n", f);
		paragraph(f, w);
		fclose(f);
	}
	for (int i = 1; i <= indicators; i++) {
		f = open_file("%s/%s/bench/indicators/m%d.md", dir, lang, i);
		fputs("---\ntitle: ", f);
		sentence(f, w, 4);
		fputs("\ntarget: ", f);
		sentence(f, w, 5);
		fputs("\n---\n", f);
		paragraph(f, w);
		fclose(f);
	}
	f = open_file("%s/%s/pages/about.md", dir, lang);
	fputs("---\ntitle: Tietoa\n---\n", f);
	paragraph(f, w);
	fclose(f);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fputs("usage: gen DIR ACTIONS INDICATORS\n", stderr);
		return 2;
	}
	const char *dir = argv[1];
	int actions = atoi(argv[2]), indicators = atoi(argv[3]);
	static const char *const subdirs[] = {
		"data/bench", "fi/bench/themes", "fi/bench/actions",
		"fi/bench/indicators", "fi/pages", "sv/bench/themes",
		"sv/bench/actions", "sv/bench/indicators", "sv/pages"};
	char path[4096];
	for (size_t i = 0; i < sizeof subdirs / sizeof *subdirs; i++) {
		snprintf(path, sizeof path, "%s/%s", dir, subdirs[i]);
		mkdirs(path);
	}
	data(dir, actions, indicators);
	words(dir, "fi", words_fi, actions, indicators);
	words(dir, "sv", words_sv, actions, indicators);
	return 0;
}
