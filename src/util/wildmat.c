/*
 * wildmat.c - LIST/LSUB patterns as a bit-parallel automaton (see
 * wildmat.h).
 *
 * The pattern is first reduced: a run of wildcards is one "*" if it holds
 * a "*" and one "%" otherwise (both match the same names), so no two
 * wildcards are adjacent.  Position i (0 <= i < P) is the i-th symbol of
 * the reduced pattern; being "at" position i means the name read so far
 * matches the symbols before it, and P (all of them) accepts.  Reading
 * an octet c takes a live position i to
 *   i + 1  when symbol i is c (a literal),
 *   i      when symbol i is "*", or "%" and c is not the delimiter,
 * and a wildcard may also match nothing: every live wildcard position
 * makes i + 1 live as well.  One word of the bit set holds 64 positions,
 * so each octet costs P / 64 word operations (the shift-and method of
 * Baeza-Yates and Gonnet, with self-loops for the wildcards).
 */
#include "util/wildmat.h"

#include <stdlib.h>
#include <string.h>

struct wildmat {
	char delim;
	size_t max_name;
	bool never;          /* needs more octets than max_name */
	size_t nlit;         /* literal octets: a shorter name cannot match */
	size_t npos;         /* P, the symbols of the reduced pattern */
	size_t words;        /* 64-bit words per bit set (P + 1 bits) */
	unsigned char cls[256];  /* octet -> its row of lit, 0 = no literal */
	uint64_t *star;      /* positions holding "*" */
	uint64_t *pct;       /* positions holding "%" */
	uint64_t *wild;      /* star | pct */
	uint64_t *lit;       /* row k: positions holding the octet of class k */
	uint64_t *live, *next;  /* scratch for wildmat_match */
};

static void bit_set(uint64_t *set, size_t i)
{
	set[i / 64] |= UINT64_C(1) << (i % 64);
}

struct wildmat *wildmat_new(const char *pattern, char delim, size_t max_name)
{
	struct wildmat *wm = calloc(1, sizeof(*wm));
	if (wm == NULL)
		return NULL;
	wm->delim = delim;
	wm->max_name = max_name;
	/* First pass: count symbols and literals, give each octet a row. */
	size_t nclass = 0;
	for (const unsigned char *p = (const unsigned char *)pattern; *p != '\0';) {
		if (*p == '*' || *p == '%') {
			while (*p == '*' || *p == '%')
				p++;
		} else {
			if (wm->cls[*p] == 0)
				wm->cls[*p] = (unsigned char)++nclass;
			wm->nlit++;
			p++;
		}
		wm->npos++;
		/* Only octets match octets: past max_name literals nothing
		 * can match, and nothing more need be kept. */
		if (wm->nlit > max_name) {
			wm->never = true;
			return wm;
		}
	}
	wm->words = (wm->npos + 1 + 63) / 64;
	size_t w = wm->words;
	uint64_t *sets = calloc((5 + nclass + 1) * w, sizeof(uint64_t));
	if (sets == NULL) {
		free(wm);
		return NULL;
	}
	wm->star = sets;
	wm->pct = sets + w;
	wm->wild = sets + 2 * w;
	wm->live = sets + 3 * w;
	wm->next = sets + 4 * w;
	wm->lit = sets + 5 * w;
	/* Second pass: the positions. */
	size_t i = 0;
	for (const unsigned char *p = (const unsigned char *)pattern; *p != '\0'; i++) {
		if (*p == '*' || *p == '%') {
			bool star = false;
			for (; *p == '*' || *p == '%'; p++)
				star |= *p == '*';
			bit_set(star ? wm->star : wm->pct, i);
			bit_set(wm->wild, i);
		} else {
			bit_set(wm->lit + wm->cls[*p] * w, i);
			p++;
		}
	}
	return wm;
}

void wildmat_free(struct wildmat **wm)
{
	if (*wm == NULL)
		return;
	free((*wm)->star);
	free(*wm);
	*wm = NULL;
}

/* Whether c is an ASCII letter (its other case is c ^ 0x20). */
static bool is_alpha(unsigned char c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

bool wildmat_match(const struct wildmat *wm, const char *name, size_t fold, uint64_t *steps_r)
{
	size_t len = strnlen(name, wm->max_name + 1);
	if (wm->never || len > wm->max_name || len < wm->nlit)
		return false;
	const size_t w = wm->words;
	uint64_t *live = wm->live, *next = wm->next;
	uint64_t steps = w;
	/* Position 0, and position 1 when symbol 0 is a wildcard. */
	memset(live, 0, w * sizeof(*live));
	live[0] = 1 | (wm->wild[0] & 1) << 1;
	bool ok = true;
	for (size_t pos = 0; pos < len && ok; pos++) {
		unsigned char c = (unsigned char)name[pos];
		const uint64_t *lit = wm->lit + wm->cls[c] * w;
		/* In the folded prefix, the other case's literals too (a row
		 * of zeros when the pattern has none). */
		const uint64_t *lit2 = wm->lit + (pos < fold && is_alpha(c) ? wm->cls[c ^ 0x20] : 0) * w;
		const uint64_t *loop = c == (unsigned char)wm->delim ? wm->star : wm->wild;
		uint64_t carry = 0, eps_carry = 0, any = 0;
		for (size_t k = 0; k < w; k++) {
			uint64_t adv = live[k] & (lit[k] | lit2[k]);
			uint64_t n = adv << 1 | carry | (live[k] & loop[k]);
			carry = adv >> 63;
			/* A live wildcard also lets the next position live; that
			 * position is never a wildcard, so one step is enough. */
			uint64_t eps = n & wm->wild[k];
			n |= eps << 1 | eps_carry;
			eps_carry = eps >> 63;
			next[k] = n;
			any |= n;
		}
		steps += w;
		uint64_t *t = live;
		live = next;
		next = t;
		ok = any != 0;
	}
	if (steps_r != NULL)
		*steps_r += steps;
	return ok && (live[wm->npos / 64] >> (wm->npos % 64) & 1) != 0;
}
