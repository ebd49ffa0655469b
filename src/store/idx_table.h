/*
 * idx_table.h - the messages of a folder in memory (mb->msgs, ascending
 * UIDs): finding, adding, naming and expunging them.  Private to
 * src/store/.
 */
#ifndef IMAPD_STORE_IDX_TABLE_H
#define IMAPD_STORE_IDX_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store_int.h"

/* Index of uid in msgs, or -1. */
long idx_find(const struct mailbox *mb, uint32_t uid);

/* Append a message (uid already set) to msgs; NULL when out of memory. */
struct mbox_msg *idx_append(struct mailbox *mb, const struct mbox_msg *m);

/* Give m a copy of name[0..len) as its file name. */
bool idx_set_name(struct mbox_msg *m, const char *name, size_t len);

/* Mark msgs[i] expunged: a ghost in the client's view, else removed at
 * the next idx_drop_ghosts(). */
void idx_expunged(struct mailbox *mb, uint32_t i);

/* Remove ghosts at index >= from from the array. */
void idx_drop_ghosts(struct mailbox *mb, uint32_t from);

/* Free the messages (their owned names) and empty the array. */
void idx_free_msgs(struct mailbox *mb);

#endif
