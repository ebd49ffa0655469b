/*
 * check.c - CHECK (RFC2060 §6.4.1): a checkpoint.  Every change is on
 * disk before its command answers, so this writes any queued flag
 * changes and takes in what others did (reported before the OK).
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "store/mailbox.h"

void cmd_check(struct session *s, const struct imap_cmd *cmd)
{
	struct store_err err;
	if (!mbox_flags_commit(s->mbox, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "CHECK completed");
}
