/*
 * test_msgcache.c - the message cache gives the octets the message gives:
 * for every message of tests/mime-corpus/msgs/, ENVELOPE, BODY,
 * BODYSTRUCTURE, HEADER.FIELDS of the kept fields (whole and partial),
 * SEARCH on header fields and the Date: of SENT* are worked out from the
 * file directly (src/mime/) and through cmd/msgcache.c three times: the
 * first time (worked out and cached), again in the same view (from the
 * records just written), and in a new view (from the file through the
 * snapshot).  Also the store's side: records chained per message, a
 * damaged or foreign cache file started anew, offsets folded into the
 * snapshot, nothing written by a read-only file.
 */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "cmd/msgcache.h"
#include "cmd/msgread.h"
#include "mime/mime.h"
#include "store/cache_map.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/store.h"
#include "store/store_int.h"

static char corpus[4096];

#define STORE_FIXTURE_NAME "test_msgcache"
#include "store_fixture.h"

static struct mailbox *open_view(struct fx *fx)
{
	struct mailbox *mb = NULL;
	struct store_err err = { 0 };
	if (!mbox_open_internal(fx->st, "INBOX", true, false, &mb, &err))
		fail_msg("open: %s", err.text);
	return mb;
}

static char *read_file(const char *path, size_t *len_r)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	size_t cap = 4096, len = 0, n;
	char *buf = malloc(cap);
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	*len_r = len;
	return buf;
}

/* Copy the corpus into cur/ (names in corpus order); returns how many. */
static int load_corpus(struct fx *fx, char names[][256], int max)
{
	char dir[4200];
	snprintf(dir, sizeof(dir), "%s/msgs", corpus);
	DIR *d = opendir(dir);
	assert_non_null(d);
	struct dirent *de;
	int n = 0;
	char list[128][256];
	while ((de = readdir(d)) != NULL && n < 128)
		if (strstr(de->d_name, ".eml") != NULL && strlen(de->d_name) < 200)
			snprintf(list[n++], sizeof(list[0]), "%.200s", de->d_name);
	closedir(d);
	qsort(list, (size_t)n, sizeof(list[0]), (int (*)(const void *, const void *))strcmp);
	for (int i = 0; i < n && i < max; i++) {
		char src[4500], dst[600];
		snprintf(src, sizeof(src), "%.4200s/%.200s", dir, list[i]);
		snprintf(dst, sizeof(dst), "%s/cur/%d.M%dP1.corpus:2,S", fx->root, 1000 + i, i);
		size_t len;
		char *data = read_file(src, &len);
		FILE *f = fopen(dst, "wb");
		fwrite(data, 1, len, f);
		fclose(f);
		free(data);
		snprintf(names[i], 256, "%.200s", list[i]);
	}
	return n < max ? n : max;
}

static const char *const field_lists[][8] = {
	{ "From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", NULL },  /* Thunderbird's */
	{ "DATE", "FROM", "SENDER", "SUBJECT", "TO", "CC", "MESSAGE-ID", NULL },  /* mutt's */
	{ "references", "in-reply-to", "content-type", "x-priority", "list-id", NULL },
	{ "Content-Description", NULL },
	{ NULL },  /* none: just the blank line */
};

static const char *const needles[] = { "", "a", "e", "re", "the", "\xc3\xbc", "=?", "@", "example",
				       "<", ".", "com", "Test", "\xe2\x82\xac", "zzzqqq" };
static const char *const search_fields[] = { "Subject", "From", "To", "Cc", "Bcc", "Reply-To",
					     "Message-ID", "X-Mailer", "Received" };

static struct imap_section fields_section(struct arena *a, const char *const *names)
{
	struct imap_section sec = { .text = IMAP_SECTION_HEADER_FIELDS };
	size_t n = 0;
	while (names[n] != NULL)
		n++;
	sec.fields = ARENA_NEWN(a, struct imap_string, n > 0 ? n : 1);
	for (size_t i = 0; i < n; i++)
		sec.fields[i] = (struct imap_string){ .data = (char *)names[i], .len = strlen(names[i]) };
	sec.nfields = n;
	return sec;
}

static void check_searches(struct msgread *m, const char *name, struct arena *a,
			   const char *data, size_t hlen)
{
	for (size_t f = 0; f < sizeof(search_fields) / sizeof(search_fields[0]); f++) {
		for (size_t k = 0; k < sizeof(needles) / sizeof(needles[0]); k++) {
			struct mime_needle nd;
			assert_true(mime_needle_init(&nd, a, needles[k], strlen(needles[k])));
			/* As HEADER name string, and as FROM/TO/... (also
			 * the envelope's form of the addresses). */
			for (int address = 0; address < 2; address++) {
				bool w = address ? mime_search_address(&nd, a, data, hlen, search_fields[f])
						 : mime_search_header(&nd, a, data, hlen, search_fields[f]);
				int g = msgcache_search_header(m, &nd, search_fields[f], address);
				if (g != (w ? 1 : 0))
					fail_msg("%s: SEARCH %s %s \"%s\": want %d got %d", name,
						 address ? "address" : "HEADER", search_fields[f],
						 needles[k], w, g);
			}
		}
	}
}

