/*
 * searchrun.h - what SEARCH (cmd/search.c) shares with SORT and THREAD
 * (RFC5256: "a variant of SEARCH"): running the search program over the
 * selected mailbox, the ESEARCH response of RETURN options (RFC4731,
 * and ESORT's RFC5267 §3.1), and SEARCHRES's saved result (RFC5182).
 */
#ifndef IMAPD_CMD_SEARCHRUN_H
#define IMAPD_CMD_SEARCHRUN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "proto/ast.h"
#include "proto/session.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/* The matching messages, ascending sequence numbers (malloc'd). */
struct search_result {
	uint32_t *seq;
	size_t n;
};

/*
 * Run cmd->u.search's charset and keys over the selected mailbox into *r.
 * False after the tagged answer when it cannot run: NO [BADCHARSET], BAD
 * for a bad key, NO when out of memory (with SAVE, "$" then emptied as
 * RFC5182 §2.1 says).
 */
bool search_run(struct session *s, const struct imap_cmd *cmd, struct search_result *r);

/* Append the "* ESEARCH" response for cmd's RETURN options over seqs[0..n)
 * in the order given (ascending for SEARCH, sort order for SORT). */
/* ---- RFC 7162 ----
 * The MODSEQ a search result reports (RFC7162 §3.1.5, RFC4731 §3.2): the
 * highest of the messages seqs[n], or with RETURN options ret of those
 * the response names (a lone MIN or MAX: that one; MIN and MAX without
 * ALL or COUNT: the higher of the two); seqs[0] and seqs[n-1] are MIN
 * and MAX. */
uint64_t search_found_modseq(struct mailbox *mb, const uint32_t *seqs, size_t n, unsigned ret);

void search_esearch_write(struct session *s, const struct imap_cmd *cmd, const uint32_t *seqs,
			  size_t n, struct sbuf *b);

/* Save "$" (RFC5182 §2.1, §2.4): asc[0..n) every match ascending, first
 * and last the ones MIN and MAX name.  False when out of memory. */
bool search_save(struct mailbox *mb, unsigned ret, const uint32_t *asc, size_t n, uint32_t first,
		 uint32_t last);

#endif
