/*
 * test_mime_thread.c - SORT and THREAD building blocks (RFC5256): the
 * base subject of §2.1, Message-ID normalisation, THREAD=REFERENCES step
 * by step, THREAD=ORDEREDSUBJECT, the THREAD response's nesting, the
 * first address of a list, and hostile inputs (a chain of 100,000
 * replies, loops in References, every message naming one parent) in
 * bounded time.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cmd/threadfmt.h"
#include "mime/mime.h"
#include "util/lctree.h"

/* ---- base subject (RFC5256 §2.1) ------------------------------------------------ */

static const struct {
	const char *in;
	const char *base;
	bool reply;
} subjects[] = {
	{ "", "", false },
	{ "Hello", "HELLO", false },
	{ "  hello   world\t ", "HELLO WORLD", false },
	/* (3) subj-refwd leaders, any case, with blobs before and inside */
	{ "Re: hello", "HELLO", true },
	{ "RE:hello", "HELLO", true },
	{ "re : hello", "HELLO", true },
	{ "Fw: hello", "HELLO", true },
	{ "Fwd: hello", "HELLO", true },
	{ "Re: Re: Fwd: hello", "HELLO", true },
	{ "Re[2]: hello", "HELLO", true },
	{ "Re [2]: hello", "HELLO", true },
	{ "[list] Re: hello", "HELLO", true },
	{ "[a][b] Re: [c] hello", "HELLO", true },
	/* (2) subj-trailer: "(fwd)" and white space, repeatedly */
	{ "hello (fwd)", "HELLO", true },
	{ "hello (FWD) (fwd)  ", "HELLO", true },
	/* (4) a blob goes only when a non-empty subject is left */
	{ "[list] hello", "HELLO", false },
	{ "[list]", "[LIST]", false },
	{ "[a] [b]", "[B]", false },
	{ "Re: [list]", "[LIST]", true },
	/* (6) [fwd: ...] around the subject, then from (2) again */
	{ "[fwd: hello]", "HELLO", true },
	{ "[Fwd: Re: hello (fwd)]", "HELLO", true },
	{ "[fwd: [fwd: hello]]", "HELLO", true },
	{ "[fwd: hello] x", "X", false },  /* a blob, then (4) */
	/* not leaders: "Re" without a colon, a word starting with "re" */
	{ "Regarding: x", "REGARDING: X", false },
	{ "Reply", "REPLY", false },
	{ "Fwx: a", "FWX: A", false },
	/* (1) RFC 2047 words decoded first */
	{ "=?UTF-8?Q?Re=3A_caf=C3=A9?=", "CAF\xc3\xa9", true },
	{ "=?ISO-8859-1?Q?Re:_=E9t=E9?=", "\xc3\xa9T\xc3\xa9", true },
	{ "Re: =?UTF-8?B?w6l0w6k=?=", "\xc3\xa9T\xc3\xa9", true },
	/* folded header text */
	{ "Re:\r\n\thello\r\n world", "HELLO WORLD", true },
};

static void test_base_subject(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	for (size_t i = 0; i < sizeof(subjects) / sizeof(subjects[0]); i++) {
		struct mime_str out;
		bool reply;
		assert_true(mime_base_subject(&a, subjects[i].in, strlen(subjects[i].in), &out, &reply));
		if (strcmp(out.data, subjects[i].base) != 0 || reply != subjects[i].reply)
			fail_msg("case %zu \"%s\": got \"%s\" reply %d, want \"%s\" reply %d", i,
				 subjects[i].in, out.data, reply, subjects[i].base, subjects[i].reply);
	}
	struct mime_str out;
	bool reply;
	assert_true(mime_base_subject(&a, NULL, 0, &out, &reply));
	assert_int_equal(out.len, 0);
	arena_free(&a);
}

/* Subjects built to make a naive implementation quadratic: thousands of
 * blobs with no "re:" after them, nested "[fwd:", leader runs. */
