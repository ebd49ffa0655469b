/*
 * store.c - STORE and UID STORE (RFC2060 §6.4.6, §6.4.8): set, add or
 * remove flags.  Without .SILENT each message's new flags come back as
 * an untagged FETCH (with its UID under UID STORE, RFC3501 §6.4.8).
 * \Recent cannot be stored; a read-only mailbox refuses.  A message that
 * another session expunged is left out and the command answers NO.
 */
#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "cmd/mboxfmt.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

void cmd_store(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_store *c = &cmd->u.store;
	struct mailbox *mb = s->mbox;
	if (!mboxcmd_check_flags(s, &c->flags))
		return;
	struct mbox_seqs seqs;
	const char *bad;
	if (!mbox_seqs_resolve(mb, &s->arena, &c->set, cmd->uid, &seqs, &bad)) {
		resp_bad(s, "%s", bad);
		return;
	}
	if (mbox_readonly(mb)) {
		cmd_no(s, "Mailbox is read-only (EXAMINE)");
		return;
	}
	struct store_err err;
	uint32_t keywords = 0;
	if (!mbox_keywords_lookup(mb, c->flags.keywords, c->flags.nkeywords,
				  c->op != IMAP_STORE_REMOVE, &keywords, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	/* A keyword defined just now: the new FLAGS go out before any FETCH
	 * that shows it (RFC2060 §7.2.6).  No EXPUNGE here: seqs must hold. */
	if (c->flags.nkeywords > 0)
		cmd_updates_send(s, false);
	struct mbox_seqs it = seqs;
	uint32_t seq;
	bool gone = false;
	while (mbox_seqs_next(&it, &seq))
		if (!mbox_flags_change(mb, seq, c->op, c->flags.sys, keywords))
			gone = true;
	bool ok = mbox_flags_commit(mb, &err);
	if (!ok && err.code != STORE_ERR_EXPUNGED) {
		mboxcmd_no(s, &err);
		return;
	}
	if (!c->silent) {
		struct sbuf b;
		sbuf_init(&b, NULL);
		it = seqs;
		while (mbox_seqs_next(&it, &seq)) {
			if (mbox_msg_expunged(mb, seq))
				continue;
			sbuf_reset(&b);
			sbuf_printf(&b, "* %u FETCH (", seq);
			if (cmd->uid)
				sbuf_printf(&b, "UID %u ", mbox_msg_uid(mb, seq));
			sbuf_adds(&b, "FLAGS ");
			mboxfmt_flags(mb, seq, &b);
			sbuf_adds(&b, ")\r\n");
			resp_write(s, b.data, b.len);
		}
		sbuf_free(&b);
	}
	if (gone || !ok)
		cmd_no(s, "Some of the messages no longer exist; the others were changed");
	else
		cmd_ok(s, "%sSTORE completed", cmd->uid ? "UID " : "");
}
