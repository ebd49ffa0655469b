/*
 * fetch.c - FETCH and UID FETCH (RFC2060 §6.4.5, §6.4.8): message data,
 * BINARY sections too (RFC3516).
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
#include "cmd/condstore.h"
#include "cmd/modseq.h"
#include "cmd/fetch_mime.h"
#include "cmd/mboxcmd.h"
#include "cmd/mboxfmt.h"
#include "cmd/rev2.h"
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
			size_t n = mboxfmt_flags_write(mb, seq, !rev2_on(s), l->buf + l->n, sizeof(l->buf) - l->n - 8);
			if (n == 0) {
				/* Many long keywords: flush and try in a sbuf. */
				resp_write(s, l->buf, l->n);
				l->n = 0;
				struct sbuf b;
				sbuf_init(&b, NULL);
				mboxfmt_flags(mb, seq, !rev2_on(s), &b);
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
		case IMAP_FETCH_MODSEQ:  /* RFC7162 §3.1.4.2 */
			PUT(l, "MODSEQ (");
			put_u64(l, mbox_msg_modseq(mb, seq));
			PUT(l, ")");
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
static void index_item(struct session *s, struct mailbox *mb, uint32_t seq,
		       const struct imap_fetch_att *att, struct sbuf *b)
{
	switch (att->type) {
	case IMAP_FETCH_FLAGS:
		sbuf_adds(b, "FLAGS ");
		mboxfmt_flags(mb, seq, !rev2_on(s), b);
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
	case IMAP_FETCH_MODSEQ:  /* RFC7162 §3.1.4.2 */
		sbuf_printf(b, "MODSEQ (%llu)", (unsigned long long)mbox_msg_modseq(mb, seq));
		break;
	default:
		break;
	}
}

/*
 * A FETCH response with message-backed items, its text built in b (see
 * the comment at the top), large body sections left to m->streams.
 * Returns false when the message is gone; m stays open otherwise, until
 * the response has been sent.
 */
