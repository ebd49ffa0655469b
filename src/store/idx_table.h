/*
 * idx_table.h - the messages of a folder as one process sees them
 * (struct idx_table in store_int.h): a mapped snapshot plus a private
 * delta.  Messages are addressed by position 0..idx_count()-1 in
 * ascending UID order; a client's sequence number is its position + 1.
 *
 * Reading a message (idx_at) decodes it from the mapping or takes its
 * override; changing one (idx_edit) first copies it into the overrides.
 * Nothing here is O(messages) unless its comment says so: opening a
 * view of 100,000 messages maps a file and touches no record.
 * Private to src/store/.
 */
#ifndef IMAPD_STORE_IDX_TABLE_H
#define IMAPD_STORE_IDX_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store_int.h"

void idx_table_init(struct idx_table *t);

/* Free the delta and unmap the base; t is empty afterwards. */
void idx_table_free(struct idx_table *t);

/* Messages in the table (ghosts included). */
uint32_t idx_count(const struct mailbox *mb);

/* The message at pos, by value (MSG_RECENT set from the session's
 * ranges).  Its name lives as long as the table. */
struct mbox_msg idx_at(const struct mailbox *mb, uint32_t pos);

/* Only its UID (cheaper). */
uint32_t idx_uid_at(const struct mailbox *mb, uint32_t pos);

/* The highest UID in the table, 0 when empty. */
uint32_t idx_last_uid(const struct mailbox *mb);

/* Position of uid, or -1. */
long idx_find(const struct mailbox *mb, uint32_t uid);

/* The first position below `limit` whose UID is >= uid (limit if none). */
uint32_t idx_lower_bound(const struct mailbox *mb, uint32_t uid, uint32_t limit);

/* The message at pos for changing: a pointer valid until the next
 * idx_edit or idx_append.  Never set MSG_RECENT in it (idx_recent_add).
 * NULL when out of memory. */
struct mbox_msg *idx_edit(struct mailbox *mb, uint32_t pos);

/* Append a message (its UID above every other; its name is copied) and
 * raise UIDNEXT past it.  NULL when out of memory or out of order. */
struct mbox_msg *idx_append(struct mailbox *mb, const struct mbox_msg *m);

/* Take back the messages appended after position count (a COPY that
 * failed half way); never removes base records. */
void idx_truncate(struct mailbox *mb, uint32_t count);

/* Give an edited message a copy of name[0..len) as its file name. */
bool idx_set_name(struct mailbox *mb, struct mbox_msg *m, const char *name, size_t len);

/* The flags of an edited message are about to change and the client
 * knows them: a FETCH is due unless they change back before it is sent.
 * Call before changing them. */
void idx_mark_changed(struct mailbox *mb, struct mbox_msg *m);

/* Mark the message at pos expunged: a ghost in the client's view, else
 * removed at the next idx_drop_ghosts(). */
void idx_expunged(struct mailbox *mb, uint32_t pos);

/* Remove the ghosts at positions >= from (O(changes)). */
void idx_drop_ghosts(struct mailbox *mb, uint32_t from);

/* Ascending positions below `limit` whose state has one of `bits`
 * (MSG_GHOST, MSG_CHANGED), malloc'd into *pos_r (NULL when none);
 * returns how many, or SIZE_MAX when out of memory.  O(changes). */
size_t idx_marked(const struct mailbox *mb, uint16_t bits, uint32_t limit, uint32_t **pos_r);

/* \Recent of this session: take uid; whether uid has it. */
bool idx_recent_add(struct mailbox *mb, uint32_t uid);
bool idx_recent_has(const struct idx_table *t, uint32_t uid);

/* Messages below position `limit` with \Recent here, ghosts left out. */
uint32_t idx_recent_count(const struct mailbox *mb, uint32_t limit);

/* Position + 1 of the first message below `limit` without \Seen, or 0. */
uint32_t idx_first_unseen(const struct mailbox *mb, uint32_t limit);

/* Messages (ghosts left out), of them without \Seen, and not claimed
 * by any read-write session (STATUS MESSAGES, UNSEEN, RECENT). */
void idx_counts(const struct mailbox *mb, uint32_t *messages_r, uint32_t *unseen_r,
		uint32_t *unclaimed_r);

/* Remember an expunge learned after the base (the MODSEQ history). */
bool idx_note_expunge(struct mailbox *mb, uint32_t uid, uint64_t modseq);

/* Base records by their index b in the snapshot (claims walk them from
 * a hint): its position (when not hidden), whether it is out of the
 * view, whether it has an override. */
uint32_t idx_base_pos(const struct idx_table *t, uint32_t b);
bool idx_base_hidden(const struct idx_table *t, uint32_t b);
bool idx_base_overridden(const struct idx_table *t, uint32_t b);

#endif
