/*
 * test_store_move.c - MOVE (RFC6851) in the store: messages keep their
 * flags, keywords, internal dates and contents; the target's UIDs are
 * consecutive; and a process killed at every step of a move (by rename,
 * by copy across file systems, a mix, into the same folder) leaves each
 * message in exactly one of the two folders once the next process has
 * opened the mail root (store/move.c says why).  A move that fails before
 * its target is committed leaves every message where it was.
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
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/movelog.h"
#include "store/store.h"
#include "util/fault.h"

#define NMSG 5

struct fx {
	char root[256];
};

static int setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	snprintf(fx->root, sizeof(fx->root), "/tmp/test_move_XXXXXX");
	if (mkdtemp(fx->root) == NULL || !mdir_create(fx->root, false))
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;
	mdir_remove_tree(fx->root);
	free(fx);
	unsetenv("IMAPD_FAULT");
	fault_reset();
	return 0;
}

static struct store *open_store(struct fx *fx)
{
	const char *why;
	struct store *st = store_open(fx->root, &why);
	if (st == NULL)
		fail_msg("store_open: %s", why);
	return st;
}

static struct mailbox *open_view(struct store *st, const char *name)
{
	struct mailbox *mb = NULL;
	struct store_err err = { 0 };
	if (!mbox_open(st, name, 0, &mb, &err))
		fail_msg("open %s: %s", name, err.text);
	return mb;
}

/* NMSG messages in INBOX ("Message-ID: <k@t>", a body naming k), some
 * with flags and a keyword; and the folders Target and Other. */
static void populate(struct fx *fx)
{
	struct store *st = open_store(fx);
	struct store_err err = { 0 };
	assert_true(store_create(st, "Target", &err));
	assert_true(store_create(st, "Other", &err));
	for (int k = 0; k < NMSG; k++) {
		char text[128];
		int n = snprintf(text, sizeof(text), "Message-ID: <%d@t>\r\nSubject: m%d\r\n\r\nbody %d\r\n",
				 k, k, k);
		const char *kw[] = { "$Label1" };
		struct store_new_msg m = { .data = text, .len = (size_t)n, .spool_fd = -1,
					   .sysflags = k % 2 ? IMAP_FLAG_SEEN | IMAP_FLAG_FLAGGED : 0,
					   .nkeywords = k == 3 ? 1 : 0, .keywords = kw,
					   .has_date = true, .date = 1000000000 + k * 86400,
					   .zone_minutes = 60 };
		uint32_t v, uid;
		assert_true(store_append(st, "INBOX", &m, &v, &uid, &err));
	}
	/* The Target has one message of its own, with another keyword, so
	 * slots differ between the folders. */
	const char *other[] = { "Other" };
	struct store_new_msg m = { .data = "Message-ID: <t@t>\r\n\r\nx\r\n", .len = 24,
				   .spool_fd = -1, .nkeywords = 1, .keywords = other };
	uint32_t v, uid;
	assert_true(store_append(st, "Target", &m, &v, &uid, &err));
	store_close(&st);
}

/* Which of the NMSG messages a folder holds (count per k), checking that
 * each one's contents, flags, keyword and date came along unchanged.
 * Returns the number of messages in the folder, the Target's own one
 * not counted. */
static int census(struct store *st, const char *name, int counts[NMSG], uint32_t *maxuid_r)
{
	struct mailbox *mb = open_view(st, name);
	int n = 0;
	*maxuid_r = 0;
	for (uint32_t seq = 1; seq <= mbox_count(mb); seq++) {
		struct mbox_body body;
		struct store_err err;
		assert_true(mbox_msg_open(mb, seq, &body, &err));
		int k = -1;
		if (body.len > 15 && memcmp(body.data, "Message-ID: <t@", 15) == 0) {
			mbox_msg_close(&body);
			continue;
		}
		assert_int_equal(sscanf(body.data, "Message-ID: <%d@t>", &k), 1);
		assert_true(k >= 0 && k < NMSG);
		char want[128];
		int wl = snprintf(want, sizeof(want), "Message-ID: <%d@t>\nSubject: m%d\n\nbody %d\n", k,
				  k, k);
		assert_int_equal(body.len, (size_t)wl);
		assert_memory_equal(body.data, want, body.len);
		mbox_msg_close(&body);
		unsigned f = mbox_msg_flags(mb, seq) & ~(unsigned)IMAP_FLAG_RECENT;
		assert_int_equal(f, k % 2 ? IMAP_FLAG_SEEN | IMAP_FLAG_FLAGGED : 0);
		int zone;
		assert_int_equal(mbox_msg_internaldate(mb, seq, &zone), 1000000000 + k * 86400);
		uint32_t kw = mbox_msg_keywords(mb, seq);
		if (k == 3) {
			assert_int_not_equal(kw, 0);
			for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
				if (kw & (UINT32_C(1) << i))
					assert_string_equal(mbox_keyword_name(mb, i), "$Label1");
		} else {
			assert_int_equal(kw, 0);
		}
		counts[k]++;
		n++;
		uint32_t uid = mbox_msg_uid(mb, seq);
		assert_true(uid > *maxuid_r);  /* ascending */
		*maxuid_r = uid;
	}
	assert_true(mbox_uidnext(mb) > *maxuid_r);
	mbox_close(&mb);
	return n;
}

