/*
 * test_store_index.c - the maildir store on disk: the index round trip,
 * UIDs that never go back (also across a crash), keywords, \Recent going
 * to exactly one session, changes made by others reaching a view, ghosts
 * of expunged messages, sequence sets, and when directories are read.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
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

#include "cmd/mboxfmt.h"
#include "store/idx_table.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/store.h"
#include "store/store_int.h"
#include "store/subs.h"
#include "store/sync.h"

/* ---- fixtures ------------------------------------------------------------ */

#define STORE_FIXTURE_NAME "test_store"
#include "store_fixture.h"

static int count_files(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *de;
	if (d == NULL)
		return -1;
	while ((de = readdir(d)) != NULL)
		if (de->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static struct mailbox *open_view(struct fx *fx, const char *name, bool readonly)
{
	struct mailbox *mb = NULL;
	struct store_err err = { 0 };
	if (!mbox_open_internal(fx->st, name, true, readonly, &mb, &err))
		fail_msg("open %s: %s", name, err.text);
	return mb;
}

/* What mbox_changes_take() handed out. */
struct rep {
	uint32_t expunged[64];
	int nexpunged;
	uint32_t exists, recent;
	int flags;
	uint32_t fetched[64];
	int nfetched;
};

static struct rep report(struct mailbox *mb, bool expunge_ok)
{
	struct rep r;
	memset(&r, 0, sizeof(r));
	struct mbox_changes ch;
	assert_true(mbox_changes_take(mb, expunge_ok, &ch));
	assert_false(ch.gone);
	for (uint32_t i = 0; i < ch.nexpunged; i++) {
		assert_true(r.nexpunged < 64);
		r.expunged[r.nexpunged++] = ch.expunged[i].seq;
	}
	r.flags = ch.flag_names;
	if (ch.new_messages) {
		r.exists = ch.exists;
		r.recent = ch.recent;
	}
	for (uint32_t i = 0; i < ch.nflags; i++) {
		assert_true(r.nfetched < 64);
		assert_int_equal(ch.flags[i].uid, mbox_msg_uid(mb, ch.flags[i].seq));
		r.fetched[r.nfetched++] = ch.flags[i].seq;
	}
	return r;
}

/* ---- the index round trip ------------------------------------------------------ */

static void test_roundtrip(void **state)
{
	struct fx *fx = *state;
	put(fx->root, "new", "1000.M1P1.h", "Subject: a\n\nbody\n");           /* 17 + 3 LFs */
	put(fx->root, "new", "1001.M1P1.h,S=5,W=99", "x\ny\n");                /* W= wins */
	put(fx->root, "cur", "999.M1P1.h:2,SF", "Subject: c\r\n\r\nbody\r\n"); /* CRLF file */
	struct mailbox *mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 3);
	/* Delivery order: the cur/ file is older by name, so first. */
	assert_int_equal(mbox_msg_uid(mb, 1), 1);
	assert_int_equal(mbox_msg_uid(mb, 2), 2);
	assert_int_equal(mbox_msg_uid(mb, 3), 3);
	assert_int_equal(mbox_msg_size(mb, 1), 20);
	assert_int_equal(mbox_msg_size(mb, 2), 20);
	assert_int_equal(mbox_msg_size(mb, 3), 99);
	assert_int_equal(mbox_msg_flags(mb, 1), IMAP_FLAG_SEEN | IMAP_FLAG_FLAGGED);
	/* The new/ ones became \Recent here and moved to cur/. */
	assert_int_equal(mbox_msg_flags(mb, 2), IMAP_FLAG_RECENT);
	assert_int_equal(mbox_recent_count(mb), 2);
	assert_int_equal(mbox_first_unseen(mb), 2);
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/new", fx->root);
	assert_int_equal(count_files(dir), 0);
	snprintf(dir, sizeof(dir), "%s/cur", fx->root);
	assert_int_equal(count_files(dir), 3);
	uint32_t validity = mbox_uidvalidity(mb);
	assert_true(validity > 0);
	assert_int_equal(mbox_uidnext(mb), 4);
	struct mbox_body body;
	struct store_err err;
	assert_true(mbox_msg_open(mb, 2, &body, &err));
	assert_int_equal(body.len, 17);
	assert_memory_equal(body.data, "Subject: a\n\nbody\n", 17);
	assert_int_equal(body.crlf_size, 20);
	mbox_msg_close(&body);
	mbox_close(&mb);

	/* A second session: same UIDs and UIDVALIDITY, \Recent gone. */
	mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 3);
	assert_int_equal(mbox_uidvalidity(mb), validity);
	assert_int_equal(mbox_msg_uid(mb, 3), 3);
	assert_int_equal(mbox_recent_count(mb), 0);
	assert_int_equal(mbox_msg_size(mb, 1), 20);
	mbox_close(&mb);
}

