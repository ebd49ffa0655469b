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
	return att->type == IMAP_FETCH_RFC822 || att->type == IMAP_FETCH_RFC822_TEXT
		|| (att->type == IMAP_FETCH_BODY_SECTION && !att->peek);
}

void fetch_msg_init(struct fetch_msg *m, struct mailbox *mb, uint32_t seq, struct arena *scratch)
{
	msgread_init(&m->r, mb, seq, scratch);
	m->munge8bit = false;
}

void fetch_msg_done(struct fetch_msg *m)
{
	msgread_done(&m->r);
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

/* BODY[section]<partial> and its RFC822 aliases. */
static bool add_section(struct fetch_msg *m, const char *name, const struct imap_section *sec,
			bool partial, uint32_t start, uint32_t count, struct sbuf *out)
{
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
	add_data(out, &data);
	return !data.failed;
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
	default:
		return true;
	}
}
