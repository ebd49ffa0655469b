/*
 * test_store_view.c - the index as a mapped snapshot plus a private
 * delta: a view of an indexed folder holds nothing per message, changes
 * by others become small overrides, a view moves onto a newer snapshot
 * once no expunge waits in it; sizes and dates are worked out lazily;
 * a version 1 index is converted keeping UIDVALIDITY and UIDs; damaged
 * snapshots are rebuilt.
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
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/idx_format.h"
#include "store/idx_snapshot.h"
#include "store/idx_table.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/store.h"
#include "store/store_int.h"

#define STORE_FIXTURE_NAME "test_view"
#include "store_fixture.h"

static struct mailbox *open_view(struct fx *fx, const char *name, bool readonly)
{
	struct mailbox *mb = NULL;
	struct store_err err = { 0 };
	if (!mbox_open_internal(fx->st, name, true, readonly, &mb, &err))
		fail_msg("open %s: %s", name, err.text);
	return mb;
}

/* n messages in cur/, names in delivery order, flags from i. */
static void fill(const char *root, int n)
{
	for (int i = 0; i < n; i++) {
		char name[64];
		snprintf(name, sizeof(name), "%d.M%dP1.h%s:2,%s", 1000 + i, i,
			 i % 2 ? ",S=2,W=3" : "", i % 3 == 0 ? "S" : "");
		put(root, "cur", name, "m\n");
	}
}

/* ---- the mapped view -------------------------------------------------------------- */

static void test_view_is_the_map(void **state)
{
	struct fx *fx = *state;
	fill(fx->root, 200);
	struct mailbox *mb = open_view(fx, "INBOX", false);  /* builds the index */
	assert_int_equal(mbox_count(mb), 200);
	mbox_close(&mb);
	mb = open_view(fx, "INBOX", false);
	/* Every message comes from the mapped snapshot: no copies. */
	assert_int_equal(mb->t.nbase, 200);
	assert_int_equal(mb->t.nov, 0);
	assert_int_equal(mb->t.ntail, 0);
	assert_int_equal(mbox_count(mb), 200);
	assert_int_equal(mbox_msg_uid(mb, 200), 200);
	assert_int_equal(mbox_first_unseen(mb), 2);
	assert_int_equal(mbox_msg_flags(mb, 1), IMAP_FLAG_SEEN);

	/* Another session changes one message and expunges another: this
	 * view holds two overrides, not a copy of the folder. */
	struct mailbox *o = open_view(fx, "INBOX", false);
	struct store_err err;
	assert_true(mbox_flags_change(o, 2, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0));
	assert_true(mbox_flags_change(o, 5, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0));
	assert_true(mbox_expunge(o, NULL, &err));
	struct mbox_changes ch = take(mb, false);
	assert_int_equal(ch.nflags, 1);
	assert_int_equal(ch.flags[0].seq, 2);
	assert_true(ch.flags[0].modseq > 1);
	assert_int_equal(mb->t.nov, 2);
	assert_true(mbox_msg_expunged(mb, 5));
	/* UNSEEN follows the change: message 2 is seen now. */
	assert_int_equal(mbox_first_unseen(mb), 3);
	ch = take(mb, true);
	assert_int_equal(ch.nexpunged, 1);
	assert_int_equal(ch.expunged[0].seq, 5);
	assert_int_equal(mbox_count(mb), 199);
	assert_int_equal(mbox_msg_uid(mb, 5), 6);
	assert_int_equal(mb->t.nhidden, 1);
	struct store_status st;
	assert_true(store_status(fx->st, "INBOX", true, &st, &err));
	assert_int_equal(st.messages, 199);
	assert_int_equal(st.unseen, 199 - 67 - 1);  /* 67 had \Seen, 1 more now */
	mbox_close(&o);
	mbox_close(&mb);
}

/* Enough flag changes to fold the log: a view follows into the next
 * generation and moves onto the new snapshot, dropping its overrides,
 * once no expunged message waits in it. */
