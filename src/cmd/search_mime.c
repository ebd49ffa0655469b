/*
 * search_mime.c - text SEARCH keys over the message (see search_mime.h).
 *
 * RFC2060 §6.4.4: header and text keys match a substring, case-
 * insensitively; the message side is decoded (RFC 2047 words, transfer
 * encodings, charsets to UTF-8) by src/mime/, the search string is
 * converted once from the client's CHARSET.  SENT* compare the calendar
 * date of the Date: header, ignoring time and zone (RFC3501 §6.4.4).
 */
#include "cmd/search_mime.h"

#include <string.h>
#include <strings.h>
#include "util/date.h"

bool search_key_is_text(enum imap_search_key_type type)
{
	switch (type) {
	case IMAP_SK_BCC: case IMAP_SK_BODY: case IMAP_SK_CC: case IMAP_SK_FROM:
	case IMAP_SK_SUBJECT: case IMAP_SK_TEXT: case IMAP_SK_TO: case IMAP_SK_HEADER:
	case IMAP_SK_SENTBEFORE: case IMAP_SK_SENTON: case IMAP_SK_SENTSINCE:
		return true;
	default:
		return false;
	}
}


enum search_prep search_text_prepare(struct arena *a, const char *charset,
				     const struct imap_search_key *k, struct search_text *t_r)
{
	memset(t_r, 0, sizeof(*t_r));
	t_r->key = k;
	switch (k->type) {
	case IMAP_SK_SENTBEFORE: case IMAP_SK_SENTON: case IMAP_SK_SENTSINCE:
		t_r->day = date_days_from_civil(k->date.year, k->date.month, k->date.day);
		return SEARCH_PREP_OK;
	default:
		break;
	}
	struct mime_str utf8 = { k->str.data, k->str.len };
	if (charset != NULL && strcasecmp(charset, "UTF-8") != 0
	    && strcasecmp(charset, "US-ASCII") != 0) {
		enum mime_cs_result r = mime_charset_to_utf8(a, charset, k->str.data, k->str.len, &utf8);
		if (r == MIME_CS_UNKNOWN)
			return SEARCH_PREP_BADCHARSET;
		if (r != MIME_CS_OK)
			return SEARCH_PREP_NOMEM;
	}
	if (!mime_needle_init(&t_r->needle, a, utf8.data, utf8.len))
		return SEARCH_PREP_NOMEM;
	return SEARCH_PREP_OK;
}

void search_msg_init(struct search_msg *m, struct mailbox *mb, uint32_t seq, struct arena *scratch)
{
	msgread_init(&m->r, mb, seq, scratch);
	m->date_tried = m->has_date = false;
}

void search_msg_done(struct search_msg *m)
{
	msgread_done(&m->r);
}

static bool sent_day(struct search_msg *m, long *day_r)
{
	if (!m->date_tried) {
		m->date_tried = true;
		struct mime_date d;
		m->has_date = mime_header_date(m->r.scratch, m->r.body.data, m->r.hdr_len, &d);
		if (m->has_date)
			m->date_day = date_days_from_civil(d.year, d.month, d.day);
	}
	*day_r = m->date_day;
	return m->has_date;
}

bool search_text_match(const struct search_text *t, struct search_msg *m)
{
	if (!msgread_open(&m->r))
		return false;
	const struct imap_search_key *k = t->key;
	const char *field = NULL;
	switch (k->type) {
	case IMAP_SK_BCC: field = "Bcc"; break;
	case IMAP_SK_CC: field = "Cc"; break;
	case IMAP_SK_FROM: field = "From"; break;
	case IMAP_SK_SUBJECT: field = "Subject"; break;
	case IMAP_SK_TO: field = "To"; break;
	case IMAP_SK_HEADER: field = k->field.data; break;
	case IMAP_SK_BODY: {
		const struct mime_part *root = msgread_tree(&m->r);
		return root != NULL && mime_search_body(&t->needle, m->r.scratch, m->r.body.data, root);
	}
	case IMAP_SK_TEXT: {
		const struct mime_part *root = msgread_tree(&m->r);
		return root != NULL && mime_search_text(&t->needle, m->r.scratch, m->r.body.data, root);
	}
	case IMAP_SK_SENTBEFORE:
	case IMAP_SK_SENTON:
	case IMAP_SK_SENTSINCE: {
		/* A message without a usable Date: matches no SENT* key. */
		long day;
		if (!sent_day(m, &day))
			return false;
		return k->type == IMAP_SK_SENTBEFORE ? day < t->day
			: k->type == IMAP_SK_SENTON ? day == t->day : day >= t->day;
	}
	default:
		return false;
	}
	/* RFC3501 §6.4.4: FROM, TO, CC and BCC look at the envelope's
	 * address fields; HEADER looks at the field's text as written. */
	if (k->type == IMAP_SK_FROM || k->type == IMAP_SK_TO || k->type == IMAP_SK_CC ||
	    k->type == IMAP_SK_BCC)
		return mime_search_address(&t->needle, m->r.scratch, m->r.body.data, m->r.hdr_len,
					   field);
	return mime_search_header(&t->needle, m->r.scratch, m->r.body.data, m->r.hdr_len, field);
}
