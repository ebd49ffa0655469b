/*
 * keywords.c - the names of the keyword letters a-z of a folder as a view
 * sees them, and defining new ones (see mailbox.h).
 *
 * A new name is written to the keywords file (kwfile.c) under the
 * folder's index lock, and a LOG_KEYWORDS record tells other sessions to
 * read it again.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "store/idx_log.h"
#include "store/index.h"
#include "store/kwfile.h"
#include "store/mailbox.h"

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
