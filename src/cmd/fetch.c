/*
 * fetch.c - FETCH and UID FETCH (RFC2060 §6.4.5, §6.4.8): message data.
 *
 * FLAGS, UID, INTERNALDATE and RFC822.SIZE come from the index and never
 * open a message file, so "UID FETCH 1:* (FLAGS)" on a large mailbox
 * costs one pass over memory (fetch_index_only).  The items that need the
 * message (ENVELOPE, BODY, BODYSTRUCTURE, BODY[...], RFC822,
 * RFC822.HEADER, RFC822.TEXT) come from cmd/fetch_mime.c; a response with
 * them is built whole before it is sent, so that a message whose file
 * vanished (expunged by another session) gets no FETCH response at all,
 * and the command ends in NO (RFC3501 §7.4.1 lets the server choose).
 *
 * UID FETCH always includes UID (RFC3501 §6.4.8); it comes first.
 */
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/fetch_mime.h"
#include "cmd/mboxcmd.h"
#include "cmd/mboxfmt.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

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
		/* Room for this item: flags are checked by mboxfmt_flags_write,
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
			size_t n = mboxfmt_flags_write(mb, seq, l->buf + l->n, sizeof(l->buf) - l->n - 8);
			if (n == 0) {
				/* Many long keywords: flush and try in a sbuf. */
				resp_write(s, l->buf, l->n);
				l->n = 0;
				struct sbuf b;
				sbuf_init(&b, NULL);
				mboxfmt_flags(mb, seq, &b);
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
			mboxfmt_date(t, zone, date);
			PUT(l, "INTERNALDATE ");
			put(l, date, strlen(date));
			break;
		}
		case IMAP_FETCH_RFC822_SIZE:
			PUT(l, "RFC822.SIZE ");
			put_u64(l, mbox_msg_size(mb, seq));
			break;
		default:
			break;  /* message-backed: fetch_one_full() */
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

/* An index item into a sbuf (the path with message-backed items, where
 * the stack line of fetch_one() is not worth it). */
static void index_item(struct mailbox *mb, uint32_t seq, const struct imap_fetch_att *att,
		       struct sbuf *b)
{
	switch (att->type) {
	case IMAP_FETCH_FLAGS:
		sbuf_adds(b, "FLAGS ");
		mboxfmt_flags(mb, seq, b);
		break;
	case IMAP_FETCH_UID:
		sbuf_printf(b, "UID %u", mbox_msg_uid(mb, seq));
		break;
	case IMAP_FETCH_INTERNALDATE: {
		char date[32];
		int zone;
		time_t t = mbox_msg_internaldate(mb, seq, &zone);
		sbuf_adds(b, "INTERNALDATE ");
		sbuf_adds(b, mboxfmt_date(t, zone, date));
		break;
	}
	case IMAP_FETCH_RFC822_SIZE:
		sbuf_printf(b, "RFC822.SIZE %llu", (unsigned long long)mbox_msg_size(mb, seq));
		break;
	default:
		break;
	}
}

/*
 * A FETCH response with message-backed items, built whole in b (see the
 * comment at the top).  Returns false when the message is gone.
 */
static bool fetch_one_full(struct session *s, uint32_t seq, const struct imap_cmd_fetch *f,
			   bool uid_first, struct arena *scratch, struct sbuf *b, bool *seen_changed)
{
	struct mailbox *mb = s->mbox;
	struct fetch_msg m;
	fetch_msg_init(&m, mb, seq, scratch);
	m.munge8bit = s->cfg->munge8bit;
	if (!fetch_msg_open(&m)) {
		fetch_msg_done(&m);
		return false;
	}
	/* RFC2060 §6.4.5: BODY[...], RFC822 and RFC822.TEXT set \Seen.  Set
	 * it before the items are written so a FLAGS item shows it; if the
	 * client did not ask for FLAGS, they are added (RFC2060 §6.4.5: the
	 * changed flags SHOULD be included). */
	bool add_flags = false;
	bool wants_flags = false;
	for (size_t i = 0; i < f->natts; i++)
		if (f->atts[i].type == IMAP_FETCH_FLAGS)
			wants_flags = true;
	for (size_t i = 0; i < f->natts; i++) {
		if (fetch_att_sets_seen(&f->atts[i]) && !mbox_readonly(mb)
		    && !(mbox_msg_flags(mb, seq) & IMAP_FLAG_SEEN)) {
			if (mbox_flags_change(mb, seq, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0)) {
				*seen_changed = true;
				add_flags = !wants_flags;
			}
			break;
		}
	}
	sbuf_reset(b);
	sbuf_printf(b, "* %u FETCH (", seq);
	bool first = true;
	if (uid_first) {
		sbuf_printf(b, "UID %u", mbox_msg_uid(mb, seq));
		first = false;
	}
	for (size_t i = 0; i < f->natts; i++) {
		const struct imap_fetch_att *att = &f->atts[i];
		if (att->type == IMAP_FETCH_UID && uid_first)
			continue;
		if (!first)
			sbuf_addc(b, ' ');
		first = false;
		if (fetch_att_needs_message(att)) {
			if (!fetch_mime_item(&m, att, b)) {
				fetch_msg_done(&m);
				return false;
			}
		} else {
			index_item(mb, seq, att, b);
		}
	}
	if (add_flags) {
		sbuf_adds(b, " FLAGS ");
		mboxfmt_flags(mb, seq, b);
	}
	sbuf_add(b, ")\r\n", 3);
	fetch_msg_done(&m);
	return true;
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
	bool uid_first = cmd->uid;
	bool needs_message = false;
	for (size_t i = 0; i < f->natts; i++)
		if (fetch_att_needs_message(&f->atts[i]))
			needs_message = true;
	uint32_t seq;
	if (!needs_message) {
		struct line *l = ARENA_NEW(&s->arena, struct line);
		if (l == NULL) {
			cmd_no(s, "Out of memory");
			return;
		}
		while (mbox_seqs_next(&seqs, &seq))
			fetch_one(s, mb, seq, f, uid_first, l);
		cmd_ok(s, "%sFETCH completed", cmd->uid ? "UID " : "");
		return;
	}

	struct arena scratch;
	arena_init(&scratch);
	struct sbuf b;
	sbuf_init(&b, NULL);
	bool seen_changed = false, gone = false, nomem = false;
	while (mbox_seqs_next(&seqs, &seq)) {
		if (!fetch_one_full(s, seq, f, uid_first, &scratch, &b, &seen_changed)) {
			gone = true;
			continue;
		}
		if (b.failed) {
			nomem = true;
			break;
		}
		resp_write(s, b.data, b.len);
		/* Do not hold a large message in memory after it is queued. */
		if (b.cap > 1024 * 1024)
			sbuf_free(&b);
	}
	sbuf_free(&b);
	arena_free(&scratch);
	if (seen_changed) {
		struct store_err err;
		/* A message expunged meanwhile keeps no flags: nothing lost. */
		(void)mbox_flags_commit(mb, &err);
	}
	if (nomem)
		cmd_no(s, "Out of memory");
	else if (gone)
		cmd_no(s, "Some of the requested messages no longer exist");
	else
		cmd_ok(s, "%sFETCH completed", cmd->uid ? "UID " : "");
}
