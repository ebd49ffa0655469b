/*
 * fetch_mime.c - FETCH items backed by the message file (see fetch_mime.h).
 *
 * The file is mapped by the store; src/mime/ gives the octets of the CRLF
 * form IMAP counts in.  ENVELOPE needs only the header block, so only
 * that is parsed for it (first-time FETCH ENVELOPE over a large mailbox
 * touches one page per message); BODY/BODYSTRUCTURE and sections of
 * multipart messages parse the whole tree once per message.
 */
#include "cmd/fetch_mime.h"

#include <string.h>

#include "proto/ast_print.h"

bool fetch_att_needs_message(const struct imap_fetch_att *att)
{
	switch (att->type) {
	case IMAP_FETCH_FLAGS:
	case IMAP_FETCH_UID:
	case IMAP_FETCH_INTERNALDATE:
	case IMAP_FETCH_RFC822_SIZE:
		return false;
	default:
		return true;
	}
}

bool fetch_att_sets_seen(const struct imap_fetch_att *att)
{
	/* RFC3516 §4.2: BINARY sets \Seen as BODY does, BINARY.PEEK and
	 * BINARY.SIZE do not. */
	return att->type == IMAP_FETCH_RFC822 || att->type == IMAP_FETCH_RFC822_TEXT
		|| (att->type == IMAP_FETCH_BODY_SECTION && !att->peek)
		|| (att->type == IMAP_FETCH_BINARY && !att->peek);
}

size_t fetch_stream_read(struct fetch_stream *st, char *buf, size_t cap)
{
	return st->decode ? mime_decoder_read(&st->dec, buf, cap)
			  : mime_crlf_stream_read(&st->src, buf, cap);
}

const char *fetch_stream_at(const struct fetch_stream *st)
{
	return st->decode ? mime_decoder_at(&st->dec) : mime_crlf_stream_at(&st->src);
}

void fetch_msg_init(struct fetch_msg *m, struct mailbox *mb, uint32_t seq, struct arena *scratch)
{
	memset(m, 0, sizeof(*m));
	msgread_init(&m->r, mb, seq, scratch);
}

void fetch_msg_done(struct fetch_msg *m)
{
	msgread_done(&m->r);
	m->streams = NULL;
	m->nstreams = m->capstreams = 0;
}

bool fetch_msg_open(struct fetch_msg *m)
{
	return msgread_open(&m->r);
}

/* The octets of a section as an IMAP string: a literal, since bodies may
 * hold anything; "" when empty (a section that does not exist,
 * RFC3501 §6.4.5). */
static void add_data(struct sbuf *out, const struct sbuf *data)
{
	if (data->len == 0) {
		sbuf_adds(out, "\"\"");
		return;
	}
	sbuf_printf(out, "{%zu}\r\n", data->len);
	sbuf_add(out, data->data, data->len);
}

/* "BODY[1]<0>" or the RFC822 alias name, and the space after it. */
static void add_section_name(struct sbuf *out, const char *name, const struct imap_section *sec,
			     bool partial, uint32_t start)
{
	if (name != NULL) {
		sbuf_adds(out, name);
	} else {
		sbuf_adds(out, "BODY");
		ast_print_section(out, sec);
		/* RFC3501 §7.4.2: the partial is reported as its origin only. */
		if (partial)
			sbuf_printf(out, "<%u>", start);
	}
	sbuf_addc(out, ' ');
}

/* While a long scan goes on, give back the pages it has passed. */
static void release_behind(void *ctx, const char *upto)
{
	struct fetch_msg *m = ctx;
	mbox_body_release(&m->r.body, upto);
}

/* Room for one more stream (not yet counted in m->nstreams); NULL when
 * out of memory. */
static struct fetch_stream *new_stream(struct fetch_msg *m)
{
	if (m->nstreams == m->capstreams) {
		size_t cap = m->capstreams == 0 ? 4 : m->capstreams * 2;
		struct fetch_stream *ns = arena_alloc(m->r.scratch, cap * sizeof(*ns));
		if (ns == NULL)
			return NULL;
		if (m->nstreams > 0)
			memcpy(ns, m->streams, m->nstreams * sizeof(*ns));
		m->streams = ns;
		m->capstreams = cap;
	}
	return &m->streams[m->nstreams];
}

/*
 * A body section (BODY[], TEXT, a part) that is large: its literal
 * header now, its octets streamed later.  Returns false when the section
 * is not one that can be (header sections, which munge8bit may rewrite,
 * and HEADER.FIELDS, which are picked out).
 */
