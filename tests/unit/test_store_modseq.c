/*
 * test_store_modseq.c - mod-sequences (RFC 7162) as the store keeps
 * them: raised by every flag change, new message and expunge, whoever
 * made it (another session, a mail reader renaming files); messages
 * changed since a MODSEQ; UIDs expunged since one, with the history's
 * reach; conditional flag changes; and, with a writer killed at random
 * moments (kill -9), MODSEQs that only grow and no committed change lost.
 */
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/idx_format.h"
#include "store/idx_snapshot.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/store.h"
#include "store/store_int.h"

#define STORE_FIXTURE_NAME "test_modseq"
#include "store_fixture.h"

static struct mailbox *open_view(struct store *st, const char *name)
{
	struct mailbox *mb = NULL;
	struct store_err err = { 0 };
	if (!mbox_open_internal(st, name, true, false, &mb, &err))
		fail_msg("open %s: %s", name, err.text);
	return mb;
}

static bool store_one(struct mailbox *mb, uint32_t seq, enum imap_store_op op, unsigned flags)
{
	struct store_err err;
	return mbox_flags_change(mb, seq, op, flags, 0) && mbox_flags_commit(mb, &err);
}

static void append(struct store *st, const char *text, uint32_t *uid_r)
{
	struct store_new_msg m = { .data = text, .len = strlen(text), .spool_fd = -1 };
	uint32_t v;
	struct store_err err;
	if (!store_append(st, "INBOX", &m, &v, uid_r, &err))
		fail_msg("append: %s", err.text);
}

/* ---- raised by every change ------------------------------------------------------------ */

static void test_modseq_changes(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 4; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M1P1.h:2,", 100 + i);
		put(fx->root, "cur", name, "m\n");
	}
	struct mailbox *a = open_view(fx->st, "INBOX");
	struct mailbox *b = open_view(fx->st, "INBOX");
	uint64_t h0 = mbox_highestmodseq(a);
	assert_true(h0 > 0);
	/* One scan, one MODSEQ for all it found. */
	for (uint32_t s = 1; s <= 4; s++)
		assert_int_equal(mbox_msg_modseq(a, s), h0);

	/* A STORE: that message only, above everything before. */
	assert_true(store_one(a, 2, IMAP_STORE_ADD, IMAP_FLAG_FLAGGED));
	uint64_t m2 = mbox_msg_modseq(a, 2);
	assert_true(m2 > h0);
	assert_int_equal(mbox_msg_modseq(a, 1), h0);
	/* Setting a flag that is set changes nothing (RFC7162 §3.1). */
	assert_true(store_one(a, 2, IMAP_STORE_ADD, IMAP_FLAG_FLAGGED));
	assert_int_equal(mbox_msg_modseq(a, 2), m2);
	struct mbox_changes ch = take(a, true);
	assert_int_equal(ch.highestmodseq, m2);
	assert_int_equal(mbox_highestmodseq(a), m2);

	/* The other session hears of it with the MODSEQ. */
	ch = take(b, true);
	assert_int_equal(ch.nflags, 1);
	assert_int_equal(ch.flags[0].seq, 2);
	assert_int_equal(ch.flags[0].modseq, m2);
	assert_int_equal(ch.highestmodseq, m2);

	/* A mail reader renames a file: found by a rescan, new MODSEQ. */
	char from[512], to[512];
	snprintf(from, sizeof(from), "%s/cur/103.M1P1.h:2,", fx->root);
	snprintf(to, sizeof(to), "%s/cur/103.M1P1.h:2,S", fx->root);
	assert_int_equal(rename(from, to), 0);
	snprintf(from, sizeof(from), "%s/cur", fx->root);
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { time(NULL) + 3, 0 } };
	utimensat(AT_FDCWD, from, ts, 0);
	ch = take(b, true);
	assert_int_equal(ch.nflags, 1);
	uint64_t m4 = mbox_msg_modseq(b, 4);
	assert_true(m4 > m2);
	assert_int_equal(ch.flags[0].modseq, m4);

	/* APPEND: a new MODSEQ for the new message. */
	uint32_t uid;
	append(fx->st, "Subject: new\r\n\r\nx\r\n", &uid);
	ch = take(a, true);
	assert_true(ch.new_messages);
	uint64_t m5 = mbox_msg_modseq(a, 5);
	assert_true(m5 > m4);
	assert_int_equal(mbox_highestmodseq(a), m5);

	/* EXPUNGE: HIGHESTMODSEQ goes up, the UID is in the history. */
	assert_true(store_one(b, 1, IMAP_STORE_ADD, IMAP_FLAG_DELETED));
	struct store_err err;
	assert_true(mbox_expunge(b, NULL, &err));
	ch = take(b, true);
	uint64_t h = mbox_highestmodseq(b);
	assert_true(h > m5 + 1);
	struct arena ar;
	arena_init(&ar);
	struct imap_seq_set gone;
	bool complete;
	assert_true(mbox_expunged_since(b, &ar, m5, &gone, &complete));
	assert_true(complete);
	assert_int_equal(gone.n, 1);
	assert_int_equal(gone.ranges[0].lo, 1);
	assert_int_equal(gone.ranges[0].hi, 1);
	assert_true(mbox_expunged_since(b, &ar, h, &gone, &complete));
	assert_int_equal(gone.n, 0);
	/* a learns of the expunge, with the same MODSEQs. */
	ch = take(a, true);
	assert_int_equal(ch.nexpunged, 1);
	assert_int_equal(mbox_highestmodseq(a), h);
	assert_true(mbox_expunged_since(a, &ar, 0, &gone, &complete));
	assert_int_equal(gone.n, 1);

	/* Messages changed since a MODSEQ. */
	struct mbox_seqs since;
	assert_true(mbox_seqs_changed_since(a, &ar, m2, NULL, &since));
	uint32_t seq, got[8], n = 0;
	while (mbox_seqs_next(&since, &seq) && n < 8)
		got[n++] = seq;
	/* After the expunge: 1 (old 2) is at m2, 3 (old 4) and 4 (new) above. */
	assert_int_equal(n, 2);
	assert_int_equal(got[0], 3);
	assert_int_equal(got[1], 4);
	/* STATUS HIGHESTMODSEQ. */
	struct store_status st;
	assert_true(store_status(fx->st, "INBOX", true, &st, &err));
	assert_int_equal(st.highestmodseq, h);
	arena_free(&ar);
	mbox_close(&a);
	mbox_close(&b);

	/* Across a fold of the log into a snapshot, nothing goes back. */
	a = open_view(fx->st, "INBOX");
	for (int round = 0; round < 400; round++)
		assert_true(store_one(a, 1 + (uint32_t)(round / 2) % 4,
				      round % 2 ? IMAP_STORE_REMOVE : IMAP_STORE_ADD, IMAP_FLAG_ANSWERED));
	/* HIGHESTMODSEQ counts what was handed out: after the report. */
	take(a, true);
	uint64_t h2 = mbox_highestmodseq(a);
	assert_true(h2 >= h + 400);
	mbox_close(&a);
	a = open_view(fx->st, "INBOX");
	assert_true(mbox_highestmodseq(a) >= h2);
	arena_init(&ar);
	assert_true(mbox_expunged_since(a, &ar, 0, &gone, &complete));
	assert_true(complete);
	assert_int_equal(gone.n, 1);  /* the history survived the snapshot */
	assert_int_equal(gone.ranges[0].lo, 1);
	arena_free(&ar);
	mbox_close(&a);
}

