/*
 * fuzz_index.c - libFuzzer target for the files a folder's index is made
 * of, as parsers of outside input (src/store/: idx_snapshot.c,
 * idx_log.c, idx_convert.c, cache.c): a torn or hostile imapd.index,
 * imapd.index.log or imapd.cache must be detected and rebuilt, or read
 * bounded, never trusted into a crash, a hang or a leak.
 *
 * The input is the three files: octet 0 says which are present, octets
 * 1-2 and 3-4 the lengths of the snapshot and the log (little-endian),
 * then the snapshot, the log, and the cache (the rest).  They are put
 * next to three messages in a maildir, which is then opened as a view:
 * every message is read through the accessors, the view is synchronised
 * and its changes taken, each message's cache record looked up, a flag
 * changed, the MODSEQ queries asked, and the view closed.  The tests/
 * fuzz/index seeds are real files the server wrote
 * (tests/fuzz/mkseeds_index.py).
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/log.h"

static char root[256];
static struct store *st;

static void put(const char *name, const uint8_t *data, size_t len)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/%s", root, name);
	if (data == NULL) {
		unlink(path);
		return;
	}
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		abort();
	if (len > 0 && write(fd, data, len) != (ssize_t)len)
		abort();
	close(fd);
}

static void message(const char *name, const char *text)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/cur/%s", root, name);
	FILE *f = fopen(path, "w");
	if (f == NULL)
		abort();
	fputs(text, f);
	fclose(f);
}

/* The maildir goes when the fuzzer exits (libFuzzer calls exit()). */
static void cleanup(void)
{
	store_close(&st);
	mdir_remove_tree(root);
}

static void setup(void)
{
	/* In memory where there is a tmpfs: every commit fsyncs, and on a
	 * disk the fsyncs, not the parsing, set the pace (140 inputs/s in
	 * /tmp on the development machine). */
	const char *base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
	snprintf(root, sizeof(root), "%s/fuzz_index_%ld", base, (long)getpid());
	mdir_remove_tree(root);
	if (!mdir_create(root, false))
		abort();
	atexit(cleanup);
	const char *why;
	st = store_open(root, &why);
	if (st == NULL)
		abort();
	/* Damaged files are logged, as they should be: not to syslog here. */
	setenv("IMAPD_LOG_FILE", "/dev/null", 1);
	log_open("fuzz_index");
}

/* The maildir as the seeds' server left it: three messages in cur/. */
static const struct {
	const char *name, *text;
} messages[] = {
	{ "1000000000.M1P1.fuzz,S=40,W=42:2,S", "Subject: one\nFrom: a@example.com\n\nfirst\n" },
	{ "1000000001.M2P1.fuzz:2,", "Subject: two\nFrom: b@example.com\n\nsecond\n" },
	{ "1000000002.M3P1.fuzz:2,FS", "Subject: three\nTo: c@example.com\n\nthird\n" },
};
#define NMESSAGES (sizeof(messages) / sizeof(messages[0]))

/* Which message a file name is (by its base, up to ':' or ','), or -1. */
static int which_message(const char *name)
{
	for (size_t k = 0; k < NMESSAGES; k++) {
		size_t blen = strcspn(messages[k].name, ":,");
		if (strncmp(name, messages[k].name, blen) == 0 &&
		    (name[blen] == ':' || name[blen] == ',' || name[blen] == '\0'))
			return (int)k;
	}
	return -1;
}

/* A run changes at most the names of the three files (a flag change
 * renames one within cur/): each is renamed back, which costs a few
 * system calls where writing the maildir again cost some forty, and the
 * system calls, not the parsing, set this target's pace.  Anything else
 * (a file missing or added, one in new/) and the maildir is written
 * again. */