static void test_base_subject_hostile(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	size_t n = 200000;
	char *s = malloc(4 * n + 16);
	assert_non_null(s);
	const char *pats[] = { "[a]", "[fwd:", "re: ", "[x] " };
	for (size_t k = 0; k < 4; k++) {
		size_t len = 0, pl = strlen(pats[k]);
		while (len + pl < 3 * n) {
			memcpy(s + len, pats[k], pl);
			len += pl;
		}
		memcpy(s + len, "end", 3);
		len += 3;
		clock_t t0 = clock();
		struct mime_str out;
		bool reply;
		assert_true(mime_base_subject(&a, s, len, &out, &reply));
		double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
		if (secs > 1.0)
			fail_msg("pattern %s took %.2f s", pats[k], secs);
		arena_reset(&a);
	}
	free(s);
	arena_free(&a);
}

/* ---- Message-IDs ----------------------------------------------------------------- */

static void test_msgid(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const struct {
		const char *in;
		const char *ids[4];
	} cases[] = {
		{ "<a@b>", { "a@b" } },
		/* RFC5256 §3: quoting does not make another ID */
		{ "<\"01KF8JCEOCBS0045PS\"@xxx.yyy.com>", { "01KF8JCEOCBS0045PS@xxx.yyy.com" } },
		{ "<a@b> <c@d>\r\n <e@f>", { "a@b", "c@d", "e@f" } },
		{ "< a (comment) @ b >", { "a@b" } },
		{ "<no-at-sign> <x@y>", { "x@y" } },
		{ "<@b> <a@> <a@b", { NULL } },
		{ "<<a@b>", { "a@b" } },
		{ "garbage a@b <c@d> trailing", { "c@d" } },
		{ "", { NULL } },
		/* case is kept: Message-ID comparisons are case-sensitive */
		{ "<A@B>", { "A@B" } },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		size_t pos = 0, k = 0;
		const char *in = cases[i].in;
		for (;;) {
			struct mime_str id;
			assert_true(mime_msgid_next(&a, in, strlen(in), &pos, &id));
			if (id.data == NULL)
				break;
			if (cases[i].ids[k] == NULL || strcmp(cases[i].ids[k], id.data) != 0)
				fail_msg("case %zu: ID %zu is \"%s\", want \"%s\"", i, k, id.data,
					 cases[i].ids[k] ? cases[i].ids[k] : "(none)");
			k++;
		}
		if (cases[i].ids[k] != NULL)
			fail_msg("case %zu: only %zu IDs", i, k);
	}
	/* References wins; In-Reply-To only when References has none. */
	struct mime_str refs = { "<a@b> <c@d>", 11 }, irt = { "<x@y> <z@w>", 11 };
	struct mime_str bad = { "junk", 4 };
	struct mime_str *v;
	size_t n;
	assert_true(mime_thread_refs(&a, &refs, &irt, &v, &n));
	assert_int_equal(n, 2);
	assert_string_equal(v[1].data, "c@d");
	assert_true(mime_thread_refs(&a, &bad, &irt, &v, &n));
	assert_int_equal(n, 1);
	assert_string_equal(v[0].data, "x@y");
	assert_true(mime_thread_refs(&a, NULL, NULL, &v, &n));
	assert_int_equal(n, 0);
	arena_free(&a);
}

/* ---- threads ------------------------------------------------------------------------- */

/* One test message: its date (minutes), subject, Message-ID, References
 * and In-Reply-To as written. */
struct tmsg {
	int date;
	const char *subject;
	const char *msgid;
	const char *refs;
	const char *irt;
};

enum alg { REFS, ORDERED };