static bool fetch_build(struct session *s, uint32_t seq, const struct imap_cmd_fetch *f,
			bool uid_first, struct fetch_msg *m, struct sbuf *b, bool *seen_changed)
{
	struct mailbox *mb = s->mbox;
	m->munge8bit = s->cfg->munge8bit;
	m->can_stream = true;
	/* Expunged elsewhere (known so): no response.  Otherwise each item
	 * reads what it needs, from the cache or the file, and a file found
	 * gone then fails the message. */
	if (mbox_msg_expunged(mb, seq))
		return false;
	/* RFC2060 §6.4.5: BODY[...], RFC822 and RFC822.TEXT set \Seen.  Set
	 * it before the items are written so a FLAGS item shows it; if the
	 * client did not ask for FLAGS, they are added (RFC2060 §6.4.5: the
	 * changed flags SHOULD be included). */
	bool add_flags = false;
	bool wants_flags = false;
	for (size_t i = 0; i < f->natts; i++)
		if (f->atts[i].type == IMAP_FETCH_FLAGS)
			wants_flags = true;
	bool seen_set = false;
	for (size_t i = 0; i < f->natts; i++) {
		if (fetch_att_sets_seen(&f->atts[i]) && !mbox_readonly(mb)
		    && !(mbox_msg_flags(mb, seq) & IMAP_FLAG_SEEN)) {
			if (mbox_flags_change(mb, seq, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0)) {
				*seen_changed = true;
				seen_set = true;
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
			if (!fetch_mime_item(m, att, b)) {
				/* No response for this message: nor its \Seen
				 * (RFC3516 §4.3: the request failed). */
				if (seen_set)
					mbox_flags_change(mb, seq, IMAP_STORE_REMOVE, IMAP_FLAG_SEEN, 0);
				return false;
			}
		} else {
			index_item(s, mb, seq, att, b);
		}
	}
	if (add_flags) {
		sbuf_adds(b, " FLAGS ");
		mboxfmt_flags(mb, seq, !rev2_on(s), b);
	}
	sbuf_add(b, ")\r\n", 3);
	return true;
}

/* A FETCH in progress: it produces output while the client reads it. */
struct fetch_run {
	struct imap_cmd_fetch expanded;     /* the macro, spelled out */
	struct imap_fetch_att macro_atts[5];
	const struct imap_cmd_fetch *f;
	bool uid;                           /* UID FETCH */
	bool needs_message;
	bool needs_info;                    /* INTERNALDATE or RFC822.SIZE: mbox_msg_prepare() */
	struct mbox_seqs seqs;
	struct line *l;                     /* index-only responses */
	struct arena scratch;               /* one message's memory */
	struct sbuf b;                      /* one response's text */
	struct fetch_msg m;
	bool in_msg;                        /* m and b hold a response being sent */
	size_t sent;                        /* octets of b sent */
	size_t next_stream;                 /* m.streams[next_stream] is next */
	const char *released;               /* pages before this are given back */
	bool seen_changed, gone, nomem;
	bool unknown_cte;                   /* RFC3516 §4.3: NO [UNKNOWN-CTE] */
	struct modseq_seen seen;            /* RFC7162 §3.2.4: their UID and MODSEQ after the commit */
};

/* Stream sections a buffer at a time, and give the pages behind back
 * every megabyte. */
#define FETCH_CHUNK (16 * 1024)
#define FETCH_RELEASE_STEP (1024 * 1024)

/* Go on sending the response in run->m / run->b; true once it is all
 * queued, false when the client must read first. */
static bool fetch_send_msg(struct session *s, struct fetch_run *run)
{
	struct conn *c = &s->conn;
	struct fetch_msg *m = &run->m;
	while (run->next_stream < m->nstreams) {
		struct fetch_stream *st = &m->streams[run->next_stream];
		if (run->sent < st->at) {
			resp_write(s, run->b.data + run->sent, st->at - run->sent);
			run->sent = st->at;
		}
		char buf[FETCH_CHUNK];
		size_t n;
		while (!conn_output_full(c) && (n = fetch_stream_read(st, buf, sizeof(buf))) > 0) {
			resp_write(s, buf, n);
			const char *at = fetch_stream_at(st);
			if (at - run->released >= FETCH_RELEASE_STEP) {
				mbox_body_release(&m->r.body, at);
				run->released = at;
			}
		}
		if (conn_output_full(c))
			return false;
		run->next_stream++;
	}
	resp_write(s, run->b.data + run->sent, run->b.len - run->sent);
	fetch_msg_done(m);
	run->in_msg = false;
	/* Do not hold a large response's memory after it is queued. */
	if (run->b.cap > 1024 * 1024)
		sbuf_free(&run->b);
	return true;
}

/* Free what the run holds. */
static void fetch_run_free(struct fetch_run *run)
{
	if (run->in_msg)
		fetch_msg_done(&run->m);
	run->in_msg = false;
	sbuf_free(&run->b);
	arena_free(&run->scratch);
}

/* All responses are out: the flags FETCH set, and the tagged response. */
static void fetch_finish(struct session *s, struct fetch_run *run)
{
	fetch_run_free(run);
	/* What was worked out for the cache goes to it now. */
	mbox_cache_flush(s->mbox);
	if (run->seen_changed) {
		struct store_err err;
		/* A message expunged meanwhile keeps no flags: nothing lost. */
		(void)mbox_flags_commit(s->mbox, &err);
		modseq_seen_report(s, &run->seen);
	}
	if (run->nomem)
		cmd_no(s, "Out of memory");
	else if (run->unknown_cte)
		cmd_no(s, "[UNKNOWN-CTE] A requested section has a Content-Transfer-Encoding "
		       "the server cannot decode");
	else if (run->gone)
		cmd_no(s, "Some of the requested messages no longer exist");
	else
		cmd_ok(s, "%sFETCH completed", run->uid ? "UID " : "");
}

/* Produce responses until the output is full (false: wait) or the
 * command is done (true: the tagged response was sent). */
static bool fetch_produce(struct session *s, struct fetch_run *run)
{
	struct conn *c = &s->conn;
	struct mailbox *mb = s->mbox;
	uint32_t seq;
	while (!conn_output_full(c)) {
		if (run->in_msg) {
			if (!fetch_send_msg(s, run))
				return false;
			continue;
		}
		if (!mbox_seqs_next(&run->seqs, &seq)) {
			fetch_finish(s, run);
			return true;
		}
		/* A size or date not worked out yet is read from the file
		 * now; a message whose file is gone gets no response. */
		if (run->needs_info && !mbox_msg_prepare(mb, seq)) {
			run->gone = true;
			continue;
		}
		if (!run->needs_message) {
			fetch_one(s, mb, seq, run->f, run->uid, run->l);
			continue;
		}
		fetch_msg_init(&run->m, mb, seq, &run->scratch);
		bool seen_before = run->seen_changed;
		run->seen_changed = false;
		bool built = fetch_build(s, seq, run->f, run->uid, &run->m, &run->b, &run->seen_changed);
		if (built && run->seen_changed)
			modseq_seen_note(s, &run->seen, seq);
		run->seen_changed |= seen_before;
		if (!built) {
			if (run->m.unknown_cte)
				run->unknown_cte = true;
			else
				run->gone = true;
			fetch_msg_done(&run->m);
			continue;
		}
		if (run->b.failed) {
			fetch_msg_done(&run->m);
			run->nomem = true;
			fetch_finish(s, run);
			return true;
		}
		run->in_msg = true;
		run->sent = 0;
		run->next_stream = 0;
		run->released = run->m.r.body.data;
	}
	return false;
}

/* The session loop: the client has read enough, or the session ends. */
static void fetch_resume(struct session *s, enum session_event ev, const char *line, size_t len)
{
	struct fetch_run *run = s->cont.ctx;
	(void)line;
	(void)len;
	if (ev == SESSION_EV_ABORT) {
		fetch_run_free(run);
		session_wait_done(s);
		return;
	}
	if (ev != SESSION_EV_WRITABLE)
		return;
	if (fetch_produce(s, run))
		session_wait_done(s);
}

void cmd_fetch(struct session *s, const struct imap_cmd *cmd)
{
	struct fetch_run *run = ARENA_NEW(&s->arena, struct fetch_run);
	if (run == NULL) {
		cmd_no(s, "Out of memory");
		return;
	}
	run->f = expand_macro(&cmd->u.fetch, &run->expanded, run->macro_atts);
	run->uid = cmd->uid;
	const char *bad;
	if (!mbox_seqs_resolve(s->mbox, &s->arena, &run->f->set, cmd->uid, &run->seqs, &bad)) {
		resp_bad(s, "%s", bad);
		return;
	}
	/* RFC7162: CHANGEDSINCE, VANISHED, MODSEQ. */
	if (!condstore_fetch_prepare(s, cmd, &run->f, &run->seqs))
		return;
	for (size_t i = 0; i < run->f->natts; i++) {
		if (fetch_att_needs_message(&run->f->atts[i]))
			run->needs_message = true;
		if (run->f->atts[i].type == IMAP_FETCH_INTERNALDATE ||
		    run->f->atts[i].type == IMAP_FETCH_RFC822_SIZE)
			run->needs_info = true;
	}
	if (!run->needs_message) {
		run->l = ARENA_NEW(&s->arena, struct line);
		if (run->l == NULL) {
			cmd_no(s, "Out of memory");
			return;
		}
	}
	arena_init(&run->scratch);
	sbuf_init(&run->b, NULL);
	/* Most FETCHes are done here; one whose output outgrows what the
	 * client has read goes on from the session loop (fetch_resume). */
	if (!fetch_produce(s, run))
		session_wait(s, SESSION_WAIT_WRITABLE, fetch_resume, run);
}
