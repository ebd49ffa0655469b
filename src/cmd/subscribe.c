/*
 * subscribe.c - SUBSCRIBE (RFC2060 §6.3.6): add a name to the
 * subscriptions.  The mailbox need not exist (RFC2060 lets the server
 * choose), but the name must be one we would accept.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_subscribe(struct session *s, const struct imap_cmd *cmd)
{
	const char *name = mboxcmd_name(s, &cmd->u.mailbox.mailbox, false);
	if (name == NULL)
		return;
	struct store_err err;
	if (!store_subscribe(s->store, name, true, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "SUBSCRIBE completed");
}