/* Each message is in exactly one of the two folders. */
static void check_once(struct fx *fx, const char *src, const char *dst, int *in_dst_r)
{
	struct store *st = open_store(fx);  /* finishes journals */
	int counts[NMSG] = { 0 };
	uint32_t m1, m2;
	int a = census(st, src, counts, &m1);
	int b = src == dst || strcmp(src, dst) == 0 ? 0 : census(st, dst, counts, &m2);
	for (int k = 0; k < NMSG; k++)
		if (counts[k] != 1)
			fail_msg("message %d is in %d folders (%s: %d, %s: %d)", k, counts[k], src, a,
				 dst, b);
	if (in_dst_r != NULL)
		*in_dst_r = b;
	/* No journal is left behind. */
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/%s", fx->root, MOVELOG_DIR);
	DIR *d = opendir(dir);
	if (d != NULL) {
		struct dirent *de;
		while ((de = readdir(d)) != NULL)
			if (de->d_name[0] != '.' || (strcmp(de->d_name, ".") && strcmp(de->d_name, "..")))
				fail_msg("journal %s left", de->d_name);
		closedir(d);
	}
	store_close(&st);
}

/* Move messages `set` (sequence numbers) of `src` to `dst` in a child
 * process with IMAPD_FAULT = fault; returns how the child ended: 0 for
 * success, 1 for a failed move, -9 for killed. */
static int move_in_child(struct fx *fx, const char *src, const char *dst, uint32_t lo,
			 uint32_t hi, const char *fault)
{
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		if (fault != NULL)
			setenv("IMAPD_FAULT", fault, 1);
		fault_reset();
		const char *why;
		struct store *st = store_open(fx->root, &why);
		struct mailbox *mb = NULL;
		struct store_err err;
		if (st == NULL || !mbox_open(st, src, 0, &mb, &err))
			_exit(3);
		struct arena a;
		arena_init(&a);
		struct imap_seq_range r = { lo, hi };
		struct imap_seq_set set = { .n = 1, .ranges = &r };
		struct mbox_seqs seqs;
		const char *bad;
		if (!mbox_seqs_resolve(mb, &a, &set, false, &seqs, &bad))
			_exit(4);
		struct mbox_move_result res;
		bool ok = mbox_move(mb, &seqs, dst, &a, &res, &err);
		if (ok && res.count != hi - lo + 1)
			_exit(5);
		mbox_close(&mb);
		store_close(&st);
		_exit(ok ? 0 : 1);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		return -WTERMSIG(status);
	assert_true(WIFEXITED(status));
	assert_true(WEXITSTATUS(status) <= 1);
	return WEXITSTATUS(status);
}

/* ---- a plain move ---------------------------------------------------------- */

