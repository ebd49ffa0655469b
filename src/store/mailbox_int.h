/*
 * mailbox_int.h - opening a folder inside the store: as a client's view
 * (mbox_open) or as a short-lived handle (APPEND, COPY's target, STATUS,
 * RENAME of INBOX).  Private to src/store/.
 */
#ifndef IMAPD_STORE_MAILBOX_INT_H
#define IMAPD_STORE_MAILBOX_INT_H

#include <stdbool.h>

#include "store/store_int.h"

/* Open a folder (a view or a handle); the lock is not held on return. */
bool mbox_open_internal(struct store *st, const char *name, bool view, bool readonly,
			struct mailbox **mb_r, struct store_err *err);

#endif
