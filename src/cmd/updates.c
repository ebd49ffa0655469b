/*
 * updates.c - telling the client what changed in the selected mailbox
 * (other sessions' flag changes and expunges, deliveries, new keywords),
 * at the points where it may learn of it: before the tagged OK or NO that
 * ends a command (RFC2060 §5.2), and, from the session loop, whenever the
 * mailbox changes while the client waits (IDLE).  No EXPUNGE while a
 * command that names messages by sequence number runs: FETCH, STORE,
 * SEARCH and COPY, but not their UID forms (RFC2060 §7.4.1, RFC3501
 * §7.4.1).
 *
 * The store hands the changes over as data (mbox_changes_take); this file
 * is where they become IMAP text.
 */
#include <stdarg.h>

#include "cmd/cmd.h"
#include "cmd/modseq.h"
#include "cmd/mboxfmt.h"
#include "cmd/rev2.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/log.h"
#include "util/sbuf.h"

void cmd_updates_send(struct session *s, bool expunge_ok)
{
	if (s->mbox == NULL || s->state == STATE_LOGOUT)
		return;
	struct mailbox *mb = s->mbox;
	struct mbox_changes ch;
	if (!mbox_changes_take(mb, expunge_ok, &ch)) {
		log_err("%s: out of memory reporting mailbox changes", mbox_name(mb));
		return;
	}
	if (ch.gone) {
		/* Deleted or replaced by another session: nothing we could
		 * say keeps the client's view consistent (Dovecot does this). */
		resp_untagged(s, "BYE Selected mailbox was deleted or renamed, closing connection");
		s->state = STATE_LOGOUT;
		return;
	}
	/* RFC7162 §3.2.10.2: VANISHED instead, once QRESYNC is on. */
	if (modseq_qresync_on(s))
		modseq_vanished_send(s, ch.expunged, ch.nexpunged);
	else
		for (uint32_t i = 0; i < ch.nexpunged; i++)
			resp_untagged(s, "%u EXPUNGE", ch.expunged[i].seq);
	struct sbuf b;
	sbuf_init(&b, NULL);
	if (ch.flag_names) {
		/* RFC2060 §7.2.6: a new keyword changes the FLAGS list. */
		sbuf_adds(&b, "* FLAGS ");
		mboxfmt_flag_names(mb, false, !rev2_on(s), &b);
		sbuf_adds(&b, "\r\n* OK [PERMANENTFLAGS ");
		if (mbox_readonly(mb))
			sbuf_adds(&b, "()");
		else
			mboxfmt_flag_names(mb, true, false, &b);
		sbuf_adds(&b, "] Flags changed\r\n");
	}
	/* RFC9051 §7.4.1 (Appendix E 12): no RECENT for IMAP4rev2. */
	if (ch.new_messages && rev2_on(s))
		sbuf_printf(&b, "* %u EXISTS\r\n", ch.exists);
	else if (ch.new_messages)
		sbuf_printf(&b, "* %u EXISTS\r\n* %u RECENT\r\n", ch.exists, ch.recent);
	if (b.len > 0 && !b.failed)
		resp_write(s, b.data, b.len);
	for (uint32_t i = 0; i < ch.nflags; i++) {
		sbuf_reset(&b);
		/* RFC9051 §7.5.2 (Appendix E 21): "If the server chooses to
		 * send unsolicited FETCH responses, they MUST include UID";
		 * with CONDSTORE on, modseq_fetch_items() writes it. */
		if (rev2_on(s) && !modseq_condstore_on(s))
			sbuf_printf(&b, "* %u FETCH (UID %u FLAGS ", ch.flags[i].seq,
				    mbox_msg_uid(mb, ch.flags[i].seq));
		else
			sbuf_printf(&b, "* %u FETCH (FLAGS ", ch.flags[i].seq);
		mboxfmt_flags(mb, ch.flags[i].seq, !rev2_on(s), &b);
		modseq_fetch_items(s, mb, ch.flags[i].seq, ch.flags[i].modseq, &b);
		sbuf_adds(&b, ")\r\n");
		if (!b.failed)
			resp_write(s, b.data, b.len);
	}
	sbuf_free(&b);
}

/* The pending updates may go out before a tagged OK or NO; EXPUNGE only
 * when the running command does not use sequence numbers. */
static void tagged(struct session *s, const char *status, const char *fmt, va_list ap)
{
	cmd_updates_send(s, !(s->cmd_flags & CMD_FLAG_USES_SEQS));
	resp_vtagged(s, status, fmt, ap);
}

void cmd_ok(struct session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tagged(s, "OK", fmt, ap);
	va_end(ap);
}

void cmd_no(struct session *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	tagged(s, "NO", fmt, ap);
	va_end(ap);
}
