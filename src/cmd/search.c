/*
 * search.c - SEARCH and UID SEARCH (RFC2060 §6.4.4, §6.4.8).
 *
 * Every key that needs no message parsing is answered from the index:
 * ALL, the flag keys, NEW/OLD/RECENT, KEYWORD/UNKEYWORD, LARGER/SMALLER,
 * BEFORE/ON/SINCE (on the INTERNALDATE's calendar date in its own zone,
 * time and zone ignored, RFC3501 §6.4.4), UID, sequence sets, NOT, OR and
 * parentheses.  Keys that need the message text (BCC BODY CC FROM HEADER
 * SUBJECT TEXT TO and SENTBEFORE/SENTON/SENTSINCE) go to cmd/search_mime.c,
 * which opens a message only when a text key is reached for it: within
 * a list the index keys are tried first, so "UNSEEN FROM x" reads only
 * the unseen messages.
 *
 * A UID SEARCH still takes sequence numbers in sequence-set keys; only
 * the results (and the UID key) are UIDs.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "cmd/mboxfmt.h"
#include "cmd/modseq.h"
#include "cmd/rev2.h"
#include "cmd/search_mime.h"
#include "cmd/searchrun.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"
#include "util/date.h"

/* A search key prepared for the mailbox: sets resolved, keywords as slot
 * masks, dates as day numbers. */
struct skey {
	const struct imap_search_key *key;
	struct mbox_seqs seqs;        /* SEQSET, UID */
	uint32_t kwmask;              /* KEYWORD, UNKEYWORD; 0 = not defined here */
	long day;                     /* BEFORE ON SINCE: days since 1970-01-01 */
	struct skey *sub[2];
	size_t n;
	struct skey **list;
	bool has_text;                /* this key or one below needs the message */
	struct search_text text;      /* a text key, made ready */
};

/* ---- preparing the keys ------------------------------------------------------ */


/* The calendar day of an internal date in its own zone. */
static long msg_day(struct mailbox *mb, uint32_t seq)
{
	int zone;
	time_t t = mbox_msg_internaldate(mb, seq, &zone);
	time_t local = t + (time_t)zone * 60;
	return (long)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

/* Why prepare() failed. */
enum prep_fail { PREP_BAD, PREP_BADCHARSET, PREP_NOMEM };

static struct skey *prepare(struct session *s, const char *charset,
			    const struct imap_search_key *k, bool *ok, const char **bad_r,
			    enum prep_fail *why_r)
{
	struct skey *p = ARENA_NEW(&s->arena, struct skey);
	if (p == NULL) {
		*ok = false;
		*bad_r = "Search too complex";
		*why_r = PREP_NOMEM;
		return NULL;
	}
	p->key = k;
	if (search_key_is_text(k->type)) {
		enum search_prep r = search_text_prepare(&s->arena, charset, k, &p->text);
		if (r != SEARCH_PREP_OK) {
			*ok = false;
			*why_r = r == SEARCH_PREP_BADCHARSET ? PREP_BADCHARSET : PREP_NOMEM;
			*bad_r = "Search too complex";
		}
		p->has_text = true;
		return p;
	}
	switch (k->type) {
	case IMAP_SK_SEQSET:
	case IMAP_SK_UID:
		if (!mbox_seqs_resolve(s->mbox, &s->arena, &k->set, k->type == IMAP_SK_UID, &p->seqs,
				       bad_r)) {
			*ok = false;
			*why_r = PREP_BAD;
		}
		break;
	case IMAP_SK_KEYWORD:
	case IMAP_SK_UNKEYWORD: {
		for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++) {
			const char *name = mbox_keyword_name(s->mbox, i);
			if (name != NULL && strcasecmp(name, k->str.data) == 0)
				p->kwmask |= UINT32_C(1) << i;
		}
		break;
	}
	case IMAP_SK_BEFORE:
	case IMAP_SK_ON:
	case IMAP_SK_SINCE:
		p->day = date_days_from_civil(k->date.year, k->date.month, k->date.day);
		break;
	case IMAP_SK_NOT:
	case IMAP_SK_OR:
		for (int i = 0; i < (k->type == IMAP_SK_OR ? 2 : 1) && *ok; i++) {
			p->sub[i] = prepare(s, charset, k->sub[i], ok, bad_r, why_r);
			if (*ok && p->sub[i]->has_text)
				p->has_text = true;
		}
		break;
	case IMAP_SK_LIST:
		p->n = k->nlist;
		p->list = ARENA_NEWN(&s->arena, struct skey *, k->nlist > 0 ? k->nlist : 1);
		if (p->list == NULL) {
			*ok = false;
			*bad_r = "Search too complex";
			*why_r = PREP_NOMEM;
			break;
		}
		for (size_t i = 0; i < k->nlist && *ok; i++)
			p->list[i] = prepare(s, charset, k->list[i], ok, bad_r, why_r);
		if (!*ok)
			break;
		/* All keys of a list must match: try those the index answers
		 * first, so a message is opened only when they all did. */
		size_t j = 0;
		struct skey **sorted = ARENA_NEWN(&s->arena, struct skey *, p->n > 0 ? p->n : 1);
		if (sorted == NULL) {
			*ok = false;
			*why_r = PREP_NOMEM;
			*bad_r = "Search too complex";
			break;
		}
		for (size_t i = 0; i < p->n; i++)
			if (!p->list[i]->has_text)
				sorted[j++] = p->list[i];
		for (size_t i = 0; i < p->n; i++)
			if (p->list[i]->has_text) {
				sorted[j++] = p->list[i];
				p->has_text = true;
			}
		p->list = sorted;
		break;
	default:
		break;
	}
	return p;
}