/* ---- conditional changes ------------------------------------------------------------------ */

static void test_unchangedsince(void **state)
{
	struct fx *fx = *state;
	put(fx->root, "cur", "200.M1P1.h:2,", "a\n");
	put(fx->root, "cur", "201.M1P1.h:2,", "b\n");
	put(fx->root, "cur", "202.M1P1.h:2,", "c\n");
	struct mailbox *a = open_view(fx->st, "INBOX");
	struct mailbox *b = open_view(fx->st, "INBOX");
	uint64_t h0 = mbox_highestmodseq(a);
	struct store_err err;
	/* b changes message 2 first. */
	assert_true(store_one(b, 2, IMAP_STORE_ADD, IMAP_FLAG_ANSWERED));
	/* a, still at h0 for all three, stores UNCHANGEDSINCE h0: message 2
	 * changed since (found at the commit, under the lock). */
	for (uint32_t s = 1; s <= 3; s++)
		assert_true(mbox_flags_change_unless(a, s, IMAP_STORE_ADD, IMAP_FLAG_FLAGGED, 0, h0));
	/* Not shown before it is made. */
	assert_int_equal(mbox_msg_flags(a, 1) & IMAP_FLAG_FLAGGED, 0);
	assert_true(mbox_flags_commit(a, &err));
	const uint32_t *mod;
	size_t n = mbox_flags_modified(a, &mod);
	assert_int_equal(n, 1);
	assert_int_equal(mod[0], 2);
	assert_int_equal(mbox_msg_flags(a, 1), IMAP_FLAG_FLAGGED);
	assert_int_equal(mbox_msg_flags(a, 3), IMAP_FLAG_FLAGGED);
	assert_int_equal(mbox_msg_flags(a, 2) & IMAP_FLAG_FLAGGED, 0);
	uint64_t m1 = mbox_msg_modseq(a, 1);
	assert_true(m1 > mbox_msg_modseq(a, 2));
	assert_int_equal(mbox_msg_modseq(a, 3), m1);  /* one STORE, one MODSEQ */
	/* The view knows message 2 changed now: refused before queuing. */
	take(a, true);
	assert_false(mbox_flags_change_unless(a, 2, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0, h0));
	n = mbox_flags_modified(a, &mod);
	assert_int_equal(n, 1);
	assert_true(mbox_flags_commit(a, &err));
	/* With its current MODSEQ it goes through; the list starts anew. */
	assert_true(mbox_flags_change_unless(a, 2, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0,
					     mbox_msg_modseq(a, 2)));
	assert_true(mbox_flags_commit(a, &err));
	assert_int_equal(mbox_flags_modified(a, &mod), 0);
	assert_true(mbox_msg_flags(a, 2) & IMAP_FLAG_SEEN);
	mbox_close(&a);
	mbox_close(&b);
}

