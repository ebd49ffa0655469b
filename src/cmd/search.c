/*
 * search.c - SEARCH and UID SEARCH (RFC2060 §6.4.4, §6.4.8).
 *
 * Every key that needs no message parsing is answered from the index:
 * ALL, the flag keys, NEW/OLD/RECENT, KEYWORD/UNKEYWORD, LARGER/SMALLER,
 * BEFORE/ON/SINCE (on the INTERNALDATE's calendar date in its own zone,
 * time and zone ignored, RFC3501 §6.4.4), UID, sequence sets, NOT, OR and
 * parentheses.  Keys that need the message text (BCC BODY CC FROM HEADER
 * SUBJECT TEXT TO and SENTBEFORE/SENTON/SENTSINCE) are refused in
 * search_mime_unavailable() until src/mime/ provides them: that function
 * and the IMAP_SK_* cases in match() are where they go.
 *
 * A UID SEARCH still takes sequence numbers in sequence-set keys; only
 * the results (and the UID key) are UIDs.
 */
#include <string.h>
#include <strings.h>
#include <time.h>

#include "cmd/cmd.h"
#include "cmd/mboxcmd.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

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
};

/* ---- text keys: not available yet ----------------------------------------- */

static const char *text_key_name(enum imap_search_key_type t)
{
	switch (t) {
	case IMAP_SK_BCC: return "BCC";
	case IMAP_SK_BODY: return "BODY";
	case IMAP_SK_CC: return "CC";
	case IMAP_SK_FROM: return "FROM";
	case IMAP_SK_SUBJECT: return "SUBJECT";
	case IMAP_SK_TEXT: return "TEXT";
	case IMAP_SK_TO: return "TO";
	case IMAP_SK_HEADER: return "HEADER";
	case IMAP_SK_SENTBEFORE: return "SENTBEFORE";
	case IMAP_SK_SENTON: return "SENTON";
	case IMAP_SK_SENTSINCE: return "SENTSINCE";
	default: return NULL;
	}
}

static const char *find_text_key(const struct imap_search_key *k)
{
	const char *name = text_key_name(k->type);
	if (name != NULL)
		return name;
	for (int i = 0; i < 2; i++)
		if (k->sub[i] != NULL && (name = find_text_key(k->sub[i])) != NULL)
			return name;
	for (size_t i = 0; i < k->nlist; i++)
		if ((name = find_text_key(k->list[i])) != NULL)
			return name;
	return NULL;
}

/*
 * >>> MIME HOOK <<<  Keys that need src/mime/ (header and body text, the
 * Date: header): answer NO [UNAVAILABLE] naming the first one and return
 * true.  Replace with the real matching in match() once src/mime/ can.
 */
static bool search_mime_unavailable(struct session *s, const struct imap_search_key *keys)
{
	const char *name = find_text_key(keys);
	if (name == NULL)
		return false;
	resp_no(s, "[UNAVAILABLE] SEARCH %s is not available in this server yet", name);
	return true;
}

/* ---- preparing the keys ------------------------------------------------------ */

/* Days since the epoch of a proleptic Gregorian date (Howard Hinnant). */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The calendar day of an internal date in its own zone. */
static long msg_day(const struct mailbox *mb, uint32_t seq)
{
	int zone;
	time_t t = mbox_msg_internaldate(mb, seq, &zone);
	time_t local = t + (time_t)zone * 60;
	return (long)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

static struct skey *prepare(struct session *s, const struct imap_search_key *k, bool *ok,
			    const char **bad_r)
{
	struct skey *p = ARENA_NEW(&s->arena, struct skey);
	if (p == NULL) {
		*ok = false;
		*bad_r = "Search too complex";
		return NULL;
	}
	p->key = k;
	switch (k->type) {
	case IMAP_SK_SEQSET:
	case IMAP_SK_UID:
		if (!mbox_seqs_resolve(s->mbox, &s->arena, &k->set, k->type == IMAP_SK_UID, &p->seqs,
				       bad_r))
			*ok = false;
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
		p->day = days_from_civil(k->date.year, k->date.month, k->date.day);
		break;
	case IMAP_SK_NOT:
	case IMAP_SK_OR:
		for (int i = 0; i < (k->type == IMAP_SK_OR ? 2 : 1); i++)
			p->sub[i] = prepare(s, k->sub[i], ok, bad_r);
		break;
	case IMAP_SK_LIST:
		p->n = k->nlist;
		p->list = ARENA_NEWN(&s->arena, struct skey *, k->nlist > 0 ? k->nlist : 1);
		if (p->list == NULL) {
			*ok = false;
			*bad_r = "Search too complex";
			break;
		}
		for (size_t i = 0; i < k->nlist && *ok; i++)
			p->list[i] = prepare(s, k->list[i], ok, bad_r);
		break;
	default:
		break;
	}
	return p;
}

/* ---- matching ------------------------------------------------------------------- */

static bool match(const struct mailbox *mb, uint32_t seq, const struct skey *p)
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
	case IMAP_SK_NOT: return !match(mb, seq, p->sub[0]);
	case IMAP_SK_OR: return match(mb, seq, p->sub[0]) || match(mb, seq, p->sub[1]);
	case IMAP_SK_LIST:
		for (size_t i = 0; i < p->n; i++)
			if (!match(mb, seq, p->list[i]))
				return false;
		return true;
	default:
		return false;  /* text keys: refused before matching */
	}
}

void cmd_search(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_search *c = &cmd->u.search;
	struct mailbox *mb = s->mbox;
	/* RFC2060 §6.4.4: an unknown charset is NO [BADCHARSET] (RFC3501). */
	if (c->has_charset && strcasecmp(c->charset.data, "US-ASCII") != 0 &&
	    strcasecmp(c->charset.data, "UTF-8") != 0) {
		resp_no(s, "[BADCHARSET (US-ASCII UTF-8)] Unsupported charset %s", c->charset.data);
		return;
	}
	bool ok = true;
	const char *bad = NULL;
	struct skey *top = prepare(s, c->keys, &ok, &bad);
	if (!ok) {
		resp_bad(s, "%s", bad);
		return;
	}
	if (search_mime_unavailable(s, c->keys))
		return;
	/* The numbers go out in pieces: one line, however many match. */
	char buf[8192];
	size_t n = 0;
	memcpy(buf, "* SEARCH", 8);
	n = 8;
	uint32_t count = mbox_count(mb);
	for (uint32_t seq = 1; seq <= count; seq++) {
		if (!match(mb, seq, top))
			continue;
		if (n + 12 > sizeof(buf)) {
			resp_write(s, buf, n);
			n = 0;
		}
		uint32_t v = cmd->uid ? mbox_msg_uid(mb, seq) : seq;
		char tmp[12];
		size_t k = 0;
		do {
			tmp[k++] = (char)('0' + v % 10);
			v /= 10;
		} while (v != 0);
		buf[n++] = ' ';
		while (k > 0)
			buf[n++] = tmp[--k];
	}
	buf[n++] = '\r';
	buf[n++] = '\n';
	resp_write(s, buf, n);
	resp_ok(s, "%sSEARCH completed", cmd->uid ? "UID " : "");
}