/* Every message's fields as the index has them. */
static void snapshot_view(struct mailbox *mb, uint32_t *uids, unsigned *flags, uint64_t *sizes)
{
	for (uint32_t i = 1; i <= mbox_count(mb); i++) {
		uids[i - 1] = mbox_msg_uid(mb, i);
		flags[i - 1] = mbox_msg_flags(mb, i) & ~(unsigned)IMAP_FLAG_RECENT;
		sizes[i - 1] = mbox_msg_size(mb, i);
	}
}

static void test_uids_survive_crash(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 5; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M1P1.h", 2000 + i);
		put(fx->root, "new", name, "m\n");
	}
	/* A child assigns UIDs, changes a flag, and dies without closing. */
	pid_t pid = fork();
	if (pid == 0) {
		struct mailbox *mb = NULL;
		struct store_err err;
		if (!mbox_open_internal(fx->st, "INBOX", true, false, &mb, &err))
			_exit(1);
		mbox_flags_change(mb, 2, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0);
		_exit(mbox_flags_commit(mb, &err) ? 0 : 2);
	}
	int status;
	waitpid(pid, &status, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);

	struct mailbox *mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 5);
	uint32_t v = mbox_uidvalidity(mb);
	uint32_t uids[5];
	unsigned flags[5];
	uint64_t sizes[5];
	snapshot_view(mb, uids, flags, sizes);
	for (int i = 0; i < 5; i++)
		assert_int_equal(uids[i], (uint32_t)i + 1);
	assert_int_equal(flags[1], IMAP_FLAG_SEEN);
	mbox_close(&mb);

	/* A torn record at the end of the log (a crash mid-write). */
	char log[512];
	snprintf(log, sizeof(log), "%s/%s", fx->root, IDX_LOG_FILE);
	int fd = open(log, O_WRONLY | O_APPEND);
	assert_true(fd >= 0);
	uint32_t torn[3] = { 4096, 0x12345678, 1 };
	assert_int_equal(write(fd, torn, sizeof(torn)), (ssize_t)sizeof(torn));
	close(fd);
	put(fx->root, "new", "3000.M1P1.h", "later\n");
	mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_uidvalidity(mb), v);
	assert_int_equal(mbox_count(mb), 6);
	assert_int_equal(mbox_msg_uid(mb, 5), 5);
	assert_int_equal(mbox_msg_uid(mb, 6), 6);  /* above every UID given before */
	assert_int_equal(mbox_msg_flags(mb, 2) & IMAP_FLAG_SEEN, IMAP_FLAG_SEEN);
	mbox_close(&mb);

	/* Expunging the last message never lets its UID come back. */
	mb = open_view(fx, "INBOX", false);
	struct store_err err;
	mbox_flags_change(mb, 6, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0);
	assert_true(mbox_expunge(mb, NULL, &err));
	mbox_close(&mb);
	put(fx->root, "new", "3001.M1P1.h", "again\n");
	mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 6);
	assert_int_equal(mbox_msg_uid(mb, 6), 7);
	assert_int_equal(mbox_uidnext(mb), 8);
	mbox_close(&mb);

	/* A damaged log (a bad record with data after it): rebuilt, and
	 * the UIDVALIDITY goes up so no client trusts old UIDs. */
	fd = open(log, O_RDWR);
	struct stat sb;
	fstat(fd, &sb);
	char zero[16] = { 0 };
	assert_int_equal(pwrite(fd, zero, 8, 24 + 4), 8);  /* the first record's CRC */
	close(fd);
	mb = open_view(fx, "INBOX", false);
	assert_true(mbox_uidvalidity(mb) > v);
	assert_int_equal(mbox_count(mb), 6);
	uint32_t v2 = mbox_uidvalidity(mb);
	mbox_close(&mb);

	/* A lost snapshot: also a new, larger UIDVALIDITY. */
	char snap[512];
	snprintf(snap, sizeof(snap), "%s/%s", fx->root, IDX_SNAPSHOT_FILE);
	assert_int_equal(unlink(snap), 0);
	mb = open_view(fx, "INBOX", false);
	assert_true(mbox_uidvalidity(mb) > v2);
	assert_int_equal(mbox_count(mb), 6);
	mbox_close(&mb);
}

/* The log folds into a new snapshot; a view open across it follows. */
static void test_compaction(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 20; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M1P1.h", 4000 + i);
		put(fx->root, "cur", name, "m\n");
	}
	struct mailbox *watcher = open_view(fx, "INBOX", false);
	struct mailbox *mb = open_view(fx, "INBOX", false);
	struct store_err err;
	char log[512];
	snprintf(log, sizeof(log), "%s/%s", fx->root, IDX_LOG_FILE);
	struct stat first;
	assert_int_equal(stat(log, &first), 0);
	/* Enough flag changes to pass the compaction threshold. */
	for (int round = 0; round < 250; round++) {
		for (uint32_t seq = 1; seq <= 20; seq++)
			mbox_flags_change(mb, seq, round % 2 ? IMAP_STORE_REMOVE : IMAP_STORE_ADD,
					  IMAP_FLAG_FLAGGED, 0);
		assert_true(mbox_flags_commit(mb, &err));
	}
	mbox_flags_change(mb, 3, IMAP_STORE_ADD, IMAP_FLAG_ANSWERED, 0);
	assert_true(mbox_flags_commit(mb, &err));
	struct stat now;
	assert_int_equal(stat(log, &now), 0);
	assert_true(now.st_ino != first.st_ino);  /* a new log generation */
	assert_true(now.st_size < 256 * 1024);
	/* The watcher learns of the change through the new snapshot. */
	struct rep r = report(watcher, true);
	assert_int_equal(r.nfetched, 1);
	assert_int_equal(r.fetched[0], 3);
	assert_int_equal(mbox_msg_flags(watcher, 3), IMAP_FLAG_ANSWERED);
	assert_int_equal(mbox_msg_flags(watcher, 4), 0);
	mbox_close(&watcher);
	mbox_close(&mb);
	mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 20);
	assert_int_equal(mbox_msg_flags(mb, 3), IMAP_FLAG_ANSWERED);
	assert_int_equal(mbox_msg_uid(mb, 20), 20);
	mbox_close(&mb);
}