static void test_move(void **state)
{
	struct fx *fx = *state;
	populate(fx);
	struct store *st = open_store(fx);
	struct mailbox *mb = open_view(st, "INBOX");
	struct arena a;
	arena_init(&a);
	struct imap_seq_range r[2] = { { 2, 3 }, { 5, 5 } };
	struct imap_seq_set set = { .n = 2, .ranges = r };
	struct mbox_seqs seqs;
	const char *bad;
	assert_true(mbox_seqs_resolve(mb, &a, &set, false, &seqs, &bad));
	uint32_t uid2 = mbox_msg_uid(mb, 2), uid3 = mbox_msg_uid(mb, 3), uid5 = mbox_msg_uid(mb, 5);
	struct mbox_move_result res;
	struct store_err err;
	assert_true(mbox_move(mb, &seqs, "Target", &a, &res, &err));
	assert_int_equal(res.count, 3);
	assert_int_equal(res.first_uid, 2);  /* the Target had UID 1 */
	assert_int_equal(res.src_uids[0], uid2);
	assert_int_equal(res.src_uids[1], uid3);
	assert_int_equal(res.src_uids[2], uid5);
	/* The view reports them expunged: 2, then 2 (old 3), then 3 (old 5). */
	struct mbox_changes ch;
	assert_true(mbox_changes_take(mb, true, &ch));
	assert_int_equal(ch.nexpunged, 3);
	assert_int_equal(ch.expunged[0].seq, 2);
	assert_int_equal(ch.expunged[1].seq, 2);
	assert_int_equal(ch.expunged[2].seq, 3);
	assert_int_equal(mbox_count(mb), 2);
	/* A missing target, a read-only view. */
	struct imap_seq_range one = { 1, 1 };
	struct imap_seq_set s1 = { .n = 1, .ranges = &one };
	assert_true(mbox_seqs_resolve(mb, &a, &s1, false, &seqs, &bad));
	assert_false(mbox_move(mb, &seqs, "Nowhere", &a, &res, &err));
	assert_int_equal(err.code, STORE_ERR_TRYCREATE);
	mbox_close(&mb);
	struct mailbox *ro = NULL;
	assert_true(mbox_open(st, "INBOX", MBOX_OPEN_READONLY, &ro, &err));
	assert_true(mbox_seqs_resolve(ro, &a, &s1, false, &seqs, &bad));
	assert_false(mbox_move(ro, &seqs, "Target", &a, &res, &err));
	assert_int_equal(err.code, STORE_ERR_READONLY);
	mbox_close(&ro);
	arena_free(&a);
	store_close(&st);
	int in_dst;
	check_once(fx, "INBOX", "Target", &in_dst);
	assert_int_equal(in_dst, 3);
	/* The Target's UIDs: its own 1, then 2 3 4 for the moved ones. */
	st = open_store(fx);
	mb = open_view(st, "Target");
	assert_int_equal(mbox_count(mb), 4);
	for (uint32_t i = 1; i <= 4; i++)
		assert_int_equal(mbox_msg_uid(mb, i), i);
	assert_int_equal(mbox_uidnext(mb), 5);
	mbox_close(&mb);
	store_close(&st);
}

/* Into the selected mailbox itself: new UIDs, the old ones expunged. */
static void test_move_same_folder(void **state)
{
	struct fx *fx = *state;
	populate(fx);
	assert_int_equal(move_in_child(fx, "INBOX", "INBOX", 1, 2, NULL), 0);
	check_once(fx, "INBOX", "INBOX", NULL);
	struct store *st = open_store(fx);
	struct mailbox *mb = open_view(st, "INBOX");
	assert_int_equal(mbox_count(mb), NMSG);
	static const uint32_t want[NMSG] = { 3, 4, 5, 6, 7 };
	for (uint32_t i = 1; i <= NMSG; i++)
		assert_int_equal(mbox_msg_uid(mb, i), want[i - 1]);
	mbox_close(&mb);
	store_close(&st);
}

/* A move that fails before the target is committed is undone. */
static void test_move_undone(void **state)
{
	struct fx *fx = *state;
	populate(fx);
	static const char *fails[] = {
		"move.dst-commit=fail",
		"move.exdev@2=fail,move.dst-commit=fail",
		"move.exdev=fail,move.dst-commit=fail",
	};
	for (size_t i = 0; i < sizeof(fails) / sizeof(fails[0]); i++) {
		assert_int_equal(move_in_child(fx, "INBOX", "Target", 1, NMSG, fails[i]), 1);
		int in_dst;
		check_once(fx, "INBOX", "Target", &in_dst);
		assert_int_equal(in_dst, 0);
	}
	/* And then it works. */
	assert_int_equal(move_in_child(fx, "INBOX", "Target", 1, NMSG, NULL), 0);
	int in_dst;
	check_once(fx, "INBOX", "Target", &in_dst);
	assert_int_equal(in_dst, NMSG);
}

/* ---- a move large enough to fold the index log ----------------------------------- */

/* More messages than one log batch holds (idx_log.c: LOG_COMPACT_MAX,
 * 64 KiB of 32-octet EXPUNGE records): the commit writes a snapshot of
 * what memory holds instead of log records. */
