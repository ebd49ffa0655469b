/*
 * status.c - STATUS (RFC2060 §6.3.10): counts of a mailbox, from its
 * index, without selecting it.  The items come back in the order asked.
 */
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/modseq.h"
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
	/* RFC7162 §3.1: STATUS (HIGHESTMODSEQ) is an enabling command. */
	if (c->atts & IMAP_STATUS_HIGHESTMODSEQ)
		modseq_enable(s);
	resp_puts(s, "* STATUS ");
	resp_astring(s, name, strlen(name));
	resp_puts(s, " (");
	for (size_t i = 0; i < c->natts; i++) {
		const char *key = "";
		uint32_t v = 0;
		switch (c->order[i]) {
		case IMAP_STATUS_MESSAGES: key = "MESSAGES"; v = st.messages; break;
		case IMAP_STATUS_RECENT: key = "RECENT"; v = st.recent; break;
		case IMAP_STATUS_UIDNEXT: key = "UIDNEXT"; v = st.uidnext; break;
		case IMAP_STATUS_UIDVALIDITY: key = "UIDVALIDITY"; v = st.uidvalidity; break;
		case IMAP_STATUS_UNSEEN: key = "UNSEEN"; v = st.unseen; break;
		/* RFC7162 §3.1.7 */
		case IMAP_STATUS_HIGHESTMODSEQ:
			resp_printf(s, "%sHIGHESTMODSEQ %llu", i > 0 ? " " : "",
				    (unsigned long long)st.highestmodseq);
			continue;
		}
		resp_printf(s, "%s%s %u", i > 0 ? " " : "", key, v);
	}
	resp_puts(s, ")\r\n");
	cmd_ok(s, "STATUS completed");
}