/* ---- keywords ------------------------------------------------------------------------ */

static void test_keywords(void **state)
{
	struct fx *fx = *state;
	/* A maildir Dovecot served: letters already mean something. */
	put(fx->root, ".", KW_FILE, "0 $Junk\n1 NonJunk\nbad line\n30 TooHigh\n");
	put(fx->root, "cur", "5000.M1P1.h:2,Sb", "m\n");
	struct mailbox *mb = open_view(fx, "INBOX", false);
	struct mailbox *other = open_view(fx, "INBOX", false);
	assert_string_equal(mbox_keyword_name(mb, 0), "$Junk");
	assert_string_equal(mbox_keyword_name(mb, 1), "NonJunk");
	assert_null(mbox_keyword_name(mb, 2));
	assert_int_equal(mbox_msg_keywords(mb, 1), 2);
	struct sbuf b;
	sbuf_init(&b, NULL);
	mboxfmt_flags(mb, 1, true, &b);
	assert_string_equal(sbuf_str(&b), "(\\Seen NonJunk)");
	sbuf_reset(&b);
	mboxfmt_flag_names(mb, true, false, &b);
	assert_string_equal(sbuf_str(&b),
			    "(\\Answered \\Flagged \\Deleted \\Seen \\Draft $Junk NonJunk \\*)");

	/* Case-insensitive lookup; a new name takes the first free slot. */
	struct store_err err;
	const char *names[] = { "nonjunk", "Work" };
	uint32_t mask;
	assert_true(mbox_keywords_lookup(mb, names, 2, false, &mask, &err));
	assert_int_equal(mask, 2);
	assert_true(mbox_keywords_lookup(mb, names, 2, true, &mask, &err));
	assert_int_equal(mask, 2 | 4);
	assert_true(mbox_flags_change(mb, 1, IMAP_STORE_ADD, 0, 4));
	assert_true(mbox_flags_commit(mb, &err));
	char cur[512];
	snprintf(cur, sizeof(cur), "%s/cur/5000.M1P1.h:2,Sbc", fx->root);
	assert_int_equal(access(cur, F_OK), 0);
	/* The other session gets FLAGS and the message's new flags. */
	struct rep r = report(other, false);
	assert_int_equal(r.flags, 1);
	assert_int_equal(r.nfetched, 1);
	assert_string_equal(mbox_keyword_name(other, 2), "Work");
	/* Slots run out at 26: then no \* in PERMANENTFLAGS. */
	for (int i = 3; i < MBOX_KEYWORD_SLOTS; i++) {
		char kw[16];
		snprintf(kw, sizeof(kw), "kw%d", i);
		const char *one = kw;
		assert_true(mbox_keywords_lookup(mb, &one, 1, true, &mask, &err));
		assert_int_equal(mask, UINT32_C(1) << i);
	}
	assert_false(mbox_keywords_can_create(mb));
	const char *extra = "OneTooMany";
	assert_false(mbox_keywords_lookup(mb, &extra, 1, true, &mask, &err));
	assert_int_equal(err.code, STORE_ERR_LIMIT);
	sbuf_reset(&b);
	mboxfmt_flag_names(mb, true, false, &b);
	assert_null(strstr(sbuf_str(&b), "\\*"));
	/* The file is Dovecot's format. */
	char path[512], line[128];
	snprintf(path, sizeof(path), "%s/%s", fx->root, KW_FILE);
	FILE *f = fopen(path, "r");
	assert_non_null(f);
	assert_non_null(fgets(line, sizeof(line), f));
	assert_string_equal(line, "0 $Junk\n");
	fclose(f);
	sbuf_free(&b);
	mbox_close(&mb);
	mbox_close(&other);
}

/* ---- \Recent ---------------------------------------------------------------------------- */