#define NBIG 2200

/* NBIG messages written straight into INBOX's cur/, as another mail
 * reader would leave them; the first open numbers them. */
static void populate_big(struct fx *fx)
{
	char path[512];
	for (int k = 0; k < NBIG; k++) {
		snprintf(path, sizeof(path), "%s/cur/%d.M%dP1.unit:2,S", fx->root, 1000000 + k, k);
		FILE *f = fopen(path, "w");
		assert_non_null(f);
		fprintf(f, "Message-ID: <%d@big>\n\nbody %d\n", k, k);
		assert_int_equal(fclose(f), 0);
	}
	struct store *st = open_store(fx);
	struct store_err err = { 0 };
	assert_true(store_create(st, "Target", &err));
	struct mailbox *mb = open_view(st, "INBOX");
	assert_int_equal(mbox_count(mb), NBIG);
	mbox_close(&mb);
	store_close(&st);
}

/* Every message of a folder opens, each k once; returns the count. */
static uint32_t census_big(struct store *st, const char *name, int *seen, uint32_t *minuid_r)
{
	struct mailbox *mb = open_view(st, name);
	uint32_t n = mbox_count(mb);
	*minuid_r = n > 0 ? mbox_msg_uid(mb, 1) : 0;
	for (uint32_t seq = 1; seq <= n; seq++) {
		struct mbox_body body;
		struct store_err err;
		if (!mbox_msg_open(mb, seq, &body, &err))
			fail_msg("%s: message %u of %u: %s", name, seq, n, err.text);
		int k = -1;
		assert_int_equal(sscanf(body.data, "Message-ID: <%d@big>", &k), 1);
		assert_true(k >= 0 && k < NBIG);
		seen[k]++;
		mbox_msg_close(&body);
	}
	mbox_close(&mb);
	return n;
}

/* Found by store_kill.py: the source's EXPUNGE records went into a
 * snapshot written from memory, where the moved messages were not
 * expunged yet, so the next open listed them with their files gone. */
static void big_move(struct fx *fx, const char *dst, const char *fault)
{
	mdir_remove_tree(fx->root);
	assert_true(mdir_create(fx->root, false));
	populate_big(fx);
	assert_int_equal(move_in_child(fx, "INBOX", dst, 1, NBIG, fault), 0);
	struct store *st = open_store(fx);
	int *seen = calloc(NBIG, sizeof(*seen));
	assert_non_null(seen);
	uint32_t min_in, min_dst = 0;
	uint32_t in = census_big(st, "INBOX", seen, &min_in);
	uint32_t moved = strcmp(dst, "INBOX") == 0 ? in : census_big(st, dst, seen, &min_dst);
	for (int k = 0; k < NBIG; k++)
		if (seen[k] != 1)
			fail_msg("%s: message %d found %d times", fault ? fault : dst, k, seen[k]);
	assert_int_equal(moved, NBIG);
	if (strcmp(dst, "INBOX") == 0)
		assert_true(min_in > NBIG);  /* new UIDs, the old ones expunged */
	else
		assert_int_equal(in, 0);
	free(seen);
	store_close(&st);
}

static void test_move_folds_log(void **state)
{
	struct fx *fx = *state;
	big_move(fx, "Target", NULL);
	big_move(fx, "Target", "move.exdev=fail");
	big_move(fx, "INBOX", NULL);
}

/* ---- kill -9 at every step ---------------------------------------------------- */

/* One crash: fresh folders, a move killed at `fault`, then the next
 * process must find each message once; then moving what is left (and
 * back) still works and still finds each message once. */
static void crash_once(struct fx *fx, const char *dst, const char *fault)
{
	mdir_remove_tree(fx->root);
	assert_true(mdir_create(fx->root, false));
	populate(fx);
	int r = move_in_child(fx, "INBOX", dst, 1, NMSG, fault);
	if (r != -9)
		fail_msg("%s: the move was not killed (%d)", fault, r);
	check_once(fx, "INBOX", dst, NULL);
	/* Whatever is left moves on; then all of it comes back. */
	struct store *st = open_store(fx);
	struct mailbox *mb = open_view(st, "INBOX");
	uint32_t left = mbox_count(mb);
	mbox_close(&mb);
	store_close(&st);
	if (left > 0 && strcmp(dst, "INBOX") != 0)
		assert_int_equal(move_in_child(fx, "INBOX", dst, 1, left, NULL), 0);
	check_once(fx, "INBOX", dst, NULL);
	if (strcmp(dst, "INBOX") != 0) {
		st = open_store(fx);
		mb = open_view(st, dst);
		uint32_t n = mbox_count(mb);
		mbox_close(&mb);
		store_close(&st);
		assert_int_equal(move_in_child(fx, dst, "INBOX", 1, n, NULL), 0);
		int in_dst;
		check_once(fx, "INBOX", dst, &in_dst);
		assert_int_equal(in_dst, 0);
	}
}

