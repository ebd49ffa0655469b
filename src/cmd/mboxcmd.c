/*
 * mboxcmd.c - helpers of the mailbox and message executors (mboxcmd.h).
 */
#include "cmd/mboxcmd.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/condstore.h"
#include "cmd/mboxfmt.h"
#include "cmd/rev2.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/log.h"
#include "util/sbuf.h"

const char *mboxcmd_name(struct session *s, const struct imap_string *arg, bool for_create)
{
	struct store_err err;
	char *name = NULL;
	/* RFC9051 §5.1: an IMAP4rev2 client's name is UTF-8. */
	if (rev2_on(s) && !store_utf8_valid(arg->data, arg->len)) {
		resp_bad(s, "Mailbox name is not valid UTF-8");
		return NULL;
	}
	size_t len;
	const char *data = rev2_name_in(s, arg->data, arg->len, &len);
	if (data == NULL) {
		cmd_no(s, "Out of memory");
		return NULL;
	}
	if (!store_name_check(data, len, for_create, &name, &err)) {
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
	 * only when a NO for an existing one carries it, as Dovecot's does),
	 * and a full disk or quota OVERQUOTA (as Dovecot answers both). */
	const char *code = err->code == STORE_ERR_TRYCREATE ? "[TRYCREATE] "
		: err->code == STORE_ERR_USEATTR ? "[USEATTR] "
		: err->code == STORE_ERR_EXISTS ? "[ALREADYEXISTS] "
		: err->code == STORE_ERR_NOSPACE ? "[OVERQUOTA] " : "";
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
	/* RFC2060 §6.3.1: a SELECT first deselects, also when it fails;
	 * RFC7162 §3.2.11: saying so with CLOSED (a QRESYNC server always
	 * does), so the client knows which responses are the old mailbox's. */
	bool was_selected = s->mbox != NULL;
	mboxcmd_deselect(s);
	/* RFC9051 §7.1 (Appendix E 9): an IMAP4rev2 server says it too. */
	if (was_selected)
		resp_untagged(s, "OK [CLOSED] Previous mailbox closed");
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
	mboxfmt_flag_names(mb, false, !rev2_on(s), &b);
	sbuf_printf(&b, "\r\n* %u EXISTS\r\n", mbox_count(mb));
	/* RFC9051 §6.3.2 (Appendix E 10, 12): IMAP4rev2 has no \Recent,
	 * so no RECENT, and no UNSEEN code. */
	if (!rev2_on(s)) {
		sbuf_printf(&b, "* %u RECENT\r\n", mbox_recent_count(mb));
		uint32_t unseen = mbox_first_unseen(mb);
		if (unseen != 0)
			sbuf_printf(&b, "* OK [UNSEEN %u] Message %u is the first unseen\r\n",
				    unseen, unseen);
	}
	sbuf_adds(&b, "* OK [PERMANENTFLAGS ");
	if (readonly)
		sbuf_adds(&b, "()] No permanent flags: read-only\r\n");
	else {
		mboxfmt_flag_names(mb, true, false, &b);
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
	/* RFC9051 §6.3.2: "The server MUST return a LIST response with the
	 * mailbox name", its attributes accurate (Appendix E 10). */
	if (rev2_on(s) && !mboxcmd_list_selected(s, name))
		log_warn("%s: no LIST for SELECT", name);
	cmd_ok(s, "[%s] %s completed", readonly ? "READ-ONLY" : "READ-WRITE",
		readonly ? "EXAMINE" : "SELECT");
}

/* ---- STATUS ------------------------------------------------------------ */

bool mboxcmd_status_get(struct session *s, const char *name, const enum imap_status_att *order,
			size_t n, struct store_status *st_r, struct store_err *err)
{
	/* SIZE (RFC8438), DELETED and DELETED-STORAGE (RFC9208) take a
	 * pass over the messages: asked for only when wanted. */
	bool pass = false;
	for (size_t i = 0; i < n; i++)
		pass |= order[i] == IMAP_STATUS_SIZE || order[i] == IMAP_STATUS_DELETED ||
			order[i] == IMAP_STATUS_DELETED_STORAGE;
	return store_status(s->store, name, pass, st_r, err);
}

void mboxcmd_status_write(struct session *s, const char *name, const enum imap_status_att *order,
			  size_t n, const struct store_status *st)
{
	/* RFC9051 §5.1: UTF-8 for IMAP4rev2 (nothing for a name it cannot
	 * be said in). */
	const char *shown = rev2_name_out(s, name);
	if (shown == NULL)
		return;
	resp_puts(s, "* STATUS ");
	resp_astring(s, shown, strlen(shown));
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
		/* RFC9208 §4.1.4: messages with \Deleted, and the storage an
		 * EXPUNGE would free: the sum of their RFC822.SIZE. */
		case IMAP_STATUS_DELETED: resp_printf(s, "%sDELETED %u", sep, st->deleted); break;
		case IMAP_STATUS_DELETED_STORAGE:
			resp_printf(s, "%sDELETED-STORAGE %llu", sep,
				    (unsigned long long)st->deleted_size);
			break;
		/* RFC7162 §3.1.7 */
		case IMAP_STATUS_HIGHESTMODSEQ:
			resp_printf(s, "%sHIGHESTMODSEQ %llu", sep, (unsigned long long)st->highestmodseq);
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
	const char *only;  /* list this name and no other (SELECT's LIST), or NULL */
	/* IMAP4rev2 patterns with non-ASCII characters: the names listed
	 * must match one of these UTF-8 patterns (reference + pattern). */
	const char **match;
	size_t nmatch;
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
	if (ctx->only != NULL && strcmp(it->name, ctx->only) != 0)
		return;
	/* RFC9051 §5.1: an IMAP4rev2 session reads UTF-8; a name that cannot
	 * be written so is left out rather than sent raw. */
	const char *shown = rev2_name_out(s, it->name);
	if (shown == NULL)
		return;
	if (ctx->nmatch > 0) {
		bool hit = false;
		for (size_t i = 0; i < ctx->nmatch && !hit; i++)
			hit = store_list_match(ctx->match[i], shown);
		if (!hit)
			return;
	}
	/* RFC5819 §2: a STATUS response after the LIST of every selectable
	 * mailbox that meets the selection; when STATUS fails the mailbox
	 * is listed \Noselect and gets none. */
	bool status = false;
	struct store_status st;
	if (ctx->ext != NULL && (ctx->ext->ret & IMAP_LIST_RET_STATUS) && it->matched &&
	    !(attrs & STORE_LIST_NOSELECT)) {
		struct store_err err;
		status = mboxcmd_status_get(s, it->name, ctx->ext->status_order, ctx->ext->nstatus,
					    &st, &err);
		if (!status)
			attrs = (attrs & ~(STORE_LIST_MARKED | STORE_LIST_UNMARKED)) | STORE_LIST_NOSELECT;
	}
	struct sbuf b;
	sbuf_init(&b, &s->arena);
	list_flags(&b, ctx, attrs, it->uses);
	resp_printf(s, "* %s (", ctx->verb);
	resp_write(s, b.data != NULL ? b.data : "", b.len);
	resp_puts(s, ") \".\" ");
	resp_astring(s, shown, strlen(shown));
	/* RFC5258 §3.5: CHILDINFO, only with RECURSIVEMATCH (and so
	 * SUBSCRIBED, the one selection criterion it can name). */
	if (ctx->ext != NULL && it->childinfo)
		resp_puts(s, " (\"CHILDINFO\" (\"SUBSCRIBED\"))");
	resp_puts(s, "\r\n");
	if (status)
		mboxcmd_status_write(s, it->name, ctx->ext->status_order, ctx->ext->nstatus, &st);
}

/* A reference or pattern as the store spells names (RFC9051 §5.1: UTF-8
 * from an IMAP4rev2 client; wildcards are US-ASCII and stay as they are).
 * NULL after answering BAD or NO. */
static const char *list_arg(struct session *s, const struct imap_string *arg)
{
	if (rev2_on(s) && !store_utf8_valid(arg->data, arg->len)) {
		resp_bad(s, "Mailbox name or pattern is not valid UTF-8");
		return NULL;
	}
	size_t len;
	const char *r = rev2_name_in(s, arg->data, arg->len, &len);
	if (r == NULL)
		cmd_no(s, "Out of memory");
	return r;
}

/*
 * RFC9051 §5.1 with RFC2060 §6.3.8: a pattern with non-ASCII characters
 * cannot be matched in the store's modified UTF-7, where a run of such
 * characters is encoded as a whole ("*ü*" would miss "üä", stored
 * "&APwA5A-").  For an IMAP4rev2 LIST with such a pattern, the store is
 * asked with each non-ASCII run widened to "*" and list_one() keeps the
 * names whose UTF-8 matches the client's pattern.  Returns the widened
 * pattern in the store's spelling; NULL when out of memory.
 */
static const char *list_widen(struct session *s, const char *utf8)
{
	size_t len = strlen(utf8);
	char *w = arena_alloc(&s->arena, len + 1);
	if (w == NULL)
		return NULL;
	size_t n = 0;
	for (size_t i = 0; i < len; i++) {
		if ((unsigned char)utf8[i] < 0x80)
			w[n++] = utf8[i];
		else if (n == 0 || w[n - 1] != '*')
			w[n++] = '*';
	}
	size_t wl;
	return rev2_name_in(s, w, n, &wl);
}

/* Whether an IMAP4rev2 LIST needs list_widen(): a non-ASCII octet. */
static bool list_needs_widen(const struct session *s, const struct imap_string *arg)
{
	if (!rev2_on(s))
		return false;
	for (size_t i = 0; i < arg->len; i++)
		if ((unsigned char)arg->data[i] >= 0x80)
			return true;
	return false;
}

/* reference + pattern, as the store joins them (UTF-8 here). */
static char *list_join(struct session *s, const struct imap_string *ref,
		       const struct imap_string *pat)
{
	char *full = arena_alloc(&s->arena, ref->len + pat->len + 1);
	if (full == NULL)
		return NULL;
	memcpy(full, ref->data, ref->len);
	memcpy(full + ref->len, pat->data, pat->len);
	full[ref->len + pat->len] = '\0';
	return full;
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
		if (memchr(l->patterns[i].data, '\0', l->patterns[i].len) != NULL)
			continue;
		if ((pats[n] = list_arg(s, &l->patterns[i])) == NULL)
			return;
		n++;
	}
	const char *ref = list_arg(s, &l->reference);
	if (ref == NULL)
		return;
	/* Non-ASCII in an IMAP4rev2 pattern: widened, then matched in UTF-8. */
	bool widen = list_needs_widen(s, &l->reference);
	for (size_t i = 0; i < l->npatterns && !widen; i++)
		widen = list_needs_widen(s, &l->patterns[i]);
	if (widen) {
		const char **match = arena_alloc(&s->arena, (l->npatterns + 1) * sizeof(*match));
		if (match == NULL) {
			cmd_no(s, "Out of memory");
			return;
		}
		n = 0;
		for (size_t i = 0; i < l->npatterns; i++) {
			if (memchr(l->patterns[i].data, '\0', l->patterns[i].len) != NULL ||
			    l->patterns[i].len == 0)
				continue;
			match[n] = list_join(s, &l->reference, &l->patterns[i]);
			pats[n] = match[n] != NULL ? list_widen(s, match[n]) : NULL;
			if (pats[n] == NULL) {
				cmd_no(s, "Out of memory");
				return;
			}
			n++;
		}
		ctx->match = match;
		ctx->nmatch = n;
		ref = "";
	}
	struct store_list_query q = { .reference = ref, .patterns = pats, .npatterns = n };
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
	struct list_ctx ctx = { s, lsub ? "LSUB" : "LIST", lsub, NULL, NULL, NULL, 0 };
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
	const char *ref = list_arg(s, &l->reference);
	if (ref == NULL)
		return;
	const char *pat = list_arg(s, &l->pattern);
	if (pat == NULL)
		return;
	/* Non-ASCII in an IMAP4rev2 pattern: widened, then matched in UTF-8
	 * (not the empty pattern, which asks for the reference's root). */
	const char *full = NULL;
	if (l->pattern.len > 0 &&
	    (list_needs_widen(s, &l->reference) || list_needs_widen(s, &l->pattern))) {
		full = list_join(s, &l->reference, &l->pattern);
		pat = full != NULL ? list_widen(s, full) : NULL;
		if (pat == NULL) {
			cmd_no(s, "Out of memory");
			return;
		}
		ref = "";
		ctx.match = &full;
		ctx.nmatch = 1;
	}
	struct store_err err;
	if (!store_list(s->store, ref, pat, lsub, list_one, &ctx, &err)) {
		mboxcmd_no(s, &err);
		return;
	}
	cmd_ok(s, "%s completed", ctx.verb);
}

bool mboxcmd_list_selected(struct session *s, const char *name)
{
	/* The name as a pattern: "%" and "*" may be in a name made by
	 * another tool, so list_one keeps the exact name only. */
	struct list_ctx ctx = { s, "LIST", false, NULL, name, NULL, 0 };
	struct store_err err;
	return store_list(s->store, "", name, false, list_one, &ctx, &err);
}
