/*
 * msgfields.h - the header fields SORT and THREAD read from every
 * message they order (RFC5256): one small function, so that a store
 * cache of header fields can answer it later instead of the message file.
 */
#ifndef IMAPD_CMD_MSGFIELDS_H
#define IMAPD_CMD_MSGFIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include "mime/mime.h"
#include "store/mailbox.h"
#include "util/arena.h"

enum msgfield {
	MSGFIELD_SUBJECT,
	MSGFIELD_FROM,
	MSGFIELD_TO,
	MSGFIELD_CC,
	MSGFIELD_DATE,
	MSGFIELD_MESSAGE_ID,
	MSGFIELD_REFERENCES,
	MSGFIELD_IN_REPLY_TO,
	MSGFIELD__COUNT
};

#define MSGFIELD_BIT(f) (1u << (f))

/* SORT and THREAD keep the keys of every match in memory (a few dozen
 * octets per message); past this they answer NO [LIMIT] rather than
 * grow without bound on a mailbox of absurd headers. */
#define MSGFIELDS_DATA_LIMIT (512u * 1024 * 1024)

/* The raw values (unfolded, not decoded) of the fields asked for; data
 * NULL for a field the message does not have. */
struct msgfields {
	struct mime_str v[MSGFIELD__COUNT];
};

/*
 * The fields of `want` (MSGFIELD_BIT()s) of message seq, copied into `a`.
 * A field that occurs more than once counts with its first occurrence
 * (the first From is the one whose address SORT takes).  A message whose
 * file is gone (expunged by another session) has none.  False when out
 * of memory.
 */
bool msgfields_get(struct mailbox *mb, uint32_t seq, unsigned want, struct arena *a,
		   struct msgfields *f_r);

/* The sent date of RFC5256 §2.2 (the Date: field as an instant, UTC;
 * without a usable one the INTERNALDATE), in seconds. */
int64_t msgfields_sent_date(struct mailbox *mb, uint32_t seq, const struct msgfields *f);

#endif