static void test_view_follows_compaction(void **state)
{
	struct fx *fx = *state;
	fill(fx->root, 20);
	struct mailbox *w = open_view(fx, "INBOX", false);
	struct mailbox *mb = open_view(fx, "INBOX", false);
	struct store_err err;
	/* w has a ghost: it cannot move yet. */
	assert_true(mbox_flags_change(mb, 20, IMAP_STORE_ADD, IMAP_FLAG_DELETED, 0));
	assert_true(mbox_expunge(mb, NULL, &err));
	take(mb, true);
	take(w, false);
	assert_true(mbox_msg_expunged(w, 20));
	uint32_t gen0 = w->t.base_gen;
	for (int round = 0; round < 150; round++) {
		for (uint32_t seq = 1; seq <= 19; seq++)
			mbox_flags_change(mb, seq, round % 2 ? IMAP_STORE_REMOVE : IMAP_STORE_ADD,
					  IMAP_FLAG_FLAGGED, 0);
		assert_true(mbox_flags_commit(mb, &err));
		if (round % 10 == 0)
			take(w, false);
	}
	assert_true(mb->log_gen >= gen0 + 3);  /* folded a few times */
	/* The writer itself moved onto its snapshot. */
	take(mb, true);
	assert_int_equal(mb->t.base_gen, mb->log_gen);
	assert_true(mb->t.nov <= 19);
	struct mbox_changes ch = take(w, false);
	assert_int_equal(w->t.base_gen, gen0);  /* still the old base */
	assert_int_equal(w->log_gen, mb->log_gen);  /* but following the log */
	assert_int_equal(ch.nflags, 19);
	for (uint32_t i = 0; i < ch.nflags; i++)
		assert_int_equal(mbox_msg_modseq(w, ch.flags[i].seq), mbox_msg_modseq(mb, ch.flags[i].seq));
	ch = take(w, true);
	assert_int_equal(ch.nexpunged, 1);
	/* Now it can: the overrides are gone with the old base. */
	assert_int_equal(w->t.base_gen, w->log_gen);
	assert_int_equal(w->t.nhidden, 0);
	assert_int_equal(w->t.nov, mb->t.nov);  /* only what the current log says */
	assert_int_equal(mbox_count(w), 19);
	assert_int_equal(mbox_msg_flags(w, 3) & IMAP_FLAG_FLAGGED, 0);
	assert_int_equal(mbox_highestmodseq(w), mb->highestmodseq);
	mbox_close(&w);
	mbox_close(&mb);
}

/* A batch too large for the log (a first scan) is written as a
 * snapshot; a view open across it compares and follows. */
static void test_view_follows_bulk(void **state)
{
	struct fx *fx = *state;
	put(fx->root, "cur", "1.M1P1.h:2,S", "first\n");
	struct mailbox *w = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(w), 1);
	fill(fx->root, 3000);
	struct mailbox *mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 3001);
	assert_int_equal(mb->t.nbase, 3001);  /* it moved onto what it wrote */
	assert_int_equal(mb->t.ntail, 0);
	struct mbox_changes ch = take(w, true);
	assert_true(ch.new_messages);
	assert_int_equal(ch.exists, 3001);
	assert_int_equal(mbox_msg_uid(w, 3001), 3001);
	assert_int_equal(w->t.nbase, 3001);
	assert_int_equal(w->t.ntail, 0);
	mbox_close(&w);
	mbox_close(&mb);
}

/* ---- sizes and dates when first asked ----------------------------------------------------- */

static void test_lazy_info(void **state)
{
	struct fx *fx = *state;
	put(fx->root, "cur", "100.M1P1.h:2,", "a\nb\n");                  /* 4 + 2 */
	put(fx->root, "cur", "101.M1P1.h,S=2,W=7:2,", "x\n");             /* W= wins */
	char path[512];
	snprintf(path, sizeof(path), "%s/cur/100.M1P1.h:2,", fx->root);
	struct timeval tv[2] = { { 1500000000, 0 }, { 1500000000, 0 } };
	assert_int_equal(utimes(path, tv), 0);
	struct mailbox *mb = open_view(fx, "INBOX", false);
	/* The first SELECT read no file: size and date unknown yet. */
	struct mbox_msg m = idx_at(mb, 0);
	assert_true(m.state & MSG_NO_SIZE);
	assert_true(m.state & MSG_NO_DATE);
	m = idx_at(mb, 1);
	assert_false(m.state & MSG_NO_SIZE);
	assert_true(m.state & MSG_NO_DATE);
	assert_int_equal(mbox_msg_size(mb, 2), 7);
	assert_int_equal(mbox_msg_size(mb, 1), 6);
	int zone;
	assert_int_equal(mbox_msg_internaldate(mb, 1, &zone), 1500000000);
	/* Logged at the next sync: another session learns it without
	 * reading the file, and it stays put when the file changes. */
	take(mb, true);
	assert_int_equal(utimes(path, (struct timeval[2]){ { 1600000000, 0 }, { 1600000000, 0 } }), 0);
	struct mailbox *o = open_view(fx, "INBOX", true);
	m = idx_at(o, 0);
	assert_false(m.state & (MSG_NO_SIZE | MSG_NO_DATE));
	assert_int_equal(m.size, 6);
	assert_int_equal(mbox_msg_internaldate(o, 1, &zone), 1500000000);
	mbox_close(&o);
	/* A file gone before its size was known: prepare says so. */
	put(fx->root, "cur", "102.M1P1.h:2,", "later\n");
	take(mb, true);
	assert_int_equal(mbox_count(mb), 3);
	snprintf(path, sizeof(path), "%s/cur/102.M1P1.h:2,", fx->root);
	assert_int_equal(unlink(path), 0);
	assert_false(mbox_msg_prepare(mb, 3));
	mbox_close(&mb);
}

