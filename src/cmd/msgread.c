/*
 * msgread.c - lazily opened and parsed messages (see msgread.h).
 */
#include "cmd/msgread.h"

#include <string.h>

void msgread_init(struct msgread *m, struct mailbox *mb, uint32_t seq, struct arena *scratch)
{
	memset(m, 0, sizeof(*m));
	m->mb = mb;
	m->seq = seq;
	m->scratch = scratch;
}

bool msgread_open(struct msgread *m)
{
	if (!m->tried) {
		m->tried = true;
		struct store_err err;
		m->opened = mbox_msg_open(m->mb, m->seq, &m->body, &err);
		if (m->opened) {
			bool complete;
			m->hdr_len = mime_header_len(m->body.data, m->body.len, &complete);
		}
	}
	return m->opened;
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
	if (m->root == NULL)
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
	m->root = NULL;
	arena_reset(m->scratch);
}
