/*
 * keywords.c - names of the keyword letters a-z of a folder.
 *
 * The file is Dovecot's "dovecot-keywords": one "<slot> <name>" line per
 * keyword, slot 0 being letter a.  We read and write the same file so
 * that a maildir served by Dovecot before (or alongside) keeps the
 * meaning of its letters.  It is replaced atomically (mdir_write_file)
 * under the folder's index lock, and a LOG_KEYWORDS record tells other
 * sessions to read it again.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/maildir.h"
#include "store/store_int.h"
#include "util/log.h"
#include "util/sbuf.h"

/* RFC3501 §9 flag-keyword = atom: ATOM-CHARs only. */
static bool kw_name_ok(const char *s, size_t len)
{
	if (len == 0 || len > 200)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c <= 0x20 || c >= 0x7f || strchr("(){%*\"\\]", c) != NULL)
			return false;
	}
	return true;
}

bool kw_load(struct mailbox *mb)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", mb->path, KW_FILE);
	char *names[MBOX_KEYWORD_SLOTS] = { 0 };
	if (stat(path, &st) == 0) {
		if (st.st_ino == mb->kw_ino && st.st_mtim.tv_sec == mb->kw_mtime.tv_sec &&
		    st.st_mtim.tv_nsec == mb->kw_mtime.tv_nsec)
			return false;
		FILE *f = fopen(path, "re");
		if (f == NULL)
			return false;
		char line[512];
		while (fgets(line, sizeof(line), f) != NULL) {
			line[strcspn(line, "\r\n")] = '\0';
			char *end;
			unsigned long slot = strtoul(line, &end, 10);
			if (end == line || *end != ' ' || slot >= MBOX_KEYWORD_SLOTS)
				continue;
			const char *name = end + 1;
			if (!kw_name_ok(name, strlen(name)) || names[slot] != NULL)
				continue;
			names[slot] = strdup(name);
		}
		fclose(f);
		mb->kw_ino = st.st_ino;
		mb->kw_mtime = st.st_mtim;
	} else {
		mb->kw_ino = 0;
		memset(&mb->kw_mtime, 0, sizeof(mb->kw_mtime));
	}
	bool changed = false;
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++) {
		bool same = (names[i] == NULL && mb->kw[i] == NULL) ||
			    (names[i] != NULL && mb->kw[i] != NULL && strcmp(names[i], mb->kw[i]) == 0);
		if (!same)
			changed = true;
		free(mb->kw[i]);
		mb->kw[i] = names[i];
	}
	return changed;
}

bool kw_save(struct mailbox *mb)
{
	struct sbuf b;
	sbuf_init(&b, NULL);
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
		if (mb->kw[i] != NULL)
			sbuf_printf(&b, "%u %s\n", i, mb->kw[i]);
	bool ok = !b.failed && mdir_write_file(mb->path, KW_FILE, b.data != NULL ? b.data : "", b.len);
	sbuf_free(&b);
	if (!ok) {
		log_err("writing %s/%s: %s", mb->path, KW_FILE, strerror(errno));
		return false;
	}
	char path[4096];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", mb->path, KW_FILE);
	if (stat(path, &st) == 0) {
		mb->kw_ino = st.st_ino;
		mb->kw_mtime = st.st_mtim;
	}
	return true;
}

const char *mbox_keyword_name(const struct mailbox *mb, unsigned i)
{
	return i < MBOX_KEYWORD_SLOTS ? mb->kw[i] : NULL;
}

bool mbox_keywords_can_create(const struct mailbox *mb)
{
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
		if (mb->kw[i] == NULL)
			return true;
	return false;
}

static int kw_slot(const struct mailbox *mb, const char *name)
{
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
		if (mb->kw[i] != NULL && strcasecmp(mb->kw[i], name) == 0)
			return (int)i;
	return -1;
}

bool mbox_keywords_lookup(struct mailbox *mb, const char *const *names, size_t n, bool create,
			  uint32_t *mask_r, struct store_err *err)
{
	uint32_t mask = 0;
	bool missing = false;
	for (size_t k = 0; k < n; k++) {
		int slot = kw_slot(mb, names[k]);
		if (slot >= 0)
			mask |= UINT32_C(1) << slot;
		else
			missing = true;
	}
	if (!missing || !create) {
		*mask_r = mask;
		return true;
	}
	/* Define the new names under the lock, after reading the file
	 * again: another session may have defined them meanwhile. */
	if (!idx_lock(mb, err))
		return false;
	if (!idx_replay(mb, err)) {
		idx_unlock(mb);
		return false;
	}
	if (kw_load(mb) && mb->view)
		mb->kw_changed = true;
	bool added = false, ok = true;
	mask = 0;
	for (size_t k = 0; k < n && ok; k++) {
		if (!kw_name_ok(names[k], strlen(names[k]))) {
			ok = store_fail(err, STORE_ERR_BADNAME, "Invalid keyword %s", names[k]);
			break;
		}
		int slot = kw_slot(mb, names[k]);
		if (slot < 0) {
			for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS && slot < 0; i++)
				if (mb->kw[i] == NULL)
					slot = (int)i;
			if (slot < 0) {
				ok = store_fail(err, STORE_ERR_LIMIT,
						"Too many keywords in this mailbox (at most %d)",
						MBOX_KEYWORD_SLOTS);
				break;
			}
			mb->kw[slot] = strdup(names[k]);
			if (mb->kw[slot] == NULL) {
				ok = store_fail(err, STORE_ERR_IO, "Out of memory");
				break;
			}
			added = true;
		}
		mask |= UINT32_C(1) << slot;
	}
	if (added) {
		if (kw_save(mb)) {
			idx_log_keywords(mb);
			if (mb->view)
				mb->kw_changed = true;
			ok = idx_commit(mb, ok ? err : &(struct store_err){ 0 }) && ok;
		} else {
			mb->kw_ino = 0;  /* forget our additions: read the file again */
			memset(&mb->kw_mtime, 0, sizeof(mb->kw_mtime));
			kw_load(mb);
			ok = ok && store_fail(err, STORE_ERR_IO, "Cannot write the keywords file");
		}
	}
	idx_unlock(mb);
	*mask_r = mask;
	return ok;
}
