/*
 * move.c - MOVE and UID MOVE (RFC6851): the messages go to another
 * mailbox (or to the end of the selected one) as one action per message,
 * without the \Deleted flag or the STORE responses of COPY + STORE +
 * EXPUNGE (RFC6851 §3.3).  The store does the moving (store/move.c: no
 * message is lost or left in both mailboxes, even across a crash).
 *
 * What the client sees (RFC6851 §3.3, §4.3): an untagged
 * OK [COPYUID uidvalidity source-uids target-uids] first (UIDPLUS is
 * advertised), then an EXPUNGE for each moved message, then the tagged
 * OK.  The EXPUNGEs go out with the other pending updates before the
 * tagged response (cmd_ok), which is why MOVE's table row has no SEQS
 * flag although it names messages by sequence number: RFC6851 §3.3
 * lets the server send unrelated EXPUNGEs with it too.  A target that
 * does not exist is NO [TRYCREATE], as for COPY.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "cmd/mboxfmt.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

void cmd_move(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_copy *c = &cmd->u.copy;
	struct mbox_seqs seqs;
	const char *bad;
	if (!mbox_seqs_resolve(s->mbox, &s->arena, &c->set, cmd->uid, &seqs, &bad)) {
		resp_bad(s, "%s", bad);
		return;
	}
	const char *name = mboxcmd_name(s, &c->mailbox, false);
	if (name == NULL)
		return;
	if (mbox_readonly(s->mbox)) {
		cmd_no(s, "Mailbox is read-only (EXAMINE): messages cannot be moved out of it");
		return;
	}
	struct store_err err;
	/* Flag changes still queued go to disk first, so the moved
	 * messages have them. */
	if (!mbox_flags_commit(s->mbox, &err) && err.code != STORE_ERR_EXPUNGED) {
		mboxcmd_no(s, &err);
		return;
	}
	struct mbox_move_result res;
	if (!mbox_move(s->mbox, &seqs, name, &s->arena, &res, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	const char *verb = cmd->uid ? "UID MOVE" : "MOVE";
	if (res.count == 0) {
		cmd_ok(s, "%s completed, nothing moved", verb);
		return;
	}
	if (res.src_uids != NULL) {
		/* RFC6851 §4.3: COPYUID in an untagged OK, before the
		 * EXPUNGEs, so the client can match them up. */
		struct sbuf b;
		sbuf_init(&b, &s->arena);
		sbuf_printf(&b, "OK [COPYUID %u ", res.uidvalidity);
		mboxfmt_set(&b, res.src_uids, res.count);
		if (res.count == 1)
			sbuf_printf(&b, " %u] Moved", res.first_uid);
		else
			sbuf_printf(&b, " %u:%u] Moved", res.first_uid, res.first_uid + res.count - 1);
		if (!b.failed)
			resp_untagged(s, "%s", sbuf_str(&b));
	}
	cmd_ok(s, "%s completed", verb);
}
