/*
 * create.c - CREATE (RFC2060 §6.3.3): create a mailbox, and any missing
 * superiors; a trailing delimiter is dropped; INBOX or an existing name
 * is an error.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_create(struct session *s, const struct imap_cmd *cmd)
{
	const char *name = mboxcmd_name(s, &cmd->u.mailbox.mailbox, true);
	if (name == NULL)
		return;
	struct store_err err;
	if (!store_create(s->store, name, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "CREATE completed");
}
