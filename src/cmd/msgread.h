/*
 * msgread.h - one message that FETCH or SEARCH looks into: what the
 * message cache holds of it is looked up once; its file is read only if
 * something is not cached, and then only as far as needed (the header
 * block alone, for ENVELOPE and header fields, or the whole file); its
 * MIME tree is parsed at most once, however many items or keys ask, in
 * a scratch arena that is reset when the message is done.  What was
 * worked out from the file goes into the cache then (cmd/msgcache.h,
 * msgcache_store).
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
	bool whole;                /* body is the whole file (else its first part) */
	bool hdr_complete;         /* the header ended with an empty line */
	struct mbox_body body;     /* the file as stored */
	size_t hdr_len;            /* physical length of the header block */
	struct mime_part *root;    /* full parse, once something needed it */
	/* the message cache (cmd/msgcache.c) */
	bool cache_tried;
	struct mbox_cached cache;  /* what is cached, and what was worked out now */
	unsigned added;            /* bit per field worked out now: cached when done */
};

void msgread_init(struct msgread *m, struct mailbox *mb, uint32_t seq, struct arena *scratch);

/* Read the file as far as its header block (once).  False when it is
 * gone: expunged by another session (STORE_ERR_EXPUNGED); the caller
 * answers as if it had no data. */
bool msgread_header(struct msgread *m);

/* Read the whole file (once). */
bool msgread_open(struct msgread *m);

/* The whole MIME tree (parsed once; reads the whole file); NULL when
 * the file is gone or out of memory. */
const struct mime_part *msgread_tree(struct msgread *m);

/* Unmap, reset the scratch arena (msgcache_store() first, to keep
 * what was worked out). */
void msgread_done(struct msgread *m);

#endif
