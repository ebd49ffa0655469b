/*
 * expunge.c - EXPUNGE (RFC2060 §6.4.3): remove every \Deleted message.
 * The untagged EXPUNGE responses (for these and for messages others
 * expunged) are written by the notify hook before the tagged OK.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "proto/response.h"
#include "store/mailbox.h"

void cmd_expunge(struct session *s, const struct imap_cmd *cmd)
{
	struct store_err err;
	if (mbox_readonly(s->mbox)) {
		resp_no(s, "Mailbox is read-only (EXAMINE)");
		return;
	}
	if (!mbox_expunge(s->mbox, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	resp_ok(s, "EXPUNGE completed");
}