static void test_recent_once(void **state)
{
	struct fx *fx = *state;
	put(fx->root, "new", "6000.M1P1.h", "one\n");
	/* EXAMINE sees it as \Recent and leaves it for the next session. */
	struct mailbox *ro = open_view(fx, "INBOX", true);
	assert_int_equal(mbox_recent_count(ro), 1);
	struct mailbox *a = open_view(fx, "INBOX", false);
	struct mailbox *b = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_recent_count(a), 1);
	assert_int_equal(mbox_recent_count(b), 0);
	/* A delivery: whichever session syncs first gets \Recent. */
	put(fx->root, "new", "6001.M1P1.h", "two\n");
	struct rep rb = report(b, true);
	struct rep ra = report(a, true);
	assert_int_equal(rb.exists, 2);
	assert_int_equal(rb.recent, 1);
	assert_int_equal(ra.exists, 2);
	assert_int_equal(ra.recent, 1);   /* still only its first message */
	assert_true(mbox_msg_flags(b, 2) & IMAP_FLAG_RECENT);
	assert_false(mbox_msg_flags(a, 2) & IMAP_FLAG_RECENT);
	assert_false(mbox_msg_flags(b, 1) & IMAP_FLAG_RECENT);
	/* The read-only view had it as \Recent before anyone took it. */
	struct rep rr = report(ro, true);
	assert_int_equal(rr.exists, 2);
	mbox_close(&ro);
	mbox_close(&a);
	mbox_close(&b);
	/* STATUS counts none: both were taken. */
	struct store_status st;
	struct store_err err;
	assert_true(store_status(fx->st, "INBOX", true, &st, &err));
	assert_int_equal(st.messages, 2);
	assert_int_equal(st.recent, 0);
	assert_int_equal(st.unseen, 2);
	assert_int_equal(st.uidnext, 3);
	/* RFC8438 SIZE: worked out for sizes no name carries ("one\r\n"
	 * and "two\r\n"), and only when asked for. */
	assert_int_equal(st.size, 10);
	assert_true(store_status(fx->st, "INBOX", false, &st, &err));
	assert_int_equal(st.messages, 2);
	assert_int_equal(st.size, 0);
}

/* ---- changes by others ------------------------------------------------------------------ */

static void test_others(void **state)
{
	struct fx *fx = *state;
	put(fx->root, "cur", "7000.M1P1.h:2,", "a\n");
	put(fx->root, "cur", "7001.M1P1.h:2,", "b\n");
	put(fx->root, "cur", "7002.M1P1.h:2,", "c\n");
	struct mailbox *a = open_view(fx, "INBOX", false);
	struct mailbox *b = open_view(fx, "INBOX", false);
	struct store_err err;

	/* A mail reader renames a file (flags): a FETCH for it. */
	char from[512], to[512];
	snprintf(from, sizeof(from), "%s/cur/7000.M1P1.h:2,", fx->root);
	snprintf(to, sizeof(to), "%s/cur/7000.M1P1.h:2,RS", fx->root);
	assert_int_equal(rename(from, to), 0);
	/* Make sure cur/'s mtime moves even on a coarse clock. */
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { time(NULL) + 5, 0 } };
	snprintf(from, sizeof(from), "%s/cur", fx->root);
	utimensat(AT_FDCWD, from, ts, 0);
	struct rep r = report(a, false);
	assert_int_equal(r.nfetched, 1);
	assert_int_equal(r.fetched[0], 1);
	assert_int_equal(mbox_msg_flags(a, 1), IMAP_FLAG_SEEN | IMAP_FLAG_ANSWERED);

	/* b expunges message 2: a keeps a ghost while EXPUNGE may not be
	 * sent, with its cached data but no contents. */
	assert_true(mbox_flags_change(b, 2, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0));
	assert_true(mbox_expunge(b, NULL, &err));
	struct rep rb = report(b, true);
	assert_int_equal(rb.nexpunged, 1);
	assert_int_equal(rb.expunged[0], 2);
	assert_int_equal(mbox_count(b), 2);
	r = report(a, false);
	assert_int_equal(r.nexpunged, 0);
	assert_int_equal(mbox_count(a), 3);
	assert_true(mbox_msg_expunged(a, 2));
	assert_int_equal(mbox_msg_uid(a, 2), 2);
	struct mbox_body body;
	assert_false(mbox_msg_open(a, 2, &body, &err));
	assert_int_equal(err.code, STORE_ERR_EXPUNGED);
	assert_false(mbox_flags_change(a, 2, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0));
	/* Message 3 is still itself. */
	assert_true(mbox_msg_open(a, 3, &body, &err));
	assert_memory_equal(body.data, "c\n", 2);
	mbox_msg_close(&body);
	r = report(a, true);
	assert_int_equal(r.nexpunged, 1);
	assert_int_equal(r.expunged[0], 2);
	assert_int_equal(mbox_count(a), 2);
	assert_int_equal(mbox_msg_uid(a, 2), 3);

	/* A file removed underneath: NO for it, then an EXPUNGE. */
	char path[512];
	snprintf(path, sizeof(path), "%s/cur/7002.M1P1.h:2,", fx->root);
	assert_int_equal(unlink(path), 0);
	assert_false(mbox_msg_open(a, 2, &body, &err));
	assert_int_equal(err.code, STORE_ERR_EXPUNGED);
	r = report(a, true);
	assert_int_equal(r.nexpunged, 1);
	assert_int_equal(r.expunged[0], 2);

	/* A file renamed underneath is found again, not lost. */
	snprintf(from, sizeof(from), "%s/cur/7000.M1P1.h:2,RS", fx->root);
	snprintf(to, sizeof(to), "%s/cur/7000.M1P1.h:2,FRS", fx->root);
	assert_int_equal(rename(from, to), 0);
	assert_true(mbox_msg_open(b, 1, &body, &err));
	assert_memory_equal(body.data, "a\n", 2);
	mbox_msg_close(&body);
	mbox_close(&a);
	mbox_close(&b);
}