static bool add_section_stream(struct fetch_msg *m, const char *name,
			       const struct imap_section *sec, bool partial, uint32_t start,
			       uint32_t count, struct sbuf *out)
{
	if (sec->text != IMAP_SECTION_NONE && sec->text != IMAP_SECTION_TEXT)
		return false;
	struct mime_span span;
	const char *msg = m->r.body.data;
	size_t len = m->r.body.len;
	if (sec->nparts == 0) {
		/* The whole message or its text need no MIME parse, which
		 * would read all of a huge message once more. */
		size_t off = sec->text == IMAP_SECTION_TEXT ? m->r.hdr_len : 0;
		span = (struct mime_span){ .data = msg + off, .len = len - off,
					   .skip = partial ? start : 0,
					   .count = partial ? count : UINT64_MAX };
	} else {
		const struct mime_part *root = msgread_tree(&m->r);
		/* The parse went over the whole message: let go of it. */
		mbox_body_release(&m->r.body, msg + len);
		if (root == NULL || !mime_section_span(msg, len, root, sec, partial, start, count, &span))
			return false;
	}
	if (span.len < FETCH_STREAM_MIN)
		return false;
	struct fetch_stream *st = new_stream(m);
	if (st == NULL)
		return false;
	uint64_t size = mime_span_size(&span, release_behind, m);
	add_section_name(out, name, sec, partial, start);
	if (size == 0) {
		sbuf_adds(out, "\"\"");
		return true;
	}
	sbuf_printf(out, "{%llu}\r\n", (unsigned long long)size);
	m->nstreams++;
	st->at = out->len;
	st->decode = false;
	mime_crlf_stream_init(&st->src, &span);
	return true;
}

/* BODY[section]<partial> and its RFC822 aliases. */
static bool add_section(struct fetch_msg *m, const char *name, const struct imap_section *sec,
			bool partial, uint32_t start, uint32_t count, struct sbuf *out)
{
	if (m->can_stream && m->r.body.len >= FETCH_STREAM_MIN
	    && add_section_stream(m, name, sec, partial, start, count, out))
		return !out->failed;
	struct sbuf data;
	sbuf_init(&data, m->r.scratch);
	const struct mime_part *root;
	/* The top-level header needs no tree beyond the header block;
	 * bodies and part numbers do.  The store hands the file as stored
	 * (LF line ends); mime gives the CRLF form. */
	if (sec->nparts == 0 && (sec->text == IMAP_SECTION_HEADER
				 || sec->text == IMAP_SECTION_HEADER_FIELDS
				 || sec->text == IMAP_SECTION_HEADER_FIELDS_NOT))
		root = mime_parse_header(m->r.scratch, m->r.body.data, m->r.hdr_len);
	else
		root = msgread_tree(&m->r);
	if (root == NULL || !mime_section_write(&data, m->r.scratch, m->r.body.data, m->r.body.len, root,
						sec, partial, start, count))
		return false;
	/* RFC2060 §6.4.5: header data (HEADER, HEADER.FIELDS, MIME) MUST be
	 * 7-bit.  A stored header with raw 8-bit octets gets each one sent
	 * as 'X', one for one, so sizes match BODY[] (munge8bit). */
	if (m->munge8bit && (sec->text == IMAP_SECTION_HEADER || sec->text == IMAP_SECTION_MIME
			     || sec->text == IMAP_SECTION_HEADER_FIELDS
			     || sec->text == IMAP_SECTION_HEADER_FIELDS_NOT)) {
		for (size_t i = 0; i < data.len; i++)
			if ((unsigned char)data.data[i] >= 0x80)
				data.data[i] = 'X';
	}
	add_section_name(out, name, sec, partial, start);
	add_data(out, &data);
	return !data.failed;
}

/*
 * BINARY[part]<partial>, BINARY.PEEK[...] and BINARY.SIZE[part] (RFC3516
 * §4.2, §4.3): the section with its Content-Transfer-Encoding undone.
 * Its size and whether it holds a NUL come from decoding it once without
 * keeping the octets; then a literal8 ("~{n}") when there is a NUL, else
 * a literal (RFC3516 §4.3 SHOULD).  A large section is decoded again as
 * the client reads it (a stream), so the decoded octets are never all in
 * memory; a small one goes into the response text.  A section whose
 * encoding we do not know fails the message (m->unknown_cte: NO
 * [UNKNOWN-CTE], RFC3516 §4.3 MUST).  The partial is reported with its
 * origin, BINARY[1]<2>, as RFC3516 §4.3 writes it (and Dovecot sends).
 */
