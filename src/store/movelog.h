/*
 * movelog.h - the journal of a MOVE that copies messages from one file
 * system to another (store/move.c says why it is needed and when it is
 * read).  Journals live in the mail root's imapd-moves/ directory, one
 * file per MOVE, locked by the process making the move while it runs.
 * Private to src/store/.
 */
#ifndef IMAPD_STORE_MOVELOG_H
#define IMAPD_STORE_MOVELOG_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store_int.h"
#include "util/sbuf.h"

/* The directory of the journals, under the mail root. */
#define MOVELOG_DIR "imapd-moves"

struct movelog {
	struct sbuf text;      /* the journal being built */
	size_t entries;
	int fd;                /* the written journal, locked; -1 before */
	char path[4096];       /* its path once written */
};

/* Start a journal for moving messages from folder directory src_dir to
 * dst_dir (both under the root of st). */
bool movelog_begin(struct store *st, const char *src_dir, const char *dst_dir,
		   struct movelog *ml, struct store_err *err);

/* One message: its file's base name in the source, and the name it gets
 * in the target's new/ or cur/ (its base is also its name in tmp/). */
void movelog_add(struct movelog *ml, const char *src_base, size_t src_blen, const char *dst_name);

/* Write the journal durably (tmp file, fsync, rename, fsync the
 * directory), keeping it locked for as long as this process lives or
 * until movelog_end(). */
bool movelog_write(struct movelog *ml, struct store_err *err);

/* The move is over (done, or undone): remove the journal, unlock it. */
void movelog_end(struct movelog *ml);

/*
 * Finish the moves whose process died (a journal nobody holds locked):
 * a message whose copy reached the target's new/ or cur/ is removed from
 * the source, one that did not loses its copy in the target's tmp/; then
 * the journal goes.  Called when a mail root or a mailbox is opened.
 */
void store_moves_resolve(struct store *st);

#endif