/* Two sessions adding different flags to one message: both stay. */
static void test_concurrent_flags(void **state)
{
	struct fx *fx = *state;
	put(fx->root, "cur", "7100.M1P1.h:2,", "a\n");
	struct mailbox *a = open_view(fx, "INBOX", false);
	struct mailbox *b = open_view(fx, "INBOX", false);
	struct store_err err;
	assert_true(mbox_flags_change(a, 1, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0));
	assert_true(mbox_flags_change(b, 1, IMAP_STORE_ADD, IMAP_FLAG_FLAGGED, 0));
	assert_true(mbox_flags_commit(a, &err));
	assert_true(mbox_flags_commit(b, &err));
	assert_int_equal(mbox_msg_flags(b, 1), IMAP_FLAG_SEEN | IMAP_FLAG_FLAGGED);
	report(a, true);
	assert_int_equal(mbox_msg_flags(a, 1), IMAP_FLAG_SEEN | IMAP_FLAG_FLAGGED);
	/* A read-only view changes nothing. */
	struct mailbox *ro = open_view(fx, "INBOX", true);
	assert_false(mbox_flags_change(ro, 1, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0));
	assert_false(mbox_expunge(ro, NULL, &err));
	assert_int_equal(err.code, STORE_ERR_READONLY);
	mbox_close(&ro);
	mbox_close(&a);
	mbox_close(&b);
}

/* ---- sequence sets ---------------------------------------------------------------------- */

static void test_seqs(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 6; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M1P1.h:2,", 8000 + i);
		put(fx->root, "cur", name, "m\n");
	}
	/* UIDs 1..6, then expunge 2 and 4: UIDs 1 3 5 6 at seqs 1..4. */
	struct mailbox *mb = open_view(fx, "INBOX", false);
	struct store_err err;
	mbox_flags_change(mb, 2, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0);
	mbox_flags_change(mb, 4, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0);
	assert_true(mbox_expunge(mb, NULL, &err));
	report(mb, true);
	assert_int_equal(mbox_count(mb), 4);
	static const struct {
		bool uid;
		uint32_t lo[3], hi[3];
		size_t n;
		const char *want;  /* seqs, or "BAD" */
	} cases[] = {
		{ false, { 1 }, { 4 }, 1, "1 2 3 4" },
		{ false, { 4 }, { 2 }, 1, "2 3 4" },                 /* reversed */
		{ false, { 0 }, { 0 }, 1, "4" },                     /* "*" */
		{ false, { 3 }, { 0 }, 1, "3 4" },
		{ false, { 2, 1, 2 }, { 3, 1, 2 }, 3, "1 2 3" },     /* overlaps merged */
		{ false, { 5 }, { 5 }, 1, "BAD" },
		{ false, { 1 }, { 5 }, 1, "BAD" },
		{ true, { 2 }, { 4 }, 1, "2" },                      /* UID 3 only */
		{ true, { 1 }, { 0 }, 1, "1 2 3 4" },
		{ true, { 100 }, { 0 }, 1, "4" },                    /* "100:*" has the last */
		{ true, { 7 }, { 99 }, 1, "" },                      /* none: no error */
		{ true, { 0 }, { 0 }, 1, "4" },
		{ true, { 6 }, { 5 }, 1, "3 4" },
		{ true, { 4294967295u }, { 4294967295u }, 1, "" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct imap_seq_range ranges[3];
		for (size_t k = 0; k < cases[i].n; k++)
			ranges[k] = (struct imap_seq_range){ cases[i].lo[k], cases[i].hi[k] };
		struct imap_seq_set set = { .n = cases[i].n, .ranges = ranges };
		struct arena a;
		arena_init(&a);
		struct mbox_seqs seqs;
		const char *bad = NULL;
		char got[128] = "";
		if (!mbox_seqs_resolve(mb, &a, &set, cases[i].uid, &seqs, &bad)) {
			snprintf(got, sizeof(got), "BAD");
		} else {
			uint32_t seq;
			size_t len = 0;
			while (mbox_seqs_next(&seqs, &seq))
				len += (size_t)snprintf(got + len, sizeof(got) - len, "%s%u",
							len ? " " : "", seq);
			for (uint32_t s = 1; s <= 4; s++) {
				bool in = false;
				for (const char *p = got; *p; p++)
					if ((uint32_t)atoi(p) == s && (p == got || p[-1] == ' '))
						in = true;
				assert_int_equal(mbox_seqs_contains(&seqs, s), in);
			}
		}
		if (strcmp(got, cases[i].want) != 0)
			fail_msg("case %zu: got \"%s\", want \"%s\"", i, got, cases[i].want);
		arena_free(&a);
	}
	mbox_close(&mb);
	/* An empty mailbox: "*" is a BAD for sequence numbers, nothing for UIDs. */
	struct store_err e2;
	assert_true(store_create(fx->st, "Empty", &e2));
	mb = open_view(fx, "Empty", false);
	struct imap_seq_range star = { 0, 0 };
	struct imap_seq_set set = { .n = 1, .ranges = &star };
	struct arena a;
	arena_init(&a);
	struct mbox_seqs seqs;
	const char *bad;
	assert_false(mbox_seqs_resolve(mb, &a, &set, false, &seqs, &bad));
	assert_true(mbox_seqs_resolve(mb, &a, &set, true, &seqs, &bad));
	uint32_t seq;
	assert_false(mbox_seqs_next(&seqs, &seq));
	arena_free(&a);
	mbox_close(&mb);
}

