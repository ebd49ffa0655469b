/*
 * modseq.c - what the index knows of mod-sequences, for CONDSTORE and
 * QRESYNC (RFC 7162; see mailbox.h): the messages changed since a
 * MODSEQ, and the UIDs expunged since one, from the snapshot's expunge
 * history and the expunges learned after it.
 */
#include <stdlib.h>
#include <string.h>

#include "store/idx_format.h"
#include "store/idx_table.h"
#include "store/mailbox.h"

uint64_t mbox_highestmodseq(const struct mailbox *mb)
{
	return mb->told_modseq;
}

bool mbox_seqs_changed_since(const struct mailbox *mb, struct arena *a, uint64_t modseq,
			     const struct mbox_seqs *within, struct mbox_seqs *out)
{
	memset(out, 0, sizeof(*out));
	struct mbox_seqs it;
	struct mbox_range all = { 1, mb->announced };
	if (within != NULL)
		it = *within;
	else
		it = (struct mbox_seqs){ .n = mb->announced > 0, .r = &all };
	it.i_ = 0;
	it.next_ = it.n > 0 ? it.r[0].lo : 0;
	/* Count the runs first, then fill them in. */
	size_t runs = 0;
	uint32_t seq, prev = 0;
	struct mbox_seqs it2 = it;
	while (mbox_seqs_next(&it2, &seq)) {
		if (idx_at(mb, seq - 1).modseq <= modseq)
			continue;
		if (prev == 0 || seq != prev + 1)
			runs++;
		prev = seq;
	}
	out->r = ARENA_NEWN(a, struct mbox_range, runs > 0 ? runs : 1);
	if (out->r == NULL)
		return false;
	prev = 0;
	while (mbox_seqs_next(&it, &seq)) {
		if (idx_at(mb, seq - 1).modseq <= modseq)
			continue;
		if (prev != 0 && seq == prev + 1)
			out->r[out->n - 1].hi = seq;
		else
			out->r[out->n++] = (struct mbox_range){ seq, seq };
		prev = seq;
	}
	out->next_ = out->n > 0 ? out->r[0].lo : 0;
	return true;
}

static int cmp_range(const void *x, const void *y)
{
	const struct imap_seq_range *a = x, *b = y;
	return a->lo < b->lo ? -1 : a->lo > b->lo;
}

bool mbox_expunged_since(const struct mailbox *mb, struct arena *a, uint64_t modseq,
			 struct imap_seq_set *uids_r, bool *complete_r)
{
	const struct idx_table *t = &mb->t;
	*complete_r = modseq >= t->hist_floor;
	memset(uids_r, 0, sizeof(*uids_r));
	size_t n = 0;
	for (uint32_t i = 0; i < t->nhist; i++)
		if (t->hist[i].modseq > modseq && t->hist[i].uid_lo <= t->hist[i].uid_hi)
			n++;
	for (uint32_t i = 0; i < t->nexp; i++)
		if (t->exp[i].modseq > modseq)
			n++;
	struct imap_seq_range *r = ARENA_NEWN(a, struct imap_seq_range, n > 0 ? n : 1);
	if (r == NULL)
		return false;
	size_t k = 0;
	for (uint32_t i = 0; i < t->nhist; i++)
		if (t->hist[i].modseq > modseq && t->hist[i].uid_lo <= t->hist[i].uid_hi)
			r[k++] = (struct imap_seq_range){ t->hist[i].uid_lo, t->hist[i].uid_hi };
	for (uint32_t i = 0; i < t->nexp; i++)
		if (t->exp[i].modseq > modseq)
			r[k++] = (struct imap_seq_range){ t->exp[i].uid, t->exp[i].uid };
	if (k > 1) {
		qsort(r, k, sizeof(*r), cmp_range);
		size_t w = 0;
		for (size_t i = 1; i < k; i++) {
			if (r[i].lo <= r[w].hi || r[i].lo == r[w].hi + 1) {
				if (r[i].hi > r[w].hi)
					r[w].hi = r[i].hi;
			} else {
				r[++w] = r[i];
			}
		}
		k = w + 1;
	}
	uids_r->n = k;
	uids_r->ranges = r;
	return true;
}