static char *thread_str(struct arena *a, const struct tmsg *m, size_t n, enum alg alg)
{
	struct mime_thread_msg *msgs = calloc(n, sizeof(*msgs));
	uint32_t *num = calloc(n, sizeof(*num));
	assert_non_null(msgs);
	assert_non_null(num);
	for (size_t i = 0; i < n; i++) {
		msgs[i].seq = (uint32_t)i + 1;
		num[i] = (uint32_t)i + 1;
		msgs[i].date = m[i].date * 60;
		const char *s = m[i].subject ? m[i].subject : "";
		assert_true(mime_base_subject(a, s, strlen(s), &msgs[i].subject, &msgs[i].reply));
		if (m[i].msgid != NULL) {
			size_t pos = 0;
			assert_true(mime_msgid_next(a, m[i].msgid, strlen(m[i].msgid), &pos,
						    &msgs[i].msgid));
		}
		struct mime_str r = { m[i].refs, m[i].refs ? strlen(m[i].refs) : 0 };
		struct mime_str irt = { m[i].irt, m[i].irt ? strlen(m[i].irt) : 0 };
		struct mime_str *v;
		assert_true(mime_thread_refs(a, &r, &irt, &v, &msgs[i].nrefs));
		msgs[i].refs = v;
	}
	struct mime_thread t;
	assert_true(alg == REFS ? mime_thread_references(msgs, n, &t)
				: mime_thread_orderedsubject(msgs, n, &t));
	struct sbuf b;
	sbuf_init(&b, a);
	threadfmt_write(&b, &t, num);
	mime_thread_free(&t);
	free(msgs);
	free(num);
	return (char *)sbuf_str(&b);
}

#define THREAD(alg, want, ...) do { \
	const struct tmsg m_[] = { __VA_ARGS__ }; \
	char *got_ = thread_str(&a, m_, sizeof(m_) / sizeof(m_[0]), alg); \
	if (strcmp(got_, want) != 0) \
		fail_msg("line %d: got %s, want %s", __LINE__, got_, want); \
} while (0)

static void test_references(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	/* A chain: each message one child of the one before. */
	THREAD(REFS, "(1 2 3)",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "Re: a", "<2@x>", "<1@x>", NULL },
	       { 3, "Re: a", "<3@x>", "<1@x> <2@x>", NULL });
	/* Two replies to one message: the thread splits (RFC5256 §4 nesting). */
	THREAD(REFS, "(1 (2)(3 4))",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "Re: a", "<2@x>", "<1@x>", NULL },
	       { 3, "Re: a", "<3@x>", "<1@x>", NULL },
	       { 4, "Re: a", "<4@x>", "<1@x> <3@x>", NULL });
	/* Step (3): a missing parent with two children stays as a dummy
	 * ("((3)(5))" in RFC5256 §4); with one child it goes. */
	THREAD(REFS, "((1)(2))",
	       { 1, "x", "<1@x>", "<gone@x>", NULL },
	       { 2, "y", "<2@x>", "<gone@x>", NULL });
	THREAD(REFS, "(1)(2)",
	       { 1, "x", "<1@x>", "<gone@x>", NULL },
	       { 2, "y", "<2@x>", "<gone2@x>", NULL });
	/* A dummy inside a thread is replaced by its children. */
	THREAD(REFS, "(1 (2)(3))",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "b", "<2@x>", "<1@x> <gone@x>", NULL },
	       { 3, "c", "<3@x>", "<1@x> <gone@x>", NULL });
	/* A parent later in the mailbox than its child. */
	THREAD(REFS, "(2 1)",
	       { 1, "Re: a", "<1@x>", "<2@x>", NULL },
	       { 2, "a", "<2@x>", NULL, NULL });
	/* In-Reply-To when there are no References. */
	THREAD(REFS, "(1 2)",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "b", "<2@x>", NULL, "<1@x> (sent by someone <z@y>)" });
	/* Normalised IDs: quoting makes no new ID. */
	THREAD(REFS, "(1 2)",
	       { 1, "a", "<\"abc\"@x>", NULL, NULL },
	       { 2, "b", "<2@x>", "<abc@x>", NULL });
	/* Message-ID comparisons are case-sensitive. */
	THREAD(REFS, "(1)(2)",
	       { 1, "a", "<abc@x>", NULL, NULL },
	       { 2, "b", "<2@x>", "<ABC@x>", NULL });
	/* Duplicate Message-IDs: only the first message keeps it. */
	THREAD(REFS, "(1 3)(2)",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "b", "<1@x>", NULL, NULL },
	       { 3, "c", "<3@x>", "<1@x>", NULL });
	/* No Message-ID: a unique one. */
	THREAD(REFS, "(1)(2)",
	       { 1, "a", NULL, NULL, NULL },
	       { 2, "b", "junk", NULL, NULL });
	/* Step (1A): an existing parent link is kept (a truncated References
	 * cannot move a message); (1B) the last reference is the parent,
	 * replacing what an earlier message's References said. */
	THREAD(REFS, "(1 (2)(3 4))",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "b", "<2@x>", "<1@x>", NULL },
	       { 3, "c", "<3@x>", "<1@x>", NULL },
	       { 4, "d", "<4@x>", "<2@x> <3@x>", NULL });
	THREAD(REFS, "(1 2 3)",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "b", "<2@x>", "<9@x> <1@x>", NULL },
	       { 3, "c", "<3@x>", "<1@x> <2@x>", NULL });
	THREAD(REFS, "(1 3 2)",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 3, "b", "<3@x>", "<1@x> <2@x>", NULL },
	       { 2, "c", "<2@x>", "<1@x>", NULL });
	THREAD(REFS, "(1)(2 4 3)",
	       { 1, "a", "<1@x>", NULL, NULL },
	       { 2, "b", "<2@x>", NULL, NULL },
	       { 3, "c", "<3@x>", "<1@x> <4@x>", NULL },  /* says 4 is a child of 1 */
	       { 4, "d", "<4@x>", "<2@x>", NULL });        /* but 4 says 2 */
	/* Loops: a message naming itself, two naming each other, a ring. */
	THREAD(REFS, "(1)",
	       { 1, "a", "<1@x>", "<1@x>", NULL });
	THREAD(REFS, "(2 1)",
	       { 1, "a", "<1@x>", "<2@x>", NULL },
	       { 2, "b", "<2@x>", "<1@x>", NULL });
	THREAD(REFS, "(3 1 2)",
	       { 1, "a", "<1@x>", "<3@x>", NULL },
	       { 2, "b", "<2@x>", "<1@x>", NULL },
	       { 3, "c", "<3@x>", "<2@x> <1@x> <3@x>", NULL });
	/* Step (4)/(6): threads and siblings by sent date, then sequence. */
	THREAD(REFS, "(3)(1 (4)(2))(5)",
	       { 5, "a", "<1@x>", NULL, NULL },
	       { 8, "Re: a", "<2@x>", "<1@x>", NULL },
	       { 1, "b", "<3@x>", NULL, NULL },
	       { 6, "Re: a", "<4@x>", "<1@x>", NULL },
	       { 9, "c", "<5@x>", NULL, NULL }) ;
	arena_free(&a);
}