/* ---- when directories are read --------------------------------------------------------- */

static void set_mtime(const char *dir, time_t t)
{
	struct timespec ts[2] = { { t, 0 }, { t, 0 } };
	assert_int_equal(utimensat(AT_FDCWD, dir, ts, 0), 0);
}

static void test_mtime_trust(void **state)
{
	struct fx *fx = *state;
	char newdir[512], curdir[512];
	snprintf(newdir, sizeof(newdir), "%s/new", fx->root);
	snprintf(curdir, sizeof(curdir), "%s/cur", fx->root);
	put(fx->root, "cur", "9000.M1P1.h:2,", "a\n");
	/* Directories last changed long ago: the scan's mtimes are trusted,
	 * and a directory whose mtime did not move is not read again. */
	time_t old = time(NULL) - 100;
	set_mtime(newdir, old);
	set_mtime(curdir, old);
	struct mailbox *mb = open_view(fx, "INBOX", true);
	assert_int_equal(mbox_count(mb), 1);
	put(fx->root, "new", "9001.M1P1.h", "b\n");
	set_mtime(newdir, old);  /* hide the change behind the same mtime */
	struct rep r = report(mb, true);
	assert_int_equal(r.exists, 0);  /* not read: the index alone answered */
	/* Once the mtime moves, the file is found. */
	set_mtime(newdir, old + 1);
	r = report(mb, true);
	assert_int_equal(r.exists, 2);
	mbox_close(&mb);

	/* A directory changed in the clock tick of the scan is not trusted:
	 * a change with the same mtime right after is still found. */
	time_t now = time(NULL) + 50;  /* "now" for the file system, as the kernel stamps it */
	set_mtime(newdir, now);
	mb = open_view(fx, "INBOX", true);
	assert_int_equal(mbox_count(mb), 2);
	put(fx->root, "new", "9002.M1P1.h", "c\n");
	set_mtime(newdir, now);
	r = report(mb, true);
	assert_int_equal(r.exists, 3);
	mbox_close(&mb);
}

/* ---- mailbox operations ------------------------------------------------------------------ */

static void test_mailbox_ops(void **state)
{
	struct fx *fx = *state;
	struct store_err err;
	assert_true(store_create(fx->st, "a.b.c", &err));
	/* Superiors are \Noselect levels until created (test_store_folders.c). */
	assert_false(store_exists(fx->st, "a"));
	assert_false(store_exists(fx->st, "a.b"));
	assert_true(store_create(fx->st, "a.b", &err));
	assert_true(store_create(fx->st, "a", &err));
	assert_false(store_create(fx->st, "a.b", &err));
	assert_int_equal(err.code, STORE_ERR_EXISTS);
	assert_false(store_create(fx->st, "INBOX", &err));
	char path[512];
	snprintf(path, sizeof(path), "%s/.a.b.c/maildirfolder", fx->root);
	assert_int_equal(access(path, F_OK), 0);
	/* DELETE keeps inferiors; then the name is \Noselect and cannot go. */
	assert_true(store_delete(fx->st, "a", &err));
	assert_false(store_exists(fx->st, "a"));
	assert_true(store_exists(fx->st, "a.b"));
	assert_true(store_delete(fx->st, "a.b", &err));
	assert_false(store_delete(fx->st, "a.b", &err));
	assert_int_equal(err.code, STORE_ERR_NOTALLOWED);
	assert_false(store_delete(fx->st, "INBOX", &err));
	assert_false(store_delete(fx->st, "nothere", &err));
	assert_int_equal(err.code, STORE_ERR_NOTFOUND);
	/* RENAME takes inferiors along. */
	assert_true(store_create(fx->st, "p", &err));
	assert_true(store_create(fx->st, "p.q", &err));
	assert_true(store_rename(fx->st, "p", "r.s", &err));
	assert_true(store_exists(fx->st, "r.s"));
	assert_true(store_exists(fx->st, "r.s.q"));
	assert_false(store_exists(fx->st, "r"));
	assert_false(store_exists(fx->st, "p.q"));
	assert_false(store_rename(fx->st, "r", "r.s", &err));
	assert_false(store_rename(fx->st, "r.s", "r.s.x", &err));
	assert_false(store_rename(fx->st, "nothere", "x", &err));
	/* RENAME INBOX moves the messages and leaves INBOX empty. */
	put(fx->root, "new", "9500.M1P1.h", "one\n");
	put(fx->root, "cur", "9501.M1P1.h:2,S", "two\n");
	struct mailbox *mb = open_view(fx, "INBOX", true);
	assert_int_equal(mbox_count(mb), 2);
	mbox_close(&mb);
	assert_true(store_rename(fx->st, "INBOX", "Old", &err));
	mb = open_view(fx, "INBOX", true);
	assert_int_equal(mbox_count(mb), 0);
	assert_int_equal(mbox_uidnext(mb), 3);  /* its UIDs are not reused */
	mbox_close(&mb);
	mb = open_view(fx, "Old", true);
	assert_int_equal(mbox_count(mb), 2);
	assert_int_equal(mbox_msg_flags(mb, 2) & IMAP_FLAG_SEEN, IMAP_FLAG_SEEN);
	mbox_close(&mb);
	/* Subscriptions outlive their mailbox (RFC2060 §6.3.6). */
	assert_true(store_subscribe(fx->st, "Old", true, &err));
	assert_true(store_subscribe(fx->st, "Old", true, &err));
	assert_true(store_delete(fx->st, "Old", &err));
	char **subs;
	size_t n;
	assert_true(subs_read(fx->st, &subs, &n));
	assert_int_equal(n, 1);
	assert_string_equal(subs[0], "Old");
	subs_free(subs, n);
	assert_true(store_subscribe(fx->st, "Old", false, &err));
	assert_false(store_subscribe(fx->st, "Old", false, &err));
}

