/*
 * test_store_tmp.c - what crashed writers leave in a maildir's tmp/ is
 * removed when the mailbox is next opened: a file named as we name them
 * ("<sec>.M<usec>P<pid>Q<n>.<host>", APPEND spools with ".spool") whose
 * process on this host is gone, and any file untouched for 36 hours (the
 * maildir convention).  A live writer's file, another host's file and a
 * young file of unknown origin stay.
 */
#include <dirent.h>
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

#include "store/maildir.h"
#include "store/mailbox.h"
#include "store/store.h"
#include "store/store_int.h"

static char root[256], box[300];
static char host[128];   /* this host as our file names carry it */
static pid_t dead, live;

/* A file name of ours for pid, as mdir_unique_base makes them. */
static void our_name(char *out, size_t size, pid_t pid, const char *suffix)
{
	static unsigned n;
	n++;
	snprintf(out, size, "%lld.M%uP%ldQ%u.%s%s", (long long)time(NULL), n, (long)pid, n, host,
		 suffix);
}

static void put(const char *dir, const char *name, time_t age)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/tmp/%s", dir, name);
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, "Subject: x\r\n\r\nhalf a mess", 25), 25);
	close(fd);
	if (age > 0) {
		struct timespec ts[2] = { { time(NULL) - age, 0 }, { time(NULL) - age, 0 } };
		assert_int_equal(utimensat(AT_FDCWD, path, ts, 0), 0);
	}
}

static bool there(const char *dir, const char *name)
{
	char path[1024];
	struct stat st;
	snprintf(path, sizeof(path), "%s/tmp/%s", dir, name);
	return lstat(path, &st) == 0;
}

static int setup(void **state)
{
	snprintf(root, sizeof(root), "/tmp/test_store_tmp_XXXXXX");
	if (mkdtemp(root) == NULL || !mdir_create(root, false))
		return -1;
	snprintf(box, sizeof(box), "%s/.box", root);
	if (!mdir_create(box, true))
		return -1;
	/* The host part of a name we make now. */
	char base[MDIR_NAME_MAX + 1];
	if (mdir_unique_base(0, 0, base, sizeof(base)) == 0)
		return -1;
	const char *q = strchr(strchr(base, 'Q'), '.');
	snprintf(host, sizeof(host), "%s", q + 1);
	/* A process that is gone, and one that lives until teardown. */
	dead = fork();
	if (dead == 0)
		_exit(0);
	waitpid(dead, NULL, 0);
	live = fork();
	if (live == 0) {
		pause();
		_exit(0);
	}
	return 0;
}

static int teardown(void **state)
{
	kill(live, SIGKILL);
	waitpid(live, NULL, 0);
	mdir_remove_tree(root);
	return 0;
}

static void test_open_cleans(void **state)
{
	char dead_msg[256], dead_spool[256], live_msg[256], live_spool[256], mine[256],
		other_host[256], dovecot_new[256], dovecot_old[256];
	our_name(dead_msg, sizeof(dead_msg), dead, ",S=25,W=27");
	our_name(dead_spool, sizeof(dead_spool), dead, ".spool");
	our_name(live_msg, sizeof(live_msg), live, ",S=25,W=27");
	our_name(live_spool, sizeof(live_spool), live, ".spool");
	our_name(mine, sizeof(mine), getpid(), ".spool");
	snprintf(other_host, sizeof(other_host), "%lld.M1P%ldQ1.%s.elsewhere", (long long)time(NULL),
		 (long)dead, host);
	snprintf(dovecot_new, sizeof(dovecot_new), "%lld.M5P%ld.mx1", (long long)time(NULL), (long)dead);
	snprintf(dovecot_old, sizeof(dovecot_old), "%lld.M6P%ld.mx1", (long long)time(NULL), (long)dead);
	/* The store is opened first: opening it cleans the root's tmp/ (at
	 * login), which is checked below, after the folders' own. */
	const char *why = NULL;
	struct store *st = store_open(root, &why);
	assert_non_null(st);
	put(box, dead_msg, 0);
	put(box, live_msg, 0);
	put(box, other_host, 0);
	put(box, dovecot_new, 35 * 3600);
	put(root, dead_spool, 0);
	put(root, live_spool, 0);
	put(root, mine, 0);
	char sub[1024];
	snprintf(sub, sizeof(sub), "%s/tmp/somedir", box);
	assert_int_equal(mkdir(sub, 0700), 0);

	struct store_err err;
	struct mailbox *mb = NULL;
	assert_true(mbox_open(st, "box", 0, &mb, &err));
	mbox_close(&mb);
	assert_false(there(box, dead_msg));
	assert_true(there(box, live_msg));
	assert_true(there(box, other_host));
	assert_true(there(box, dovecot_new));
	assert_true(there(box, "somedir"));
	/* The root's tmp/ (APPEND spools) is INBOX's. */
	assert_true(there(root, dead_spool));
	assert_true(mbox_open(st, "INBOX", MBOX_OPEN_READONLY, &mb, &err));
	mbox_close(&mb);
	assert_false(there(root, dead_spool));
	assert_true(there(root, live_spool));
	assert_true(there(root, mine));
	store_close(&st);

	/* 36 hours untouched (atime, mtime and ctime): garbage, whoever
	 * wrote it; the clock is moved rather than the files. */
	put(box, dovecot_old, 0);
	time_t later = time(NULL) + 36 * 3600 + 60;
	assert_int_equal(mdir_clean_tmp(box, later), 4);
	assert_false(there(box, live_msg));
	assert_false(there(box, other_host));
	assert_false(there(box, dovecot_new));
	assert_false(there(box, dovecot_old));
	assert_true(there(box, "somedir"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open_cleans, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
