/*
 * folders.c - creating, deleting and renaming mailboxes (RFC2060 §6.3.3,
 * §6.3.4, §6.3.5).
 *
 * In Maildir++ a hierarchy level needs no directory: "a.b" is the folder
 * ".a.b/" whether or not ".a/" exists, and a level that exists only through
 * its inferiors is listed as \Noselect (list.c).  So the superiors CREATE
 * needs (§6.3.3 SHOULD) exist as soon as the new mailbox does, and are not
 * made as mailboxes: a later CREATE of such a superior makes it a real
 * mailbox and answers OK (as Dovecot and Cyrus do), while CREATE of a real
 * mailbox is NO.  A directory ".a/" that is no maildir (another tool's
 * \Noselect level) is made one in place.
 *
 * Folder creation and removal are atomic: a new folder is built under a
 * name that is no mailbox ("..imapd-new-...") and renamed into place; a
 * deleted one is first renamed to "..imapd-trash-..." and then removed,
 * so a crash never leaves half a maildir under a mailbox name.  A RENAME
 * of a mailbox with inferiors renames several directories: it writes
 * their list to a journal first, and what a crash or an error leaves half
 * done is undone (folderlog.c).  The root lock orders these against each
 * other in concurrent sessions.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

#include "store/folderlog.h"
#include "store/folders.h"
#include "store/quota.h"
#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/kwfile.h"
#include "store/mailbox.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/root.h"
#include "store/specialuse.h"
#include "store/sync.h"
#include "util/log.h"

bool store_exists(struct store *st, const char *name)
{
	char *path = store_name_path(st, name);
	if (path == NULL)
		return false;
	char cur[4096];
	struct stat sb;
	snprintf(cur, sizeof(cur), "%s/cur", path);
	free(path);
	return stat(cur, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* Whether anything is on disk under "." name (a folder, maybe broken). */
static bool name_taken(struct store *st, const char *name)
{
	char path[4096];
	struct stat sb;
	snprintf(path, sizeof(path), "%s/.%s", st->root, name);
	return lstat(path, &sb) == 0;
}

