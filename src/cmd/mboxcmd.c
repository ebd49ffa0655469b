/*
 * mboxcmd.c - helpers of the mailbox and message executors (mboxcmd.h).
 */
#include "cmd/mboxcmd.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
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
	/* RFC2060 §6.3.11, §6.4.7: a missing target says TRYCREATE; RFC6154
	 * §3: a special use that cannot be given says USEATTR; RFC5530 §3:
	 * CREATE or RENAME onto a mailbox that exists says ALREADYEXISTS
	 * (offlineimap creates every level of a new folder's name and goes on
	 * only when a NO for an existing one carries it, as Dovecot's does). */
	const char *code = err->code == STORE_ERR_TRYCREATE ? "[TRYCREATE] "
		: err->code == STORE_ERR_USEATTR ? "[USEATTR] "
		: err->code == STORE_ERR_EXISTS ? "[ALREADYEXISTS] " : "";
	cmd_no(s, "%s%s", code, err->text);
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
	if (b.failed) {
		mboxcmd_deselect(s);
		cmd_no(s, "Out of memory");
		return;
	}
	resp_write(s, b.data, b.len);
	cmd_ok(s, "[%s] %s completed", readonly ? "READ-ONLY" : "READ-WRITE",
		readonly ? "EXAMINE" : "SELECT");
}

/* ---- STATUS ------------------------------------------------------------ */

void mboxcmd_status_write(struct session *s, const char *name, const enum imap_status_att *order,
			  size_t n, const struct store_status *st)
{
	resp_puts(s, "* STATUS ");
	resp_astring(s, name, strlen(name));
	resp_puts(s, " (");
	for (size_t i = 0; i < n; i++) {
		const char *sep = i > 0 ? " " : "";
		switch (order[i]) {
		case IMAP_STATUS_MESSAGES: resp_printf(s, "%sMESSAGES %u", sep, st->messages); break;
		case IMAP_STATUS_RECENT: resp_printf(s, "%sRECENT %u", sep, st->recent); break;
		case IMAP_STATUS_UIDNEXT: resp_printf(s, "%sUIDNEXT %u", sep, st->uidnext); break;
		case IMAP_STATUS_UIDVALIDITY:
			resp_printf(s, "%sUIDVALIDITY %u", sep, st->uidvalidity);
			break;
		case IMAP_STATUS_UNSEEN: resp_printf(s, "%sUNSEEN %u", sep, st->unseen); break;
		/* RFC8438 §2: the mailbox's size, the sum of its messages'
		 * RFC822.SIZE, from the index. */
		case IMAP_STATUS_SIZE:
			resp_printf(s, "%sSIZE %llu", sep, (unsigned long long)st->size);
			break;
		/* RFC7889 §3.1: the largest APPEND the mailbox takes; NIL
		 * when there is no limit. */
		case IMAP_STATUS_APPENDLIMIT:
			if (s->cfg->maxmessagesize == 0)
				resp_printf(s, "%sAPPENDLIMIT NIL", sep);
			else
				resp_printf(s, "%sAPPENDLIMIT %llu", sep,
					    (unsigned long long)s->cfg->maxmessagesize);
			break;
		}
	}
	resp_puts(s, ")\r\n");
}

/* ---- LIST and LSUB ---------------------------------------------------- */

struct list_ctx {
	struct session *s;
	const char *verb;
	bool lsub;
	const struct imap_cmd_list *ext;  /* the extended LIST (RFC5258), or NULL */
};

