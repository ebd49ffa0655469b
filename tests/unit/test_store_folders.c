/*
 * test_store_folders.c - mailbox trees on disk (RFC2060 §6.3.3-§6.3.5):
 * superiors that exist only through their inferiors, CREATE of such a
 * superior after its inferior (OK, as other servers answer), CREATE of a
 * real mailbox (NO), DELETE of a mailbox with inferiors and of a \Noselect
 * level, directories another tool made; the extended LIST; special uses
 * and the folders of a new account.
 */
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
#include <unistd.h>
#include <cmocka.h>

#include "store/maildir.h"
#include "store/store.h"

struct fx {
	char root[256];
	struct store *st;
};

static int setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	snprintf(fx->root, sizeof(fx->root), "/tmp/test_folders_XXXXXX");
	if (mkdtemp(fx->root) == NULL)
		return -1;
	const char *why;
	fx->st = store_open(fx->root, &why);
	if (fx->st == NULL)
		return -1;
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fx *fx = *state;
	store_close(&fx->st);
	mdir_remove_tree(fx->root);
	free(fx);
	return 0;
}

/* Whether root/<entry> exists at all. */
static bool on_disk(const struct fx *fx, const char *entry)
{
	char path[512];
	struct stat sb;
	snprintf(path, sizeof(path), "%s/%s", fx->root, entry);
	return lstat(path, &sb) == 0;
}

static void create_ok(struct fx *fx, const char *name)
{
	struct store_err err;
	if (!store_create(fx->st, name, &err))
		fail_msg("CREATE %s: %s", name, err.text);
	assert_true(store_exists(fx->st, name));
}

static void create_fails(struct fx *fx, const char *name, enum store_errcode code)
{
	struct store_err err;
	if (store_create(fx->st, name, &err))
		fail_msg("CREATE %s succeeded", name);
	assert_int_equal(err.code, code);
}

/* CREATE a.b.c makes one maildir; its superiors are \Noselect levels. */
static void test_create_child_first(void **state)
{
	struct fx *fx = *state;
	create_ok(fx, "a.b.c");
	assert_true(on_disk(fx, ".a.b.c/cur"));
	assert_false(on_disk(fx, ".a"));
	assert_false(on_disk(fx, ".a.b"));
	assert_false(store_exists(fx->st, "a"));
	assert_false(store_exists(fx->st, "a.b"));
	/* The parents, created after the child: OK, and now mailboxes. */
	create_ok(fx, "a.b");
	create_ok(fx, "a");
	assert_true(on_disk(fx, ".a/maildirfolder"));
	/* A real mailbox cannot be created twice. */
	create_fails(fx, "a", STORE_ERR_EXISTS);
	create_fails(fx, "a.b", STORE_ERR_EXISTS);
	create_fails(fx, "a.b.c", STORE_ERR_EXISTS);
	create_fails(fx, "INBOX", STORE_ERR_EXISTS);
}

/* The reverse order, parents first, is what it always was. */
static void test_create_parent_first(void **state)
{
	struct fx *fx = *state;
	create_ok(fx, "p");
	create_ok(fx, "p.q");
	create_ok(fx, "p.q.r");
	create_fails(fx, "p.q", STORE_ERR_EXISTS);
}

/* RFC2060 §6.3.4: deleting a mailbox with inferiors leaves a \Noselect
 * name, which cannot itself be deleted while it has inferiors; CREATE
 * makes it a mailbox again. */
static void test_delete_with_inferiors(void **state)
{
	struct fx *fx = *state;
	struct store_err err;
	create_ok(fx, "d");
	create_ok(fx, "d.e");
	assert_true(store_delete(fx->st, "d", &err));
	assert_false(store_exists(fx->st, "d"));
	assert_true(store_exists(fx->st, "d.e"));
	assert_false(store_delete(fx->st, "d", &err));
	assert_int_equal(err.code, STORE_ERR_NOTALLOWED);
	create_ok(fx, "d");
	assert_true(store_delete(fx->st, "d.e", &err));
	assert_true(store_delete(fx->st, "d", &err));
	assert_false(store_delete(fx->st, "d", &err));
	assert_int_equal(err.code, STORE_ERR_NOTFOUND);
}

/* A directory without cur/ (another tool's \Noselect level) becomes a
 * mailbox on CREATE; a file in the way does not. */
