/*
 * mime_section.c - the octets of BODY[section]<partial> (RFC3501 §6.4.5).
 */
#include "mime/mime_int.h"

#include <string.h>

/* Part n of the message-level node m: its child n when multipart, else
 * (n == 1) the message's own body entity. */
static const struct mime_part *message_part(const struct mime_part *m, uint32_t n)
{
	if (m->kind == MIME_KIND_MULTIPART) {
		const struct mime_part *c = m->child;
		for (uint32_t i = 1; c != NULL && i < n; i++)
			c = c->next;
		return n >= 1 ? c : NULL;
	}
	return n == 1 ? m : NULL;
}

const struct mime_part *mime_section_part(const struct mime_part *root,
					   const uint32_t *parts, size_t nparts)
{
	if (nparts == 0)
		return root;
	/* RFC3501 §6.4.5: the first number counts the message's parts
	 * (part 1 of a non-multipart message is its body); after that a
	 * multipart counts its children and a message/rfc822 part counts
	 * the parts of the message it holds. */
	const struct mime_part *p = message_part(root, parts[0]);
	for (size_t i = 1; p != NULL && i < nparts; i++) {
		if (p->kind == MIME_KIND_MULTIPART)
			p = message_part(p, parts[i]);
		else if (p->kind == MIME_KIND_MESSAGE && p->child != NULL)
			p = message_part(p->child, parts[i]);
		else
			p = NULL;
	}
	return p;
}

static bool field_listed(const struct mime_field *f, const struct imap_section *sec)
{
	for (size_t i = 0; i < sec->nfields; i++)
		if (mime_field_is(f, sec->fields[i].data, sec->fields[i].len))
			return true;
	return false;
}

/* HEADER.FIELDS / HEADER.FIELDS.NOT of the header block of m. */
static void write_fields(struct sbuf *out, const char *msg, const struct mime_part *m,
			 const struct imap_section *sec)
{
	bool want = sec->text == IMAP_SECTION_HEADER_FIELDS;
	struct mime_field_iter it;
	struct mime_field f;
	mime_field_iter_init(&it, msg + m->hdr_off, m->hdr_len);
	while (mime_field_next(&it, &f)) {
		if (field_listed(&f, sec) != want)
			continue;
		/* The field's own bytes, continuation lines included. */
		mime_crlf_copy(out, f.raw, f.raw_len, 0, SIZE_MAX);
		if (f.raw_len == 0 || f.raw[f.raw_len - 1] != '\n')
			sbuf_add(out, "\r\n", 2);
	}
	/* RFC3501 §6.4.5: the blank line is included in all header fetches,
	 * except for a message that has no body and no blank line. */
	if (m->hdr_has_blank)
		sbuf_add(out, "\r\n", 2);
}

bool mime_section_write(struct sbuf *out, struct arena *a, const char *msg, size_t len,
			const struct mime_part *root, const struct imap_section *sec,
			bool partial, uint32_t start, uint32_t count)
{
	size_t skip = partial ? start : 0;
	size_t out_start = out->len;
	size_t cnt = partial ? count : SIZE_MAX;
	const struct mime_part *p = mime_section_part(root, sec->parts, sec->nparts);
	if (p == NULL)
		return !out->failed;  /* no such part: empty string */

	/* The message whose header/text is meant: the root, or the one a
	 * message/rfc822 part holds. */
	const struct mime_part *m = NULL;
	if (sec->nparts == 0)
		m = root;
	else if (p->kind == MIME_KIND_MESSAGE)
		m = p->child;

	switch (sec->text) {
	case IMAP_SECTION_NONE:
		if (sec->nparts == 0)
			mime_crlf_copy(out, msg, len, skip, cnt);
		else
			mime_crlf_copy(out, msg + p->body_off, p->body_len, skip, cnt);
		break;
	case IMAP_SECTION_MIME:
		if (sec->nparts > 0)
			mime_crlf_copy(out, msg + p->hdr_off, p->hdr_len, skip, cnt);
		break;
	case IMAP_SECTION_HEADER:
		if (m != NULL)
			mime_crlf_copy(out, msg + m->hdr_off, m->hdr_len, skip, cnt);
		break;
	case IMAP_SECTION_TEXT:
		if (m != NULL)
			mime_crlf_copy(out, msg + m->body_off, m->body_len, skip, cnt);
		break;
	case IMAP_SECTION_HEADER_FIELDS:
	case IMAP_SECTION_HEADER_FIELDS_NOT:
		if (m == NULL)
			break;
		if (!partial) {
			write_fields(out, msg, m, sec);
		} else {
			struct sbuf tmp;
			sbuf_init(&tmp, a);
			write_fields(&tmp, msg, m, sec);
			if (tmp.failed)
				out->failed = true;
			else if (skip < tmp.len)
				sbuf_add(out, tmp.data + skip, tmp.len - skip < cnt ? tmp.len - skip : cnt);
		}
		break;
	}
	/* A literal cannot carry NUL (RFC3501 §9 CHAR8); like Dovecot we
	 * send 0x80 in its place, which keeps every size and offset. */
	if (!out->failed && out->len > out_start) {
		char *q = out->data + out_start, *qe = out->data + out->len;
		while ((q = memchr(q, '\0', (size_t)(qe - q))) != NULL)
			*q++ = (char)0x80;
	}
	return !out->failed;
}

bool mime_section_span(const char *msg, size_t len, const struct mime_part *root,
		       const struct imap_section *sec, bool partial, uint32_t start,
		       uint32_t count, struct mime_span *span_r)
{
	/* The same choice of octets as mime_section_write(). */
	const struct mime_part *p = mime_section_part(root, sec->parts, sec->nparts);
	if (p == NULL)
		return false;
	const struct mime_part *m = NULL;
	if (sec->nparts == 0)
		m = root;
	else if (p->kind == MIME_KIND_MESSAGE)
		m = p->child;
	const char *data = NULL;
	size_t n = 0;
	switch (sec->text) {
	case IMAP_SECTION_NONE:
		if (sec->nparts == 0) {
			data = msg;
			n = len;
		} else {
			data = msg + p->body_off;
			n = p->body_len;
		}
		break;
	case IMAP_SECTION_MIME:
		if (sec->nparts == 0)
			return false;
		data = msg + p->hdr_off;
		n = p->hdr_len;
		break;
	case IMAP_SECTION_HEADER:
		if (m == NULL)
			return false;
		data = msg + m->hdr_off;
		n = m->hdr_len;
		break;
	case IMAP_SECTION_TEXT:
		if (m == NULL)
			return false;
		data = msg + m->body_off;
		n = m->body_len;
		break;
	case IMAP_SECTION_HEADER_FIELDS:
	case IMAP_SECTION_HEADER_FIELDS_NOT:
		return false;
	}
	*span_r = (struct mime_span){ .data = data, .len = n, .skip = partial ? start : 0,
				      .count = partial ? count : UINT64_MAX };
	return true;
}