/* ---- matching ------------------------------------------------------------------- */

static bool match(struct mailbox *mb, uint32_t seq, const struct skey *p, struct search_msg *m)
{
	const struct imap_search_key *k = p->key;
	unsigned f = mbox_msg_flags(mb, seq);
	switch (k->type) {
	case IMAP_SK_ALL: return true;
	case IMAP_SK_ANSWERED: return (f & IMAP_FLAG_ANSWERED) != 0;
	case IMAP_SK_DELETED: return (f & IMAP_FLAG_DELETED) != 0;
	case IMAP_SK_DRAFT: return (f & IMAP_FLAG_DRAFT) != 0;
	case IMAP_SK_FLAGGED: return (f & IMAP_FLAG_FLAGGED) != 0;
	case IMAP_SK_SEEN: return (f & IMAP_FLAG_SEEN) != 0;
	case IMAP_SK_RECENT: return (f & IMAP_FLAG_RECENT) != 0;
	case IMAP_SK_UNANSWERED: return !(f & IMAP_FLAG_ANSWERED);
	case IMAP_SK_UNDELETED: return !(f & IMAP_FLAG_DELETED);
	case IMAP_SK_UNDRAFT: return !(f & IMAP_FLAG_DRAFT);
	case IMAP_SK_UNFLAGGED: return !(f & IMAP_FLAG_FLAGGED);
	case IMAP_SK_UNSEEN: return !(f & IMAP_FLAG_SEEN);
	/* RFC2060 §6.4.4: NEW is RECENT UNSEEN; OLD is NOT RECENT. */
	case IMAP_SK_NEW: return (f & IMAP_FLAG_RECENT) && !(f & IMAP_FLAG_SEEN);
	case IMAP_SK_OLD: return !(f & IMAP_FLAG_RECENT);
	case IMAP_SK_KEYWORD: return p->kwmask != 0 && (mbox_msg_keywords(mb, seq) & p->kwmask);
	case IMAP_SK_UNKEYWORD: return p->kwmask == 0 || !(mbox_msg_keywords(mb, seq) & p->kwmask);
	case IMAP_SK_LARGER: return mbox_msg_size(mb, seq) > k->number;
	case IMAP_SK_SMALLER: return mbox_msg_size(mb, seq) < k->number;
	case IMAP_SK_BEFORE: return msg_day(mb, seq) < p->day;
	case IMAP_SK_ON: return msg_day(mb, seq) == p->day;
	case IMAP_SK_SINCE: return msg_day(mb, seq) >= p->day;
	case IMAP_SK_SEQSET:
	case IMAP_SK_UID: return mbox_seqs_contains(&p->seqs, seq);
	case IMAP_SK_MODSEQ: return mbox_msg_modseq(mb, seq) >= k->modseq;  /* RFC7162 §3.1.5 */
	case IMAP_SK_NOT: return !match(mb, seq, p->sub[0], m);
	case IMAP_SK_OR: return match(mb, seq, p->sub[0], m) || match(mb, seq, p->sub[1], m);
	case IMAP_SK_LIST:
		for (size_t i = 0; i < p->n; i++)
			if (!match(mb, seq, p->list[i], m))
				return false;
		return true;
	default:
		return search_text_match(&p->text, m);
	}
}

