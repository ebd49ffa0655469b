/*
 * autocreate.c - the folders a new account starts with (store.h,
 * store_autocreate): made at the first login that finds no mark in the
 * root, whoever made the root (an MTA delivering to a new maildir does
 * not count as the first login).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/folders.h"
#include "store/maildir.h"
#include "store/root.h"
#include "util/log.h"

/* A "\Sent"-style entry names the administrator's first folder for
 * that use; anything else is a mailbox name. */
static const char *resolve(const struct store *st, const char *entry)
{
	if (entry[0] != '\\')
		return entry;
	unsigned bit = store_use_bit(entry);
	for (unsigned i = 0; i < STORE_USE_COUNT; i++)
		if (bit == 1u << i)
			return store_use_folder(st, i);
	return NULL;
}

bool store_autocreate(struct store *st, const char *const *names, const bool *subscribe,
		      size_t n, struct store_err *err)
{
	if (n == 0)
		return true;
	if (!store_root_lock(st, err))
		return false;
	char mark[4096];
	snprintf(mark, sizeof(mark), "%s/%s", st->root, AUTOCREATED_FILE);
	bool ok = true;
	if (access(mark, F_OK) == 0) {
		store_root_unlock(st);
		return true;
	}
	for (size_t i = 0; ok && i < n; i++) {
		const char *entry = resolve(st, names[i]);
		char *name = NULL;
		struct store_err e2;
		if (entry == NULL || !store_name_check(entry, strlen(entry), true, &name, &e2) ||
		    strcmp(name, "INBOX") == 0) {
			log_warn("autocreate: skipping \"%s\": %s", names[i],
				 entry == NULL ? "no folder is configured for that special use"
				 : name == NULL ? e2.text : "INBOX always exists");
			free(name);
			continue;
		}
		if (!store_exists(st, name) && !folders_create_locked(st, name, err))
			ok = err->code == STORE_ERR_EXISTS;
		if (ok && subscribe[i] && !store_subscribe(st, name, true, err))
			ok = false;
		free(name);
	}
	/* The mark goes last: a crash before it makes the next login finish
	 * the work (what exists is left alone). */
	if (ok && !mdir_write_file(st->root, AUTOCREATED_FILE, "", 0)) {
		log_err("writing %s: %s", mark, strerror(errno));
		ok = store_fail(err, STORE_ERR_IO, "Cannot write %s", AUTOCREATED_FILE);
	}
	store_root_unlock(st);
	return ok;
}
