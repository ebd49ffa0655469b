/*
 * modseq.h - the session's RFC 7162 state (CONDSTORE, QRESYNC) and the
 * response items every command may need (cmd/modseq.c).
 */
#ifndef IMAPD_CMD_MODSEQ_H
#define IMAPD_CMD_MODSEQ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/ast.h"
#include "proto/session.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/* Whether a CONDSTORE enabling command (RFC7162 §3.1) ran in this
 * session: untagged FETCH responses then carry MODSEQ (and UID,
 * §3.2.4), SELECT and EXAMINE say HIGHESTMODSEQ. */
bool modseq_condstore_on(const struct session *s);

/* Whether ENABLE QRESYNC ran (RFC7162 §3.2.3): VANISHED replaces
 * EXPUNGE, and the QRESYNC parameter and VANISHED modifier are allowed. */
bool modseq_qresync_on(const struct session *s);

/* A CONDSTORE enabling command runs.  The first one with a mailbox
 * selected says "* OK [HIGHESTMODSEQ n]" (RFC7162 §3.1). */
void modseq_enable(struct session *s);

/* " UID u MODSEQ (m)" for an untagged FETCH of message seq once CONDSTORE
 * is on (RFC7162 §3.1, §3.2.4); nothing otherwise. */
void modseq_fetch_items(const struct session *s, struct mailbox *mb, uint32_t seq,
			   uint64_t modseq, struct sbuf *b);

/* An ascending list of numbers as a sequence-set: "1:3,7". */
void modseq_set_write(struct sbuf *b, const uint32_t *nums, size_t n);

/* Whether a search program uses the MODSEQ key (RFC7162 §3.1.5). */
bool modseq_search_uses(const struct imap_search_key *k);

/* Messages whose \Seen a FETCH set (RFC2060 §6.4.5): once CONDSTORE is
 * on, their UID and new MODSEQ follow the commit (RFC7162 §3.2.4). */
struct modseq_seen {
	uint32_t *seqs;                      /* in the command's arena */
	size_t n, cap;
};
void modseq_seen_note(struct session *s, struct modseq_seen *seen, uint32_t seq);
void modseq_seen_report(struct session *s, const struct modseq_seen *seen);

/* Expunges the client is told of, once QRESYNC is on: "* VANISHED
 * uid-set" instead of "* n EXPUNGE" (RFC7162 §3.2.10.2). */
void modseq_vanished_send(struct session *s, const struct mbox_expunged *ex, uint32_t n);

#endif
