/*
 * kwfile.c - reading and writing the keywords file (see kwfile.h).
 *
 * We read and write Dovecot's file so that a maildir served by Dovecot
 * before (or alongside) keeps the meaning of its letters.  It is replaced
 * atomically (mdir_write_file) under the folder's index lock.
 */
#include "store/kwfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "store/maildir.h"
#include "util/log.h"
#include "util/sbuf.h"

/* RFC3501 §9 flag-keyword = atom: ATOM-CHARs only. */
bool kw_name_ok(const char *s, size_t len)
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
		int fd = store_path_open(mb->store, path, O_RDONLY, 0);
		FILE *f = fd >= 0 ? fdopen(fd, "re") : NULL;
		if (f == NULL) {
			if (fd >= 0)
				close(fd);
			return false;
		}
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
