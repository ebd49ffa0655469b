/*
 * test_wildmat.c - LIST/LSUB patterns (src/util/wildmat.c): a table of
 * RFC2060 §6.3.8 cases, agreement with an obvious backtracking matcher
 * on every short pattern and name over a small alphabet, and the cost
 * bound counted in word operations (no clocks).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "util/wildmat.h"

static bool match(const char *pat, const char *name, size_t fold)
{
	struct wildmat *wm = wildmat_new(pat, '.', 4096);
	assert_non_null(wm);
	bool m = wildmat_match(wm, name, fold, NULL);
	wildmat_free(&wm);
	assert_null(wm);
	return m;
}

static void test_table(void **state)
{
	static const struct {
		const char *pat, *name;
		size_t fold;
		bool match;
	} cases[] = {
		{ "*", "INBOX", 0, true },
		{ "*", "", 0, true },
		{ "%", "", 0, true },
		{ "", "", 0, true },
		{ "", "a", 0, false },
		{ "a", "", 0, false },
		{ "*", "a.b.c", 0, true },
		{ "%", "a", 0, true },
		{ "%", "a.b", 0, false },
		{ "%", ".", 0, false },
		{ "a.%", "a.b", 0, true },
		{ "a.%", "a.", 0, true },
		{ "a.%", "a.b.c", 0, false },
		{ "a*", "a.b.c", 0, true },
		{ "a%", "a.b", 0, false },
		{ "a%", "abc", 0, true },
		{ "%.b", "a.b", 0, true },
		{ "%.%", "a.b", 0, true },
		{ "%.%", "a.b.c", 0, false },
		{ "%.*", "a.b.c", 0, true },
		{ "*b", "a.b", 0, true },
		{ "*.c", "a.b.c", 0, true },
		{ "%.c", "a.b.c", 0, false },
		{ "a", "a", 0, true },
		{ "a", "A", 0, false },
		{ "a", "A", 1, true },
		{ "inbox", "INBOX", 5, true },
		{ "inbox", "INBOX", 0, false },
		{ "InBox.%", "INBOX.x", 5, true },
		{ "inbox.X", "INBOX.x", 5, false },
		{ "inb*", "INBOX", 5, true },
		{ "x*y", "xay", 0, true },
		{ "x*y", "xa.by", 0, true },
		{ "x%y", "xa.by", 0, false },
		{ "x%y", "xy", 0, true },
		{ "**", "a.b", 0, true },
		{ "%%", "ab", 0, true },
		{ "%*%", "a.b", 0, true },
		{ "%%%", "a.b", 0, false },
		{ "*a%b", "a.xab", 0, true },   /* "*" must give back what "%" cannot take */
		{ "*a%b", "a.xa.b", 0, false },
		{ "%a*b", "xa.yb", 0, true },
		{ "a*a*a", "aa", 0, false },
		{ "a*a*a", "aaa", 0, true },
		{ "*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, false },
		{ "*a*a*a*a*a*a*a*a*a*a*", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 0, true },
		{ "caf\xc3\xa9*", "caf\xc3\xa9.x", 0, true },   /* octets, whatever they are */
		{ "&ZeVnLIqe-.%", "&ZeVnLIqe-.x", 0, true },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		bool m = match(cases[i].pat, cases[i].name, cases[i].fold);
		if (m != cases[i].match)
			fail_msg("match(\"%s\", \"%s\", %zu) = %d", cases[i].pat, cases[i].name,
				 cases[i].fold, m);
	}
}

/* The definition, written the obvious way (exponential, fine for short
 * strings). */
static bool ref_match(const char *p, const char *n, size_t pos, size_t fold)
{
	if (*p == '\0')
		return n[pos] == '\0';
	if (*p == '*' || *p == '%') {
		for (size_t i = pos;; i++) {
			if (ref_match(p + 1, n, i, fold))
				return true;
			if (n[i] == '\0' || (*p == '%' && n[i] == '.'))
				return false;
		}
	}
	char c = n[pos];
	if (c == '\0')
		return false;
	bool same = pos < fold ? (*p | 0x20) == (c | 0x20) : *p == c;
	return same && ref_match(p + 1, n, pos + 1, fold);
}

/* Every pattern of up to 5 symbols over {a, b, ., *, %} against every
 * name of up to 6 octets over {a, b, .}, and folded names over {a, A, .}. */