static void test_references_subjects(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	/* Step (5): a reply by subject joins the thread of the original. */
	THREAD(REFS, "(1 2)",
	       { 1, "hello", "<1@x>", NULL, NULL },
	       { 2, "Re: hello", "<2@x>", NULL, NULL });
	/* The table prefers the message that is not a reply, even when the
	 * reply comes first. */
	THREAD(REFS, "(2 1)",
	       { 1, "Re: hello", "<1@x>", NULL, NULL },
	       { 2, "hello", "<2@x>", NULL, NULL });
	/* Two originals of one subject: a new dummy holds both. */
	THREAD(REFS, "((1)(2))",
	       { 1, "hello", "<1@x>", NULL, NULL },
	       { 2, "hello", "<2@x>", NULL, NULL });
	/* Two replies: a dummy too (neither is the original). */
	THREAD(REFS, "((1)(2))",
	       { 1, "Re: hello", "<1@x>", NULL, NULL },
	       { 2, "Fwd: hello", "<2@x>", NULL, NULL });
	/* A dummy thread (a missing parent) takes a message of its subject
	 * as one more child, and two dummies merge their children. */
	THREAD(REFS, "((1)(2)(3))",
	       { 1, "hello", "<1@x>", "<gone@x>", NULL },
	       { 2, "Re: hello", "<2@x>", "<gone@x>", NULL },
	       { 3, "Re: hello", "<3@x>", NULL, NULL });
	THREAD(REFS, "((1)(2)(3)(4))",
	       { 1, "hello", "<1@x>", "<gone@x>", NULL },
	       { 2, "Re: hello", "<2@x>", "<gone@x>", NULL },
	       { 3, "Re: hello", "<3@x>", "<gone2@x>", NULL },
	       { 4, "hello", "<4@x>", "<gone2@x>", NULL });
	/* Case and "Re:"/blobs do not separate subjects; an empty subject
	 * never merges. */
	THREAD(REFS, "(1 2 3)",
	       { 1, "[list] Hello", "<1@x>", NULL, NULL },
	       { 2, "RE: hello", "<2@x>", NULL, NULL },
	       { 3, "Re: [list] HELLO", "<3@x>", "<2@x>", NULL });
	THREAD(REFS, "(1)(2)",
	       { 1, "", "<1@x>", NULL, NULL },
	       { 2, "Re:", "<2@x>", NULL, NULL });
	/* Only messages at the root merge: a reply deep in another thread
	 * stays there. */
	THREAD(REFS, "(1 2)(3 4)",
	       { 1, "hello", "<1@x>", NULL, NULL },
	       { 2, "Re: hello", "<2@x>", "<1@x>", NULL },
	       { 3, "other", "<3@x>", NULL, NULL },
	       { 4, "Re: hello", "<4@x>", "<3@x>", NULL });
	arena_free(&a);
}

