/*
 * condstore.c - CONDSTORE (RFC 7162 §3.1) in FETCH (MODSEQ, CHANGEDSINCE,
 * VANISHED) and SELECT/EXAMINE (CONDSTORE, QRESYNC: the report is
 * cmd/qresync.c's).  STORE (UNCHANGEDSINCE) is in cmd/store.c, the
 * session's state and the response items in cmd/modseq.c.
 */
#include "cmd/condstore.h"

#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/modseq.h"
#include "cmd/qresync.h"
#include "proto/response.h"

/* ---- FETCH (CHANGEDSINCE) -------------------------------------------------- */

bool condstore_fetch_prepare(struct session *s, const struct imap_cmd *cmd,
			     const struct imap_cmd_fetch **fp, struct mbox_seqs *seqs)
{
	const struct imap_cmd_fetch *f = *fp;
	bool has_modseq = false;
	for (size_t i = 0; i < f->natts; i++)
		if (f->atts[i].type == IMAP_FETCH_MODSEQ)
			has_modseq = true;
	if (f->vanished) {
		/* RFC7162 §3.2.6: UID FETCH only, with CHANGEDSINCE, after
		 * ENABLE QRESYNC; BAD otherwise. */
		if (!cmd->uid) {
			resp_bad(s, "VANISHED is a UID FETCH modifier");
			return false;
		}
		if (!modseq_qresync_on(s)) {
			resp_bad(s, "VANISHED needs ENABLE QRESYNC first");
			return false;
		}
		if (!f->has_changedsince) {
			resp_bad(s, "VANISHED needs CHANGEDSINCE");
			return false;
		}
	}
	if (!has_modseq && !f->has_changedsince)
		return true;
	/* RFC7162 §3.1: FETCH MODSEQ and FETCH (CHANGEDSINCE) enable. */
	modseq_enable(s);
	if (!f->has_changedsince)
		return true;
	if (f->vanished && !qresync_vanished_earlier(s, &f->set, f->changedsince))
		return false;
	struct mbox_seqs changed;
	if (!mbox_seqs_changed_since(s->mbox, &s->arena, f->changedsince, seqs, &changed)) {
		cmd_no(s, "Out of memory");
		return false;
	}
	*seqs = changed;
	/* RFC7162 §3.1.4.1: CHANGEDSINCE adds MODSEQ to the items. */
	if (!has_modseq) {
		struct imap_cmd_fetch *copy = ARENA_NEW(&s->arena, struct imap_cmd_fetch);
		struct imap_fetch_att *atts = ARENA_NEWN(&s->arena, struct imap_fetch_att, f->natts + 1);
		if (copy == NULL || atts == NULL) {
			cmd_no(s, "Out of memory");
			return false;
		}
		*copy = *f;
		if (f->natts > 0)
			memcpy(atts, f->atts, f->natts * sizeof(*atts));
		atts[f->natts] = (struct imap_fetch_att){ .type = IMAP_FETCH_MODSEQ };
		copy->atts = atts;
		copy->natts = f->natts + 1;
		*fp = copy;
	}
	return true;
}

/* ---- SELECT and EXAMINE ----------------------------------------------------- */

bool condstore_select_check(struct session *s, const struct imap_select_params *p)
{
	/* RFC7162 §3.2.5: QRESYNC without ENABLE QRESYNC is BAD, and the
	 * mailbox stays unselected. */
	if (p->qresync && !modseq_qresync_on(s)) {
		resp_bad(s, "QRESYNC needs ENABLE QRESYNC first");
		return false;
	}
	if (p->qresync && !qresync_params_check(s, p))
		return false;
	/* RFC7162 §3.1.8: the CONDSTORE parameter enables (the mailbox is
	 * not open yet: its HIGHESTMODSEQ comes with the SELECT's report). */
	if (p->condstore || p->qresync)
		modseq_enable(s);
	return true;
}

void condstore_select_report(struct session *s, const struct imap_select_params *p,
			     struct sbuf *b)
{
	if (!modseq_condstore_on(s))
		return;
	/* RFC7162 §3.1.2.1: with every SELECT/EXAMINE after an enabling
	 * command. */
	sbuf_printf(b, "* OK [HIGHESTMODSEQ %llu] Highest\r\n",
		    (unsigned long long)mbox_highestmodseq(s->mbox));
	if (p->qresync)
		qresync_select_report(s, p, b);
}