/* ---- a version 1 index --------------------------------------------------------------------- */

struct v1_header {
	char magic[8];
	uint32_t version, byteorder, header_size, record_size, uidvalidity, uidnext, count, log_gen;
	uint64_t names_size;
	struct idx_stamp stamp[2];
	uint32_t pad, header_crc;
};

struct v1_record {
	uint32_t uid, upper, lower;
	uint16_t state;
	int16_t tzoff;
	int64_t date;
	uint64_t size;
	uint32_t name_off, name_len;
};

static void write_file(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, data, len), (ssize_t)len);
	close(fd);
}

/* A version 1 log record (as idx_log.c wrote them). */
static size_t v1_rec(char *out, uint32_t type, const void *p1, size_t n1, const char *name)
{
	size_t nlen = name != NULL ? strlen(name) + 1 : 0;
	size_t len = 16 + n1 + nlen, padded = (len + 7) & ~(size_t)7;
	memset(out, 0, padded);
	uint32_t hdr[4] = { (uint32_t)padded, 0, type, 0 };
	memcpy(out, hdr, 16);
	memcpy(out + 16, p1, n1);
	if (name != NULL)
		memcpy(out + 16 + n1, name, nlen);
	uint32_t crc = idx_crc32(0, out + 8, padded - 8);
	memcpy(out + 4, &crc, 4);
	return padded;
}

