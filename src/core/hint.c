#include "hint.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* Optimal string alignment distance: Levenshtein plus transposition of two
 * adjacent characters, the commonest typo ("staus", "stauts"). */
static size_t distance(const char *a, const char *b)
{
	size_t n = strlen(a), m = strlen(b);
	size_t *d = xmalloc((n + 1) * (m + 1) * sizeof *d);
#define D(i, j) d[(i) * (m + 1) + (j)]
	for (size_t i = 0; i <= n; i++)
		D(i, 0) = i;
	for (size_t j = 0; j <= m; j++)
		D(0, j) = j;
	for (size_t i = 1; i <= n; i++) {
		for (size_t j = 1; j <= m; j++) {
			size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
			size_t best = D(i - 1, j) + 1;
			if (D(i, j - 1) + 1 < best)
				best = D(i, j - 1) + 1;
			if (D(i - 1, j - 1) + cost < best)
				best = D(i - 1, j - 1) + cost;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
			    a[i - 2] == b[j - 1] && D(i - 2, j - 2) + 1 < best)
				best = D(i - 2, j - 2) + 1;
			D(i, j) = best;
		}
	}
	size_t result = D(n, m);
#undef D
	free(d);
	return result;
}

const char *hint_closest_strided(const char *word, const void *base, size_t n,
                                 size_t stride)
{
	size_t len = strlen(word);
	/* In a word of one or two letters every edit is a guess ("x" is as
	 * close to "a" as to "k"); longer words allow one edit in three. */
	if (len < 3)
		return NULL;
	size_t limit = len / 3 + (len > 4);
	const char *best = NULL;
	size_t best_d = limit + 1;
	for (size_t i = 0; i < n; i++) {
		const char *cand = *(const char *const *)((const char *)base + i * stride);
		if (!cand || strcmp(cand, word) == 0)
			continue;
		size_t dist = distance(word, cand);
		if (dist < best_d) {
			best = cand;
			best_d = dist;
		}
	}
	return best;
}

const char *hint_closest(const char *word, const char *const *candidates)
{
	size_t n = 0;
	while (candidates[n])
		n++;
	return hint_closest_strided(word, candidates, n, sizeof(const char *));
}
