/*
 * msgfields.c - header fields for SORT and THREAD (see msgfields.h).
 * Today they are read from the message's header block through
 * cmd/msgread.c, the lazily mapped message SEARCH uses.
 */
#include "cmd/msgfields.h"

#include <string.h>

#include "cmd/msgread.h"

static const char *const names[MSGFIELD__COUNT] = {
	[MSGFIELD_SUBJECT] = "Subject", [MSGFIELD_FROM] = "From", [MSGFIELD_TO] = "To",
	[MSGFIELD_CC] = "Cc", [MSGFIELD_DATE] = "Date", [MSGFIELD_MESSAGE_ID] = "Message-ID",
	[MSGFIELD_REFERENCES] = "References", [MSGFIELD_IN_REPLY_TO] = "In-Reply-To",
};

bool msgfields_get(struct mailbox *mb, uint32_t seq, unsigned want, struct arena *a,
		   struct msgfields *f_r)
{
	memset(f_r, 0, sizeof(*f_r));
	struct arena scratch;
	arena_init(&scratch);
	struct msgread r;
	msgread_init(&r, mb, seq, &scratch);
	bool ok = true;
	if (msgread_open(&r)) {
		struct mime_field_iter it;
		struct mime_field f;
		mime_field_iter_init(&it, r.body.data, r.hdr_len);
		while (ok && mime_field_next(&it, &f)) {
			if (!f.has_colon)
				continue;
			for (unsigned i = 0; i < MSGFIELD__COUNT; i++) {
				if (!(want & MSGFIELD_BIT(i)) || f_r->v[i].data != NULL ||
				    !mime_field_is(&f, names[i], strlen(names[i])))
					continue;
				/* Unfolded here: the value's copy outlives the file's map. */
				char *v = arena_alloc(a, f.value_len + 1);
				if (v == NULL) {
					ok = false;
					break;
				}
				size_t n = 0;
				for (size_t k = 0; k < f.value_len; k++)
					if (f.value[k] != '\r' && f.value[k] != '\n')
						v[n++] = f.value[k];
				v[n] = '\0';
				f_r->v[i].data = v;
				f_r->v[i].len = n;
			}
		}
	}
	msgread_done(&r);
	arena_free(&scratch);
	return ok;
}

int64_t msgfields_sent_date(struct mailbox *mb, uint32_t seq, const struct msgfields *f)
{
	const struct mime_str *d = &f->v[MSGFIELD_DATE];
	struct mime_date md;
	if (d->data != NULL && mime_date_parse(d->data, d->len, &md))
		return (int64_t)md.t;
	int zone;
	return (int64_t)mbox_msg_internaldate(mb, seq, &zone);
}
