#include "words.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

/* Decodes one UTF-8 character; returns its length (1 for a bad byte). */
static size_t decode(const unsigned char *s, size_t avail, unsigned *cp)
{
	if (s[0] < 0x80 || avail < 2) {
		*cp = s[0];
		return 1;
	}
	if ((s[0] & 0xe0) == 0xc0) {
		*cp = ((s[0] & 0x1fu) << 6) | (s[1] & 0x3fu);
		return 2;
	}
	if ((s[0] & 0xf0) == 0xe0 && avail >= 3) {
		*cp = ((s[0] & 0x0fu) << 12) | ((s[1] & 0x3fu) << 6) | (s[2] & 0x3fu);
		return 3;
	}
	if ((s[0] & 0xf8) == 0xf0 && avail >= 4) {
		*cp = ((s[0] & 0x07u) << 18) | ((s[1] & 0x3fu) << 12) |
		      ((s[2] & 0x3fu) << 6) | (s[3] & 0x3fu);
		return 4;
	}
	*cp = s[0];
	return 1;
}

/* Writes a Latin letter (below U+0800) in UTF-8 to to; returns its
 * length, 1 or 2. */
static size_t encode(char *to, unsigned cp)
{
	if (cp < 0x80) {
		to[0] = (char)cp;
		return 1;
	}
	to[0] = (char)(0xc0 | (cp >> 6));
	to[1] = (char)(0x80 | (cp & 0x3f));
	return 2;
}

/* The three characters outside Latin-1 and Latin Extended-A that
 * JavaScript's toLowerCase turns into letters of theirs: ẞ into ß, the
 * Kelvin sign into k and the Ångström sign into å. */
enum { CAPITAL_SHARP_S = 0x1e9e, KELVIN = 0x212a, ANGSTROM = 0x212b };

/* Latin letters, including those of Finnish, Swedish and their
 * neighbours (Latin-1 and Latin Extended-A, without × and ÷). */
static bool is_letter(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
	       (cp >= '0' && cp <= '9') ||
	       (cp >= 0xc0 && cp <= 0x17f && cp != 0xd7 && cp != 0xf7) ||
	       cp == CAPITAL_SHARP_S || cp == KELVIN || cp == ANGSTROM;
}

static unsigned lower(unsigned cp)
{
	if (cp >= 'A' && cp <= 'Z')
		return cp + 32;
	if (cp >= 0xc0 && cp <= 0xde && cp != 0xd7)
		return cp + 32;
	/* Latin Extended-A pairs upper and lower, the upper even in most of
	 * it and odd where ĸ and ŉ, which have none, shift the pairs (Ĺ-ň,
	 * Ź-ž); Ÿ's lower is Latin-1's ÿ. As JavaScript's toLowerCase, which
	 * the search page lowercases queries with. */
	if ((cp >= 0x100 && cp <= 0x137) || (cp >= 0x14a && cp <= 0x177))
		return cp & 1 ? cp : cp + 1;
	if ((cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17e))
		return cp & 1 ? cp + 1 : cp;
	switch (cp) {
	case 0x178: return 0xff;
	case CAPITAL_SHARP_S: return 0xdf;
	case KELVIN: return 'k';
	case ANGSTROM: return 0xe5;
	}
	return cp;
}

/* Each byte that is an ASCII letter or digit, lowercased; 0 for any
 * other byte. */
#define L(c) [c] = c, [c - 32] = c
#define D(c) [c] = c
static const char ascii_word[256] = {
	L('a'), L('b'), L('c'), L('d'), L('e'), L('f'), L('g'), L('h'), L('i'),
	L('j'), L('k'), L('l'), L('m'), L('n'), L('o'), L('p'), L('q'), L('r'),
	L('s'), L('t'), L('u'), L('v'), L('w'), L('x'), L('y'), L('z'),
	D('0'), D('1'), D('2'), D('3'), D('4'), D('5'), D('6'), D('7'), D('8'),
	D('9'),
};
#undef L
#undef D

/* For a letter of U+00C0-U+00FF (UTF-8 0xc3 and this byte): the second
 * byte of its lowercase; 0 for any other byte (× and ÷ are no letters).
 * Finnish and Swedish words are full of them: ä, ö and å skip decode. */
#define U(b) [b] = b + 0x20, [b + 0x20] = b + 0x20
#define S(b) [b] = b
static const unsigned char latin1_word[256] = {
	U(0x80), U(0x81), U(0x82), U(0x83), U(0x84), U(0x85), U(0x86), U(0x87),
	U(0x88), U(0x89), U(0x8a), U(0x8b), U(0x8c), U(0x8d), U(0x8e), U(0x8f),
	U(0x90), U(0x91), U(0x92), U(0x93), U(0x94), U(0x95), U(0x96),
	U(0x98), U(0x99), U(0x9a), U(0x9b), U(0x9c), U(0x9d), U(0x9e), S(0x9f),
	S(0xbf),
};
#undef U
#undef S

