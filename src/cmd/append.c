/*
 * append.c - APPEND (RFC2060 §6.3.11): add a message to a mailbox, with
 * flags and an internal date if given.  A missing mailbox is
 * NO [TRYCREATE].  Large messages arrive already spooled into the
 * store's spool directory (s->spool); the store renames them into place.
 */
#include <unistd.h>

#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "util/spool.h"

void cmd_append(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_append *a = &cmd->u.append;
	int spool_fd = a->message.spool_fd;
	const char *name = mboxcmd_name(s, &a->mailbox, false);
	if (name != NULL && (!a->has_flags || mboxcmd_check_flags(s, &a->flags))) {
		struct store_new_msg msg = {
			.data = spool_fd >= 0 ? NULL : a->message.data,
			.len = a->message.len,
			.spool_fd = spool_fd,
			.spool_path = spool_fd >= 0 ? spool_path(s->spool, spool_fd) : NULL,
			.sysflags = a->has_flags ? a->flags.sys : 0,
			.nkeywords = a->has_flags ? a->flags.nkeywords : 0,
			.keywords = a->has_flags ? a->flags.keywords : NULL,
			.has_date = a->has_date,
			.date = a->has_date ? a->date.t : 0,
			.zone_minutes = a->has_date ? a->date.zone_minutes : 0,
		};
		struct store_err err;
		uint32_t uidvalidity, uid;
		if (store_append(s->store, name, &msg, &uidvalidity, &uid, &err))
			/* RFC4315 §3 (UIDPLUS): the new message's UID. */
			cmd_ok(s, "[APPENDUID %u %u] APPEND completed", uidvalidity, uid);
		else
			mboxcmd_no(s, &err);
	}
	if (spool_fd >= 0)
		close(spool_fd);
	spool_cleanup(s->spool);
}