/* The matching messages (ascending sequence numbers), grown as found. */
struct found {
	uint32_t *seq;
	size_t n, cap;
	bool failed;
};

static void found_add(struct found *f, uint32_t seq)
{
	if (f->n == f->cap) {
		size_t cap = f->cap < 256 ? 256 : f->cap * 2;
		uint32_t *n = realloc(f->seq, cap * sizeof(*n));
		if (n == NULL) {
			f->failed = true;
			return;
		}
		f->seq = n;
		f->cap = cap;
	}
	f->seq[f->n++] = seq;
}

/* The numbers the client gets: sequence numbers, or UIDs for UID SEARCH. */
static uint32_t shown(struct mailbox *mb, bool uid, uint32_t seq)
{
	return uid ? mbox_msg_uid(mb, seq) : seq;
}

/*
 * RFC4731 §3.1: one ESEARCH response with what RETURN asked for.  MIN,
 * MAX and ALL are left out when nothing matched; COUNT is always there;
 * "RETURN ()" means ALL; SAVE alone asks for no response at all
 * (RFC5182 §1).  The tag correlates it with its command (RFC4466 §2.6).
 * For SORT (ESORT, RFC5267 §3.1) seqs is in sort order: MIN and MAX are
 * the first and last in it, ALL lists it in that order.
 */
/* ---- RFC 7162 §3.1.5, RFC4731 §3.2: the MODSEQ of a search result ---- */

uint64_t search_found_modseq(struct mailbox *mb, const uint32_t *seqs, size_t n, unsigned ret)
{
	if (n == 0)
		return 0;
	unsigned minmax = ret & (IMAP_SEARCH_RET_MIN | IMAP_SEARCH_RET_MAX);
	if (minmax != 0 && !(ret & (IMAP_SEARCH_RET_ALL | IMAP_SEARCH_RET_COUNT))) {
		uint64_t lo = mbox_msg_modseq(mb, seqs[0]);
		uint64_t hi = mbox_msg_modseq(mb, seqs[n - 1]);
		if (minmax == IMAP_SEARCH_RET_MIN)
			return lo;
		if (minmax == IMAP_SEARCH_RET_MAX)
			return hi;
		return lo > hi ? lo : hi;
	}
	uint64_t top = 0;
	for (size_t i = 0; i < n; i++) {
		uint64_t m = mbox_msg_modseq(mb, seqs[i]);
		if (m > top)
			top = m;
	}
	return top;
}