static void test_convert_v1(void **state)
{
	struct fx *fx = *state;
	const char *names[3] = { "500.M1P1.h:2,S", "501.M1P1.h:2,FS", "502.M1P1.h:2," };
	for (int i = 0; i < 3; i++)
		put(fx->root, "cur", names[i], "v1\n");
	put(fx->root, "cur", "503.M1P1.h:2,R", "v1\n");  /* added by the v1 log */
	/* UIDs 7, 9, 12 as an older imapd left them, UIDVALIDITY 12345. */
	char buf[4096];
	struct v1_header h = { .version = 1, .byteorder = 0x01020304, .header_size = 88,
			       .record_size = 40, .uidvalidity = 12345, .uidnext = 13, .count = 3,
			       .log_gen = 4 };
	memcpy(h.magic, "imapdidx", 8);
	uint32_t uids[3] = { 7, 9, 12 };
	size_t off = 88 + 3 * 40, noff = 0;
	for (int i = 0; i < 3; i++) {
		uint32_t upper = i == 0 ? MDIR_UPPER('S') : i == 1 ? MDIR_UPPER('F') | MDIR_UPPER('S') : 0;
		struct v1_record r = { .uid = uids[i], .upper = upper, .date = 1400000000 + i,
				       .size = 4, .name_off = (uint32_t)noff,
				       .name_len = (uint32_t)strlen(names[i]) };
		memcpy(buf + 88 + i * 40, &r, 40);
		memcpy(buf + off + noff, names[i], strlen(names[i]) + 1);
		noff += strlen(names[i]) + 1;
	}
	h.names_size = noff;
	h.header_crc = idx_crc32(0, &h, offsetof(struct v1_header, header_crc));
	memcpy(buf, &h, 88);
	char path[512];
	snprintf(path, sizeof(path), "%s/imapd.index", fx->root);
	write_file(path, buf, off + noff);
	/* Its log: message 9 loses \Flagged, UID 13 is added. */
	size_t n = 0;
	char lbuf[1024];
	struct { char magic[8]; uint32_t version, byteorder, gen, uidvalidity; } lh = {
		.version = 1, .byteorder = 0x01020304, .gen = 4, .uidvalidity = 12345 };
	memcpy(lh.magic, "imapdlog", 8);
	memcpy(lbuf, &lh, 24);
	n = 24;
	struct log_msg_v1 lm = { .uid = 9, .upper = MDIR_UPPER('S'), .date = 1400000001, .size = 4,
				 .name_len = (uint32_t)strlen("501.M1P1.h:2,S") };
	n += v1_rec(lbuf + n, LOG_UPDATE, &lm, sizeof(lm), "501.M1P1.h:2,S");
	struct log_msg_v1 la = { .uid = 13, .upper = MDIR_UPPER('R'), .date = 1400000009, .size = 4,
				 .name_len = (uint32_t)strlen("503.M1P1.h:2,R") };
	n += v1_rec(lbuf + n, LOG_ADD, &la, sizeof(la), "503.M1P1.h:2,R");
	snprintf(path, sizeof(path), "%s/imapd.index.log", fx->root);
	write_file(path, lbuf, n);
	/* The file of message 9 was renamed as the log says. */
	char from[512], to[512];
	snprintf(from, sizeof(from), "%s/cur/501.M1P1.h:2,FS", fx->root);
	snprintf(to, sizeof(to), "%s/cur/501.M1P1.h:2,S", fx->root);
	assert_int_equal(rename(from, to), 0);

	struct mailbox *mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_uidvalidity(mb), 12345);
	assert_int_equal(mbox_count(mb), 4);
	assert_int_equal(mbox_msg_uid(mb, 1), 7);
	assert_int_equal(mbox_msg_uid(mb, 2), 9);
	assert_int_equal(mbox_msg_uid(mb, 3), 12);
	assert_int_equal(mbox_msg_uid(mb, 4), 13);
	assert_int_equal(mbox_uidnext(mb), 14);
	assert_int_equal(mbox_msg_flags(mb, 2), IMAP_FLAG_SEEN);
	assert_int_equal(mbox_msg_flags(mb, 4), IMAP_FLAG_ANSWERED);
	int zone;
	assert_int_equal(mbox_msg_internaldate(mb, 3, &zone), 1400000002);
	assert_int_equal(mbox_msg_modseq(mb, 1), 1);
	mbox_close(&mb);
	/* The files are version 2 now, and say the same. */
	snprintf(path, sizeof(path), "%s/imapd.index", fx->root);
	int fd = open(path, O_RDONLY);
	struct idx_file_header h2;
	assert_int_equal(read(fd, &h2, sizeof(h2)), (ssize_t)sizeof(h2));
	close(fd);
	assert_int_equal(h2.version, IDX_VERSION);
	assert_int_equal(h2.uidvalidity, 12345);
	mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_uidvalidity(mb), 12345);
	assert_int_equal(mbox_msg_uid(mb, 4), 13);
	assert_int_equal(mb->t.nbase, 4);
	mbox_close(&mb);
}

/* ---- damage ----------------------------------------------------------------------------------- */

static void test_damaged_snapshot(void **state)
{
	struct fx *fx = *state;
	fill(fx->root, 10);
	struct mailbox *mb = open_view(fx, "INBOX", false);
	uint32_t v = mbox_uidvalidity(mb);
	mbox_close(&mb);
	char path[512];
	snprintf(path, sizeof(path), "%s/imapd.index", fx->root);
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	/* A record's name offset far outside (the header CRC still holds):
	 * read bounded, then found by the check of the next full scan. */
	int fd = open(path, O_RDWR);
	uint32_t bad = 0x7fffffff;
	assert_int_equal(pwrite(fd, &bad, 4, sizeof(struct idx_file_header) + 3 * 48 + 40), 4);
	close(fd);
	mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 10);
	mbox_close(&mb);
	char cur[512];
	snprintf(cur, sizeof(cur), "%s/cur", fx->root);
	struct timespec ts[2] = { { 0, UTIME_OMIT }, { time(NULL) + 7, 0 } };
	utimensat(AT_FDCWD, cur, ts, 0);
	mb = open_view(fx, "INBOX", false);
	assert_true(mbox_uidvalidity(mb) > v);  /* rebuilt */
	assert_int_equal(mbox_count(mb), 10);
	mbox_close(&mb);
	/* A header that does not add up: rebuilt at once. */
	fd = open(path, O_RDWR);
	assert_int_equal(ftruncate(fd, 100), 0);
	close(fd);
	mb = open_view(fx, "INBOX", false);
	assert_int_equal(mbox_count(mb), 10);
	mbox_close(&mb);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_view_is_the_map, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_follows_compaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_view_follows_bulk, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lazy_info, setup, teardown),
		cmocka_unit_test_setup_teardown(test_convert_v1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged_snapshot, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