static bool add_binary(struct fetch_msg *m, const struct imap_fetch_att *att, struct sbuf *out)
{
	const struct imap_section *sec = &att->section;
	const char *msg = m->r.body.data;
	size_t len = m->r.body.len;
	const struct mime_part *root = msgread_tree(&m->r);
	if (root == NULL) {
		out->failed = true;
		return true;
	}
	/* The parse went over the whole message: let go of it. */
	mbox_body_release(&m->r.body, msg + len);
	struct mime_decoder d;
	enum mime_binary_result r = mime_binary_section(m->r.scratch, msg, len, root, sec->parts,
							 sec->nparts, att->partial, att->partial_start,
							 att->partial_len, &d);
	if (r == MIME_BINARY_UNKNOWN_CTE) {
		m->unknown_cte = true;
		return false;
	}
	if (r == MIME_BINARY_NOMEM) {
		out->failed = true;
		return true;
	}
	bool size_only = att->type == IMAP_FETCH_BINARY_SIZE;
	sbuf_adds(out, size_only ? "BINARY.SIZE" : "BINARY");
	ast_print_section(out, sec);
	if (att->partial)
		sbuf_printf(out, "<%u>", att->partial_start);
	sbuf_addc(out, ' ');
	bool nul = false;
	mime_decoder_set_progress(&d, release_behind, m);
	uint64_t size = r == MIME_BINARY_NONE ? 0 : mime_decoder_size(&d, &nul);
	if (size_only) {
		sbuf_printf(out, "%llu", (unsigned long long)size);
		return true;
	}
	if (size == 0) {
		sbuf_adds(out, "\"\"");
		return true;
	}
	sbuf_printf(out, "%s{%llu}\r\n", nul ? "~" : "", (unsigned long long)size);
	if (m->can_stream && size >= FETCH_STREAM_MIN) {
		struct fetch_stream *st = new_stream(m);
		if (st == NULL) {
			out->failed = true;
			return true;
		}
		m->nstreams++;
		st->at = out->len;
		st->decode = true;
		st->dec = d;
		return true;
	}
	/* Two octets of slack: a step of the decoder may want room for a
	 * CRLF although only its CR is inside the window. */
	if (!sbuf_reserve(out, (size_t)size + 2))
		return true;
	size_t got = 0, n;
	while (got < size && (n = mime_decoder_read(&d, out->data + out->len, (size_t)size - got + 2)) > 0) {
		out->len += n;
		got += n;
	}
	out->data[out->len] = '\0';
	return true;
}

bool fetch_mime_item(struct fetch_msg *m, const struct imap_fetch_att *att, struct sbuf *out)
{
	if (!fetch_msg_open(m))
		return false;
	static const struct imap_section whole = { .text = IMAP_SECTION_NONE };
	static const struct imap_section header = { .text = IMAP_SECTION_HEADER };
	static const struct imap_section text = { .text = IMAP_SECTION_TEXT };
	switch (att->type) {
	case IMAP_FETCH_ENVELOPE:
		sbuf_adds(out, "ENVELOPE ");
		mime_envelope_write(out, m->r.scratch, m->r.body.data, m->r.hdr_len);
		return true;
	case IMAP_FETCH_BODY:
	case IMAP_FETCH_BODYSTRUCTURE: {
		const struct mime_part *root = msgread_tree(&m->r);
		sbuf_adds(out, att->type == IMAP_FETCH_BODY ? "BODY " : "BODYSTRUCTURE ");
		if (root != NULL)
			mime_bodystructure_write(out, m->r.scratch, m->r.body.data, root,
						 att->type == IMAP_FETCH_BODYSTRUCTURE);
		return true;
	}
	/* RFC2060 §6.4.5: RFC822 is BODY[], RFC822.HEADER is BODY.PEEK[HEADER],
	 * RFC822.TEXT is BODY[TEXT], each reported under its own name. */
	case IMAP_FETCH_RFC822:
		add_section(m, "RFC822", &whole, false, 0, 0, out);
		return true;
	case IMAP_FETCH_RFC822_HEADER:
		add_section(m, "RFC822.HEADER", &header, false, 0, 0, out);
		return true;
	case IMAP_FETCH_RFC822_TEXT:
		add_section(m, "RFC822.TEXT", &text, false, 0, 0, out);
		return true;
	case IMAP_FETCH_BODY_SECTION:
		add_section(m, NULL, &att->section, att->partial, att->partial_start,
			    att->partial_len, out);
		return true;
	case IMAP_FETCH_BINARY:
	case IMAP_FETCH_BINARY_SIZE:
		return add_binary(m, att, out);
	default:
		return true;
	}
}
