/*
 * unsubscribe.c - UNSUBSCRIBE (RFC2060 §6.3.7): remove a name from the
 * subscriptions; NO when it was not subscribed.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_unsubscribe(struct session *s, const struct imap_cmd *cmd)
{
	const char *name = mboxcmd_name(s, &cmd->u.mailbox.mailbox, false);
	if (name == NULL)
		return;
	struct store_err err;
	if (!store_subscribe(s->store, name, false, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "UNSUBSCRIBE completed");
}