static void crash_series(struct fx *fx, const char *dst, const char *prefix, const char *point,
			 int times)
{
	char fault[128];
	for (int n = 1; n <= times; n++) {
		snprintf(fault, sizeof(fault), "%s%s@%d=kill", prefix, point, n);
		crash_once(fx, dst, fault);
	}
}

static void test_crash_rename(void **state)
{
	struct fx *fx = *state;
	crash_series(fx, "Target", "", "move.locked", 1);
	crash_series(fx, "Target", "", "move.renamed", NMSG);
	crash_series(fx, "Target", "", "move.dst-committed", 1);
	crash_series(fx, "Target", "", "move.src-committed", 1);
}

static void test_crash_copy(void **state)
{
	struct fx *fx = *state;
	/* Every message across file systems. */
	const char *x = "move.exdev=fail,";
	crash_series(fx, "Target", x, "move.journal-written", 1);
	crash_series(fx, "Target", x, "move.copied", NMSG);
	crash_series(fx, "Target", x, "move.delivered", NMSG);
	crash_series(fx, "Target", x, "move.dst-committed", 1);
	crash_series(fx, "Target", x, "move.unlinked", NMSG);
	crash_series(fx, "Target", x, "move.src-committed", 1);
}

static void test_crash_mixed(void **state)
{
	struct fx *fx = *state;
	/* Two renamed, then the rest copied. */
	const char *x = "move.exdev@3=fail,";
	crash_series(fx, "Target", x, "move.renamed", 2);
	crash_series(fx, "Target", x, "move.copied", NMSG - 2);
	crash_series(fx, "Target", x, "move.delivered", NMSG - 2);
	crash_series(fx, "Target", x, "move.unlinked", NMSG - 2);
}

static void test_crash_same_folder(void **state)
{
	struct fx *fx = *state;
	crash_series(fx, "INBOX", "", "move.renamed", NMSG);
	crash_series(fx, "INBOX", "", "move.src-committed", 1);
}

/* A journal whose process still runs is left alone: its lock decides. */
static void test_journal_locked(void **state)
{
	struct fx *fx = *state;
	populate(fx);
	fflush(NULL);
	pid_t pid = fork();
	if (pid == 0) {
		setenv("IMAPD_FAULT", "move.exdev=fail,move.delivered@2=stop", 1);
		fault_reset();
		const char *why;
		struct store *st = store_open(fx->root, &why);
		struct mailbox *mb = NULL;
		struct store_err err;
		if (st == NULL || !mbox_open(st, "INBOX", 0, &mb, &err))
			_exit(3);
		struct arena a;
		arena_init(&a);
		struct imap_seq_range r = { 1, NMSG };
		struct imap_seq_set set = { .n = 1, .ranges = &r };
		struct mbox_seqs seqs;
		const char *bad;
		struct mbox_move_result res;
		if (!mbox_seqs_resolve(mb, &a, &set, false, &seqs, &bad) ||
		    !mbox_move(mb, &seqs, "Target", &a, &res, &err))
			_exit(4);
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, WUNTRACED), pid);
	assert_true(WIFSTOPPED(status));
	/* Mid-move, two copies delivered: another process opening the
	 * store must not finish (or undo) the running move. */
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/%s", fx->root, MOVELOG_DIR);
	struct store *st = open_store(fx);
	store_close(&st);
	DIR *d = opendir(dir);
	assert_non_null(d);
	int journals = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL)
		journals += strncmp(de->d_name, "move.", 5) == 0;
	closedir(d);
	assert_int_equal(journals, 1);
	/* Then it dies there: the next open finishes it. */
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	check_once(fx, "INBOX", "Target", NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_move, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_same_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_undone, setup, teardown),
		cmocka_unit_test_setup_teardown(test_move_folds_log, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crash_rename, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crash_copy, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crash_mixed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_crash_same_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_journal_locked, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