/* One message: each answer through the cache equals the message's.
 * With search_first, searches come first (so ENVELOPE comes from the
 * kept fields, not the file). */
static void check_message(struct mailbox *mb, uint32_t seq, const char *name, struct arena *a,
			  bool search_first)
{
	struct mbox_body body;
	struct store_err err;
	assert_true(mbox_msg_open(mb, seq, &body, &err));
	bool complete;
	size_t hlen = mime_header_len(body.data, body.len, &complete);
	struct mime_part *root = mime_parse(a, body.data, body.len);
	struct mime_part *hroot = mime_parse_header(a, body.data, hlen);
	struct msgread m;
	struct arena scratch;
	arena_init(&scratch);
	msgread_init(&m, mb, seq, &scratch);
	struct sbuf want, got;
	sbuf_init(&want, a);
	sbuf_init(&got, a);

	if (search_first) {
		check_searches(&m, name, a, body.data, hlen);
		msgcache_store(&m);
		msgread_done(&m);
		mbox_cache_flush(mb);
		msgread_init(&m, mb, seq, &scratch);
	}
	mime_envelope_write(&want, a, body.data, hlen);
	assert_true(msgcache_envelope(&m, &got));
	if (search_first)
		assert_false(m.tried);  /* no file read for it */
	if (want.len != got.len || memcmp(want.data, got.data, want.len) != 0)
		fail_msg("%s: ENVELOPE\n want %s\n got  %s", name, sbuf_str(&want), sbuf_str(&got));
	for (int ext = 0; ext < 2; ext++) {
		sbuf_reset(&want);
		sbuf_reset(&got);
		mime_bodystructure_write(&want, a, body.data, root, ext);
		assert_true(msgcache_bodystructure(&m, ext, &got));
		if (want.len != got.len || memcmp(want.data, got.data, want.len) != 0)
			fail_msg("%s: %s\n want %s\n got  %s", name, ext ? "BODYSTRUCTURE" : "BODY",
				 sbuf_str(&want), sbuf_str(&got));
	}
	for (size_t l = 0; l < sizeof(field_lists) / sizeof(field_lists[0]); l++) {
		struct imap_section sec = fields_section(a, field_lists[l]);
		for (int partial = 0; partial < 3; partial++) {
			uint32_t start = partial == 2 ? 7 : 0, count = partial ? 40 : 0;
			sbuf_reset(&want);
			sbuf_reset(&got);
			assert_true(mime_section_write(&want, a, body.data, body.len, root, &sec,
						       partial != 0, start, count));
			const char *blk;
			size_t blen;
			bool gone;
			assert_true(msgcache_header_block(&m, &sec, &blk, &blen, &gone));
			struct mime_part *broot = mime_parse_header(a, blk, blen);
			assert_true(mime_section_write(&got, a, blk, blen, broot, &sec, partial != 0,
						       start, count));
			if (want.len != got.len || memcmp(want.data, got.data, want.len) != 0)
				fail_msg("%s: HEADER.FIELDS list %zu partial %d\n want [%s]\n got  [%s]",
					 name, l, partial, sbuf_str(&want), sbuf_str(&got));
		}
	}
	check_searches(&m, name, a, body.data, hlen);
	struct mime_date dw, dg;
	bool hw = mime_header_date(a, body.data, hlen, &dw);
	int hg = msgcache_sent_date(&m, &dg);
	assert_int_equal(hg, hw ? 1 : 0);
	if (hw) {
		assert_int_equal(dw.year, dg.year);
		assert_int_equal(dw.month, dg.month);
		assert_int_equal(dw.day, dg.day);
	}
	(void)hroot;
	msgcache_store(&m);
	msgread_done(&m);
	arena_free(&scratch);
	mbox_msg_close(&body);
}

