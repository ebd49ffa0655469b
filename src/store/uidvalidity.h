/*
 * uidvalidity.h - UIDVALIDITY values for a user's folders.  Private to
 * src/store/.
 */
#ifndef IMAPD_STORE_UIDVALIDITY_H
#define IMAPD_STORE_UIDVALIDITY_H

#include <stdint.h>

#include "store/store_int.h"

/* A new UIDVALIDITY for the user: greater than any given before (kept in
 * imapd-uidvalidity in the root, under a lock of its own); 0 on error. */
uint32_t store_new_uidvalidity(struct store *st);

#endif