void search_esearch_write(struct session *s, const struct imap_cmd *cmd, const uint32_t *seqs,
			  size_t n, struct sbuf *b)
{
	unsigned ret = cmd->u.search.ret;
	if (ret == IMAP_SEARCH_RET_SAVE)
		return;
	if (ret == 0)
		ret = IMAP_SEARCH_RET_ALL;
	struct mailbox *mb = s->mbox;
	sbuf_adds(b, "* ESEARCH (TAG ");
	sbuf_add_imap_string(b, cmd->tag, strlen(cmd->tag));
	sbuf_addc(b, ')');
	if (cmd->uid)
		sbuf_adds(b, " UID");
	if (n > 0 && (ret & IMAP_SEARCH_RET_MIN))
		sbuf_printf(b, " MIN %u", shown(mb, cmd->uid, seqs[0]));
	if (n > 0 && (ret & IMAP_SEARCH_RET_MAX))
		sbuf_printf(b, " MAX %u", shown(mb, cmd->uid, seqs[n - 1]));
	if (n > 0 && (ret & IMAP_SEARCH_RET_ALL)) {
		sbuf_adds(b, " ALL ");
		if (cmd->uid) {
			uint32_t *uids = malloc(n * sizeof(*uids));
			if (uids == NULL) {
				b->failed = true;
				return;
			}
			for (size_t i = 0; i < n; i++)
				uids[i] = mbox_msg_uid(mb, seqs[i]);
			mboxfmt_set(b, uids, n);
			free(uids);
		} else {
			mboxfmt_set(b, seqs, n);
		}
	}
	if (ret & IMAP_SEARCH_RET_COUNT)
		sbuf_printf(b, " COUNT %zu", n);
	/* RFC4731 §3.2 with RFC7162: the MODSEQ of what was returned. */
	if (n > 0 && modseq_search_uses(cmd->u.search.keys))
		sbuf_printf(b, " MODSEQ %llu", (unsigned long long)search_found_modseq(mb, seqs, n, ret));
	sbuf_adds(b, "\r\n");
}

/*
 * RFC5182 §2.1, §2.4: what "$" holds after a SEARCH with SAVE: every
 * match, unless only MIN and/or MAX were asked for besides SAVE, when it
 * is just those (one or two messages: `first` and `last`, the matches
 * MIN and MAX name).  asc: every match, ascending.
 */
bool search_save(struct mailbox *mb, unsigned ret, const uint32_t *asc, size_t n, uint32_t first,
		 uint32_t last)
{
	if ((ret & (IMAP_SEARCH_RET_ALL | IMAP_SEARCH_RET_COUNT)) ||
	    !(ret & (IMAP_SEARCH_RET_MIN | IMAP_SEARCH_RET_MAX)) || n == 0)
		return mbox_saved_set(mb, asc, n);
	uint32_t pick[2];
	size_t k = 0;
	if (ret & IMAP_SEARCH_RET_MIN)
		pick[k++] = first;
	if ((ret & IMAP_SEARCH_RET_MAX) && (k == 0 || last != pick[0]))
		pick[k++] = last;
	if (k == 2 && pick[0] > pick[1]) {
		uint32_t t = pick[0];
		pick[0] = pick[1];
		pick[1] = t;
	}
	return mbox_saved_set(mb, pick, k);
}

