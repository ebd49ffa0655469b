/*
 * close.c - CLOSE (RFC2060 §6.4.2): remove the \Deleted messages without
 * untagged EXPUNGE responses (not in a read-only mailbox) and go back to
 * the authenticated state.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "store/mailbox.h"
#include "util/log.h"

void cmd_close(struct session *s, const struct imap_cmd *cmd)
{
	struct store_err err;
	if (!mbox_readonly(s->mbox) && !mbox_expunge(s->mbox, NULL, &err))
		log_warn("CLOSE of %s: expunge failed: %s", mbox_name(s->mbox), err.text);
	mboxcmd_deselect(s);
	cmd_ok(s, "CLOSE completed");
}
