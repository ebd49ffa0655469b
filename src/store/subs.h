/*
 * subs.h - reading the subscriptions file (for LSUB).  Private to
 * src/store/.
 */
#ifndef IMAPD_STORE_SUBS_H
#define IMAPD_STORE_SUBS_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store_int.h"

/* The subscribed names (malloc'd array of malloc'd strings). */
bool subs_read(struct store *st, char ***names_r, size_t *n_r);
void subs_free(char **names, size_t n);

#endif
