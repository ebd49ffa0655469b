/*
 * mime_header.c - header blocks and fields (RFC2822 §2.2).
 *
 * Hand-written scanning over byte ranges: IMAP needs exact octet offsets
 * (sections, sizes), mail may hold NULs and 8-bit bytes, and ENVELOPE
 * over 100,000 messages must touch each header byte about once.
 */
#include "mime/mime_int.h"

#include <string.h>

const unsigned char mime_ctab[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	4, 4, 3, 4, 4, 4, 4, 4, 7, 7, 4, 4, 7, 4, 5, 6,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 7, 7, 7, 6, 7, 6,
	7, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 7, 3, 7, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4,
	4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

bool mime_ieq(const char *a, size_t alen, const char *b, size_t blen)
{
	if (alen != blen)
		return false;
	for (size_t i = 0; i < alen; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
		if (x >= 'A' && x <= 'Z')
			x += 32;
		if (y >= 'A' && y <= 'Z')
			y += 32;
		if (x != y)
			return false;
	}
	return true;
}

/* An empty line is "\n" or "\r\n" alone. */
static bool is_empty_line(const char *p, const char *end)
{
	return (p < end && p[0] == '\n') || (end - p >= 2 && p[0] == '\r' && p[1] == '\n');
}

static const char *line_end(const char *p, const char *end)
{
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	return nl != NULL ? nl + 1 : end;
}

size_t mime_header_len(const char *data, size_t len, bool *complete_r)
{
	const char *p = data, *end = data + len;
	while (p < end) {
		if (is_empty_line(p, end)) {
			*complete_r = true;
			return (size_t)(line_end(p, end) - data);
		}
		p = line_end(p, end);
	}
	*complete_r = false;
	return len;
}

void mime_field_iter_init(struct mime_field_iter *it, const char *hdr, size_t len)
{
	it->p = hdr;
	it->end = hdr + len;
}

bool mime_field_next(struct mime_field_iter *it, struct mime_field *f)
{
	const char *p = it->p, *end = it->end;
	if (p >= end || is_empty_line(p, end))
		return false;
	const char *start = p;
	/* The field runs until a line that does not start with WSP. */
	const char *q = line_end(p, end);
	while (q < end && mime_is_wsp(*q))
		q = line_end(q, end);
	it->p = q;
	f->raw = start;
	f->raw_len = (size_t)(q - start);
	/* Value end: drop the final line end. */
	const char *vend = q;
	if (vend > start && vend[-1] == '\n') {
		vend--;
		if (vend > start && vend[-1] == '\r')
			vend--;
	}
	const char *colon = memchr(start, ':', (size_t)(vend - start));
	/* A colon on a continuation line does not make a field name. */
	const char *first_end = memchr(start, '\n', (size_t)(vend - start));
	if (colon != NULL && first_end != NULL && colon > first_end)
		colon = NULL;
	if (colon == NULL) {
		f->has_colon = false;
		f->name = start;
		f->name_len = 0;
		f->value = start;
		f->value_len = (size_t)(vend - start);
		return true;
	}
	f->has_colon = true;
	size_t nl = (size_t)(colon - start);
	while (nl > 0 && mime_is_wsp(start[nl - 1]))  /* obs-optional, RFC2822 §4.5 */
		nl--;
	f->name = start;
	f->name_len = nl;
	f->value = colon + 1;
	f->value_len = (size_t)(vend - colon - 1);
	return true;
}

bool mime_field_is(const struct mime_field *f, const char *name, size_t name_len)
{
	return f->has_colon && mime_ieq(f->name, f->name_len, name, name_len);
}

bool mime_unfold(struct arena *a, const char *v, size_t len, struct mime_str *out_r)
{
	size_t s = 0, e = len;
	while (s < e && (mime_is_wsp(v[s]) || v[s] == '\r' || v[s] == '\n'))
		s++;
	while (e > s && (mime_is_wsp(v[e - 1]) || v[e - 1] == '\r' || v[e - 1] == '\n'))
		e--;
	char *o = arena_alloc(a, e - s + 1);
	if (o == NULL) {
		out_r->data = NULL;
		out_r->len = 0;
		return false;
	}
	/* RFC2822 §2.2.3: unfolding removes the CRLF (or a bare LF), keeps
	 * the WSP.  Line by line with memchr: most values are one line. */
	size_t n = 0, i = s;
	while (i < e) {
		const char *nl = memchr(v + i, '\n', e - i);
		size_t stop = nl != NULL ? (size_t)(nl - v) : e, seg = stop;
		if (nl != NULL && seg > i && v[seg - 1] == '\r')
			seg--;
		memcpy(o + n, v + i, seg - i);
		n += seg - i;
		i = nl != NULL ? stop + 1 : e;
	}
	o[n] = '\0';
	out_r->data = o;
	out_r->len = n;
	return true;
}

bool mime_header_get(struct arena *a, const char *hdr, size_t hdr_len,
		     const char *name, struct mime_str *value_r)
{
	struct mime_field_iter it;
	struct mime_field f, last;
	bool found = false;
	size_t nlen = strlen(name);
	mime_field_iter_init(&it, hdr, hdr_len);
	while (mime_field_next(&it, &f)) {
		if (mime_field_is(&f, name, nlen)) {
			last = f;
			found = true;
		}
	}
	value_r->data = NULL;
	value_r->len = 0;
	if (!found)
		return false;
	return mime_unfold(a, last.value, last.value_len, value_r);
}