static void test_foreign_entries(void **state)
{
	struct fx *fx = *state;
	struct store_err err;
	char path[512];
	snprintf(path, sizeof(path), "%s/.x", fx->root);
	assert_int_equal(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/.x.y", fx->root);
	assert_true(mdir_create(path, true));
	assert_false(store_exists(fx->st, "x"));
	/* \Noselect with an inferior: DELETE refuses it. */
	assert_false(store_delete(fx->st, "x", &err));
	assert_int_equal(err.code, STORE_ERR_NOTALLOWED);
	create_ok(fx, "x");
	assert_true(on_disk(fx, ".x/new"));

	snprintf(path, sizeof(path), "%s/.f", fx->root);
	int fd = open(path, O_WRONLY | O_CREAT, 0600);
	assert_true(fd >= 0);
	close(fd);
	create_fails(fx, "f", STORE_ERR_EXISTS);

	/* A \Noselect directory without inferiors can simply be deleted. */
	snprintf(path, sizeof(path), "%s/.lone", fx->root);
	assert_int_equal(mkdir(path, 0700), 0);
	assert_true(store_delete(fx->st, "lone", &err));
	assert_false(on_disk(fx, ".lone"));
}

/* ---- LIST (RFC2060 and RFC5258) -------------------------------------------- */

/* What a LIST answered, one "name attrs uses childinfo" line each. */
struct seen {
	char text[4096];
};

static void seen_one(void *ctx, const struct store_list_item *it)
{
	struct seen *sn = ctx;
	size_t len = strlen(sn->text);
	snprintf(sn->text + len, sizeof(sn->text) - len, "%s%s %x %x %d%s", len > 0 ? "|" : "",
		 it->name, it->attrs, it->uses, it->childinfo, it->matched ? "" : " unmatched");
}

static const char *list_ext(struct fx *fx, unsigned select, const char *const *pats, size_t n)
{
	static struct seen sn;
	struct store_err err;
	struct store_list_query q = { "", pats, n, select };
	sn.text[0] = '\0';
	if (!store_list_ext(fx->st, &q, seen_one, &sn, &err))
		fail_msg("LIST: %s", err.text);
	return sn.text;
}

static void subscribe(struct fx *fx, const char *name)
{
	struct store_err err;
	assert_true(store_subscribe(fx->st, name, true, &err));
}

#define NOSEL  (STORE_LIST_NOSELECT | STORE_LIST_NONEXISTENT)
#define UNM    STORE_LIST_UNMARKED
#define KIDS   STORE_LIST_HASCHILDREN
#define NOKIDS STORE_LIST_HASNOCHILDREN
#define SUB    STORE_LIST_SUBSCRIBED

static void test_list_ext(void **state)
{
	struct fx *fx = *state;
	char want[512];
	create_ok(fx, "a.b");
	create_ok(fx, "c");
	subscribe(fx, "a.b");
	subscribe(fx, "gone");
	/* Several patterns, each name once, empty patterns ignored; the
	 * store always says which names are subscribed. */
	const char *p1[] = { "a*", "%", "", "a" };
	snprintf(want, sizeof(want), "INBOX %x 0 0|a %x 0 0|a.b %x 0 0|c %x 0 0",
		 UNM | NOKIDS, NOSEL | KIDS, UNM | NOKIDS | SUB, UNM | NOKIDS);
	assert_string_equal(list_ext(fx, 0, p1, 4), want);
	const char *p0[] = { "" };
	assert_string_equal(list_ext(fx, 0, p0, 1), "");
	/* SUBSCRIBED: exactly the subscribed names, existing or not. */
	const char *all[] = { "*" };
	snprintf(want, sizeof(want), "a.b %x 0 0|gone %x 0 0", UNM | NOKIDS | SUB, NOSEL | NOKIDS | SUB);
	assert_string_equal(list_ext(fx, STORE_SELECT_SUBSCRIBED, all, 1), want);
	/* RECURSIVEMATCH: the parent whose subscribed child "%" misses ... */
	const char *pct[] = { "%" };
	snprintf(want, sizeof(want), "a %x 0 1 unmatched|gone %x 0 0", NOSEL | KIDS, NOSEL | NOKIDS | SUB);
	assert_string_equal(list_ext(fx, STORE_SELECT_SUBSCRIBED | STORE_SELECT_RECURSIVE, pct, 1),
			    want);
	/* ... but not when the child is returned itself (RFC5258 §3.5). */
	snprintf(want, sizeof(want), "a.b %x 0 0|gone %x 0 0", UNM | NOKIDS | SUB, NOSEL | NOKIDS | SUB);
	assert_string_equal(list_ext(fx, STORE_SELECT_SUBSCRIBED | STORE_SELECT_RECURSIVE, all, 1),
			    want);
	/* A subscribed parent that meets the selection: CHILDINFO too. */
	create_ok(fx, "a");
	subscribe(fx, "a");
	snprintf(want, sizeof(want), "a %x 0 1|gone %x 0 0", UNM | KIDS | SUB, NOSEL | NOKIDS | SUB);
	assert_string_equal(list_ext(fx, STORE_SELECT_SUBSCRIBED | STORE_SELECT_RECURSIVE, pct, 1),
			    want);
}

/* Special uses: the administrator's names, and CREATE with USE kept in
 * imapd-specialuse, following RENAME and gone with DELETE. */
static void test_special_use(void **state)
{
	struct fx *fx = *state;
	struct store_err err;
	const char *names[STORE_USE_COUNT] = { NULL, "Archive", "Drafts", NULL, "Junk",
					       "Sent | Sent Messages", "Trash" };
	assert_true(store_set_uses(fx->st, names));
	assert_string_equal(store_use_folder(fx->st, 5), "Sent");
	assert_null(store_use_folder(fx->st, 0));
	assert_int_equal(store_use_bit("\\sent"), STORE_USE_SENT);
	assert_int_equal(store_use_bit("\\Important"), 0);
	assert_int_equal(store_uses(fx->st, "Sent Messages"), STORE_USE_SENT);
	assert_int_equal(store_uses(fx->st, "Sent Message"), 0);
	assert_true(store_create_use(fx->st, "Outbox", STORE_USE_SENT | STORE_USE_DRAFTS, &err));
	assert_int_equal(store_uses(fx->st, "Outbox"), STORE_USE_SENT | STORE_USE_DRAFTS);
	assert_true(on_disk(fx, "imapd-specialuse"));
	/* A use the store cannot give: nothing is created. */
	assert_false(store_create_use(fx->st, "All", STORE_USE_ALL, &err));
	assert_int_equal(err.code, STORE_ERR_USEATTR);
	assert_false(store_exists(fx->st, "All"));
	/* An existing mailbox keeps what it had. */
	assert_false(store_create_use(fx->st, "Outbox", STORE_USE_JUNK, &err));
	assert_int_equal(err.code, STORE_ERR_EXISTS);
	assert_int_equal(store_uses(fx->st, "Outbox"), STORE_USE_SENT | STORE_USE_DRAFTS);
	/* RENAME carries the use, inferiors included; DELETE drops it. */
	create_ok(fx, "Outbox.Old");
	assert_true(store_delete(fx->st, "Outbox.Old", &err));
	assert_true(store_create_use(fx->st, "Outbox.Old", STORE_USE_ARCHIVE, &err));
	assert_true(store_rename(fx->st, "Outbox", "Mine", &err));
	assert_int_equal(store_uses(fx->st, "Mine"), STORE_USE_SENT | STORE_USE_DRAFTS);
	assert_int_equal(store_uses(fx->st, "Mine.Old"), STORE_USE_ARCHIVE);
	assert_int_equal(store_uses(fx->st, "Outbox"), 0);
	assert_true(store_delete(fx->st, "Mine.Old", &err));
	assert_true(store_delete(fx->st, "Mine", &err));
	create_ok(fx, "Mine");
	assert_int_equal(store_uses(fx->st, "Mine"), 0);
	assert_false(on_disk(fx, "imapd-specialuse"));
}

/* The folders of a new account: made once. */
static void test_autocreate(void **state)
{
	struct fx *fx = *state;
	struct store_err err;
	const char *names[STORE_USE_COUNT] = { NULL, NULL, "Drafts", NULL, NULL, "Sent", NULL };
	assert_true(store_set_uses(fx->st, names));
	const char *folders[] = { "\\Sent", "\\Drafts", "\\Junk", "Lists.Misc", "INBOX", "bad..name" };
	const bool sub[] = { true, false, false, true, false, false };
	assert_true(store_autocreate(fx->st, folders, sub, 6, &err));
	assert_true(store_exists(fx->st, "Sent"));
	assert_true(store_exists(fx->st, "Drafts"));
	assert_true(store_exists(fx->st, "Lists.Misc"));
	assert_false(on_disk(fx, ".Junk"));
	assert_true(on_disk(fx, "imapd-autocreated"));
	assert_true(store_delete(fx->st, "Drafts", &err));
	assert_true(store_autocreate(fx->st, folders, sub, 6, &err));
	assert_false(store_exists(fx->st, "Drafts"));
	const char *pats[] = { "*" };
	char want[256];
	snprintf(want, sizeof(want), "Lists.Misc %x 0 0|Sent %x %x 0", UNM | NOKIDS | SUB,
		 UNM | NOKIDS | SUB, STORE_USE_SENT);
	assert_string_equal(list_ext(fx, STORE_SELECT_SUBSCRIBED, pats, 1), want);
}

/* RENAME to a name under a missing level makes no superior directory. */
static void test_rename_into_tree(void **state)
{
	struct fx *fx = *state;
	struct store_err err;
	create_ok(fx, "m");
	assert_true(store_rename(fx->st, "m", "n.o.m", &err));
	assert_true(store_exists(fx->st, "n.o.m"));
	assert_false(on_disk(fx, ".n"));
	assert_false(on_disk(fx, ".n.o"));
	create_ok(fx, "n.o");
	create_ok(fx, "n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_create_child_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_parent_first, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete_with_inferiors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_entries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rename_into_tree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_list_ext, setup, teardown),
		cmocka_unit_test_setup_teardown(test_special_use, setup, teardown),
		cmocka_unit_test_setup_teardown(test_autocreate, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