static bool restore_names(void)
{
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/new", root);
	DIR *d = opendir(dir);
	if (d == NULL)
		return false;
	struct dirent *de;
	bool empty = true;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			empty = false;
	closedir(d);
	if (!empty)
		return false;
	snprintf(dir, sizeof(dir), "%s/cur", root);
	d = opendir(dir);
	if (d == NULL)
		return false;
	bool seen[NMESSAGES] = { false };
	bool ok = true;
	while (ok && (de = readdir(d)) != NULL) {
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		int k = which_message(de->d_name);
		if (k < 0 || seen[k]) {
			ok = false;
			break;
		}
		seen[k] = true;
		if (strcmp(de->d_name, messages[k].name) != 0 &&
		    renameat(dirfd(d), de->d_name, dirfd(d), messages[k].name) != 0)
			ok = false;
	}
	closedir(d);
	for (size_t k = 0; ok && k < NMESSAGES; k++)
		ok = seen[k];
	return ok;
}

static void reset_messages(void)
{
	if (restore_names())
		return;
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/cur", root);
	mdir_remove_tree(dir);
	snprintf(dir, sizeof(dir), "%s/new", root);
	mdir_remove_tree(dir);
	mdir_create(root, false);
	for (size_t k = 0; k < NMESSAGES; k++)
		message(messages[k].name, messages[k].text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (st == NULL)
		setup();
	if (size < 5)
		return 0;
	unsigned which = data[0];
	size_t l1 = (size_t)data[1] | (size_t)data[2] << 8;
	size_t l2 = (size_t)data[3] | (size_t)data[4] << 8;
	const uint8_t *p = data + 5;
	size_t left = size - 5;
	if (l1 > left)
		l1 = left;
	const uint8_t *snap = p;
	p += l1;
	left -= l1;
	if (l2 > left)
		l2 = left;
	const uint8_t *logf = p;
	p += l2;
	left -= l2;
	reset_messages();
	put("imapd.index", (which & 1) ? snap : NULL, l1);
	put("imapd.index.log", (which & 2) ? logf : NULL, l2);
	put("imapd.cache", (which & 4) ? p : NULL, left);

	struct mailbox *mb = NULL;
	struct store_err err;
	if (!mbox_open_internal(st, "INBOX", true, (which & 8) != 0, &mb, &err))
		return 0;
	uint32_t n = mbox_count(mb);
	for (uint32_t seq = 1; seq <= n; seq++) {
		(void)mbox_msg_uid(mb, seq);
		(void)mbox_msg_flags(mb, seq);
		(void)mbox_msg_keywords(mb, seq);
		(void)mbox_msg_modseq(mb, seq);
		(void)mbox_msg_expunged(mb, seq);
		int zone;
		(void)mbox_msg_internaldate(mb, seq, &zone);
		(void)mbox_msg_size(mb, seq);
		struct mbox_cached c;
		if (mbox_cache_get(mb, seq, 1, &c)) {
			volatile unsigned sum = 0;
			for (unsigned f = 0; f < MBOX_CACHE_FIELDS; f++)
				for (uint32_t k = 0; c.data[f] != NULL && k < c.len[f]; k++)
					sum += (unsigned char)c.data[f][k];
		}
	}
	(void)mbox_first_unseen(mb);
	(void)mbox_recent_count(mb);
	struct arena a;
	arena_init(&a);
	struct imap_seq_set gone;
	bool complete;
	mbox_expunged_since(mb, &a, 1, &gone, &complete);
	struct mbox_seqs since;
	mbox_seqs_changed_since(mb, &a, 1, NULL, &since);
	arena_free(&a);
	if (n > 0) {
		mbox_flags_change(mb, 1, IMAP_STORE_ADD, IMAP_FLAG_FLAGGED, 0);
		mbox_flags_commit(mb, &err);
		struct mbox_cached c = { .data = { "(\"x\")" }, .len = { 5 } };
		mbox_cache_put(mb, 1, 1, &c);
		mbox_cache_flush(mb);
	}
	struct mbox_changes ch;
	mbox_changes_take(mb, true, &ch);
	struct store_status ss;
	store_status(st, "INBOX", true, &ss, &err);
	mbox_close(&mb);
	return 0;
}
