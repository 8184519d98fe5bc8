/* The message catalogues: every id of messages.def has a Finnish and a
 * Swedish text and fix with the same placeholders, every term has all
 * three languages, and messages with terms in their arguments come out
 * right in each language. */
#include "harness.h"

#include <errno.h>
#include <stdlib.h>

#include "core/diag.h"
#include "core/report.h"
#include "core/terms.h"
#include "core/value.h"
#include "model/enums.h"

typedef struct {
	const char *id, *text, *fix;
} entry_t;

/* Read here from the files themselves, so that an id missing from a
 * translation is an empty entry and not diag.c's fallback to English. */
#define MSG(id, text, fix) [MSG_##id] = {#id, text, fix},
static const entry_t en[MSG_COUNT] = {
#include "core/messages.def"
};
static const entry_t fi[MSG_COUNT] = {
#include "core/messages-fi.def"
};
static const entry_t sv[MSG_COUNT] = {
#include "core/messages-sv.def"
};
#undef MSG

static const char *const terms[TERM_COUNT][4] = {
#define TERM(key, e, f, s) {#key, e, f, s},
#include "core/terms.def"
#undef TERM
};

/* The placeholders a text uses: bit n-1 for {n}, bit 4 for {s}. */
static unsigned placeholders(const char *s)
{
	unsigned set = 0;
	for (; s && *s; s++) {
		if (s[0] != '{' || !s[1] || s[2] != '}')
			continue;
		if (s[1] >= '1' && s[1] <= '4')
			set |= 1u << (s[1] - '1');
		else if (s[1] == 's')
			set |= 1u << 4;
	}
	return set;
}

static void same_placeholders(const char *what, const char *id,
                              const char *english, const char *other)
{
	bool ok = placeholders(english) == placeholders(other);
	CHECK(ok);
	if (!ok)
		printf("  %s %s: [%s] has other placeholders than [%s]\n", what,
		       id, other, english);
}

static void check_catalogue(const char *name, const entry_t *tr)
{
	for (int m = 0; m < MSG_COUNT; m++) {
		const entry_t *e = &en[m], *t = &tr[m];
		bool present = t->id && t->text && *t->text && t->fix &&
		               (*t->fix != '\0') == (*e->fix != '\0');
		CHECK(present);
		if (!present) {
			printf("  %s: no translation of %s\n", name, e->id);
			continue;
		}
		same_placeholders(name, e->id, e->text, t->text);
		same_placeholders(name, e->id, e->fix, t->fix);
		/* A copied English text is not a translation. */
		bool translated = strcmp(e->text, t->text) != 0;
		CHECK(translated);
		if (!translated)
			printf("  %s: %s is still in English\n", name, e->id);
	}
}

static void test_catalogues(void)
{
	check_catalogue("messages-fi.def", fi);
	check_catalogue("messages-sv.def", sv);
}

static void test_terms(void)
{
	for (int t = 0; t < TERM_COUNT; t++) {
		for (int l = 1; l <= 3; l++) {
			bool present = terms[t][l] && *terms[t][l];
			CHECK(present);
			if (!present)
				printf("  term %s has no text in language %d\n",
				       terms[t][0], l);
			else
				same_placeholders("term", terms[t][0], terms[t][1],
				                  terms[t][l]);
		}
		/* A term alone expands to its text in every language. */
		for (msg_lang_t l = 0; l < MSG_LANG_COUNT; l++) {
			buf_t b = BUF_INIT;
			term_expand(&b, term((term_id_t)t), l);
			if (!placeholders(terms[t][1]))
				CHECK_STR(buf_cstr(&b), term_text((term_id_t)t, l));
			buf_free(&b);
		}
	}
	/* The English of the errno terms is strerror's, as before them. */
	CHECK_STR(term_text(TERM_ERRNO_NOENT, MSG_LANG_EN), strerror(ENOENT));
	CHECK_STR(term_text(TERM_ERRNO_ACCES, MSG_LANG_EN), strerror(EACCES));
	CHECK_STR(term_text(TERM_ERRNO_ISDIR, MSG_LANG_EN), strerror(EISDIR));
	CHECK_STR(term_text(TERM_ERRNO_NOTDIR, MSG_LANG_EN), strerror(ENOTDIR));
	CHECK_STR(term_errno(EPERM), strerror(EPERM));
}

