/*
 * qresync.c - QRESYNC (RFC 7162 §3.2): the expunges a client is told of
 * as VANISHED, and the resynchronisation of SELECT/EXAMINE (QRESYNC ...)
 * and UID FETCH (CHANGEDSINCE n VANISHED).
 *
 * The store keeps the UIDs expunged with their mod-sequences for a
 * bounded time (mbox_expunged_since: the last 20,000 ranges, 90 days).
 * When the client's mod-sequence is older than that history, the answer
 * is still right, only longer: every UID of the client's known range
 * that is not in the mailbox (§3.2.6: "as if it was requested to report
 * all expunged messages"), cut below the last UID the client's sequence
 * match data proves it knows (§3.2.5.2).
 */
#include "cmd/qresync.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/modseq.h"
#include "cmd/mboxfmt.h"
#include "cmd/rev2.h"
#include "proto/response.h"

/* A UID set as ascending, disjoint ranges (lo <= hi). */
struct uranges {
	size_t n;
	struct imap_seq_range *r;
};

static int cmp_lo(const void *x, const void *y)
{
	const struct imap_seq_range *a = x, *b = y;
	return a->lo < b->lo ? -1 : a->lo > b->lo;
}

/* A UID set as the client wrote it, in order; "*" is `star`. */
static bool uranges_from(struct arena *a, const struct imap_seq_set *set, uint32_t star,
			 struct uranges *out)
{
	out->n = 0;
	out->r = ARENA_NEWN(a, struct imap_seq_range, set->n > 0 ? set->n : 1);
	if (out->r == NULL)
		return false;
	for (size_t i = 0; i < set->n; i++) {
		uint32_t lo = set->ranges[i].lo == IMAP_SEQ_STAR ? star : set->ranges[i].lo;
		uint32_t hi = set->ranges[i].hi == IMAP_SEQ_STAR ? star : set->ranges[i].hi;
		if (lo > hi) {
			uint32_t t = lo;
			lo = hi;
			hi = t;
		}
		if (lo == 0)
			continue;
		out->r[out->n++] = (struct imap_seq_range){ lo, hi };
	}
	if (out->n > 1)
		qsort(out->r, out->n, sizeof(*out->r), cmp_lo);
	size_t w = 0;
	for (size_t i = 1; i < out->n; i++) {
		if (out->r[i].lo <= out->r[w].hi || out->r[i].lo == out->r[w].hi + 1) {
			if (out->r[i].hi > out->r[w].hi)
				out->r[w].hi = out->r[i].hi;
		} else {
			out->r[++w] = out->r[i];
		}
	}
	if (out->n > 0)
		out->n = w + 1;
	return true;
}