/* APPEND stores LF lines and gives the exact CRLF size back. */
static void test_append(void **state)
{
	struct fx *fx = *state;
	struct store_err err;
	const char *kws[] = { "Work" };
	struct store_new_msg m = {
		.data = "Subject: x\r\n\r\nhi\r\n", .len = 18, .spool_fd = -1,
		.sysflags = IMAP_FLAG_SEEN, .nkeywords = 1, .keywords = kws,
		.has_date = true, .date = 1577865600, .zone_minutes = 120,
	};
	uint32_t validity, uid;
	assert_true(store_append(fx->st, "INBOX", &m, &validity, &uid, &err));
	assert_int_equal(uid, 1);
	/* Not pure CRLF: stored as sent. */
	struct store_new_msg m2 = { .data = "a\nb\r\n", .len = 5, .spool_fd = -1 };
	assert_true(store_append(fx->st, "INBOX", &m2, &validity, &uid, &err));
	assert_int_equal(uid, 2);
	assert_false(store_append(fx->st, "Nope", &m2, &validity, &uid, &err));
	assert_int_equal(err.code, STORE_ERR_TRYCREATE);
	struct mailbox *mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 2);
	assert_int_equal(mbox_msg_size(mb, 1), 18);
	assert_int_equal(mbox_msg_size(mb, 2), 6);
	assert_int_equal(mbox_msg_flags(mb, 1), IMAP_FLAG_SEEN | IMAP_FLAG_RECENT);
	assert_int_equal(mbox_msg_keywords(mb, 1), 1);
	int zone;
	assert_int_equal(mbox_msg_internaldate(mb, 1, &zone), 1577865600);
	assert_int_equal(zone, 120);
	char date[32];
	assert_string_equal(mboxfmt_date(1577865600, 120, date), "\"01-Jan-2020 10:00:00 +0200\"");
	assert_string_equal(mboxfmt_date(1577865600, -330, date), "\"01-Jan-2020 02:30:00 -0530\"");
	struct mbox_body body;
	assert_true(mbox_msg_open(mb, 1, &body, &err));
	assert_int_equal(body.len, 15);
	assert_memory_equal(body.data, "Subject: x\n\nhi\n", 15);
	assert_int_equal(store_crlf_size(body.data, body.len), 18);
	mbox_msg_close(&body);
	assert_true(mbox_msg_open(mb, 2, &body, &err));
	assert_memory_equal(body.data, "a\nb\r\n", 5);
	mbox_msg_close(&body);
	/* COPY keeps flags, keywords (by name) and the date, \Recent in the copy. */
	assert_true(store_create(fx->st, "Dest", &err));
	struct arena a;
	arena_init(&a);
	struct imap_seq_range all = { 1, 2 };
	struct imap_seq_set set = { .n = 1, .ranges = &all };
	struct mbox_seqs seqs;
	const char *bad;
	assert_true(mbox_seqs_resolve(mb, &a, &set, false, &seqs, &bad));
	struct mbox_copy_result res;
	assert_true(mbox_copy(mb, &seqs, "Dest", &res, &err));
	assert_false(mbox_copy(mb, &seqs, "Missing", NULL, &err));
	assert_int_equal(err.code, STORE_ERR_TRYCREATE);
	struct mailbox *d = open_view(fx, "Dest", false);
	/* COPYUID (RFC4315): the copies' UIDs, consecutive, in source order. */
	assert_int_equal(res.count, 2);
	assert_int_equal(res.uidvalidity, mbox_uidvalidity(d));
	assert_int_equal(res.first_uid, mbox_msg_uid(d, 1));
	assert_int_equal(res.first_uid + 1, mbox_msg_uid(d, 2));
	assert_int_equal(mbox_count(d), 2);
	assert_int_equal(mbox_msg_flags(d, 1), IMAP_FLAG_SEEN | IMAP_FLAG_RECENT);
	assert_string_equal(mbox_keyword_name(d, mbox_msg_keywords(d, 1) == 1 ? 0 : 1), "Work");
	assert_int_equal(mbox_msg_internaldate(d, 1, &zone), 1577865600);
	assert_int_equal(mbox_msg_size(d, 2), 6);
	mbox_close(&d);
	/* All or nothing: a vanished source file copies nothing. */
	char path[512];
	struct mbox_msg second = idx_at(mb, 1);
	assert_true(sync_msg_path(mb, &second, path, sizeof(path)));
	assert_int_equal(unlink(path), 0);
	assert_false(mbox_copy(mb, &seqs, "Dest", NULL, &err));
	assert_int_equal(err.code, STORE_ERR_EXPUNGED);
	d = open_view(fx, "Dest", true);
	assert_int_equal(mbox_count(d), 2);
	mbox_close(&d);
	char tmp[512];
	snprintf(tmp, sizeof(tmp), "%s/.Dest/tmp", fx->root);
	assert_int_equal(count_files(tmp), 0);
	arena_free(&a);
	mbox_close(&mb);
}

