/*
 * copy.c - COPY and UID COPY (RFC2060 §6.4.7, §6.4.8): copy messages to
 * the end of another mailbox with their flags and internal dates; a
 * missing target is NO [TRYCREATE]; all or nothing.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "proto/response.h"
#include "store/mailbox.h"

void cmd_copy(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_copy *c = &cmd->u.copy;
	struct mbox_seqs seqs;
	const char *bad;
	if (!mbox_seqs_resolve(s->mbox, &s->arena, &c->set, cmd->uid, &seqs, &bad)) {
		resp_bad(s, "%s", bad);
		return;
	}
	const char *name = mboxcmd_name(s, &c->mailbox, false);
	if (name == NULL)
		return;
	struct store_err err;
	/* Flag changes still queued go to disk first, so the copy has them. */
	if (!mbox_flags_commit(s->mbox, &err) && err.code != STORE_ERR_EXPUNGED) {
		mboxcmd_no(s, &err);
		return;
	}
	if (!mbox_copy(s->mbox, &seqs, name, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	resp_ok(s, "%sCOPY completed", cmd->uid ? "UID " : "");
}
