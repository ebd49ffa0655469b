/*
 * mime_crlf.c - the CRLF ("virtual") form of message bytes.
 *
 * Maildir files usually have bare LF line ends; IMAP sizes and octets are
 * those of the CRLF form (RFC3501 §2.3.4 and §6.4.5).  A bare LF counts
 * as CRLF; an existing CRLF and a lone CR count as themselves.
 */
#include "mime/mime_int.h"

#include <string.h>

void mime_crlf_size(const char *data, size_t len, size_t *vsize_r, size_t *lines_r)
{
	size_t lines = 0, bare = 0;
	const char *p = data, *end = data + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			break;
		lines++;
		if (nl == data || nl[-1] != '\r')
			bare++;
		p = nl + 1;
	}
	if (vsize_r != NULL)
		*vsize_r = len + bare;
	if (lines_r != NULL)
		*lines_r = lines;
}

void mime_crlf_copy(struct sbuf *out, const char *data, size_t len, size_t skip, size_t count)
{
	const char *p = data, *end = data + len;
	/* Virtual position of p; we emit the parts of [skip, skip+count). */
	size_t vpos = 0, vend = count > SIZE_MAX - skip ? SIZE_MAX : skip + count;
	while (p < end && vpos < vend) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *stop = nl != NULL ? nl : end;
		size_t n = (size_t)(stop - p);
		/* The run [p, stop) is copied as is. */
		if (vpos + n > skip) {
			size_t from = vpos >= skip ? 0 : skip - vpos;
			size_t to = n;
			if (vpos + to > vend)
				to = vend - vpos;
			if (to > from)
				sbuf_add(out, p + from, to - from);
		}
		vpos += n;
		if (nl == NULL)
			break;
		/* The LF, with a CR added when it was bare. */
		const char *le = (nl == data || nl[-1] != '\r') ? "\r\n" : "\n";
		size_t ln = le[0] == '\r' ? 2 : 1;
		for (size_t i = 0; i < ln; i++, vpos++)
			if (vpos >= skip && vpos < vend)
				sbuf_addc(out, le[i]);
		p = nl + 1;
	}
}

/* ---- piecewise (see mime.h) --------------------------------------------- */

/* How far a scan goes between progress calls. */
#define SCAN_STEP (1u << 20)

uint64_t mime_span_size(struct mime_span *span, mime_progress_fn *progress, void *ctx)
{
	/* The CRLF size of the whole range, then cut to the window: the
	 * same arithmetic as mime_crlf_copy(). */
	uint64_t vsize = 0;
	uint64_t want = span->count > UINT64_MAX - span->skip ? UINT64_MAX : span->skip + span->count;
	const char *p = span->data, *end = span->data + span->len;
	const char *next_report = p + SCAN_STEP;
	/* A partial window ends where the scan may stop: a client reading
	 * a large message in pieces must not pay for all of it each time. */
	span->from_pos = 0;
	span->from_vpos = 0;
	while (p < end && vsize < want) {
		if (vsize <= span->skip) {
			span->from_pos = (size_t)(p - span->data);
			span->from_vpos = vsize;
		}
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL) {
			vsize += (uint64_t)(end - p);
			break;
		}
		vsize += (uint64_t)(nl - p) + 1;
		if (nl == span->data || nl[-1] != '\r')
			vsize++;
		p = nl + 1;
		if (progress != NULL && p >= next_report) {
			progress(ctx, p);
			next_report = p + SCAN_STEP;
		}
	}
	if (progress != NULL)
		progress(ctx, p < end ? p : end);
	if (span->skip >= vsize)
		return 0;
	uint64_t left = vsize - span->skip;
	return span->count < left ? span->count : left;
}

void mime_crlf_stream_init(struct mime_crlf_stream *st, const struct mime_span *span)
{
	memset(st, 0, sizeof(*st));
	st->span = *span;
	st->pos = span->from_pos;
	st->vpos = span->from_vpos;
}

size_t mime_crlf_stream_read(struct mime_crlf_stream *st, char *buf, size_t cap)
{
	const struct mime_span *sp = &st->span;
	uint64_t vend = sp->count > UINT64_MAX - sp->skip ? UINT64_MAX : sp->skip + sp->count;
	size_t n = 0;
	while (n < cap && st->vpos < vend) {
		if (st->lf_due) {
			/* The LF after the CR added for a bare LF. */
			if (st->vpos >= sp->skip)
				buf[n++] = '\n';
			st->vpos++;
			st->lf_due = false;
			st->pos++;
			continue;
		}
		if (st->pos >= sp->len)
			break;
		const char *p = sp->data + st->pos;
		size_t avail = sp->len - st->pos;
		const char *nl = memchr(p, '\n', avail);
		size_t run = nl != NULL ? (size_t)(nl - p) : avail;
		if (run > 0) {
			/* Octets copied as they are, from [p, p + run). */
			uint64_t from = st->vpos >= sp->skip ? 0 : sp->skip - st->vpos;
			if (from >= run) {
				st->vpos += run;
				st->pos += run;
				continue;
			}
			size_t take = run - (size_t)from;
			if (take > cap - n)
				take = cap - n;
			if (take > vend - (st->vpos + from))
				take = (size_t)(vend - (st->vpos + from));
			for (size_t i = 0; i < take; i++) {
				char c = p[from + i];
				buf[n + i] = c == '\0' ? (char)0x80 : c;
			}
			n += take;
			st->vpos += from + take;
			st->pos += (size_t)from + take;
			continue;
		}
		/* At an LF: with a CR before it, it is itself; bare, CR LF. */
		bool bare = st->pos == 0 || sp->data[st->pos - 1] != '\r';
		if (bare) {
			if (st->vpos >= sp->skip)
				buf[n++] = '\r';
			st->vpos++;
			st->lf_due = true;
			continue;
		}
		if (st->vpos >= sp->skip)
			buf[n++] = '\n';
		st->vpos++;
		st->pos++;
	}
	return n;
}
