/*
 * quota.c - the usage file of a mail root (see quota.h): the changes the
 * index notes, and reading the totals.  Recomputing them from every
 * mailbox is usage.c, which uses list and status; kept apart because
 * idx_log calls in here and list/status sit above idx_log.
 */
#include "store/quota.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/store_int.h"
#include "util/log.h"

/* Past this size the change lines are folded into a fresh total. */
#define QUOTA_REWRITE_AT 8192

void quota_note(struct mailbox *mb, int64_t octets, int64_t messages)
{
	mb->quota_octets += octets;
	mb->quota_messages += messages;
}

void quota_commit(struct mailbox *mb, bool ok)
{
	int64_t o = mb->quota_octets, m = mb->quota_messages;
	bool unknown = mb->quota_unknown;
	mb->quota_octets = mb->quota_messages = 0;
	mb->quota_unknown = false;
	if (ok && unknown) {
		/* A size the index does not know yet: the totals are
		 * recomputed (store_usage) when next asked, which works the
		 * sizes out and keeps them in the index. */
		quota_invalidate(mb->store);
		return;
	}
	if (!ok || (o == 0 && m == 0))
		return;
	char path[4096], line[64];
	snprintf(path, sizeof(path), "%s/%s", mb->store->root, QUOTA_FILE);
	/* No file: nothing to add to; it is computed whole when next asked. */
	int fd = store_path_open(mb->store, path, O_WRONLY | O_APPEND, 0);
	if (fd < 0)
		return;
	int n = snprintf(line, sizeof(line), "%+" PRId64 " %+" PRId64 "\n", o, m);
	/* One write of a short line: O_APPEND keeps it whole among other
	 * writers; a crash mid-line leaves a torn last line, which the
	 * reader takes as "recompute". */
	if (write(fd, line, (size_t)n) != n || fdatasync(fd) != 0)
		log_warn("appending to %s: %s", path, strerror(errno));
	close(fd);
}

bool quota_tracked(struct mailbox *mb)
{
	if (mb->quota_file == 0) {
		char path[4096];
		struct stat st;
		snprintf(path, sizeof(path), "%s/%s", mb->store->root, QUOTA_FILE);
		mb->quota_file = stat(path, &st) == 0 ? 1 : 2;
	}
	return mb->quota_file == 1;
}

void quota_invalidate(struct store *st)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", st->root, QUOTA_FILE);
	if (unlink(path) != 0 && errno != ENOENT)
		log_warn("removing %s: %s", path, strerror(errno));
}

void quota_index_created(struct mailbox *mb)
{
	char path[4096];
	for (int w = 0; w < 2; w++) {
		snprintf(path, sizeof(path), "%s/%s", mb->path, w == 0 ? "new" : "cur");
		DIR *d = store_path_opendir(mb->store, path);
		if (d == NULL)
			continue;
		struct dirent *e;
		bool any = false;
		while (!any && (e = readdir(d)) != NULL)
			any = e->d_name[0] != '.';
		closedir(d);
		if (any) {
			quota_invalidate(mb->store);
			return;
		}
	}
}

/* The file's totals; false when it is missing, torn or too long. */
bool quota_read(struct store *st, struct store_usage *u)
{
	char path[4096], buf[QUOTA_REWRITE_AT + 1];
	snprintf(path, sizeof(path), "%s/%s", st->root, QUOTA_FILE);
	int fd = store_path_open(st, path, O_RDONLY, 0);
	if (fd < 0)
		return false;
	size_t len = 0;
	ssize_t r;
	while (len < sizeof(buf) && (r = read(fd, buf + len, sizeof(buf) - len)) > 0)
		len += (size_t)r;
	close(fd);
	size_t ml = strlen(QUOTA_MAGIC);
	if (len >= sizeof(buf) || len <= ml || memcmp(buf, QUOTA_MAGIC, ml) != 0 ||
	    buf[len - 1] != '\n')
		return false;
	buf[len] = '\0';
	int64_t octets = 0, messages = 0;
	bool first = true;
	for (char *p = buf + ml; *p != '\0';) {
		char *nl = strchr(p, '\n');
		*nl = '\0';
		char *e1, *e2;
		errno = 0;
		long long o = strtoll(p, &e1, 10);
		long long m = *e1 == ' ' ? strtoll(e1 + 1, &e2, 10) : 0;
		if (errno != 0 || e1 == p || *e1 != ' ' || *e2 != '\0' ||
		    (first && (o < 0 || m < 0)) || (!first && p[0] != '+' && p[0] != '-'))
			return false;
		octets += o;
		messages += m;
		first = false;
		p = nl + 1;
	}
	if (first)
		return false;
	/* A change lost to a crash can only make it drift: never below 0. */
	u->octets = octets > 0 ? (uint64_t)octets : 0;
	u->messages = messages > 0 ? (uint64_t)messages : 0;
	return true;
}
