/*
 * msgread.c - lazily read and parsed messages (see msgread.h).
 */
#include "cmd/msgread.h"

#include <string.h>

/* A header block longer than this is read with the rest of the file. */
#define MSGREAD_PREFIX (8 * 1024)

void msgread_init(struct msgread *m, struct mailbox *mb, uint32_t seq, struct arena *scratch)
{
	memset(m, 0, sizeof(*m));
	m->mb = mb;
	m->seq = seq;
	m->scratch = scratch;
}

static void measure(struct msgread *m)
{
	m->hdr_len = mime_header_len(m->body.data, m->body.len, &m->hdr_complete);
}

bool msgread_open(struct msgread *m)
{
	if (m->tried && (!m->opened || m->whole))
		return m->opened;
	if (m->opened)
		mbox_msg_close(&m->body);
	m->tried = true;
	struct store_err err;
	m->opened = mbox_msg_open(m->mb, m->seq, &m->body, &err);
	m->whole = true;
	if (m->opened)
		measure(m);
	return m->opened;
}

bool msgread_header(struct msgread *m)
{
	if (m->tried)
		return m->opened;
	m->tried = true;
	struct store_err err;
	bool whole;
	m->opened = mbox_msg_open_prefix(m->mb, m->seq, MSGREAD_PREFIX, &m->body, &whole, &err);
	if (!m->opened)
		return false;
	m->whole = whole;
	measure(m);
	/* The header goes on past what was read: read it all. */
	if (!m->hdr_complete && !whole)
		return msgread_open(m);
	return true;
}

/* A large message's parse lets go of the pages it has read (they are
 * read again from the page cache when needed). */
static void release_behind(void *ctx, const char *upto)
{
	struct msgread *m = ctx;
	mbox_body_release(&m->body, upto);
}

const struct mime_part *msgread_tree(struct msgread *m)
{
	if (m->root == NULL && msgread_open(m))
		m->root = mime_parse_progress(m->scratch, m->body.data, m->body.len,
					      release_behind, m);
	return m->root;
}

void msgread_done(struct msgread *m)
{
	if (m->opened)
		mbox_msg_close(&m->body);
	m->opened = false;
	m->tried = false;
	m->whole = false;
	m->root = NULL;
	m->cache_tried = false;
	m->added = 0;
	memset(&m->cache, 0, sizeof(m->cache));
	arena_reset(m->scratch);
}
