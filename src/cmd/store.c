/*
 * store.c - STORE and UID STORE (RFC2060 §6.4.6, §6.4.8): set, add or
 * remove flags.  Without .SILENT each message's new flags come back as
 * an untagged FETCH (with its UID under UID STORE, RFC3501 §6.4.8).
 * \Recent cannot be stored; a read-only mailbox refuses.  A message that
 * another session expunged is left out and the command answers NO.
 *
 * With CONDSTORE (RFC7162 §3.1.3) STORE takes UNCHANGEDSINCE: a message
 * changed after that mod-sequence is left alone and named in the tagged
 * response's MODIFIED code; every FETCH response then carries UID and
 * MODSEQ, also under .SILENT (store_conditional).
 */
#include "cmd/cmd.h"
#include "cmd/modseq.h"
#include "cmd/mboxcmd.h"
#include "cmd/mboxfmt.h"
#include "cmd/rev2.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/* ---- RFC 7162: STORE (UNCHANGEDSINCE), MODSEQ in the responses ---- */

/* Whether uid is in the ascending list uids[n]. */
static bool uid_in(const uint32_t *uids, size_t n, uint32_t uid)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (uids[mid] == uid)
			return true;
		if (uids[mid] < uid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static void store_conditional(struct session *s, const struct imap_cmd *cmd)
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
	/* RFC7162 §3.1: STORE (UNCHANGEDSINCE) is an enabling command. */
	if (c->has_unchangedsince)
		modseq_enable(s);
	if (c->flags.nkeywords > 0)
		cmd_updates_send(s, false);
	/* RFC7162 §3.1.3: UNCHANGEDSINCE 0 fails for every message (a
	 * mod-sequence is at least 1); to the store 0 means "always". */
	bool none = c->has_unchangedsince && c->unchangedsince == 0;
	struct mbox_seqs it = seqs;
	uint32_t seq;
	bool gone = false;
	while (mbox_seqs_next(&it, &seq)) {
		if (mbox_msg_expunged(mb, seq)) {
			gone = true;
			continue;
		}
		if (!none)
			(void)mbox_flags_change_unless(mb, seq, c->op, c->flags.sys, keywords,
						       c->has_unchangedsince ? c->unchangedsince : 0);
	}
	bool ok = mbox_flags_commit(mb, &err);
	if (!ok && err.code != STORE_ERR_EXPUNGED) {
		mboxcmd_no(s, &err);
		return;
	}
	const uint32_t *modified = NULL;
	size_t nmodified = c->has_unchangedsince && !none ? mbox_flags_modified(mb, &modified) : 0;
	/* The failed ones, as sequence numbers (STORE) or UIDs (UID STORE),
	 * ascending either way. */
	uint32_t *failed = NULL;
	size_t nfailed = 0;
	struct sbuf b;
	sbuf_init(&b, NULL);
	it = seqs;
	while (mbox_seqs_next(&it, &seq)) {
		if (mbox_msg_expunged(mb, seq))
			continue;
		uint32_t uid = mbox_msg_uid(mb, seq);
		bool fail = none || (nmodified > 0 && uid_in(modified, nmodified, uid));
		if (fail) {
			if (failed == NULL)
				failed = ARENA_NEWN(&s->arena, uint32_t, mbox_count(mb) + 1);
			if (failed == NULL) {
				sbuf_free(&b);
				cmd_no(s, "Out of memory");
				return;
			}
			failed[nfailed++] = cmd->uid ? uid : seq;
		}
		/* RFC7162 §3.1.3: a FETCH with MODSEQ for every message
		 * changed, .SILENT or not (and UID, §3.2.4); one with the
		 * flags for a message that failed the test, so that the
		 * client need not ask (the RECOMMENDED unsolicited FETCH). */
		sbuf_reset(&b);
		sbuf_printf(&b, "* %u FETCH (UID %u MODSEQ (%llu)", seq, uid,
			    (unsigned long long)mbox_msg_modseq(mb, seq));
		if (!c->silent || fail) {
			sbuf_adds(&b, " FLAGS ");
			mboxfmt_flags(mb, seq, !rev2_on(s), &b);
		}
		sbuf_adds(&b, ")\r\n");
		if (!b.failed)
			resp_write(s, b.data, b.len);
	}
	const char *code = "";
	if (nfailed > 0) {
		sbuf_reset(&b);
		sbuf_adds(&b, "[MODIFIED ");
		modseq_set_write(&b, failed, nfailed);
		sbuf_adds(&b, "] ");
		if (!b.failed)
			code = arena_strndup(&s->arena, b.data, b.len);
		if (code == NULL)
			code = "";
	}
	sbuf_free(&b);
	if (gone || !ok)
		cmd_no(s, "%sSome of the messages no longer exist; the others were changed", code);
	else if (nfailed > 0)
		cmd_ok(s, "%sConditional STORE failed for some messages", code);
	else
		cmd_ok(s, "%sSTORE completed", cmd->uid ? "UID " : "");
}

void cmd_store(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_store *c = &cmd->u.store;
	struct mailbox *mb = s->mbox;
	/* RFC7162: UNCHANGEDSINCE, or MODSEQ in every FETCH response. */
	if (c->has_unchangedsince || modseq_condstore_on(s)) {
		store_conditional(s, cmd);
		return;
	}
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
			mboxfmt_flags(mb, seq, !rev2_on(s), &b);
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
