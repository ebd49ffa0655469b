/*
 * qresync.h - QRESYNC (RFC 7162 §3.2) on the protocol side: VANISHED
 * instead of EXPUNGE, VANISHED (EARLIER) for UID FETCH (VANISHED) and
 * SELECT/EXAMINE (QRESYNC ...).  The session state and CONDSTORE's part
 * are in cmd/condstore.h.
 */
#ifndef IMAPD_CMD_QRESYNC_H
#define IMAPD_CMD_QRESYNC_H

#include <stdbool.h>
#include <stdint.h>

#include "proto/ast.h"
#include "proto/session.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/* The QRESYNC parameter's sets, checked before the mailbox is opened
 * (RFC7162 §3.2.5: BAD, and the mailbox stays unselected). */
bool qresync_params_check(struct session *s, const struct imap_select_params *p);

/* After SELECT/EXAMINE (QRESYNC ...) opened the mailbox: VANISHED
 * (EARLIER) and the FETCH responses of what changed since the client's
 * mod-sequence (RFC7162 §3.2.5.1), into b. */
void qresync_select_report(struct session *s, const struct imap_select_params *p,
			   struct sbuf *b);

/* UID FETCH uids (CHANGEDSINCE modseq VANISHED): "* VANISHED (EARLIER)"
 * of the UIDs of `uids` expunged since modseq (RFC7162 §3.2.6).  False
 * when it ended the command (out of memory). */
bool qresync_vanished_earlier(struct session *s, const struct imap_seq_set *uids, uint64_t modseq);

#endif