/* The history is kept bounded: a query older than it says so. */
static void test_history_reach(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 6; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M1P1.h:2,", 300 + i);
		put(fx->root, "cur", name, "m\n");
	}
	struct mailbox *mb = open_view(fx->st, "INBOX");
	struct store_err err;
	for (uint32_t s = 1; s <= 3; s++)
		assert_true(mbox_flags_change(mb, s, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0));
	assert_true(mbox_flags_commit(mb, &err));
	assert_true(mbox_expunge(mb, NULL, &err));
	take(mb, true);
	uint64_t h = mbox_highestmodseq(mb);
	mbox_close(&mb);
	/* Write it out as a snapshot, then pretend it forgot the oldest:
	 * raise the floor in the header. */
	mb = open_view(fx->st, "INBOX");
	for (int round = 0; round < 300; round++)
		assert_true(mbox_flags_change(mb, 1, round % 2 ? IMAP_STORE_REMOVE : IMAP_STORE_ADD,
					      IMAP_FLAG_SEEN, 0) && mbox_flags_commit(mb, &err));
	mbox_close(&mb);
	char path[512];
	snprintf(path, sizeof(path), "%s/imapd.index", fx->root);
	int fd = open(path, O_RDWR);
	struct idx_file_header hd;
	assert_int_equal(pread(fd, &hd, sizeof(hd), 0), (ssize_t)sizeof(hd));
	assert_int_equal(hd.nexpunged, 1);  /* 1:3 at one MODSEQ: one range */
	hd.expunge_floor = h - 1;
	hd.header_crc = idx_crc32(0, &hd, offsetof(struct idx_file_header, header_crc));
	assert_int_equal(pwrite(fd, &hd, sizeof(hd), 0), (ssize_t)sizeof(hd));
	close(fd);
	mb = open_view(fx->st, "INBOX");
	struct arena ar;
	arena_init(&ar);
	struct imap_seq_set gone;
	bool complete;
	assert_true(mbox_expunged_since(mb, &ar, h - 1, &gone, &complete));
	assert_true(complete);
	assert_int_equal(gone.n, 1);
	assert_int_equal(gone.ranges[0].lo, 1);
	assert_int_equal(gone.ranges[0].hi, 3);
	assert_true(mbox_expunged_since(mb, &ar, h - 2, &gone, &complete));
	assert_false(complete);
	arena_free(&ar);
	mbox_close(&mb);
}

/* ---- kill -9 ---------------------------------------------------------------------------------- */

/* What the writer reports after each committed change. */
struct report {
	uint32_t kind;    /* 1 flags, 2 append, 3 expunge */
	uint32_t uid;
	uint32_t flags;   /* system flags after the change */
	uint32_t pad;
	uint64_t modseq;  /* the message's (or HIGHESTMODSEQ after an expunge) */
};

/* The writer: random flag changes, appends and expunges, each reported
 * on fd once committed, until killed. */
