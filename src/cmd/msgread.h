/*
 * msgread.h - one message that FETCH or SEARCH looks into: its file is
 * mapped, its header block measured and its MIME tree parsed at most
 * once, however many items or keys ask, in a scratch arena that is reset
 * when the message is done.
 */
#ifndef IMAPD_CMD_MSGREAD_H
#define IMAPD_CMD_MSGREAD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "mime/mime.h"
#include "store/mailbox.h"
#include "util/arena.h"

struct msgread {
	struct mailbox *mb;
	uint32_t seq;
	struct arena *scratch;     /* per-message memory */
	bool tried, opened;
	struct mbox_body body;     /* the file as stored */
	size_t hdr_len;            /* physical length of the header block */
	struct mime_part *root;    /* full parse, once something needed it */
};

void msgread_init(struct msgread *m, struct mailbox *mb, uint32_t seq, struct arena *scratch);

/* Map the file (once).  False when it is gone: expunged by another
 * session (STORE_ERR_EXPUNGED); the caller answers as if it had no data. */
bool msgread_open(struct msgread *m);

/* The whole MIME tree (parsed once); NULL when out of memory.  The
 * message must be open. */
const struct mime_part *msgread_tree(struct msgread *m);

/* Unmap and reset the scratch arena. */
void msgread_done(struct msgread *m);

#endif
