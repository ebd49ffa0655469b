/*
 * create.c - CREATE (RFC2060 §6.3.3): create a mailbox; its superiors
 * exist through it (store/folders.c); a trailing delimiter is dropped;
 * INBOX or an existing mailbox is an error.  With USE (RFC6154 §3,
 * CREATE-SPECIAL-USE) the mailbox is made with its special uses, or not
 * at all.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"

void cmd_create(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_mailbox *c = &cmd->u.mailbox;
	const char *name = mboxcmd_name(s, &c->mailbox, true);
	if (name == NULL)
		return;
	unsigned uses = 0;
	for (size_t i = 0; i < c->nuse; i++) {
		unsigned bit = store_use_bit(c->use[i]);
		/* RFC6154 §3: a use that cannot be given: NO, nothing made,
		 * and the USEATTR code. */
		if (bit == 0) {
			cmd_no(s, "[USEATTR] %s is not a special use this server knows", c->use[i]);
			return;
		}
		uses |= bit;
	}
	struct store_err err;
	bool ok = uses != 0 ? store_create_use(s->store, name, uses, &err)
		: store_create(s->store, name, &err);
	if (!ok) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "CREATE completed");
}
