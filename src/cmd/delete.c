/*
 * delete.c - DELETE (RFC2060 §6.3.4): delete a mailbox.  INBOX cannot be
 * deleted; a name with inferiors keeps them and becomes \Noselect; a
 * \Noselect name with inferiors cannot be deleted.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_delete(struct session *s, const struct imap_cmd *cmd)
{
	const char *name = mboxcmd_name(s, &cmd->u.mailbox.mailbox, false);
	if (name == NULL)
		return;
	struct store_err err;
	if (!store_delete(s->store, name, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "DELETE completed");
}
