/*
 * folderlog.h - folder operations that a crash cut short: the journal of
 * a RENAME (imapd-rename in the mail root) and the directories CREATE and
 * DELETE work in ("..imapd-new-", "..imapd-trash-").  Private to
 * src/store/.
 */
#ifndef IMAPD_STORE_FOLDERLOG_H
#define IMAPD_STORE_FOLDERLOG_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store_int.h"

/* The journal of a RENAME, in the mail root. */
#define FOLDERLOG_FILE "imapd-rename"

/* Before a RENAME moves anything: write (crash-safely) the n directory
 * entries of the root it will rename, from[i] to to[i], in that order.
 * from[0] "INBOX" means INBOX's messages go into to[0].  Root lock held.
 * False with errno set. */
bool folderlog_begin(struct store *st, char *const *from, char *const *to, size_t n);

/* The RENAME is complete: remove the journal, durably.  Root lock held. */
bool folderlog_end(struct store *st);

/* Put back what a RENAME cut short (by a crash or an error) moved, as
 * its journal says, and remove the journal; remove the directories of a
 * CREATE or DELETE a crash cut short.  Root lock held: every journal and
 * work directory found then is a leftover.  Returns false when something
 * could not be put back (logged; the journal stays for the next try). */
bool folderlog_recover(struct store *st);

/* Whether the root holds anything folderlog_recover() would act on (one
 * readdir, no lock): the check store_open makes at every login. */
bool folderlog_pending(const struct store *st);

#endif