/* SEARCHRES (RFC5182): "$" is the saved result, kept by UID, so that an
 * expunged message leaves it and the others keep their identity. */
static void test_saved_result(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 5; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M1P1.h", 4000 + i);
		put(fx->root, "new", name, "m\n");
	}
	struct mailbox *mb = open_view(fx, "INBOX", false);
	struct arena a;
	arena_init(&a);
	struct imap_seq_set dollar = { .saved = true };
	struct mbox_seqs seqs;
	const char *bad;
	uint32_t seq;
	/* A new view: "$" is empty, and no error. */
	assert_true(mbox_seqs_resolve(mb, &a, &dollar, false, &seqs, &bad));
	assert_false(mbox_seqs_next(&seqs, &seq));
	static const uint32_t pick[] = { 2, 3, 5 };
	assert_true(mbox_saved_set(mb, pick, 3));
	assert_true(mbox_seqs_resolve(mb, &a, &dollar, true, &seqs, &bad));
	assert_int_equal(seqs.n, 2);  /* 2:3,5 */
	assert_true(mbox_seqs_next(&seqs, &seq) && seq == 2);
	assert_true(mbox_seqs_next(&seqs, &seq) && seq == 3);
	assert_true(mbox_seqs_next(&seqs, &seq) && seq == 5);
	assert_false(mbox_seqs_next(&seqs, &seq));
	/* Another session expunges message 3: a ghost until reported. */
	struct mailbox *other = open_view(fx, "INBOX", false);
	struct store_err err;
	mbox_flags_change(other, 3, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0);
	assert_true(mbox_expunge(other, NULL, &err));
	mbox_close(&other);
	struct rep r = report(mb, false);
	assert_int_equal(r.nexpunged, 0);
	assert_true(mbox_seqs_resolve(mb, &a, &dollar, false, &seqs, &bad));
	assert_true(mbox_seqs_contains(&seqs, 3));
	r = report(mb, true);
	assert_int_equal(r.nexpunged, 1);
	/* Reported: "$" is the old 2 and 5, now 2 and 4. */
	assert_true(mbox_seqs_resolve(mb, &a, &dollar, false, &seqs, &bad));
	assert_true(mbox_seqs_next(&seqs, &seq) && seq == 2);
	assert_true(mbox_seqs_next(&seqs, &seq) && seq == 4);
	assert_false(mbox_seqs_next(&seqs, &seq));
	assert_true(mbox_saved_set(mb, NULL, 0));
	assert_true(mbox_seqs_resolve(mb, &a, &dollar, false, &seqs, &bad));
	assert_false(mbox_seqs_next(&seqs, &seq));
	arena_free(&a);
	mbox_close(&mb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_roundtrip, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uids_survive_crash, setup, teardown),
		cmocka_unit_test_setup_teardown(test_compaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keywords, setup, teardown),
		cmocka_unit_test_setup_teardown(test_recent_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_others, setup, teardown),
		cmocka_unit_test_setup_teardown(test_concurrent_flags, setup, teardown),
		cmocka_unit_test_setup_teardown(test_seqs, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mtime_trust, setup, teardown),
		cmocka_unit_test_setup_teardown(test_mailbox_ops, setup, teardown),
		cmocka_unit_test_setup_teardown(test_append, setup, teardown),
		cmocka_unit_test_setup_teardown(test_saved_result, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
