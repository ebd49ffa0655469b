/*
 * condstore.h - RFC 7162 in FETCH and SELECT/EXAMINE (cmd/condstore.c).
 * The session's state and the response items are in cmd/modseq.h; the
 * mod-sequences themselves are the store's (store/mailbox.h, "MODSEQ").
 */
#ifndef IMAPD_CMD_CONDSTORE_H
#define IMAPD_CMD_CONDSTORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/ast.h"
#include "proto/session.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/*
 * FETCH's part of RFC7162 before any response: the CHANGEDSINCE modifier
 * narrows *seqs to the messages changed since and adds MODSEQ to the
 * items (§3.1.4.1), VANISHED sends VANISHED (EARLIER) (§3.2.6), MODSEQ
 * enables CONDSTORE.  *f may be replaced by a copy from the arena.
 * Returns false when it ended the command (BAD or NO).
 */
bool condstore_fetch_prepare(struct session *s, const struct imap_cmd *cmd,
			     const struct imap_cmd_fetch **f, struct mbox_seqs *seqs);

/* SELECT/EXAMINE: check the parameters before the mailbox is opened
 * (false: it answered BAD), and after it is opened the HIGHESTMODSEQ
 * line and, with QRESYNC, what changed since the client's state. */
bool condstore_select_check(struct session *s, const struct imap_select_params *p);
void condstore_select_report(struct session *s, const struct imap_select_params *p,
			     struct sbuf *b);

#endif