static void test_orderedsubject(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	/* Threads by base subject, ordered by their first message's date;
	 * the later messages of a subject are all children of the first. */
	THREAD(ORDERED, "(2 (1)(4))(3 5)",
	       { 5, "Re: a", NULL, NULL, NULL },
	       { 1, "a", NULL, NULL, NULL },
	       { 3, "b", NULL, NULL, NULL },
	       { 7, "A", NULL, NULL, NULL },
	       { 4, "Re: b", NULL, NULL, NULL });
	THREAD(ORDERED, "(1 2)",
	       { 1, "x", NULL, NULL, NULL },
	       { 1, "x", NULL, NULL, NULL });
	THREAD(ORDERED, "(1)", { 0, NULL, NULL, NULL, NULL });
	arena_free(&a);
}

/* ---- hostile shapes, 100,000 messages ----------------------------------------------- */

#define BIG 100000

static double run_big(struct mime_thread_msg *msgs, size_t n, bool orderedsubject,
		      size_t *depth_r)
{
	clock_t t0 = clock();
	struct mime_thread t;
	assert_true(orderedsubject ? mime_thread_orderedsubject(msgs, n, &t)
				   : mime_thread_references(msgs, n, &t));
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	uint32_t *num = malloc(n * sizeof(*num));
	for (size_t i = 0; i < n; i++)
		num[i] = (uint32_t)i + 1;
	struct sbuf b;
	sbuf_init(&b, NULL);
	threadfmt_write(&b, &t, num);
	assert_false(b.failed);
	size_t depth = 0, max = 0;
	for (size_t i = 0; i < b.len; i++) {
		if (b.data[i] == '(')
			depth++;
		else if (b.data[i] == ')')
			depth--;
		if (depth > max)
			max = depth;
	}
	assert_int_equal(depth, 0);
	*depth_r = max;
	sbuf_free(&b);
	free(num);
	mime_thread_free(&t);
	return secs;
}

