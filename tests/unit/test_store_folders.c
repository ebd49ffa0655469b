/*
 * test_store_folders.c - mailbox trees on disk (RFC2060 §6.3.3-§6.3.5):
 * superiors that exist only through their inferiors, CREATE of such a
 * superior after its inferior (OK, as other servers answer), CREATE of a
 * real mailbox (NO), DELETE of a mailbox with inferiors and of a \Noselect
 * level, directories another tool made.
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