static void test_corpus_through_cache(void **state)
{
	struct fx *fx = *state;
	static char names[128][256];
	int n = load_corpus(fx, names, 128);
	assert_true(n > 20);
	struct mailbox *mb = open_view(fx);
	assert_int_equal(mbox_count(mb), n);
	struct arena a;
	arena_init(&a);
	/* Worked out and cached, then from the cache in the same view. */
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; i < n; i++) {
			check_message(mb, (uint32_t)i + 1, names[i], &a, false);
			arena_reset(&a);
		}
		mbox_cache_flush(mb);
		struct mbox_changes ch;
		mbox_changes_take(mb, true, &ch);
	}
	struct mbox_cached c;
	assert_true(mbox_cache_get(mb, 1, MSGCACHE_VERSION, &c));
	assert_non_null(c.data[MSGCACHE_ENVELOPE]);
	assert_non_null(c.data[MSGCACHE_BODYSTRUCTURE]);
	assert_non_null(c.data[MSGCACHE_SEARCH]);
	mbox_close(&mb);
	/* A new view: the records through the file and the index. */
	mb = open_view(fx);
	for (int i = 0; i < n; i++) {
		assert_true(mbox_cache_get(mb, (uint32_t)i + 1, MSGCACHE_VERSION, &c));
		check_message(mb, (uint32_t)i + 1, names[i], &a, false);
		arena_reset(&a);
	}
	/* Nothing was added: everything came from the cache. */
	assert_int_equal(mb->cache->npend, 0);
	mbox_close(&mb);
	arena_free(&a);
}

/* SEARCH first caches the kept fields and their forms, no ENVELOPE;
 * the ENVELOPE asked for later comes from the kept fields. */
static void test_corpus_search_first(void **state)
{
	struct fx *fx = *state;
	static char names[128][256];
	int n = load_corpus(fx, names, 128);
	struct mailbox *mb = open_view(fx);
	struct arena a;
	arena_init(&a);
	for (int i = 0; i < n; i++) {
		check_message(mb, (uint32_t)i + 1, names[i], &a, true);
		arena_reset(&a);
	}
	arena_free(&a);
	mbox_close(&mb);
}

/* SEARCH FROM finds an address as ENVELOPE shows it (comments gone)
 * through the cache as from the file; HEADER From does not. */
static int search_from(struct mailbox *mb, struct arena *a, const char *needle, bool address)
{
	struct arena scratch;
	arena_init(&scratch);
	struct msgread m;
	msgread_init(&m, mb, 1, &scratch);
	struct mime_needle nd;
	assert_true(mime_needle_init(&nd, a, needle, strlen(needle)));
	int r = msgcache_search_header(&m, &nd, "From", address);
	msgcache_store(&m);
	msgread_done(&m);
	arena_free(&scratch);
	mbox_cache_flush(mb);
	return r;
}

static void test_address_form(void **state)
{
	struct fx *fx = *state;
	char path[512];
	snprintf(path, sizeof(path), "%s/cur/100.M1P1.addr:2,", fx->root);
	FILE *f = fopen(path, "w");
	fputs("From: \"Joe Q.\" <joe(at work)@example.com>\nTo: ann@example.com\n"
	      "Subject: hi\n\nbody\n", f);
	fclose(f);
	struct arena a;
	arena_init(&a);
	for (int pass = 0; pass < 2; pass++) {  /* worked out, then from the cache */
		struct mailbox *mb = open_view(fx);
		assert_int_equal(search_from(mb, &a, "joe@example.com", true), 1);
		assert_int_equal(search_from(mb, &a, "joe@example.com", false), 0);
		assert_int_equal(search_from(mb, &a, "at work", true), 1);
		assert_int_equal(search_from(mb, &a, "joe q.", false), 1);
		assert_int_equal(search_from(mb, &a, "ann@", true), 0);
		struct mbox_cached c;
		assert_true(mbox_cache_get(mb, 1, MSGCACHE_VERSION, &c));
		assert_non_null(c.data[MSGCACHE_SEARCH]);
		mbox_close(&mb);
	}
	arena_free(&a);
}

/* ---- the store's side ------------------------------------------------------------------- */

/* Message i in cur/, named as a mail reader would. */
static void put_nth(const char *root, int i, const char *text)
{
	char name[64];
	snprintf(name, sizeof(name), "%d.M%dP1.h:2,", 5000 + i, i);
	put(root, "cur", name, text);
}

static struct mbox_cached one(const char *a, const char *b)
{
	struct mbox_cached c = { 0 };
	if (a != NULL) {
		c.data[0] = a;
		c.len[0] = (uint32_t)strlen(a);
	}
	if (b != NULL) {
		c.data[3] = b;
		c.len[3] = (uint32_t)strlen(b);
	}
	return c;
}