/* Whether some folder is an inferior of name ("name." prefix). */
static bool has_inferiors(struct store *st, const char *name)
{
	DIR *d = opendir(st->root);
	if (d == NULL)
		return false;
	size_t len = strlen(name);
	bool found = false;
	struct dirent *de;
	while (!found && (de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		found = n[0] == '.' && strncmp(n + 1, name, len) == 0 && n[1 + len] == STORE_DELIM &&
			n[2 + len] != '\0';
	}
	closedir(d);
	return found;
}

/* A unique directory entry in the root for a folder being built/removed. */
static void temp_name(struct store *st, const char *prefix, char *buf, size_t size)
{
	static unsigned counter;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	snprintf(buf, size, "%s/%s%ld.%ld.%ld.%u", st->root, prefix, (long)tv.tv_sec,
		 (long)tv.tv_usec, (long)getpid(), ++counter);
}

/* Undo a RENAME that a crash cut short (folderlog.c) before looking at
 * the folders: its half-renamed hierarchy would make this operation fail
 * or go wrong.  Root lock held. */
static void recover(struct store *st)
{
	if (folderlog_pending(st))
		folderlog_recover(st);
}

/* Create the folder of one name (no superiors), atomically. */
static bool create_folder(struct store *st, const char *name, struct store_err *err)
{
	char tmp[4096], path[4096];
	temp_name(st, NEWDIR_PREFIX, tmp, sizeof(tmp));
	if (snprintf(path, sizeof(path), "%s/.%s", st->root, name) >= (int)sizeof(path))
		return store_fail(err, STORE_ERR_BADNAME, "Mailbox name too long");
	if (!mdir_create(tmp, true)) {
		log_err("creating %s: %s", tmp, strerror(errno));
		mdir_remove_tree(tmp);
		return store_fail(err, STORE_ERR_IO, "Cannot create the mailbox");
	}
	if (rename(tmp, path) != 0) {
		int e = errno;
		mdir_remove_tree(tmp);
		if (e == EEXIST || e == ENOTEMPTY)
			return store_fail(err, STORE_ERR_EXISTS, "Mailbox already exists");
		log_err("rename %s %s: %s", tmp, path, strerror(e));
		return store_fail(err, STORE_ERR_IO, "Cannot create the mailbox");
	}
	mdir_fsync_dir(st->root);
	return true;
}

/* A directory that is no maildir (no cur/): a \Noselect level another
 * tool made.  Not a symbolic link: that could point anywhere. */
static bool is_noselect_dir(struct store *st, const char *name)
{
	char path[4096];
	struct stat sb;
	snprintf(path, sizeof(path), "%s/.%s", st->root, name);
	return lstat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && !store_exists(st, name);
}

/* Make the \Noselect directory of name a maildir in place.  cur/ comes
 * last: a crash before it leaves the level as it was (store_exists looks
 * for cur/). */
static bool fill_folder(struct store *st, const char *name, struct store_err *err)
{
	char path[4096];
	if (snprintf(path, sizeof(path), "%s/.%s", st->root, name) >= (int)sizeof(path))
		return store_fail(err, STORE_ERR_BADNAME, "Mailbox name too long");
	if (!mdir_create(path, true)) {
		log_err("creating %s: %s", path, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot create the mailbox");
	}
	mdir_fsync_dir(st->root);
	return true;
}

bool folders_create_locked(struct store *st, const char *name, struct store_err *err)
{
	if (store_exists(st, name))
		return store_fail(err, STORE_ERR_EXISTS, "Mailbox already exists");
	if (is_noselect_dir(st, name))
		return fill_folder(st, name, err);
	if (name_taken(st, name))
		return store_fail(err, STORE_ERR_EXISTS, "Mailbox already exists");
	return create_folder(st, name, err);
}

bool store_create(struct store *st, const char *name, struct store_err *err)
{
	if (strcmp(name, "INBOX") == 0)
		return store_fail(err, STORE_ERR_EXISTS, "INBOX always exists");
	if (!store_root_lock(st, err))
		return false;
	recover(st);
	bool ok;
	if (store_exists(st, name))
		ok = store_fail(err, STORE_ERR_EXISTS, "Mailbox already exists");
	else if (!specialuse_forget(st, name))  /* a use left by a crash (specialuse.c) */
		ok = store_fail(err, STORE_ERR_IO, "Cannot write the special uses");
	else
		ok = folders_create_locked(st, name, err);
	store_root_unlock(st);
	return ok;
}

/* ---- CREATE with USE (RFC6154 §3) ----------------------------------------- */

bool store_create_use(struct store *st, const char *name, unsigned uses, struct store_err *err)
{
	if (strcmp(name, "INBOX") == 0)
		return store_fail(err, STORE_ERR_EXISTS, "INBOX always exists");
	/* RFC6154 §2: \All and \Flagged present messages of other mailboxes;
	 * a maildir is no such mailbox, unless the administrator named one. */
	unsigned virt = uses & (STORE_USE_ALL | STORE_USE_FLAGGED) & ~specialuse_configured(st, name);
	if (virt != 0)
		return store_fail(err, STORE_ERR_USEATTR,
				  "%s is not supported: it names a virtual mailbox",
				  (virt & STORE_USE_ALL) ? "\\All" : "\\Flagged");
	if (!store_root_lock(st, err))
		return false;
	recover(st);
	unsigned extra = uses & ~specialuse_configured(st, name);
	bool ok;
	if (store_exists(st, name))
		ok = store_fail(err, STORE_ERR_EXISTS, "Mailbox already exists");
	else if (extra != 0)
		ok = specialuse_set(st, name, extra) ||
		     store_fail(err, STORE_ERR_IO, "Cannot record the special use");
	else
		ok = specialuse_forget(st, name) ||
		     store_fail(err, STORE_ERR_IO, "Cannot write the special uses");
	/* The use is recorded first: a crash before the folder exists
	 * leaves a line no LIST shows, which the next CREATE drops. */
	if (ok && !folders_create_locked(st, name, err)) {
		if (extra != 0)
			specialuse_forget(st, name);
		ok = false;
	}
	store_root_unlock(st);
	return ok;
}

/* Move a folder out of the way, then remove it. */
static bool remove_folder(struct store *st, const char *name, struct store_err *err)
{
	char path[4096], trash[4096];
	snprintf(path, sizeof(path), "%s/.%s", st->root, name);
	temp_name(st, TRASH_PREFIX, trash, sizeof(trash));
	if (rename(path, trash) != 0) {
		if (errno == ENOENT)
			return store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
		log_err("rename %s %s: %s", path, trash, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot delete the mailbox");
	}
	mdir_fsync_dir(st->root);
	if (!mdir_remove_tree(trash))
		log_warn("removing %s: %s", trash, strerror(errno));
	return true;
}

bool store_delete(struct store *st, const char *name, struct store_err *err)
{
	if (strcmp(name, "INBOX") == 0)
		return store_fail(err, STORE_ERR_NOTALLOWED, "INBOX cannot be deleted");
	if (st->selected != NULL && strcmp(st->selected->name, name) == 0)
		return store_fail(err, STORE_ERR_NOTALLOWED,
				  "Cannot delete the selected mailbox; CLOSE it first");
	if (!store_root_lock(st, err))
		return false;
	recover(st);
	bool ok;
	if (!store_exists(st, name) && has_inferiors(st, name)) {
		/* RFC2060 §6.3.4: a \Noselect name with inferiors cannot be
		 * deleted (whether or not a directory stands for it). */
		ok = store_fail(err, STORE_ERR_NOTALLOWED,
				"Mailbox has inferiors and is not selectable (\\Noselect)");
	} else if (!store_exists(st, name) && !name_taken(st, name)) {
		ok = store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
	} else {
		/* Inferiors stay; the name becomes their \Noselect parent.  Its
		 * special use goes with it: a new mailbox of that name starts
		 * without. */
		ok = remove_folder(st, name, err);
		/* Its messages leave the usage all at once (store/quota.h). */
		if (ok)
			quota_invalidate(st);
		if (ok && !specialuse_forget(st, name))
			log_warn("%s: the special use of deleted %s stays recorded", st->root, name);
	}
	store_root_unlock(st);
	return ok;
}

/* RFC2060 §6.3.5: renaming INBOX moves its messages to a new mailbox and
 * leaves INBOX empty; its inferiors stay where they are. */
static bool rename_inbox(struct store *st, const char *to, struct store_err *err)
{
	if (!specialuse_forget(st, to))
		return store_fail(err, STORE_ERR_IO, "Cannot write the special uses");
	if (!create_folder(st, to, err))
		return false;
	struct mailbox *in = NULL;
	if (!mbox_open_internal(st, "INBOX", false, false, &in, err))
		return false;
	char *dest = store_name_path(st, to);
	bool ok = dest != NULL && idx_lock(in, err);
	if (!ok) {
		free(dest);
		mbox_close(&in);
		return dest == NULL ? store_fail(err, STORE_ERR_IO, "Out of memory") : false;
	}
	ok = sync_locked(in, false, err);
	/* The keyword letters keep their names in the new mailbox. */
	char kwsrc[4096];
	snprintf(kwsrc, sizeof(kwsrc), "%s/%s", in->path, KW_FILE);
	if (ok && access(kwsrc, F_OK) == 0) {
		struct mailbox tmp = { .path = dest };
		for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
			tmp.kw[i] = in->kw[i];
		if (!kw_save(&tmp))
			ok = store_fail(err, STORE_ERR_IO, "Cannot write the keywords file");
	}
	char from[4096], dst[4096];
	uint32_t count = idx_count(in);
	for (uint32_t i = 0; ok && i < count; i++) {
		struct mbox_msg msg = idx_at(in, i);
		const struct mbox_msg *m = &msg;
		if (m->state & MSG_GHOST)
			continue;
		const char *sub = (m->state & MSG_IN_NEW) ? "new" : "cur";
		snprintf(from, sizeof(from), "%s/%s/%s", in->path, sub, m->name);
		snprintf(dst, sizeof(dst), "%s/%s/%s", dest, sub, m->name);
		if (rename(from, dst) != 0 && errno != ENOENT) {
			log_err("rename %s %s: %s", from, dst, strerror(errno));
			ok = store_fail(err, STORE_ERR_IO, "Cannot move all messages out of INBOX");
			break;
		}
		if (m->state & MSG_IN_NEW)
			in->dirty_new = true;
		else
			in->dirty_cur = true;
		idx_log_expunge(in, m->uid);
		idx_expunged(in, i);
	}
	/* Files that arrived since the scan stay in INBOX: they were not
	 * part of it when the RENAME ran. */
	if (ok) {
		char d[4096];
		snprintf(d, sizeof(d), "%s/new", dest);
		mdir_fsync_dir(d);
		snprintf(d, sizeof(d), "%s/cur", dest);
		mdir_fsync_dir(d);
	}
	struct store_err e2;
	bool committed = idx_commit(in, ok ? err : &e2);
	idx_unlock(in);
	mbox_close(&in);
	free(dest);
	return ok && committed;
}

/* The directory entries a RENAME moves: the mailbox, then its inferiors
 * (RFC2060 §6.3.5). */
struct moves {
	char **from, **to;  /* ".a.b" */
	size_t n, cap;
};

static bool moves_add(struct moves *mv, char *from, char *to)
{
	if (from == NULL || to == NULL)
		goto fail;
	if (mv->n == mv->cap) {
		size_t cap = mv->cap ? mv->cap * 2 : 8;
		char **f = realloc(mv->from, cap * sizeof(*f));
		if (f == NULL)
			goto fail;
		mv->from = f;
		char **t = realloc(mv->to, cap * sizeof(*t));
		if (t == NULL)
			goto fail;
		mv->to = t;
		mv->cap = cap;
	}
	mv->from[mv->n] = from;
	mv->to[mv->n++] = to;
	return true;
fail:
	free(from);
	free(to);
	return false;
}

static void moves_free(struct moves *mv)
{
	for (size_t i = 0; i < mv->n; i++) {
		free(mv->from[i]);
		free(mv->to[i]);
	}
	free(mv->from);
	free(mv->to);
}

static char *entry_of(const char *name)
{
	char *e = NULL;
	return asprintf(&e, ".%s", name) < 0 ? NULL : e;
}

/* The mailbox from and its inferiors, each with its new name; all the
 * targets must be free before anything moves. */
static bool collect_moves(struct store *st, const char *from, const char *to, struct moves *mv,
			  struct store_err *err)
{
	size_t flen = strlen(from);
	if (!moves_add(mv, entry_of(from), entry_of(to)))
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	DIR *d = opendir(st->root);
	if (d == NULL) {
		log_err("opendir %s: %s", st->root, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot rename the mailbox");
	}
	bool ok = true;
	struct dirent *de;
	while (ok && (de = readdir(d)) != NULL) {
		const char *n = de->d_name;
		if (n[0] != '.' || strncmp(n + 1, from, flen) != 0 || n[1 + flen] != STORE_DELIM)
			continue;
		char *b = NULL;
		if (asprintf(&b, ".%s%s", to, n + 1 + flen) < 0)
			b = NULL;
		if (!moves_add(mv, strdup(n), b)) {
			ok = store_fail(err, STORE_ERR_IO, "Out of memory");
			break;
		}
		if (strlen(b) > MDIR_NAME_MAX - 8 || name_taken(st, b + 1))
			ok = store_fail(err, STORE_ERR_EXISTS, "Mailbox %s already exists", b + 1);
	}
	closedir(d);
	return ok;
}

/*
 * Rename the directories of mv, journaled (folderlog.c): a crash leaves
 * the journal, and the next session to open the store undoes what moved;
 * an error here undoes it at once.  Either way the hierarchy is whole,
 * under its old name or its new one.
 */
static bool move_all(struct store *st, const struct moves *mv, struct store_err *err)
{
	if (!folderlog_begin(st, mv->from, mv->to, mv->n)) {
		log_err("%s/%s: %s", st->root, FOLDERLOG_FILE, strerror(errno));
		folderlog_recover(st);
		return store_fail(err, STORE_ERR_IO, "Cannot rename the mailbox");
	}
	char a[4096], b[4096];
	bool ok = true;
	for (size_t i = 0; ok && i < mv->n; i++) {
		snprintf(a, sizeof(a), "%s/%s", st->root, mv->from[i]);
		snprintf(b, sizeof(b), "%s/%s", st->root, mv->to[i]);
		if (rename(a, b) != 0) {
			log_err("rename %s %s: %s", a, b, strerror(errno));
			ok = false;
		}
	}
	if (ok && !mdir_fsync_dir(st->root)) {
		log_err("fsync %s: %s", st->root, strerror(errno));
		ok = false;
	}
	if (ok && !folderlog_end(st)) {
		log_err("removing %s/%s: %s", st->root, FOLDERLOG_FILE, strerror(errno));
		ok = false;
	}
	if (!ok) {
		folderlog_recover(st);
		return store_fail(err, STORE_ERR_IO, "Cannot rename the mailbox");
	}
	return true;
}

/* RENAME INBOX, journaled like the others: a crash or an error moves the
 * messages back and removes the new mailbox. */
static bool rename_inbox_logged(struct store *st, const char *to, struct store_err *err)
{
	char *from[1] = { "INBOX" }, *dest[1] = { entry_of(to) };
	if (dest[0] == NULL)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	bool ok = folderlog_begin(st, from, dest, 1);
	free(dest[0]);
	if (!ok) {
		log_err("%s/%s: %s", st->root, FOLDERLOG_FILE, strerror(errno));
		folderlog_recover(st);
		return store_fail(err, STORE_ERR_IO, "Cannot rename the mailbox");
	}
	if (!rename_inbox(st, to, err)) {
		folderlog_recover(st);
		return false;
	}
	if (!folderlog_end(st)) {
		log_err("removing %s/%s: %s", st->root, FOLDERLOG_FILE, strerror(errno));
		folderlog_recover(st);
		return store_fail(err, STORE_ERR_IO, "Cannot rename the mailbox");
	}
	return true;
}

bool store_rename(struct store *st, const char *from, const char *to, struct store_err *err)
{
	if (strcmp(to, "INBOX") == 0)
		return store_fail(err, STORE_ERR_EXISTS, "INBOX already exists");
	size_t flen = strlen(from);
	if (strncmp(to, from, flen) == 0 && to[flen] == STORE_DELIM)
		return store_fail(err, STORE_ERR_NOTALLOWED, "Cannot rename a mailbox into itself");
	if (st->selected != NULL && strcmp(from, "INBOX") != 0) {
		const char *sel = st->selected->name;
		if (strcmp(sel, from) == 0 || (strncmp(sel, from, flen) == 0 && sel[flen] == STORE_DELIM))
			return store_fail(err, STORE_ERR_NOTALLOWED,
					  "Cannot rename the selected mailbox; CLOSE it first");
	}
	if (!store_root_lock(st, err))
		return false;
	recover(st);
	bool ok = true;
	if (store_exists(st, to) || name_taken(st, to)) {
		ok = store_fail(err, STORE_ERR_EXISTS, "Mailbox %s already exists", to);
	} else if (strcmp(from, "INBOX") == 0) {
		ok = rename_inbox_logged(st, to, err);
	} else if (!store_exists(st, from)) {
		ok = store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
	}
	if (!ok || strcmp(from, "INBOX") == 0) {
		store_root_unlock(st);
		return ok;
	}
	struct moves mv = { 0 };
	ok = collect_moves(st, from, to, &mv, err) && move_all(st, &mv, err);
	moves_free(&mv);
	if (ok && !specialuse_rename(st, from, to))
		log_warn("%s: the special uses of %s did not follow it to %s", st->root, from, to);
	store_root_unlock(st);
	return ok;
}