void words_each(const char *text, size_t len, bool html,
                void (*each)(const char *word, size_t len, void *ctx),
                void *ctx)
{
	const unsigned char *s = (const unsigned char *)text;
	/* A lowercased letter takes at most twice its bytes (a stray lead
	 * byte is decoded as itself, a letter of two): no check as the word
	 * grows. Most texts are short enough for the stack. */
	char room[16384];
	char *word = 2 * len + 1 <= sizeof room ? room : xmalloc(2 * len + 1);
	size_t w = 0;
	for (size_t i = 0; i <= len;) {
		/* Most letters are ASCII or Latin-1: straight into the word. */
		for (; i < len; i++) {
			if (ascii_word[s[i]]) {
				word[w++] = ascii_word[s[i]];
			} else if (s[i] == 0xc3 && i + 1 < len && latin1_word[s[i + 1]]) {
				word[w++] = (char)0xc3;
				word[w++] = (char)latin1_word[s[++i]];
			} else {
				break;
			}
		}
		unsigned cp = 0;
		size_t n = i < len ? decode(s + i, len - i, &cp) : 1;
		if (cp == 0x130) {
			/* İ lowercases to i and a combining dot above, which is
			 * no letter: the word ends after the i, as in JavaScript. */
			word[w++] = 'i';
			cp = 0x307;
		}
		if (cp >= 0x80 && is_letter(cp)) {
			w += encode(word + w, lower(cp));
			i += n;
			continue;
		}
		/* A hyphen between letters joins them. */
		if (cp == '-' && w && i + 1 < len) {
			unsigned next;
			decode(s + i + 1, len - i - 1, &next);
			if (is_letter(next)) {
				i++;
				continue;
			}
		}
		if (w) {
			word[w] = '\0';
			each(word, w, ctx);
			w = 0;
		}
		if (html && cp == '<') {
			/* A tag has no words: on after its end. */
			const unsigned char *gt = memchr(s + i, '>', len - i);
			i = gt ? (size_t)(gt - s) + 1 : len + 1;
			continue;
		}
		i += n;
	}
	if (word != room)
		free(word);
}

/* The place of a character in the Finnish and Swedish alphabet: letters
 * by their base letter, then å, ä/æ, ö/ø after z; other characters
 * before letters, in code point order. */
static unsigned rank(unsigned cp)
{
	cp = lower(cp);
	static const struct {
		unsigned cp;
		char base;
	} accents[] = {
		{0xe0, 'a'}, {0xe1, 'a'}, {0xe2, 'a'}, {0xe3, 'a'}, {0xe7, 'c'},
		{0xe8, 'e'}, {0xe9, 'e'}, {0xea, 'e'}, {0xeb, 'e'}, {0xec, 'i'},
		{0xed, 'i'}, {0xee, 'i'}, {0xef, 'i'}, {0xf1, 'n'}, {0xf2, 'o'},
		{0xf3, 'o'}, {0xf4, 'o'}, {0xf5, 'o'}, {0xf9, 'u'}, {0xfa, 'u'},
		{0xfb, 'u'}, {0xfc, 'y'}, {0xfd, 'y'}, {0x161, 's'}, {0x17e, 'z'},
	};
	for (size_t i = 0; cp >= 0xe0 && i < sizeof accents / sizeof *accents; i++)
		if (accents[i].cp == cp)
			cp = (unsigned)accents[i].base;
	if (cp >= 'a' && cp <= 'z')
		return 0x10000 + (cp - 'a') * 2;
	if (cp >= '0' && cp <= '9')
		return 0x8000 + cp;
	switch (cp) {
	case 0xe5: return 0x10000 + 26 * 2;       /* å */
	case 0xe4: case 0xe6: return 0x10000 + 27 * 2; /* ä, æ */
	case 0xf6: case 0xf8: return 0x10000 + 28 * 2; /* ö, ø */
	}
	return cp < 0x8000 ? cp : 0x20000 + cp;
}

void words_key(buf_t *out, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		unsigned cp;
		i += decode(p + i, len - i, &cp);
		/* Ranks are below 2^24: three bytes, most significant first. */
		unsigned r = rank(cp);
		buf_putc(out, (char)(r >> 16));
		buf_putc(out, (char)(r >> 8));
		buf_putc(out, (char)r);
	}
}

void words_initial(const char *s, char out[8])
{
	const unsigned char *p = (const unsigned char *)s;
	size_t len = strlen(s);
	strcpy(out, "#");
	for (size_t i = 0; i < len;) {
		unsigned cp;
		i += decode(p + i, len - i, &cp);
		if (cp >= '0' && cp <= '9')
			return;
		if (!is_letter(cp))
			continue; /* quotes and the like before the first letter */
		unsigned r = rank(cp);
		size_t n;
		if (r >= 0x10000 && r < 0x10000 + 26 * 2) {
			out[0] = (char)('A' + (r - 0x10000) / 2);
			n = 1;
		} else {
			n = encode(out, r == 0x10000 + 26 * 2   ? 0xc5 /* Å */
			                : r == 0x10000 + 27 * 2 ? 0xc4 /* Ä */
			                : r == 0x10000 + 28 * 2 ? 0xd6 /* Ö */
			                                        : cp);
		}
		out[n] = '\0';
		return;
	}
}
