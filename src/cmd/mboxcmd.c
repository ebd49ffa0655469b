/*
 * mboxcmd.c - helpers of the mailbox and message executors (mboxcmd.h).
 */
#include "cmd/mboxcmd.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/condstore.h"
#include "cmd/mboxfmt.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

const char *mboxcmd_name(struct session *s, const struct imap_string *arg, bool for_create)
{
	struct store_err err;
	char *name = NULL;
	if (!store_name_check(arg->data, arg->len, for_create, &name, &err)) {
		mboxcmd_no(s, &err);
		return NULL;
	}
	const char *copy = arena_strdup(&s->arena, name);
	free(name);
	if (copy == NULL)
		cmd_no(s, "Out of memory");
	return copy;
}

void mboxcmd_no(struct session *s, const struct store_err *err)
{
	/* RFC2060 §6.3.11, §6.4.7: a missing target says TRYCREATE; a full
	 * disk or quota OVERQUOTA (RFC5530 §3, as Dovecot answers both). */
	cmd_no(s, "%s%s", err->code == STORE_ERR_TRYCREATE ? "[TRYCREATE] "
		   : err->code == STORE_ERR_NOSPACE ? "[OVERQUOTA] " : "", err->text);
}

bool mboxcmd_check_flags(struct session *s, const struct imap_flags *flags)
{
	if (flags->sys & IMAP_FLAG_RECENT) {
		resp_bad(s, "\\Recent cannot be set or cleared by a client");
		return false;
	}
	if (flags->nextensions > 0) {
		resp_bad(s, "Unknown system flag %s", flags->extensions[0]);
		return false;
	}
	return true;
}

void mboxcmd_deselect(struct session *s)
{
	mbox_close(&s->mbox);
	s->mbox_readonly = false;
	if (s->state == STATE_SELECTED)
		s->state = STATE_AUTH;
}

void mboxcmd_select(struct session *s, const struct imap_cmd *cmd, bool readonly)
{
	/* RFC2060 §6.3.1: a SELECT first deselects, also when it fails. */
	mboxcmd_deselect(s);
	/* RFC7162 §3.2.5: parameters are checked before anything opens. */
	if (!condstore_select_check(s, &cmd->u.mailbox.params))
		return;
	const char *name = mboxcmd_name(s, &cmd->u.mailbox.mailbox, false);
	if (name == NULL)
		return;
	struct mailbox *mb = NULL;
	struct store_err err;
	if (!mbox_open(s->store, name, readonly ? MBOX_OPEN_READONLY : 0, &mb, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	s->mbox = mb;
	s->mbox_readonly = readonly;
	s->state = STATE_SELECTED;

	/* RFC2060 §6.3.1 and RFC3501 §6.3.1: FLAGS, EXISTS, RECENT, and the
	 * UNSEEN, PERMANENTFLAGS, UIDVALIDITY and UIDNEXT codes. */
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	sbuf_adds(&b, "* FLAGS ");
	mboxfmt_flag_names(mb, false, &b);
	sbuf_printf(&b, "\r\n* %u EXISTS\r\n* %u RECENT\r\n", mbox_count(mb), mbox_recent_count(mb));
	uint32_t unseen = mbox_first_unseen(mb);
	if (unseen != 0)
		sbuf_printf(&b, "* OK [UNSEEN %u] Message %u is the first unseen\r\n", unseen, unseen);
	sbuf_adds(&b, "* OK [PERMANENTFLAGS ");
	if (readonly)
		sbuf_adds(&b, "()] No permanent flags: read-only\r\n");
	else {
		mboxfmt_flag_names(mb, true, &b);
		sbuf_adds(&b, "] Flags the client can change permanently\r\n");
	}
	sbuf_printf(&b, "* OK [UIDVALIDITY %u] UIDs valid\r\n", mbox_uidvalidity(mb));
	sbuf_printf(&b, "* OK [UIDNEXT %u] Predicted next UID\r\n", mbox_uidnext(mb));
	/* RFC7162 §3.1.2.1 HIGHESTMODSEQ; §3.2.5 what QRESYNC asks for. */
	condstore_select_report(s, &cmd->u.mailbox.params, &b);
	if (b.failed) {
		mboxcmd_deselect(s);
		cmd_no(s, "Out of memory");
		return;
	}
	resp_write(s, b.data, b.len);
	cmd_ok(s, "[%s] %s completed", readonly ? "READ-ONLY" : "READ-WRITE",
		readonly ? "EXAMINE" : "SELECT");
}

/* ---- LIST and LSUB ---------------------------------------------------- */

struct list_ctx {
	struct session *s;
	const char *verb;
};

static void list_one(void *vctx, const char *name, unsigned attrs)
{
	struct list_ctx *ctx = vctx;
	struct session *s = ctx->s;
	static const struct {
		unsigned bit;
		const char *text;
	} names[] = {
		{ STORE_LIST_NOINFERIORS, "\\Noinferiors" },
		{ STORE_LIST_NOSELECT, "\\Noselect" },
		{ STORE_LIST_MARKED, "\\Marked" },
		{ STORE_LIST_UNMARKED, "\\Unmarked" },
	};
	resp_printf(s, "* %s (", ctx->verb);
	bool first = true;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!(attrs & names[i].bit))
			continue;
		resp_printf(s, "%s%s", first ? "" : " ", names[i].text);
		first = false;
	}
	resp_puts(s, ") \".\" ");
	resp_astring(s, name, strlen(name));
	resp_puts(s, "\r\n");
}

void mboxcmd_list(struct session *s, const struct imap_cmd *cmd, bool lsub)
{
	const struct imap_cmd_list *l = &cmd->u.list;
	struct list_ctx ctx = { s, lsub ? "LSUB" : "LIST" };
	/* A NUL cannot be in any name: nothing matches. */
	if (memchr(l->reference.data, '\0', l->reference.len) != NULL ||
	    memchr(l->pattern.data, '\0', l->pattern.len) != NULL) {
		cmd_ok(s, "%s completed", ctx.verb);
		return;
	}
	struct store_err err;
	if (!store_list(s->store, l->reference.data, l->pattern.data, lsub, list_one, &ctx, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "%s completed", ctx.verb);
}
