/*
 * expunge.c - EXPUNGE (RFC2060 §6.4.3): remove every \Deleted message;
 * UID EXPUNGE (RFC4315 §2.1, UIDPLUS): only those in a UID set, so a
 * client can expunge its own deletions without others'.  The untagged
 * EXPUNGE responses (for these and for messages others expunged) go out
 * with the other mailbox updates before the tagged OK (cmd_ok).
 */
#include "cmd/cmd.h"
#include "cmd/modseq.h"
#include "cmd/mboxcmd.h"
#include "proto/response.h"
#include "store/mailbox.h"

void cmd_expunge(struct session *s, const struct imap_cmd *cmd)
{
	struct store_err err;
	struct mbox_seqs only;
	if (cmd->uid) {
		const char *bad;
		if (!mbox_seqs_resolve(s->mbox, &s->arena, &cmd->u.expunge.set, true, &only, &bad)) {
			resp_bad(s, "%s", bad);
			return;
		}
	}
	if (mbox_readonly(s->mbox)) {
		cmd_no(s, "Mailbox is read-only (EXAMINE)");
		return;
	}
	if (!mbox_expunge(s->mbox, cmd->uid ? &only : NULL, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	/* RFC7162 §3.2.7, §3.2.9: with QRESYNC the tagged OK says the
	 * HIGHESTMODSEQ reached once the VANISHED responses are out. */
	if (modseq_qresync_on(s)) {
		cmd_updates_send(s, true);
		cmd_ok(s, "[HIGHESTMODSEQ %llu] %sEXPUNGE completed",
		       (unsigned long long)mbox_highestmodseq(s->mbox), cmd->uid ? "UID " : "");
		return;
	}
	cmd_ok(s, "%sEXPUNGE completed", cmd->uid ? "UID " : "");
}