static void test_hostile(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	struct mime_thread_msg *msgs = calloc(BIG, sizeof(*msgs));
	struct mime_str *ids = calloc(BIG + 1, sizeof(*ids));
	assert_non_null(msgs);
	for (size_t i = 0; i <= BIG; i++) {
		char *s = arena_printf(&a, "%zu@chain", i);
		ids[i] = (struct mime_str){ s, strlen(s) };
	}
	for (size_t i = 0; i < BIG; i++) {
		msgs[i].seq = (uint32_t)i + 1;
		msgs[i].date = (int64_t)i;
		msgs[i].subject = (struct mime_str){ "SAME", 4 };
		msgs[i].reply = i > 0;
		msgs[i].msgid = ids[i];
	}
	size_t depth;
	/* A chain: each message replies to the one before; References
	 * lists the last few ancestors. */
	for (size_t i = 0; i < BIG; i++) {
		size_t k = i < 5 ? i : 5;
		msgs[i].refs = ids + i - k;
		msgs[i].nrefs = k;
	}
	double secs = run_big(msgs, BIG, false, &depth);
	assert_int_equal(depth, 1);  /* one list: "(1 2 3 ... 100000)" */
	if (secs > 5.0)
		fail_msg("chain: %.2f s", secs);
	/* The same chain, each message naming the next as its parent: a
	 * loop at every step, and the parents come after their children. */
	for (size_t i = 0; i < BIG; i++) {
		msgs[i].refs = ids + (i + 1) % BIG;
		msgs[i].nrefs = 1;
	}
	secs = run_big(msgs, BIG, false, &depth);
	if (secs > 5.0)
		fail_msg("reverse ring: %.2f s", secs);
	/* Everyone replies to message 1: one thread, 99,999 siblings. */
	for (size_t i = 0; i < BIG; i++) {
		msgs[i].refs = ids;
		msgs[i].nrefs = i > 0;
	}
	secs = run_big(msgs, BIG, false, &depth);
	assert_int_equal(depth, 2);
	if (secs > 5.0)
		fail_msg("star: %.2f s", secs);
	/* No references, one subject: step (5) and ORDEREDSUBJECT. */
	for (size_t i = 0; i < BIG; i++)
		msgs[i].nrefs = 0;
	secs = run_big(msgs, BIG, false, &depth);
	if (secs > 5.0)
		fail_msg("one subject: %.2f s", secs);
	secs = run_big(msgs, BIG, true, &depth);
	assert_int_equal(depth, 2);
	if (secs > 5.0)
		fail_msg("orderedsubject: %.2f s", secs);
	free(msgs);
	free(ids);
	arena_free(&a);
}

/* The forest's root answers stay right through links and cuts. */
static void test_lctree(void **state)
{
	(void)state;
	struct lctree t;
	assert_true(lctree_init(&t, 6));
	lctree_link(&t, 1, 0);
	lctree_link(&t, 2, 1);
	lctree_link(&t, 3, 2);
	assert_int_equal(lctree_root(&t, 3), 0);
	lctree_cut(&t, 2);
	assert_int_equal(lctree_root(&t, 3), 2);
	assert_int_equal(lctree_root(&t, 1), 0);
	lctree_link(&t, 2, 4);
	lctree_link(&t, 4, 5);
	assert_int_equal(lctree_root(&t, 3), 5);
	lctree_cut(&t, 3);
	assert_int_equal(lctree_root(&t, 3), 3);
	assert_int_equal(lctree_root(&t, 2), 5);
	lctree_free(&t);
}

static void test_address_first(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const struct {
		const char *in, *mailbox, *display;
	} cases[] = {
		{ "Joe Bloggs <joe@example.com>", "JOE", "JOE BLOGGS" },
		{ "joe@example.com, ann@example.com", "JOE", "JOE@EXAMPLE.COM" },
		{ "\"Bloggs, Joe\" <joe@x>", "JOE", "BLOGGS, JOE" },
		{ "=?UTF-8?Q?Andr=C3=A9?= <andre@x>", "ANDRE", "ANDR\xc3\xa9" },
		{ "undisclosed-recipients:;", "", "" },
		{ "team: ann@x, bob@x;", "ANN", "ANN@X" },
		{ "joe@x (Joe Work)", "JOE", "JOE WORK" },
		{ "", "", "" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct mime_str m, d;
		assert_true(mime_address_first(&a, cases[i].in, strlen(cases[i].in), &m, &d));
		if (strcmp(m.data, cases[i].mailbox) != 0 || strcmp(d.data, cases[i].display) != 0)
			fail_msg("case %zu: got \"%s\" / \"%s\"", i, m.data, d.data);
	}
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_base_subject),
		cmocka_unit_test(test_base_subject_hostile),
		cmocka_unit_test(test_msgid),
		cmocka_unit_test(test_references),
		cmocka_unit_test(test_references_subjects),
		cmocka_unit_test(test_orderedsubject),
		cmocka_unit_test(test_hostile),
		cmocka_unit_test(test_lctree),
		cmocka_unit_test(test_address_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
