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

/* One FETCH response line, built on the stack: FETCH 1:* (FLAGS) on a
 * large mailbox is a hundred thousand of these. */
struct line {
	char buf[8192];
	size_t n;
};

static void put(struct line *l, const char *s, size_t n)
{
	memcpy(l->buf + l->n, s, n);
	l->n += n;
}

static void put_u64(struct line *l, uint64_t v)
{
	char tmp[24];
	size_t n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v != 0);
	while (n > 0)
		l->buf[l->n++] = tmp[--n];
}

#define PUT(l, lit) put((l), (lit), sizeof(lit) - 1)

static void fetch_one(struct session *s, struct mailbox *mb, uint32_t seq,
		      const struct imap_cmd_fetch *f, bool uid_first, struct line *l)
{
	l->n = 0;
	PUT(l, "* ");
	put_u64(l, seq);
	PUT(l, " FETCH (");
	bool first = true;
	if (uid_first) {
		PUT(l, "UID ");
		put_u64(l, mbox_msg_uid(mb, seq));
		first = false;
	}
	for (size_t i = 0; i < f->natts; i++) {
		const struct imap_fetch_att *att = &f->atts[i];
		if (att->type == IMAP_FETCH_UID && uid_first)
			continue;
		/* Room for this item: flags are checked by mbox_flags_write,
		 * the others need less than 64 octets. */
		if (l->n + 64 > sizeof(l->buf)) {
			resp_write(s, l->buf, l->n);
			l->n = 0;
		}
		if (!first)
			l->buf[l->n++] = ' ';
		first = false;
		switch (att->type) {
		case IMAP_FETCH_FLAGS: {
			PUT(l, "FLAGS ");
			size_t n = mbox_flags_write(mb, seq, l->buf + l->n, sizeof(l->buf) - l->n - 8);
			if (n == 0) {
				/* Many long keywords: flush and try in a sbuf. */
				resp_write(s, l->buf, l->n);
				l->n = 0;
				struct sbuf b;
				sbuf_init(&b, NULL);
				mbox_format_flags(mb, seq, &b);
				resp_write(s, b.data, b.len);
				sbuf_free(&b);
			}
			l->n += n;
			break;
		}
		case IMAP_FETCH_UID:
			PUT(l, "UID ");
			put_u64(l, mbox_msg_uid(mb, seq));
			break;
		case IMAP_FETCH_INTERNALDATE: {
			char date[32];
			int zone;
			time_t t = mbox_msg_internaldate(mb, seq, &zone);
			mbox_format_date(t, zone, date);
			PUT(l, "INTERNALDATE ");
			put(l, date, strlen(date));
			break;
		}
		case IMAP_FETCH_RFC822_SIZE:
			PUT(l, "RFC822.SIZE ");
			put_u64(l, mbox_msg_size(mb, seq));
			break;
		default:
			break;  /* refused by fetch_mime_unavailable() */
		}
	}
	PUT(l, ")\r\n");
	resp_write(s, l->buf, l->n);
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
	struct line *l = ARENA_NEW(&s->arena, struct line);
	if (l == NULL) {
		resp_no(s, "Out of memory");
		return;
	}
	uint32_t seq;
	while (mbox_seqs_next(&seqs, &seq))
		fetch_one(s, mb, seq, f, uid_first, l);
	resp_ok(s, "%sFETCH completed", cmd->uid ? "UID " : "");
}