static void writer(struct store *st, int fd, unsigned seed)
{
	srand(seed);
	struct mailbox *mb = NULL;
	struct store_err err;
	if (!mbox_open_internal(st, "INBOX", true, false, &mb, &err))
		_exit(1);
	for (;;) {
		struct mbox_changes ch;
		mbox_changes_take(mb, true, &ch);
		uint32_t n = mbox_count(mb);
		int what = rand() % 10;
		struct report r = { 0 };
		if (what < 7 && n > 0) {
			uint32_t seq = 1 + (uint32_t)rand() % n;
			unsigned f = (rand() % 2 ? IMAP_FLAG_SEEN : 0) | (rand() % 2 ? IMAP_FLAG_FLAGGED : 0);
			if (!mbox_flags_change(mb, seq, IMAP_STORE_REPLACE, f, 0) ||
			    !mbox_flags_commit(mb, &err))
				continue;
			r = (struct report){ 1, mbox_msg_uid(mb, seq),
					     mbox_msg_flags(mb, seq) & ~(unsigned)IMAP_FLAG_RECENT, 0,
					     mbox_msg_modseq(mb, seq) };
		} else if (what < 9 || n < 3) {
			struct store_new_msg m = { .data = "Subject: k\r\n\r\nk\r\n", .len = 17,
						   .spool_fd = -1 };
			uint32_t v, uid;
			if (!store_append(st, "INBOX", &m, &v, &uid, &err))
				continue;
			mbox_changes_take(mb, true, &ch);
			long seq = -1;
			for (uint32_t s = mbox_count(mb); s > 0; s--)
				if (mbox_msg_uid(mb, s) == uid)
					seq = s;
			if (seq < 0)
				_exit(3);
			r = (struct report){ 2, uid, 0, 0, mbox_msg_modseq(mb, (uint32_t)seq) };
		} else {
			uint32_t seq = 1 + (uint32_t)rand() % n;
			uint32_t uid = mbox_msg_uid(mb, seq);
			if (!mbox_flags_change(mb, seq, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0) ||
			    !mbox_flags_commit(mb, &err) || !mbox_expunge(mb, NULL, &err))
				continue;
			mbox_changes_take(mb, true, &ch);
			r = (struct report){ 3, uid, 0, 0, ch.highestmodseq };
		}
		if (write(fd, &r, sizeof(r)) != (ssize_t)sizeof(r))
			_exit(2);
	}
}

static void test_kill9(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 30; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M1P1.h:2,", 400 + i);
		put(fx->root, "cur", name, "m\n");
	}
	enum { MAXUID = 4096 };
	uint32_t *flags = calloc(MAXUID, sizeof(uint32_t));      /* last committed, +1 */
	uint64_t *modseq = calloc(MAXUID, sizeof(uint64_t));
	bool *expunged = calloc(MAXUID, sizeof(bool));
	uint64_t highest = 0, seen_highest = 0;
	unsigned reports = 0;
	for (int run = 0; run < 12; run++) {
		int p[2];
		assert_int_equal(pipe(p), 0);
		pid_t pid = fork();
		if (pid == 0) {
			close(p[0]);
			/* A store of its own, as another imapd process has. */
			const char *why;
			struct store *st = store_open(fx->root, &why);
			if (st == NULL)
				_exit(1);
			writer(st, p[1], (unsigned)run * 7919u);
		}
		close(p[1]);
		/* Kill it at a random moment, mid-write as often as not. */
		struct timespec d = { 0, 20000000 + (long)(rand() % 150) * 1000000 };
		nanosleep(&d, NULL);
		kill(pid, SIGKILL);
		int status;
		waitpid(pid, &status, 0);
		assert_true(WIFSIGNALED(status));
		struct report r;
		while (read(p[0], &r, sizeof(r)) == (ssize_t)sizeof(r)) {
			assert_true(r.uid > 0 && r.uid < MAXUID);
			reports++;
			if (r.kind == 3) {
				expunged[r.uid] = true;
			} else {
				flags[r.uid] = r.flags + 1;
				modseq[r.uid] = r.modseq;
			}
			if (r.modseq > highest)
				highest = r.modseq;
		}
		close(p[0]);
		/* Everything committed is there, and no MODSEQ went back. */
		struct mailbox *mb = open_view(fx->st, "INBOX");
		uint64_t h = mbox_highestmodseq(mb);
		assert_true(h >= highest);
		assert_true(h >= seen_highest);
		seen_highest = h;
		for (uint32_t s = 1; s <= mbox_count(mb); s++) {
			uint32_t uid = mbox_msg_uid(mb, s);
			assert_false(expunged[uid]);
			assert_true(mbox_msg_modseq(mb, s) <= h);
			if (flags[uid] == 0)
				continue;
			assert_true(mbox_msg_modseq(mb, s) >= modseq[uid]);
			/* Changed after the report only by a commit that was not
			 * reported (the kill came between): then a higher MODSEQ. */
			unsigned f = mbox_msg_flags(mb, s) & ~(unsigned)IMAP_FLAG_RECENT;
			if (f != flags[uid] - 1)
				assert_true(mbox_msg_modseq(mb, s) > modseq[uid]);
		}
		mbox_close(&mb);
	}
	assert_true(reports > 20);
	free(flags);
	free(modseq);
	free(expunged);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_modseq_changes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unchangedsince, setup, teardown),
		cmocka_unit_test_setup_teardown(test_history_reach, setup, teardown),
		cmocka_unit_test_setup_teardown(test_kill9, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
