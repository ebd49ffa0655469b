/*
 * subs.c - the subscriptions file (RFC2060 §6.3.6, §6.3.7, §6.3.9).
 *
 * "subscriptions" in the mail root holds one mailbox name per line, as
 * Dovecot's maildir layout does (its newer "V\t2" form, with levels
 * separated by tabs, is read too).  Names stay subscribed when their
 * mailbox is deleted or renamed: RFC2060 §6.3.6 forbids removing them.
 * Rewritten whole, atomically, under the root lock.
 */
#include "store/subs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/maildir.h"
#include "store/root.h"
#include "util/log.h"
#include "util/sbuf.h"

void subs_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

bool subs_read(struct store *st, char ***names_r, size_t *n_r)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", st->root, SUBS_FILE);
	*names_r = NULL;
	*n_r = 0;
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return errno == ENOENT;
	char **names = NULL;
	size_t n = 0, cap = 0;
	char *line = NULL;
	size_t linecap = 0;
	ssize_t len;
	bool v2 = false, first = true, ok = true;
	while ((len = getline(&line, &linecap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		if (first && strcmp(line, "V\t2") == 0) {
			v2 = true;
			first = false;
			continue;
		}
		first = false;
		if (len == 0)
			continue;
		if (v2)
			for (char *p = line; *p; p++)
				if (*p == '\t')
					*p = STORE_DELIM;
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			char **nn = realloc(names, cap * sizeof(*nn));
			if (nn == NULL) {
				ok = false;
				break;
			}
			names = nn;
		}
		if ((names[n] = strdup(line)) == NULL) {
			ok = false;
			break;
		}
		n++;
	}
	free(line);
	fclose(f);
	if (!ok) {
		subs_free(names, n);
		return false;
	}
	*names_r = names;
	*n_r = n;
	return true;
}

bool store_subscribe(struct store *st, const char *name, bool subscribe, struct store_err *err)
{
	if (!store_root_lock(st, err))
		return false;
	char **names;
	size_t n;
	if (!subs_read(st, &names, &n)) {
		store_root_unlock(st);
		return store_fail(err, STORE_ERR_IO, "Cannot read the subscriptions");
	}
	size_t at = n;
	for (size_t i = 0; i < n; i++)
		if (strcmp(names[i], name) == 0)
			at = i;
	bool ok = true, write = false;
	if (subscribe && at == n)
		write = true;
	else if (!subscribe && at == n)
		ok = store_fail(err, STORE_ERR_NOTFOUND, "Not subscribed to %s", name);
	else if (!subscribe)
		write = true;
	if (write) {
		struct sbuf b;
		sbuf_init(&b, NULL);
		for (size_t i = 0; i < n; i++)
			if (i != at || subscribe)
				sbuf_printf(&b, "%s\n", names[i]);
		if (subscribe)
			sbuf_printf(&b, "%s\n", name);
		if (b.failed || !mdir_write_file(st->root, SUBS_FILE, b.data != NULL ? b.data : "", b.len)) {
			log_err("writing %s/%s: %s", st->root, SUBS_FILE, strerror(errno));
			ok = store_fail(err, STORE_ERR_IO, "Cannot write the subscriptions");
		}
		sbuf_free(&b);
	}
	subs_free(names, n);
	store_root_unlock(st);
	return ok;
}
