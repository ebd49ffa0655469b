/*
 * fetch.c - FETCH and UID FETCH (RFC2060 §6.4.5, §6.4.8): message data.
 *
 * FLAGS, UID, INTERNALDATE and RFC822.SIZE come from the index and never
 * open a message file, so "UID FETCH 1:* (FLAGS)" on a large mailbox
 * costs one pass over memory.  The items that need the message parsed
 * (ENVELOPE, BODY, BODYSTRUCTURE, BODY[...], RFC822, RFC822.HEADER,
 * RFC822.TEXT) are refused as a whole command in fetch_mime_unavailable()
 * until src/mime/ provides them: that function is the one place to wire
 * them in (mbox_msg_open() gives the octets, mbox_flags_change() the
 * implicit \Seen, see store/mailbox.h).
 *
 * UID FETCH always includes UID (RFC3501 §6.4.8); it comes first.
 */
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/* ---- MIME-backed items: not available yet ------------------------------ */

static const char *att_name(const struct imap_fetch_att *att)
{
	switch (att->type) {
	case IMAP_FETCH_ENVELOPE: return "ENVELOPE";
	case IMAP_FETCH_RFC822: return "RFC822";
	case IMAP_FETCH_RFC822_HEADER: return "RFC822.HEADER";
	case IMAP_FETCH_RFC822_TEXT: return "RFC822.TEXT";
	case IMAP_FETCH_BODY: return "BODY";
	case IMAP_FETCH_BODYSTRUCTURE: return "BODYSTRUCTURE";
	case IMAP_FETCH_BODY_SECTION: return att->peek ? "BODY.PEEK[...]" : "BODY[...]";
	default: return NULL;
	}
}

/*
 * >>> MIME HOOK <<<  The items of a FETCH that need src/mime/: when the
 * command asks for one, answer NO [UNAVAILABLE] naming it and return
 * true (nothing else is sent).  Replace this with the real items: write
 * them in fetch_one() (mbox_msg_open() for the octets; set \Seen for
 * BODY[...] and RFC822 / RFC822.TEXT unless read-only) and drop the
 * refusal here.
 */
static bool fetch_mime_unavailable(struct session *s, const struct imap_cmd_fetch *f)
{
	for (size_t i = 0; i < f->natts; i++) {
		const char *name = att_name(&f->atts[i]);
		if (name != NULL) {
			resp_no(s, "[UNAVAILABLE] FETCH %s is not available in this server yet", name);
			return true;
		}
	}
	return false;
}

/* ---- the items from the index -------------------------------------------- */

/* Decimal digits of v at p; returns the length (fast path for big FETCHes). */
static size_t put_u64(char *p, uint64_t v)
{
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	for (size_t i = 0; i < n; i++)
		p[i] = tmp[n - 1 - i];
	return n;
}

static void add_u64(struct sbuf *b, uint64_t v)
{
	char tmp[24];
	sbuf_add(b, tmp, put_u64(tmp, v));
}

static void fetch_one(struct session *s, struct mailbox *mb, uint32_t seq,
		      const struct imap_cmd_fetch *f, bool uid_first, struct sbuf *b)
{
	sbuf_reset(b);
	sbuf_add(b, "* ", 2);
	add_u64(b, seq);
	sbuf_add(b, " FETCH (", 8);
	bool first = true;
	if (uid_first) {
		sbuf_add(b, "UID ", 4);
		add_u64(b, mbox_msg_uid(mb, seq));
		first = false;
	}
	for (size_t i = 0; i < f->natts; i++) {
		const struct imap_fetch_att *att = &f->atts[i];
		if (att->type == IMAP_FETCH_UID && uid_first)
			continue;
		if (!first)
			sbuf_addc(b, ' ');
		first = false;
		switch (att->type) {
		case IMAP_FETCH_FLAGS:
			sbuf_add(b, "FLAGS ", 6);
			mbox_format_flags(mb, seq, b);
			break;
		case IMAP_FETCH_UID:
			sbuf_add(b, "UID ", 4);
			add_u64(b, mbox_msg_uid(mb, seq));
			break;
		case IMAP_FETCH_INTERNALDATE: {
			char date[32];
			int zone;
			time_t t = mbox_msg_internaldate(mb, seq, &zone);
			sbuf_add(b, "INTERNALDATE ", 13);
			sbuf_adds(b, mbox_format_date(t, zone, date));
			break;
		}
		case IMAP_FETCH_RFC822_SIZE:
			sbuf_add(b, "RFC822.SIZE ", 12);
			add_u64(b, mbox_msg_size(mb, seq));
			break;
		default:
			break;  /* refused by fetch_mime_unavailable() */
		}
	}
	sbuf_add(b, ")\r\n", 3);
	resp_write(s, b->data, b->len);
}

/* RFC2060 §6.4.5 macros, when the parser left them unexpanded. */
static const struct imap_cmd_fetch *expand_macro(const struct imap_cmd_fetch *f,
						 struct imap_cmd_fetch *buf,
						 struct imap_fetch_att atts[5])
{
	if (f->macro == IMAP_FETCH_MACRO_NONE || f->natts > 0)
		return f;
	static const enum imap_fetch_att_type order[] = {
		IMAP_FETCH_FLAGS, IMAP_FETCH_INTERNALDATE, IMAP_FETCH_RFC822_SIZE,
		IMAP_FETCH_ENVELOPE, IMAP_FETCH_BODY,
	};
	size_t n = f->macro == IMAP_FETCH_MACRO_FAST ? 3 : f->macro == IMAP_FETCH_MACRO_ALL ? 4 : 5;
	*buf = *f;
	memset(atts, 0, 5 * sizeof(atts[0]));
	for (size_t i = 0; i < n; i++)
		atts[i].type = order[i];
	buf->atts = atts;
	buf->natts = n;
	return buf;
}

void cmd_fetch(struct session *s, const struct imap_cmd *cmd)
{
	struct imap_cmd_fetch expanded;
	struct imap_fetch_att macro_atts[5];
	const struct imap_cmd_fetch *f = expand_macro(&cmd->u.fetch, &expanded, macro_atts);
	struct mailbox *mb = s->mbox;
	struct mbox_seqs seqs;
	const char *bad;
	if (!mbox_seqs_resolve(mb, &s->arena, &f->set, cmd->uid, &seqs, &bad)) {
		resp_bad(s, "%s", bad);
		return;
	}
	if (fetch_mime_unavailable(s, f))
		return;
	bool uid_first = cmd->uid;
	struct sbuf b;
	sbuf_init(&b, NULL);
	uint32_t seq;
	while (mbox_seqs_next(&seqs, &seq))
		fetch_one(s, mb, seq, f, uid_first, &b);
	bool failed = b.failed;
	sbuf_free(&b);
	if (failed)
		resp_no(s, "Out of memory");
	else
		resp_ok(s, "%sFETCH completed", cmd->uid ? "UID " : "");
}
