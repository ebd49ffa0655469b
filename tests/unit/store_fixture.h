/*
 * store_fixture.h - what the store's unit tests share: a fresh mail root
 * (a maildir of its own under /tmp) opened as a store for each test, and
 * writing a message file as an MTA or mail reader would.  Include after
 * <cmocka.h> and the store headers, with STORE_FIXTURE_NAME defined (the
 * directory's prefix, so that a leftover says which test left it).
 */
#ifndef STORE_FIXTURE_H
#define STORE_FIXTURE_H

#ifndef STORE_FIXTURE_NAME
#error "define STORE_FIXTURE_NAME before including store_fixture.h"
#endif

struct fx {
	char root[256];
	struct store *st;
};

static int setup(void **state)
{
	struct fx *fx = calloc(1, sizeof(*fx));
	if (fx == NULL)
		return -1;
	snprintf(fx->root, sizeof(fx->root), "/tmp/" STORE_FIXTURE_NAME "_XXXXXX");
	if (mkdtemp(fx->root) == NULL || !mdir_create(fx->root, false))
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
	mdir_remove_tree(fx->root);
	store_close(&fx->st);
	free(fx);
	return 0;
}

/* Write a message file into folder/sub (as an MTA or mail reader would). */
static inline void put(const char *folder, const char *sub, const char *name, const char *text)
{
	char path[1024];
	snprintf(path, sizeof(path), "%s/%s/%s", folder, sub, name);
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* What changed in mb since the client was last told; never "gone". */
static inline struct mbox_changes take(struct mailbox *mb, bool expunge_ok)
{
	struct mbox_changes ch;
	assert_true(mbox_changes_take(mb, expunge_ok, &ch));
	assert_false(ch.gone);
	return ch;
}

#endif
