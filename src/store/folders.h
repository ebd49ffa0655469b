/*
 * folders.h - CREATE's work once the root lock is held, for the callers
 * that must do more under the same lock (CREATE with USE, the folders of
 * a new account).  Private to src/store/.
 */
#ifndef IMAPD_STORE_FOLDERS_H
#define IMAPD_STORE_FOLDERS_H

#include <stdbool.h>

#include "store/store_int.h"

/* CREATE (RFC2060 §6.3.3) of a canonical name other than INBOX, with the
 * root lock held: STORE_ERR_EXISTS for a mailbox; a \Noselect directory
 * becomes a mailbox in place.  Recorded special uses are left alone. */
bool folders_create_locked(struct store *st, const char *name, struct store_err *err);

#endif