bool search_run(struct session *s, const struct imap_cmd *cmd, struct search_result *r)
{
	const struct imap_cmd_search *c = &cmd->u.search;
	struct mailbox *mb = s->mbox;
	const char *charset = c->has_charset ? c->charset.data : NULL;
	r->seq = NULL;
	r->n = 0;
	/* RFC5182 §2.1: a SEARCH with SAVE that fails with NO empties the
	 * saved result; one that fails with BAD leaves it alone. */
	bool save = c->has_return && (c->ret & IMAP_SEARCH_RET_SAVE);
	/* RFC2060 §6.4.4: a charset the server does not support is NO with
	 * [BADCHARSET] (RFC3501), even when no key carries a string. */
	if (charset != NULL) {
		struct mime_str probe;
		if (mime_charset_to_utf8(&s->arena, charset, "", 0, &probe) == MIME_CS_UNKNOWN) {
			if (save)
				mbox_saved_set(mb, NULL, 0);
			cmd_no(s, "[BADCHARSET (US-ASCII UTF-8 ISO-8859-1 ISO-8859-15 WINDOWS-1252 "
				"KOI8-R SHIFT_JIS EUC-JP ISO-2022-JP GB2312 BIG5)] Unsupported charset %s",
				charset);
			return false;
		}
	}
	bool ok = true;
	const char *bad = NULL;
	enum prep_fail why = PREP_BAD;
	struct skey *top = prepare(s, charset, c->keys, &ok, &bad, &why);
	if (!ok) {
		if (why != PREP_BAD && save)
			mbox_saved_set(mb, NULL, 0);
		if (why == PREP_BADCHARSET)
			cmd_no(s, "[BADCHARSET] Cannot convert from %s", charset);
		else if (why == PREP_NOMEM)
			cmd_no(s, "Search too complex");
		else
			resp_bad(s, "%s", bad);
		return false;
	}
	/* RFC7162 §3.1.5: MODSEQ is a CONDSTORE enabling command. */
	if (modseq_search_uses(c->keys))
		modseq_enable(s);
	struct arena scratch;
	arena_init(&scratch);
	struct found f = { 0 };
	uint32_t count = mbox_count(mb);
	for (uint32_t seq = 1; seq <= count && !f.failed; seq++) {
		struct search_msg m;
		search_msg_init(&m, mb, seq, &scratch);
		if (match(mb, seq, top, &m))
			found_add(&f, seq);
		search_msg_done(&m);
	}
	arena_free(&scratch);
	mbox_cache_flush(mb);
	if (f.failed) {
		if (save)
			mbox_saved_set(mb, NULL, 0);
		free(f.seq);
		cmd_no(s, "Out of memory");
		return false;
	}
	r->seq = f.seq;
	r->n = f.n;
	return true;
}

void cmd_search(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_search *c = &cmd->u.search;
	struct mailbox *mb = s->mbox;
	bool save = c->has_return && (c->ret & IMAP_SEARCH_RET_SAVE);
	struct search_result r;
	if (!search_run(s, cmd, &r))
		return;
	struct sbuf b;
	sbuf_init(&b, NULL);
	/* RFC9051 §6.4.4 (Appendix E 4): an IMAP4rev2 SEARCH without RETURN
	 * is RETURN (ALL), answered by ESEARCH; never "* SEARCH". */
	if (c->has_return || rev2_on(s)) {
		search_esearch_write(s, cmd, r.seq, r.n, &b);
	} else {
		sbuf_adds(&b, "* SEARCH");
		for (size_t i = 0; i < r.n; i++)
			sbuf_printf(&b, " %u", shown(mb, cmd->uid, r.seq[i]));
		/* RFC7162 §3.1.5: "(MODSEQ n)" after a non-empty result. */
		if (r.n > 0 && modseq_search_uses(c->keys))
			sbuf_printf(&b, " (MODSEQ %llu)",
				    (unsigned long long)search_found_modseq(mb, r.seq, r.n, 0));
		sbuf_adds(&b, "\r\n");
	}
	if (b.failed) {
		if (save)
			mbox_saved_set(mb, NULL, 0);
		free(r.seq);
		sbuf_free(&b);
		cmd_no(s, "Out of memory");
		return;
	}
	resp_write(s, b.data, b.len);
	sbuf_free(&b);
	bool saved = !save || search_save(mb, c->ret, r.seq, r.n, r.n ? r.seq[0] : 0,
					  r.n ? r.seq[r.n - 1] : 0);
	free(r.seq);
	if (!saved) {
		/* RFC5182 §2.5: refused to save: NOTSAVED, "$" empty. */
		cmd_no(s, "[NOTSAVED] Out of memory saving the search result");
		return;
	}
	cmd_ok(s, "%sSEARCH completed%s", cmd->uid ? "UID " : "",
	       save ? ", result saved" : "");
}
