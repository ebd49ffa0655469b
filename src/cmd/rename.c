/*
 * rename.c - RENAME (RFC2060 §6.3.5): rename a mailbox with its
 * inferiors; renaming INBOX moves its messages to the new mailbox and
 * leaves INBOX empty.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_rename(struct session *s, const struct imap_cmd *cmd)
{
	const char *from = mboxcmd_name(s, &cmd->u.rename.from, false);
	if (from == NULL)
		return;
	const char *to = mboxcmd_name(s, &cmd->u.rename.to, true);
	if (to == NULL)
		return;
	struct store_err err;
	if (!store_rename(s->store, from, to, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "RENAME completed");
}