/* Expands s in lang and compares. */
static void expands(const char *s, msg_lang_t lang, const char *want)
{
	buf_t b = BUF_INIT;
	term_expand(&b, s, lang);
	CHECK_STR(buf_cstr(&b), want);
	buf_free(&b);
}

static void test_term_markers(void)
{
	arena_t *a = arena_new();
	char list[64];
	snprintf(list, sizeof list, "a, b %s c", term(TERM_OR));
	expands(list, MSG_LANG_EN, "a, b or c");
	expands(list, MSG_LANG_FI, "a, b tai c");
	expands(list, MSG_LANG_SV, "a, b eller c");
	expands(term_with(a, TERM_FOR_EXAMPLE, "title", "..."), MSG_LANG_SV,
	        "till exempel: title: ...");
	/* Fewer arguments than placeholders leave those empty. */
	expands(term_with(a, TERM_FOR_EXAMPLE, "title"), MSG_LANG_EN,
	        "for example: title: ");
	/* Markers in arguments cannot end a term early. */
	expands(term_with(a, TERM_THE_ACTION, "x\x1e" "OR\x1ey\x1fz"),
	        MSG_LANG_FI, "toimenpide 'x?OR?y?z'");
	/* What is not a whole, known term is copied as it is. */
	expands("\x1eNO_SUCH_TERM\x1e!", MSG_LANG_FI, "\x1eNO_SUCH_TERM\x1e!");
	expands("a \x1eOR", MSG_LANG_FI, "a \x1eOR");
	expands("\x1e\x1e" "OR\x1e", MSG_LANG_SV, "\x1e" "eller");
	expands("", MSG_LANG_SV, "");
	arena_free(a);

	msg_lang_t lang = MSG_LANG_EN;
	CHECK(msg_lang_named("fi", &lang) && lang == MSG_LANG_FI);
	CHECK(msg_lang_named("sv", &lang) && lang == MSG_LANG_SV);
	CHECK(msg_lang_named("en", &lang) && lang == MSG_LANG_EN);
	CHECK(!msg_lang_named("xx", &lang) && lang == MSG_LANG_EN);
	CHECK(!msg_lang_named("FI", &lang));
}

/* The message and fix of the last diagnostic of d in lang. */
static void says(const diags_t *d, msg_lang_t lang, const char *msg,
                 const char *fix)
{
	const diag_t *g = &d->items[d->len - 1];
	char *m = diag_message(g, lang), *f = diag_fix(g, lang);
	CHECK_STR(m, msg);
	CHECK_STR(f, fix);
	free(m);
	free(f);
}

