/*
 * threadfmt.c - the THREAD response's data (see threadfmt.h).
 */
#include "cmd/threadfmt.h"

#define NONE MIME_THREAD_NONE

/* Whether x's children each get a list of their own: several of them,
 * or any under a dummy that has more than one.  A dummy with one child
 * is transparent. */
static bool grouped(const struct mime_thread_node *nd, uint32_t x)
{
	return nd[x].nchildren >= 2;
}

void threadfmt_write(struct sbuf *out, const struct mime_thread *t, const uint32_t *num)
{
	const struct mime_thread_node *nd = t->nodes;
	if (t->n == 0)
		return;
	for (uint32_t top = nd[0].first; top != NONE; top = nd[top].next) {
		if (nd[top].msg == MIME_THREAD_DUMMY && nd[top].nchildren == 0)
			continue;
		sbuf_addc(out, '(');
		uint32_t x = top;
		bool after_num = false;
		for (;;) {
			/* Enter x: its number, then its first child. */
			if (nd[x].msg != MIME_THREAD_DUMMY) {
				sbuf_printf(out, after_num ? " %u" : "%u", num[nd[x].msg]);
				after_num = true;
			}
			if (nd[x].nchildren > 0) {
				if (grouped(nd, x)) {
					sbuf_adds(out, after_num ? " (" : "(");
					after_num = false;
				}
				x = nd[x].first;
				continue;
			}
			/* Leave x and every ancestor whose last child it closes. */
			for (;;) {
				if (x == top) {
					x = NONE;
					break;
				}
				uint32_t p = nd[x].parent;
				if (grouped(nd, p)) {
					sbuf_addc(out, ')');
					if (nd[x].next != NONE) {
						sbuf_addc(out, '(');
						after_num = false;
						x = nd[x].next;
						break;
					}
				}
				x = p;
			}
			if (x == NONE)
				break;
		}
		sbuf_addc(out, ')');
	}
}