static void test_cache_file(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 3; i++)
		put_nth(fx->root, i, "Subject: x\n\nbody\n");
	struct mailbox *mb = open_view(fx);
	struct mbox_cached c = one("first", NULL);
	mbox_cache_put(mb, 1, 77, &c);
	c = one(NULL, "struct");
	mbox_cache_put(mb, 2, 77, &c);
	mbox_cache_flush(mb);
	/* Added later: a record of its own, chained. */
	c = one(NULL, "second");
	mbox_cache_put(mb, 1, 77, &c);
	mbox_cache_flush(mb);
	struct mbox_cached g;
	assert_true(mbox_cache_get(mb, 1, 77, &g));
	assert_memory_equal(g.data[0], "first", 5);
	assert_memory_equal(g.data[3], "second", 6);
	assert_false(mbox_cache_get(mb, 3, 77, &g));
	/* Another version's reader sees nothing. */
	assert_false(mbox_cache_get(mb, 1, 78, &g));
	mbox_close(&mb);
	mb = open_view(fx);
	assert_true(mbox_cache_get(mb, 1, 77, &g));
	assert_memory_equal(g.data[3], "second", 6);
	assert_true(mbox_cache_get(mb, 2, 77, &g));
	assert_memory_equal(g.data[3], "struct", 6);
	mbox_close(&mb);

	/* A torn record at the end (a crash mid-write): begun anew, and
	 * nothing from it is believed. */
	char path[512];
	snprintf(path, sizeof(path), "%s/imapd.cache", fx->root);
	int fd = open(path, O_WRONLY | O_APPEND);
	uint32_t torn[4] = { 4000, 1, 0, 0 };
	assert_int_equal(write(fd, torn, sizeof(torn)), (ssize_t)sizeof(torn));
	close(fd);
	mb = open_view(fx);
	assert_false(mbox_cache_get(mb, 1, 77, &g));
	c = one("again", NULL);
	mbox_cache_put(mb, 1, 77, &c);
	mbox_cache_flush(mb);
	assert_true(mbox_cache_get(mb, 1, 77, &g));
	assert_memory_equal(g.data[0], "again", 5);
	mbox_close(&mb);
	/* A flipped octet inside a record: that record is not believed. */
	struct stat st;
	assert_int_equal(stat(path, &st), 0);
	fd = open(path, O_RDWR);
	char x = 'X';
	assert_int_equal(pwrite(fd, &x, 1, st.st_size - 9), 1);
	close(fd);
	mb = open_view(fx);
	assert_false(mbox_cache_get(mb, 1, 77, &g));
	mbox_close(&mb);
	/* A damaged header: begun anew. */
	fd = open(path, O_RDWR);
	assert_int_equal(pwrite(fd, "garbage!", 8, 0), 8);
	close(fd);
	mb = open_view(fx);
	assert_false(mbox_cache_get(mb, 1, 77, &g));
	c = one("fresh", NULL);
	mbox_cache_put(mb, 1, 77, &c);
	mbox_cache_flush(mb);
	mbox_close(&mb);
	mb = open_view(fx);
	assert_true(mbox_cache_get(mb, 1, 77, &g));
	assert_memory_equal(g.data[0], "fresh", 5);
	mbox_close(&mb);
	/* Missing: nothing cached, and made again when written. */
	assert_int_equal(unlink(path), 0);
	mb = open_view(fx);
	assert_false(mbox_cache_get(mb, 1, 77, &g));
	mbox_cache_put(mb, 1, 77, &c);
	mbox_cache_flush(mb);
	assert_true(mbox_cache_get(mb, 1, 77, &g));
	mbox_close(&mb);
}

/* Many records past what the snapshot knows: a snapshot that knows
 * them is written, and a new view finds them without a search. */
static void test_cache_fold(void **state)
{
	struct fx *fx = *state;
	for (int i = 0; i < 3000; i++)
		put_nth(fx->root, i, "Subject: x\n\nbody\n");
	struct mailbox *mb = open_view(fx);
	static char big[2000];
	memset(big, 'q', sizeof(big) - 1);
	for (uint32_t s = 1; s <= 3000; s++) {
		struct mbox_cached c = one(big, NULL);
		mbox_cache_put(mb, s, 5, &c);
	}
	mbox_cache_flush(mb);
	assert_true(mb->t.base_cache_end > 5 * 1024 * 1024);
	mbox_close(&mb);
	mb = open_view(fx);
	struct mbox_cached g;
	assert_true(mbox_cache_get(mb, 2999, 5, &g));
	assert_int_equal(g.len[0], sizeof(big) - 1);
	assert_int_equal(mb->cache->nslots, 0);  /* all from the snapshot's offsets */
	mbox_close(&mb);
}

int main(void)
{
	const char *env = getenv("MIME_CORPUS");
	if (env != NULL) {
		snprintf(corpus, sizeof(corpus), "%s", env);
	} else {
		snprintf(corpus, sizeof(corpus), "%s", __FILE__);
		char *s = strstr(corpus, "unit/test_msgcache.c");
		if (s != NULL)
			strcpy(s, "mime-corpus");
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_corpus_through_cache, setup, teardown),
		cmocka_unit_test_setup_teardown(test_corpus_search_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_address_form, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cache_fold, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
