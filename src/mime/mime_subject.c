/*
 * mime_subject.c - the base subject of RFC5256 §2.1, which SORT SUBJECT
 * and THREAD compare, and whether the subject marks a reply or forward.
 *
 * The steps are the RFC's, over the grammar of RFC5256 §5:
 *
 *   subj-refwd   = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"
 *   subj-blob    = "[" *BLOBCHAR "]" *WSP
 *   subj-leader  = (*subj-blob subj-refwd) / WSP
 *   subj-trailer = "(fwd)" / WSP
 *   subj-fwd-hdr = "[fwd:"      subj-fwd-trl = "]"
 *
 * The result is case-folded with i;ascii-casemap (a-z to A-Z), so that
 * comparing two base subjects is a plain byte comparison (RFC5256 §7
 * asks for i;unicode-casemap; the issue this implements chose
 * i;ascii-casemap, and I18NLEVEL is not advertised).
 *
 * Work is linear in the subject's length whatever it holds: every step
 * removes what it looked at, except step (3)'s look across a run of
 * blobs for a "re:" after them, which is remembered when it fails, so
 * that step (4) taking the run's blobs off one by one does not look
 * across the rest of the run again each time.
 */
#include "mime/mime_int.h"

#include <string.h>

/* Step (1) after decoding: tabs, line ends and runs of white space
 * become one space; ASCII letters are upper-cased. */
static size_t normalise(char *s, const char *in, size_t len)
{
	size_t n = 0;
	bool space = false;
	for (size_t i = 0; i < len; i++) {
		char c = in[i];
		if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
			space = true;
			continue;
		}
		if (space)
			s[n++] = ' ';
		space = false;
		s[n++] = c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
	}
	if (space)
		s[n++] = ' ';
	return n;
}

/* A subj-blob at s[p..e): returns the position after it (and the WSP
 * after it), or 0 when there is none. */
static size_t blob_at(const char *s, size_t p, size_t e)
{
	if (p >= e || s[p] != '[')
		return 0;
	for (size_t q = p + 1; q < e; q++) {
		if (s[q] == '[')
			return 0;
		if (s[q] == ']') {
			q++;
			while (q < e && s[q] == ' ')
				q++;
			return q;
		}
	}
	return 0;
}

/* A subj-refwd at s[p..e): the position after its ":", or 0. */
static size_t refwd_at(const char *s, size_t p, size_t e)
{
	size_t q;
	if (e - p >= 2 && s[p] == 'R' && s[p + 1] == 'E')
		q = p + 2;
	else if (e - p >= 2 && s[p] == 'F' && s[p + 1] == 'W')
		q = p + 2 < e && s[p + 2] == 'D' ? p + 3 : p + 2;
	else
		return 0;
	while (q < e && s[q] == ' ')
		q++;
	size_t b = blob_at(s, q, e);
	if (b != 0)
		q = b;
	return q < e && s[q] == ':' ? q + 1 : 0;
}

bool mime_base_subject(struct arena *a, const char *value, size_t len, struct mime_str *out_r,
		       bool *reply_r)
{
	*reply_r = false;
	out_r->data = NULL;
	out_r->len = 0;
	struct mime_str dec;
	if (!mime_header_decode(a, value != NULL ? value : "", value != NULL ? len : 0, &dec))
		return false;
	char *s = arena_alloc(a, dec.len + 1);
	if (s == NULL)
		return false;
	size_t b = 0, e = normalise(s, dec.data, dec.len);
	for (;;) {
		/* (2) subj-trailer: "(fwd)" or WSP at the end, repeatedly. */
		for (;;) {
			if (e > b && s[e - 1] == ' ') {
				e--;
			} else if (e - b >= 5 && memcmp(s + e - 5, "(FWD)", 5) == 0) {
				e -= 5;
				*reply_r = true;
			} else {
				break;
			}
		}
		/* (3), (4), (5): leaders, then a blob that leaves a non-empty
		 * subj-base, until neither is there.  fail_at: the end of a run
		 * of blobs after which there is no subj-refwd; from any blob
		 * boundary up to it, step (3) cannot match. */
		size_t fail_at = 0;
		bool have_fail = false;
		for (;;) {
			if (b < e && s[b] == ' ') {
				b++;
				continue;
			}
			if (!have_fail || b > fail_at) {
				size_t p = b, q;
				while ((q = blob_at(s, p, e)) != 0)
					p = q;
				size_t r = refwd_at(s, p, e);
				if (r != 0) {
					b = r;
					*reply_r = true;
					have_fail = false;
					continue;
				}
				have_fail = true;
				fail_at = p;
			}
			size_t q = blob_at(s, b, e);
			if (q != 0 && q < e) {
				b = q;
				continue;
			}
			break;
		}
		/* (6) "[fwd:" ... "]" around the whole: remove and start over. */
		if (e - b >= 6 && memcmp(s + b, "[FWD:", 5) == 0 && s[e - 1] == ']') {
			b += 5;
			e--;
			*reply_r = true;
			continue;
		}
		break;
	}
	memmove(s, s + b, e - b);
	s[e - b] = '\0';
	out_r->data = s;
	out_r->len = e - b;
	return true;
}
