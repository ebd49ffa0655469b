/*
 * deliver.c - a message file into a folder (see deliver.h).
 */
#include "store/deliver.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/maildir.h"
#include "util/log.h"

size_t store_deliver_name(const char *base, uint32_t upper, uint32_t lower, char *name,
			  size_t size, bool *in_new_r)
{
	/* A message without flags goes to new/ like a delivery; one with
	 * flags needs the info of a cur/ name.  \Recent either way. */
	*in_new_r = upper == 0 && lower == 0;
	if (*in_new_r) {
		size_t nlen = strlen(base);
		if (nlen > MDIR_NAME_MAX || nlen >= size)
			return 0;
		memcpy(name, base, nlen + 1);
		return nlen;
	}
	return mdir_make_name(base, strlen(base), upper, lower, name, size);
}

bool store_deliver_indexed(struct mailbox *mb, const char *name, size_t nlen, bool in_new,
			   uint32_t upper, uint32_t lower, int64_t date, int16_t tzoff,
			   uint64_t vsize, uint32_t *uid_r, struct store_err *err)
{
	struct mbox_msg m = { .uid = mb->uidnext, .upper = upper, .lower = lower, .tzoff = tzoff,
			      .date = date, .size = vsize, .state = MSG_UNCLAIMED };
	if (in_new) {
		m.state |= MSG_IN_NEW;
		mb->dirty_new = true;
	} else {
		mb->dirty_cur = true;
	}
	if (!idx_set_name(&m, name, nlen))
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	struct mbox_msg *added = idx_append(mb, &m);
	if (added == NULL) {
		free(m.name);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	idx_log_add(mb, added);
	*uid_r = added->uid;
	return true;
}

bool store_deliver_locked(struct mailbox *mb, const char *tmp_path, uint32_t upper, uint32_t lower,
			  int64_t date, int16_t tzoff, uint64_t size, uint64_t vsize,
			  uint32_t *uid_r, struct store_err *err)
{
	(void)size;
	const char *base = strrchr(tmp_path, '/');
	base = base != NULL ? base + 1 : tmp_path;
	char name[MDIR_NAME_MAX + 1], dst[4096];
	bool in_new;
	size_t nlen = store_deliver_name(base, upper, lower, name, sizeof(name), &in_new);
	if (nlen == 0)
		return store_fail(err, STORE_ERR_IO, "File name too long");
	snprintf(dst, sizeof(dst), "%s/%s/%s", mb->path, in_new ? "new" : "cur", name);
	if (rename(tmp_path, dst) != 0) {
		log_err("rename %s %s: %s", tmp_path, dst, strerror(errno));
		return store_fail(err, STORE_ERR_IO, "Cannot store the message");
	}
	return store_deliver_indexed(mb, name, nlen, in_new, upper, lower, date, tzoff, vsize,
				     uid_r, err);
}
