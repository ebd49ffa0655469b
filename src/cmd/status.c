/*
 * status.c - STATUS (RFC2060 §6.3.10): counts of a mailbox, from its
 * index, without selecting it.  The items come back in the order asked.
 * SIZE (RFC8438) sums the index's RFC822.SIZE, so no message file is
 * read; APPENDLIMIT (RFC7889) is maxmessagesize.
 */
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "proto/response.h"
#include "util/sbuf.h"

void cmd_status(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_status *c = &cmd->u.status;
	const char *name = mboxcmd_name(s, &c->mailbox, false);
	if (name == NULL)
		return;
	struct store_status st;
	struct store_err err;
	if (!store_status(s->store, name, &st, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	mboxcmd_status_write(s, name, c->order, c->natts, &st);
	cmd_ok(s, "STATUS completed");
}