/* The mailbox attributes of one response, "\Noselect \HasChildren". */
static void list_flags(struct sbuf *b, const struct list_ctx *ctx, unsigned attrs, unsigned uses)
{
	const char *sep = "";
#define FLAG(text) do { sbuf_printf(b, "%s%s", sep, text); sep = " "; } while (0)
	/* One selectability flag (RFC5258 §6 mbx-list-sflag); the extended
	 * LIST says \NonExistent where RFC2060 says \Noselect (RFC5258 §3:
	 * \NonExistent implies \Noselect). */
	if (ctx->ext != NULL && (attrs & STORE_LIST_NONEXISTENT))
		FLAG("\\NonExistent");
	else if (attrs & STORE_LIST_NOSELECT)
		FLAG("\\Noselect");
	else if (attrs & STORE_LIST_MARKED)
		FLAG("\\Marked");
	else if (attrs & STORE_LIST_UNMARKED)
		FLAG("\\Unmarked");
	if (attrs & STORE_LIST_NOINFERIORS)
		FLAG("\\Noinferiors");
	/* LSUB stays as RFC2060 has it (RFC3348 §3: children "might not be
	 * returned in response to a LSUB"). */
	if (ctx->lsub)
		return;
	/* RFC3348 §3 (CHILDREN): LIST may always say it; RFC5258 §4: it must
	 * with RETURN (CHILDREN). */
	if (attrs & STORE_LIST_HASCHILDREN)
		FLAG("\\HasChildren");
	else if (attrs & STORE_LIST_HASNOCHILDREN)
		FLAG("\\HasNoChildren");
	/* RFC5258 §3.1, §3.2: \Subscribed with the SUBSCRIBED option. */
	if (ctx->ext != NULL && (attrs & STORE_LIST_SUBSCRIBED) &&
	    ((ctx->ext->select & IMAP_LIST_SEL_SUBSCRIBED) || (ctx->ext->ret & IMAP_LIST_RET_SUBSCRIBED)))
		FLAG("\\Subscribed");
	/* RFC6154 §2: special uses may be in any LIST response. */
	for (unsigned i = 0; i < STORE_USE_COUNT; i++)
		if (uses & (1u << i))
			FLAG(store_use_name(i));
#undef FLAG
}

static void list_one(void *vctx, const struct store_list_item *it)
{
	struct list_ctx *ctx = vctx;
	struct session *s = ctx->s;
	unsigned attrs = it->attrs;
	/* RFC5819 §2: a STATUS response after the LIST of every selectable
	 * mailbox that meets the selection; when STATUS fails the mailbox
	 * is listed \Noselect and gets none. */
	bool status = false;
	struct store_status st;
	if (ctx->ext != NULL && (ctx->ext->ret & IMAP_LIST_RET_STATUS) && it->matched &&
	    !(attrs & STORE_LIST_NOSELECT)) {
		struct store_err err;
		status = store_status(s->store, it->name, &st, &err);
		if (!status)
			attrs = (attrs & ~(STORE_LIST_MARKED | STORE_LIST_UNMARKED)) | STORE_LIST_NOSELECT;
	}
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	list_flags(&b, ctx, attrs, it->uses);
	resp_printf(s, "* %s (", ctx->verb);
	resp_write(s, b.data != NULL ? b.data : "", b.len);
	resp_puts(s, ") \".\" ");
	resp_astring(s, it->name, strlen(it->name));
	/* RFC5258 §3.5: CHILDINFO, only with RECURSIVEMATCH (and so
	 * SUBSCRIBED, the one selection criterion it can name). */
	if (ctx->ext != NULL && it->childinfo)
		resp_puts(s, " (\"CHILDINFO\" (\"SUBSCRIBED\"))");
	resp_puts(s, "\r\n");
	if (status)
		mboxcmd_status_write(s, it->name, ctx->ext->status_order, ctx->ext->nstatus, &st);
}

/* The extended LIST (RFC5258 §3). */
static void list_ext(struct session *s, const struct imap_cmd_list *l, struct list_ctx *ctx)
{
	const char **pats = arena_alloc(&s->arena, (l->npatterns + 1) * sizeof(*pats));
	if (pats == NULL) {
		cmd_no(s, "Out of memory");
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < l->npatterns; i++) {
		/* A NUL cannot be in any name: the pattern matches nothing. */
		if (memchr(l->patterns[i].data, '\0', l->patterns[i].len) == NULL)
			pats[n++] = l->patterns[i].data;
	}
	struct store_list_query q = { .reference = l->reference.data, .patterns = pats,
				      .npatterns = n };
	if (l->select & IMAP_LIST_SEL_SUBSCRIBED)
		q.select |= STORE_SELECT_SUBSCRIBED;
	if (l->select & IMAP_LIST_SEL_RECURSIVEMATCH)
		q.select |= STORE_SELECT_RECURSIVE;
	if (l->select & IMAP_LIST_SEL_SPECIALUSE)
		q.select |= STORE_SELECT_SPECIALUSE;
	/* REMOTE (RFC5258 §3.1): there are no remote mailboxes; ignored. */
	struct store_err err;
	if (memchr(l->reference.data, '\0', l->reference.len) == NULL && n > 0 &&
	    !store_list_ext(s->store, &q, list_one, ctx, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "LIST completed");
}

void mboxcmd_list(struct session *s, const struct imap_cmd *cmd, bool lsub)
{
	const struct imap_cmd_list *l = &cmd->u.list;
	struct list_ctx ctx = { s, lsub ? "LSUB" : "LIST", lsub, NULL };
	if (!lsub && l->extended) {
		ctx.ext = l;
		list_ext(s, l, &ctx);
		return;
	}
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