static bool uranges_contains(const struct uranges *u, uint32_t uid)
{
	size_t lo = 0, hi = u->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (uid < u->r[mid].lo)
			hi = mid;
		else if (uid > u->r[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

/* Append "lo" or "lo:hi" to b, with a comma after the first. */
static void put_range(struct sbuf *b, bool *first, uint32_t lo, uint32_t hi)
{
	if (!*first)
		sbuf_addc(b, ',');
	*first = false;
	if (lo == hi)
		sbuf_printf(b, "%u", lo);
	else
		sbuf_printf(b, "%u:%u", lo, hi);
}

/*
 * The UIDs of `want` the client must learn are gone since modseq, above
 * `floor`, as a sequence-set into b; false when there are none.  From
 * the history when it reaches back that far, else every UID of `want`
 * below UIDNEXT that the mailbox does not hold.
 */
static bool vanished_write(struct session *s, const struct uranges *want, uint64_t modseq,
			   uint32_t floor, struct sbuf *b)
{
	struct mailbox *mb = s->mbox;
	struct imap_seq_set exp;
	bool complete;
	bool first = true;
	if (!mbox_expunged_since(mb, &s->arena, modseq, &exp, &complete))
		return false;
	if (complete) {
		/* The intersection of two ascending range lists. */
		size_t i = 0, j = 0;
		while (i < exp.n && j < want->n) {
			uint32_t lo = exp.ranges[i].lo > want->r[j].lo ? exp.ranges[i].lo : want->r[j].lo;
			uint32_t hi = exp.ranges[i].hi < want->r[j].hi ? exp.ranges[i].hi : want->r[j].hi;
			if (lo < floor + 1)
				lo = floor + 1;
			if (lo <= hi && lo != 0)
				put_range(b, &first, lo, hi);
			if (exp.ranges[i].hi < want->r[j].hi)
				i++;
			else
				j++;
		}
		return !first;
	}
	uint32_t maxuid = mbox_uidnext(mb) - 1;
	uint32_t count = mbox_count(mb);
	uint32_t seq = 1;
	for (size_t j = 0; j < want->n; j++) {
		uint32_t lo = want->r[j].lo > floor ? want->r[j].lo : floor + 1;
		uint32_t hi = want->r[j].hi < maxuid ? want->r[j].hi : maxuid;
		if (lo == 0 || lo > hi)
			continue;
		/* The mailbox's UIDs ascend with the sequence numbers: the
		 * gaps between them within [lo, hi] are gone. */
		while (seq <= count && mbox_msg_uid(mb, seq) < lo)
			seq++;
		uint32_t at = lo;
		while (at <= hi) {
			/* A message expunged but not yet reported counts as gone. */
			while (seq <= count && mbox_msg_expunged(mb, seq))
				seq++;
			if (seq > count || mbox_msg_uid(mb, seq) > hi) {
				put_range(b, &first, at, hi);
				break;
			}
			uint32_t next = mbox_msg_uid(mb, seq);  /* at <= next <= hi < UINT32_MAX */
			if (next > at)
				put_range(b, &first, at, next - 1);
			at = next + 1;
			seq++;
		}
	}
	return !first;
}

bool qresync_vanished_earlier(struct session *s, const struct imap_seq_set *uids, uint64_t modseq)
{
	struct uranges want;
	uint32_t star = mbox_uidnext(s->mbox) > 1 ? mbox_uidnext(s->mbox) - 1 : 0;
	struct sbuf b;
	sbuf_init(&b, NULL);
	sbuf_adds(&b, "* VANISHED (EARLIER) ");
	size_t head = b.len;
	/* "$" (RFC5182): the saved messages exist, so none of them
	 * vanished; as 1:* the answer is a superset, which is allowed. */
	struct imap_seq_range all = { 1, IMAP_SEQ_STAR };
	struct imap_seq_set every = { .n = 1, .ranges = &all };
	if (!uranges_from(&s->arena, uids->saved ? &every : uids, star, &want)) {
		sbuf_free(&b);
		cmd_no(s, "Out of memory");
		return false;
	}
	/* RFC7162 §3.2.6: before any FETCH response. */
	if (vanished_write(s, &want, modseq, 0, &b) && b.len > head) {
		sbuf_adds(&b, "\r\n");
		if (!b.failed)
			resp_write(s, b.data, b.len);
	}
	bool failed = b.failed;
	sbuf_free(&b);
	if (failed) {
		cmd_no(s, "Out of memory");
		return false;
	}
	return true;
}

/* ---- SELECT/EXAMINE (QRESYNC ...) ----------------------------------------- */

/* The number of members of a set without "*" (each range counted). */
static uint64_t set_size(const struct imap_seq_set *set)
{
	uint64_t n = 0;
	for (size_t i = 0; i < set->n; i++) {
		uint32_t lo = set->ranges[i].lo, hi = set->ranges[i].hi;
		n += (uint64_t)(lo > hi ? lo - hi : hi - lo) + 1;
	}
	return n;
}

bool qresync_params_check(struct session *s, const struct imap_select_params *p)
{
	/* RFC7162 §3.2.5.2: the two sets pair up member by member, both in
	 * ascending order. */
	if (p->has_seq_match) {
		if (set_size(&p->known_seqs) != set_size(&p->known_seq_uids)) {
			resp_bad(s, "The known sequence set and UID set differ in size");
			return false;
		}
		const struct imap_seq_set *sets[2] = { &p->known_seqs, &p->known_seq_uids };
		for (int k = 0; k < 2; k++) {
			uint32_t prev = 0;
			for (size_t i = 0; i < sets[k]->n; i++) {
				const struct imap_seq_range *r = &sets[k]->ranges[i];
				if (r->lo > r->hi || r->lo <= prev) {
					resp_bad(s, "Sequence match data must be in ascending order");
					return false;
				}
				prev = r->hi;
			}
		}
	}
	return true;
}

/* The highest UID the client's sequence match data shows it knows with
 * all expunges before it (RFC7162 §3.2.5.2); 0 when none. */
static uint32_t seq_match_floor(struct mailbox *mb, const struct imap_select_params *p)
{
	if (!p->has_seq_match)
		return 0;
	const struct imap_seq_set *ss = &p->known_seqs, *us = &p->known_seq_uids;
	size_t si = 0, ui = 0;
	uint32_t sv = ss->n > 0 ? ss->ranges[0].lo : 0, uv = us->n > 0 ? us->ranges[0].lo : 0;
	uint32_t floor = 0, count = mbox_count(mb);
	while (si < ss->n && ui < us->n) {
		if (sv > count || mbox_msg_expunged(mb, sv) || mbox_msg_uid(mb, sv) != uv)
			break;
		floor = uv;
		if (sv == ss->ranges[si].hi) {
			if (++si < ss->n)
				sv = ss->ranges[si].lo;
		} else {
			sv++;
		}
		if (uv == us->ranges[ui].hi) {
			if (++ui < us->n)
				uv = us->ranges[ui].lo;
		} else {
			uv++;
		}
	}
	return floor;
}

void qresync_select_report(struct session *s, const struct imap_select_params *p,
			   struct sbuf *b)
{
	struct mailbox *mb = s->mbox;
	/* RFC7162 §3.2.5: another UIDVALIDITY: the rest is ignored. */
	if (p->uidvalidity != mbox_uidvalidity(mb))
		return;
	uint32_t maxuid = mbox_uidnext(mb) - 1;
	struct uranges want;
	if (p->has_known_uids) {
		if (!uranges_from(&s->arena, &p->known_uids, maxuid, &want))
			return;
	} else {
		/* §3.2.5.1: no known UIDs means 1:<UIDNEXT-1>. */
		struct imap_seq_range all = { 1, maxuid };
		struct imap_seq_set set = { .n = maxuid > 0 ? 1 : 0, .ranges = &all };
		if (!uranges_from(&s->arena, &set, maxuid, &want))
			return;
	}
	size_t mark = b->len;
	sbuf_adds(b, "* VANISHED (EARLIER) ");
	if (vanished_write(s, &want, p->modseq, seq_match_floor(mb, p), b))
		sbuf_adds(b, "\r\n");
	else
		b->len = mark;
	/* The flag changes since, as UID FETCH (FLAGS) (CHANGEDSINCE)
	 * would give them. */
	struct mbox_seqs changed;
	if (!mbox_seqs_changed_since(mb, &s->arena, p->modseq, NULL, &changed))
		return;
	uint32_t seq;
	while (mbox_seqs_next(&changed, &seq)) {
		uint32_t uid = mbox_msg_uid(mb, seq);
		if (!uranges_contains(&want, uid))
			continue;
		sbuf_printf(b, "* %u FETCH (UID %u FLAGS ", seq, uid);
		mboxfmt_flags(mb, seq, !rev2_on(s), b);
		sbuf_printf(b, " MODSEQ (%llu))\r\n", (unsigned long long)mbox_msg_modseq(mb, seq));
	}
}