static void test_formatting(void)
{
	diags_t d;
	diags_init(&d);
	pos_t pos = {3, 4};

	diag_error(&d, "a.md", pos, MSG_WRONG_TYPE, "title", term(TERM_KIND_TEXT),
	           val_kind_name(VAL_LIST), term(TERM_EXAMPLE_LINE));
	says(&d, MSG_LANG_EN, "'title' should be text, not a list",
	     "write text here, for example: a line of text after the colon");
	says(&d, MSG_LANG_FI, "'title': arvon pitää olla teksti, ei lista",
	     "kirjoita tähän teksti, esimerkiksi: tekstirivi kaksoispisteen "
	     "jälkeen");
	says(&d, MSG_LANG_SV, "'title' ska vara text, inte en lista",
	     "skriv text här, till exempel: en rad text efter kolonet");

	diag_error(&d, "a.yaml", pos, MSG_MISSING_TRANSLATION,
	           term_with(d.arena, TERM_THE_ACTION, "k1"), "sv",
	           "content/sv/p/actions/k1.md");
	says(&d, MSG_LANG_EN, "the action 'k1' has no sv text",
	     "create content/sv/p/actions/k1.md (a missing translation is "
	     "allowed only in a --draft build)");
	says(&d, MSG_LANG_FI, "toimenpide 'k1': sv-kielinen teksti puuttuu",
	     "lisää content/sv/p/actions/k1.md (käännös saa puuttua vain "
	     "--draft-luonnoksessa)");
	says(&d, MSG_LANG_SV, "åtgärden 'k1' har ingen text på sv",
	     "lägg till content/sv/p/actions/k1.md (en översättning får saknas "
	     "bara i ett utkast som byggs med --draft)");

	char *list = enum_list(ENUM_STATUS);
	diag_error(&d, "a.yaml", pos, MSG_BAD_ENUM, "startd",
	           term(enum_def(ENUM_STATUS)->what), list);
	says(&d, MSG_LANG_EN, "'startd' is not a known status",
	     "use one of: done, started, planned, cancelled or unknown");
	says(&d, MSG_LANG_FI, "'startd' ei ole tunnettu tila",
	     "käytä jotakin näistä: done, started, planned, cancelled tai "
	     "unknown");
	says(&d, MSG_LANG_SV, "'startd' är inte en status som porta känner till",
	     "använd något av följande: done, started, planned, cancelled "
	     "eller unknown");
	/* "Did you mean" in each language. */
	diag_suggest(&d, "a.yaml", pos, "started", MSG_BAD_ENUM, "startd",
	             term(enum_def(ENUM_STATUS)->what), list);
	free(list);
	says(&d, MSG_LANG_EN, "'startd' is not a known status",
	     "did you mean 'started'?");
	says(&d, MSG_LANG_FI, "'startd' ei ole tunnettu tila",
	     "tarkoititko 'started'?");
	says(&d, MSG_LANG_SV, "'startd' är inte en status som porta känner till",
	     "menade du 'started'?");

	diag_error(&d, "a.yaml", pos, MSG_MISSING_KEY, "years",
	           term_with(d.arena, TERM_FOR_EXAMPLE, "years", "[2025]"));
	says(&d, MSG_LANG_EN, "'years' is missing",
	     "add 'years:' here; for example: years: [2025]");
	says(&d, MSG_LANG_FI, "'years' puuttuu",
	     "lisää tähän 'years:'; esimerkiksi: years: [2025]");

	diag_warning(&d, "a.md", POS_NONE, MSG_READ_FAILED, term_errno(ENOENT));
	says(&d, MSG_LANG_EN, "cannot read this file: No such file or directory",
	     "check that it exists and that you may read it");
	says(&d, MSG_LANG_SV, "filen kan inte läsas: filen eller mappen finns "
	     "inte", "kontrollera att filen finns och att du har rätt att läsa "
	     "den");

	/* The summary line, with the plural the counts need. */
	char *s = diags_summary(&d, MSG_LANG_EN);
	CHECK_STR(s, "5 errors, 1 warning; nothing was written");
	free(s);
	s = diags_summary(&d, MSG_LANG_FI);
	CHECK_STR(s, "5 virhettä, 1 varoitus; mitään ei kirjoitettu");
	free(s);
	s = diags_summary(&d, MSG_LANG_SV);
	CHECK_STR(s, "5 fel, 1 varning; ingenting skrevs");
	free(s);

	/* Text names the severity in the language; JSON keeps it for
	 * programs. */
	diags_sort(&d);
	buf_t b = BUF_INIT;
	report_write(&b, &d, REPORT_TEXT, MSG_LANG_FI);
	CHECK(strstr(buf_cstr(&b), "a.md:3:4: virhe: 'title': arvon pitää olla "
	                           "teksti, ei lista \xe2\x80\x94 kirjoita tähän "));
	CHECK(strstr(buf_cstr(&b), "a.md: varoitus: tiedostoa ei voi lukea: "));
	buf_reset(&b);
	report_write(&b, &d, REPORT_JSON, MSG_LANG_SV);
	CHECK(strstr(buf_cstr(&b), "\"severity\": \"error\", \"message\": "
	                           "\"'title' ska vara text, inte en lista\""));
	buf_reset(&b);
	report_write(&b, &d, REPORT_GITHUB, MSG_LANG_SV);
	CHECK(strstr(buf_cstr(&b), "::error file=a.yaml,line=3,col=4,title=porta::"
	                           "åtgärden 'k1' har ingen text på sv"));
	CHECK(!strchr(buf_cstr(&b), '\x1e'));
	buf_free(&b);
	diags_free(&d);
}

int main(void)
{
	test_catalogues();
	test_terms();
	test_term_markers();
	test_formatting();
	return harness_report();
}