static void test_exhaustive(void **state)
{
	static const char palpha[] = "ab.*%", nalpha[] = "ab.", falpha[] = "aA.";
	char pat[8], name[8];
	size_t npat = 0;
	for (size_t plen = 0; plen <= 5; plen++) {
		size_t pcount = 1;
		for (size_t k = 0; k < plen; k++)
			pcount *= 5;
		for (size_t pi = 0; pi < pcount; pi++, npat++) {
			size_t x = pi;
			for (size_t k = 0; k < plen; k++, x /= 5)
				pat[k] = palpha[x % 5];
			pat[plen] = '\0';
			struct wildmat *wm = wildmat_new(pat, '.', 4096);
			assert_non_null(wm);
			for (int folded = 0; folded < 2; folded++) {
				const char *na = folded ? falpha : nalpha;
				size_t fold = folded ? 3 : 0;
				for (size_t nlen = 0; nlen <= 6; nlen++) {
					size_t ncount = 1;
					for (size_t k = 0; k < nlen; k++)
						ncount *= 3;
					for (size_t ni = 0; ni < ncount; ni++) {
						size_t y = ni;
						for (size_t k = 0; k < nlen; k++, y /= 3)
							name[k] = na[y % 3];
						name[nlen] = '\0';
						bool want = ref_match(pat, name, 0, fold);
						if (wildmat_match(wm, name, fold, NULL) != want)
							fail_msg("match(\"%s\", \"%s\", %zu) != %d", pat,
								 name, fold, want);
					}
				}
			}
			wildmat_free(&wm);
		}
	}
	assert_int_equal(npat, 3906);
}

/* The cost is (name length + 1) x the words of the bit set, whatever the
 * pattern: the patterns that make a backtracking matcher try every way
 * of placing each "*" included. */
static void test_bound(void **state)
{
	static char name[4001], pat[8001];
	static const char *const shapes[] = { "*a", "%a", "a*", "*a%", "a" };
	memset(name, 'a', 4000);
	for (size_t s = 0; s < sizeof(shapes) / sizeof(shapes[0]); s++) {
		for (size_t reps = 1; reps <= 1000; reps *= 10) {
			size_t sl = strlen(shapes[s]), plen = 0;
			for (size_t r = 0; r < reps; r++, plen += sl)
				memcpy(pat + plen, shapes[s], sl);
			memcpy(pat + plen, "b", 2);
			plen++;
			for (size_t nlen = 40; nlen <= 4000; nlen *= 10) {
				name[nlen] = '\0';
				struct wildmat *wm = wildmat_new(pat, '.', 4096);
				assert_non_null(wm);
				uint64_t steps = 0;
				assert_false(wildmat_match(wm, name, 0, &steps));
				uint64_t words = (plen + 1 + 63) / 64;
				if (steps > (nlen + 1) * words)
					fail_msg("\"%.20s...\" (%zu octets) against %zu octets: %llu steps",
						 pat, plen, nlen, (unsigned long long)steps);
				wildmat_free(&wm);
				name[nlen] = 'a';
			}
		}
	}
	/* The finding of the hardening issue: 41 steps, not 16 s. */
	struct wildmat *wm = wildmat_new("*a*a*a*a*a*a*a*a*a*a*b", '.', 4096);
	uint64_t steps = 0;
	name[40] = '\0';
	assert_false(wildmat_match(wm, name, 0, &steps));
	assert_true(steps <= 41);
	wildmat_free(&wm);
}

/* A pattern with more literal octets than any name may have matches
 * nothing and keeps no bit sets of its size; names past max_name never
 * match. */
static void test_limits(void **state)
{
	size_t big = 1 << 20;
	char *pat = malloc(big + 1);
	assert_non_null(pat);
	memset(pat, 'a', big);
	pat[big] = '\0';
	struct wildmat *wm = wildmat_new(pat, '.', 255);
	assert_non_null(wm);
	uint64_t steps = 0;
	assert_false(wildmat_match(wm, "aaaa", 0, &steps));
	assert_int_equal(steps, 0);
	wildmat_free(&wm);
	free(pat);

	char name[300];
	memset(name, 'a', sizeof(name) - 1);
	name[sizeof(name) - 1] = '\0';
	wm = wildmat_new("*", '.', 255);
	assert_false(wildmat_match(wm, name, 0, NULL));
	name[255] = '\0';
	assert_true(wildmat_match(wm, name, 0, NULL));
	wildmat_free(&wm);
	wildmat_free(&wm);  /* NULL is fine */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_exhaustive),
		cmocka_unit_test(test_bound),
		cmocka_unit_test(test_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
