/*
 * idx_table.c - the messages of a folder in memory (see idx_table.h).
 */
#include "store/idx_table.h"

#include <stdlib.h>
#include <string.h>

long idx_find(const struct mailbox *mb, uint32_t uid)
{
	uint32_t lo = 0, hi = mb->count;
	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;
		if (mb->msgs[mid].uid < uid)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < mb->count && mb->msgs[lo].uid == uid ? (long)lo : -1;
}

struct mbox_msg *idx_append(struct mailbox *mb, const struct mbox_msg *m)
{
	if (mb->count == mb->cap) {
		uint32_t cap = mb->cap < 64 ? 64 : mb->cap * 2;
		struct mbox_msg *n = realloc(mb->msgs, sizeof(*n) * cap);
		if (n == NULL)
			return NULL;
		mb->msgs = n;
		mb->cap = cap;
	}
	struct mbox_msg *d = &mb->msgs[mb->count++];
	*d = *m;
	if (m->uid >= mb->uidnext)
		mb->uidnext = m->uid + 1;
	return d;
}

bool idx_set_name(struct mbox_msg *m, const char *name, size_t len)
{
	char *n = malloc(len + 1);
	if (n == NULL)
		return false;
	memcpy(n, name, len);
	n[len] = '\0';
	if (m->state & MSG_NAME_OWNED)
		free(m->name);
	m->name = n;
	m->state |= MSG_NAME_OWNED;
	return true;
}

void idx_expunged(struct mailbox *mb, uint32_t i)
{
	struct mbox_msg *m = &mb->msgs[i];
	if (m->state & MSG_GHOST)
		return;
	m->state |= MSG_GHOST;
	m->state &= (uint16_t)~MSG_CHANGED;
	mb->ghosts++;
}

void idx_drop_ghosts(struct mailbox *mb, uint32_t from)
{
	if (mb->ghosts == 0)
		return;
	uint32_t w = from;
	for (uint32_t r = from; r < mb->count; r++) {
		struct mbox_msg *m = &mb->msgs[r];
		if (m->state & MSG_GHOST) {
			if (m->state & MSG_NAME_OWNED)
				free(m->name);
			mb->ghosts--;
			continue;
		}
		if (w != r)
			mb->msgs[w] = *m;
		w++;
	}
	mb->count = w;
	if (mb->announced > mb->count)
		mb->announced = mb->count;
	mb->claim_from = 0;  /* indexes moved */
}

void idx_free_msgs(struct mailbox *mb)
{
	for (uint32_t i = 0; i < mb->count; i++)
		if (mb->msgs[i].state & MSG_NAME_OWNED)
			free(mb->msgs[i].name);
	free(mb->msgs);
	mb->msgs = NULL;
	mb->count = mb->cap = mb->announced = mb->ghosts = 0;
}
