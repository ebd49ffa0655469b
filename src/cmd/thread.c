/*
 * thread.c - THREAD and UID THREAD (RFC5256 §3 BASE.6.4.THREAD):
 * ORDEREDSUBJECT and REFERENCES over the messages a search program
 * selects (cmd/search.c runs it).  The header fields are read once per
 * message (cmd/msgfields.c) into what src/mime/mime_thread.c threads;
 * cmd/threadfmt.c writes the nesting.
 */
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "cmd/msgfields.h"
#include "cmd/searchrun.h"
#include "cmd/threadfmt.h"
#include "proto/response.h"
#include "store/mailbox.h"
#include "util/sbuf.h"

/* What threading needs of message seq, into m (kept in data). */
static bool thread_fill(struct mailbox *mb, uint32_t seq, bool refs, struct arena *data,
			struct arena *scratch, struct mime_thread_msg *m)
{
	unsigned want = MSGFIELD_BIT(MSGFIELD_SUBJECT) | MSGFIELD_BIT(MSGFIELD_DATE);
	if (refs)
		want |= MSGFIELD_BIT(MSGFIELD_MESSAGE_ID) | MSGFIELD_BIT(MSGFIELD_REFERENCES) |
			MSGFIELD_BIT(MSGFIELD_IN_REPLY_TO);
	struct msgfields f;
	if (!msgfields_get(mb, seq, want, scratch, &f))
		return false;
	memset(m, 0, sizeof(*m));
	m->seq = seq;
	m->date = msgfields_sent_date(mb, seq, &f);
	struct mime_str subj;
	if (!mime_base_subject(scratch, f.v[MSGFIELD_SUBJECT].data, f.v[MSGFIELD_SUBJECT].len,
			       &subj, &m->reply))
		return false;
	m->subject.data = arena_strndup(data, subj.data, subj.len);
	m->subject.len = subj.len;
	if (m->subject.data == NULL)
		return false;
	if (!refs)
		return true;
	const struct mime_str *id = &f.v[MSGFIELD_MESSAGE_ID];
	if (id->data != NULL) {
		size_t pos = 0;
		if (!mime_msgid_next(data, id->data, id->len, &pos, &m->msgid))
			return false;
	}
	struct mime_str *v;
	size_t n;
	if (!mime_thread_refs(scratch, &f.v[MSGFIELD_REFERENCES], &f.v[MSGFIELD_IN_REPLY_TO], &v, &n))
		return false;
	struct mime_str *kept = ARENA_NEWN(data, struct mime_str, n > 0 ? n : 1);
	if (kept == NULL)
		return false;
	for (size_t i = 0; i < n; i++) {
		kept[i].data = arena_strndup(data, v[i].data, v[i].len);
		kept[i].len = v[i].len;
		if (kept[i].data == NULL)
			return false;
	}
	m->refs = kept;
	m->nrefs = n;
	return true;
}

void cmd_thread(struct session *s, const struct imap_cmd *cmd)
{
	const struct imap_cmd_search *c = &cmd->u.search;
	struct mailbox *mb = s->mbox;
	struct search_result res;
	if (!search_run(s, cmd, &res))
		return;
	size_t n = res.n;
	bool refs = c->thread == IMAP_THREAD_REFERENCES;
	struct arena data, scratch;
	arena_init(&data);
	data.limit = MSGFIELDS_DATA_LIMIT;
	arena_init(&scratch);
	struct mime_thread_msg *msgs = calloc(n > 0 ? n : 1, sizeof(*msgs));
	uint32_t *num = calloc(n > 0 ? n : 1, sizeof(*num));
	bool ok = msgs != NULL && num != NULL;
	for (size_t i = 0; ok && i < n; i++) {
		ok = thread_fill(mb, res.seq[i], refs, &data, &scratch, &msgs[i]);
		arena_reset(&scratch);
		num[i] = cmd->uid ? mbox_msg_uid(mb, res.seq[i]) : res.seq[i];
	}
	arena_free(&scratch);
	struct mime_thread t = { 0 };
	if (ok)
		ok = refs ? mime_thread_references(msgs, n, &t) : mime_thread_orderedsubject(msgs, n, &t);
	struct sbuf b;
	sbuf_init(&b, NULL);
	if (ok) {
		/* RFC5256 §4: thread-data = "THREAD" [SP 1*thread-list] */
		sbuf_adds(&b, n > 0 ? "* THREAD " : "* THREAD");
		threadfmt_write(&b, &t, num);
		sbuf_adds(&b, "\r\n");
		ok = !b.failed;
	}
	mime_thread_free(&t);
	arena_free(&data);
	free(msgs);
	free(num);
	free(res.seq);
	if (!ok) {
		sbuf_free(&b);
		cmd_no(s, "[LIMIT] Too much to thread in memory");
		return;
	}
	resp_write(s, b.data, b.len);
	sbuf_free(&b);
	cmd_ok(s, "%sTHREAD completed", cmd->uid ? "UID " : "");
}
