/*
 * mboxfmt.h - the selected mailbox's data as IMAP text: flag lists
 * (RFC2060 §9 flag-list), the FLAGS / PERMANENTFLAGS lists of defined
 * flags, and INTERNALDATE's date-time.
 */
#ifndef IMAPD_CMD_MBOXFMT_H
#define IMAPD_CMD_MBOXFMT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "store/mailbox.h"
#include "util/sbuf.h"

/* Append the flag-list of message seq, "(\Seen \Recent $Junk)", to out;
 * \Recent only with `recent` (RFC9051 §2.3.2: IMAP4rev2 has none).
 * Counts as showing the flags (mbox_msg_flags_show). */
void mboxfmt_flags(struct mailbox *mb, uint32_t seq, bool recent, struct sbuf *out);

/* The same flag-list written into out (at most cap octets, no NUL);
 * returns its length, or 0 when it does not fit.  For loops over many
 * messages. */
size_t mboxfmt_flags_write(struct mailbox *mb, uint32_t seq, bool recent, char *out, size_t cap);

/* Append the "(\Answered ... keywords)" list of defined flags (FLAGS
 * response; \Recent only with `recent`); with `permanent`, the
 * PERMANENTFLAGS list, with "\*" when new keywords may be created. */
void mboxfmt_flag_names(const struct mailbox *mb, bool permanent, bool recent, struct sbuf *out);

/* INTERNALDATE as date-time (RFC2060 §9): "dd-Mon-yyyy hh:mm:ss +zzzz",
 * quotes included; returns out. */
char *mboxfmt_date(time_t t, int zone_minutes, char out[32]);

/* Append numbers (UIDs or sequence numbers) as a sequence-set (RFC3501
 * §9) in the order given, runs of consecutive ascending numbers as
 * "lo:hi": "3:5,9".  Nothing for n == 0. */
void mboxfmt_set(struct sbuf *out, const uint32_t *nums, size_t n);

#endif
