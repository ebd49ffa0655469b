/*
 * copy.c - COPY and UID COPY (RFC2060 §6.4.7, §6.4.8): copy messages to
 * the end of another mailbox with their flags and internal dates; a
 * missing target is NO [TRYCREATE]; all or nothing.  The tagged OK
 * carries [COPYUID uidvalidity source-uids target-uids] (RFC4315 §3,
 * UIDPLUS), so a client knows the copies without searching for them.
 */
#include "cmd/cmd.h"
#include "proto/ast_print.h"
#include "util/sbuf.h"
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
	/* RFC9208 §4.3.1: a COPY that would pass the quota is refused. */
	struct mbox_seqs all = seqs;
	uint64_t octets = 0, count = 0;
	uint32_t q;
	while (mbox_seqs_next(&all, &q)) {
		octets += mbox_msg_size(s->mbox, q);
		count++;
	}
	if (!cmd_quota_allows(s, octets, count))
		return;
	struct mbox_copy_result res;
	struct mbox_seqs src = seqs;
	if (!mbox_copy(s->mbox, &seqs, name, &res, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	if (res.count == 0) {
		cmd_ok(s, "%sCOPY completed", cmd->uid ? "UID " : "");
		return;
	}
	/* The source UIDs in set order, as ranges; the copies are consecutive. */
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	uint32_t seq, run_lo = 0, run_hi = 0;
	bool first = true;
	while (mbox_seqs_next(&src, &seq)) {
		uint32_t uid = mbox_msg_uid(s->mbox, seq);
		if (!first && uid == run_hi + 1) {
			run_hi = uid;
			continue;
		}
		if (!first)
			sbuf_printf(&b, run_lo == run_hi ? "%u," : "%u:%u,", run_lo, run_hi);
		run_lo = run_hi = uid;
		first = false;
	}
	sbuf_printf(&b, run_lo == run_hi ? "%u" : "%u:%u", run_lo, run_hi);
	if (res.count == 1)
		cmd_ok(s, "[COPYUID %u %s %u] %sCOPY completed", res.uidvalidity, sbuf_str(&b),
			res.first_uid, cmd->uid ? "UID " : "");
	else
		cmd_ok(s, "[COPYUID %u %s %u:%u] %sCOPY completed", res.uidvalidity, sbuf_str(&b),
			res.first_uid, res.first_uid + res.count - 1, cmd->uid ? "UID " : "");
}
