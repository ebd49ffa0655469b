/*
 * modseq.c - what every command needs of RFC 7162 (CONDSTORE and
 * QRESYNC): whether the session turned them on, the UID and MODSEQ items
 * of untagged FETCH responses, VANISHED instead of EXPUNGE, and sets
 * written compactly.  Only responses are written here (no tagged ones),
 * so cmd/updates.c can use it; the commands' own parts are in
 * cmd/condstore.c, cmd/qresync.c and cmd/store.c.  Every mailbox of ours
 * keeps mod-sequences in its index, so NOMODSEQ (§3.1.2.2) is never said.
 */
#include "cmd/modseq.h"

#include <stdlib.h>
#include <string.h>

#include "proto/response.h"

bool modseq_condstore_on(const struct session *s)
{
	return s->modseq_on || session_enabled(s, SESSION_EXT_CONDSTORE);
}

bool modseq_qresync_on(const struct session *s)
{
	return session_enabled(s, SESSION_EXT_QRESYNC);
}

void modseq_enable(struct session *s)
{
	if (s->modseq_on)
		return;
	s->modseq_on = true;
	/* RFC7162 §3.1: the first enabling command with a mailbox selected
	 * says its HIGHESTMODSEQ. */
	if (s->mbox != NULL)
		resp_untagged(s, "OK [HIGHESTMODSEQ %llu] Highest",
			      (unsigned long long)mbox_highestmodseq(s->mbox));
}

void modseq_fetch_items(const struct session *s, struct mailbox *mb, uint32_t seq,
			   uint64_t modseq, struct sbuf *b)
{
	/* RFC7162 §3.1: MODSEQ in every untagged FETCH; §3.2.4 (we offer
	 * QRESYNC): UID too. */
	if (modseq_condstore_on(s))
		sbuf_printf(b, " UID %u MODSEQ (%llu)", mbox_msg_uid(mb, seq),
			    (unsigned long long)modseq);
}

void modseq_set_write(struct sbuf *b, const uint32_t *nums, size_t n)
{
	for (size_t i = 0; i < n;) {
		size_t j = i;
		while (j + 1 < n && nums[j + 1] == nums[j] + 1)
			j++;
		if (i > 0)
			sbuf_addc(b, ',');
		if (j == i)
			sbuf_printf(b, "%u", nums[i]);
		else
			sbuf_printf(b, "%u:%u", nums[i], nums[j]);
		i = j + 1;
	}
}

bool modseq_search_uses(const struct imap_search_key *k)
{
	if (k == NULL)
		return false;
	switch (k->type) {
	case IMAP_SK_MODSEQ:
		return true;
	case IMAP_SK_NOT:
		return modseq_search_uses(k->sub[0]);
	case IMAP_SK_OR:
		return modseq_search_uses(k->sub[0]) || modseq_search_uses(k->sub[1]);
	case IMAP_SK_LIST:
		for (size_t i = 0; i < k->nlist; i++)
			if (modseq_search_uses(k->list[i]))
				return true;
		return false;
	default:
		return false;
	}
}

void modseq_seen_note(struct session *s, struct modseq_seen *seen, uint32_t seq)
{
	if (!modseq_condstore_on(s))
		return;
	if (seen->n == seen->cap) {
		size_t cap = seen->cap < 64 ? 64 : seen->cap * 2;
		uint32_t *n = ARENA_NEWN(&s->arena, uint32_t, cap);
		if (n == NULL)
			return;  /* the client learns the MODSEQ at its next FETCH */
		if (seen->n > 0)
			memcpy(n, seen->seqs, seen->n * sizeof(*n));
		seen->seqs = n;
		seen->cap = cap;
	}
	seen->seqs[seen->n++] = seq;
}

void modseq_seen_report(struct session *s, const struct modseq_seen *seen)
{
	struct mailbox *mb = s->mbox;
	for (size_t i = 0; i < seen->n; i++) {
		uint32_t seq = seen->seqs[i];
		if (mbox_msg_expunged(mb, seq))
			continue;
		resp_untagged(s, "%u FETCH (UID %u MODSEQ (%llu))", seq, mbox_msg_uid(mb, seq),
			      (unsigned long long)mbox_msg_modseq(mb, seq));
	}
}

/* ---- VANISHED instead of EXPUNGE ------------------------------------------ */

static int cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

void modseq_vanished_send(struct session *s, const struct mbox_expunged *ex, uint32_t n)
{
	if (n == 0)
		return;
	uint32_t *uids = malloc(n * sizeof(*uids));
	if (uids == NULL) {
		/* Never drop an expunge: one response each, as RFC7162
		 * §3.2.10.2 allows a list of one. */
		for (uint32_t i = 0; i < n; i++)
			resp_untagged(s, "VANISHED %u", ex[i].uid);
		return;
	}
	for (uint32_t i = 0; i < n; i++)
		uids[i] = ex[i].uid;
	qsort(uids, n, sizeof(*uids), cmp_u32);
	struct sbuf b;
	sbuf_init(&b, NULL);
	sbuf_adds(&b, "* VANISHED ");
	modseq_set_write(&b, uids, n);
	sbuf_adds(&b, "\r\n");
	if (!b.failed)
		resp_write(s, b.data, b.len);
	else
		for (uint32_t i = 0; i < n; i++)
			resp_untagged(s, "VANISHED %u", uids[i]);
	sbuf_free(&b);
	free(uids);
}
