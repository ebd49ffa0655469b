/*
 * specialuse.c - special-use mailboxes (RFC6154): which mailbox is Sent,
 * Drafts, Trash, Junk, Archive (and \All, \Flagged).
 *
 * No maildir convention records a special use: Dovecot gives uses to
 * folder names in its configuration (special_use = \Sent on "Sent"),
 * Courier, mbsync, offlineimap and mutt go by the names alone.  So the
 * use comes first from the folder's name, as the administrator configured
 * it (store_set_uses; the defaults are Dovecot's names), and every maildir
 * tool sees the same folder as Sent.  A use a client asks for with CREATE
 * ... (USE (...)) on another name is kept in the root's imapd-specialuse
 * file, one line per mailbox: the name, a TAB, the attributes separated by
 * spaces ("Sent Items\t\Sent").  The file is rewritten whole (tmp, fsync,
 * rename) under the root lock, and follows DELETE and RENAME.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "store/listnames.h"
#include "store/maildir.h"
#include "store/root.h"
#include "store/specialuse.h"
#include "util/log.h"
#include "util/sbuf.h"

/* RFC6154 §2, in the order of enum store_use. */
static const char *const use_names[STORE_USE_COUNT] = {
	"\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash",
};

const char *store_use_name(unsigned i)
{
	return i < STORE_USE_COUNT ? use_names[i] : NULL;
}

unsigned store_use_bit(const char *attr)
{
	for (unsigned i = 0; i < STORE_USE_COUNT; i++)
		if (strcasecmp(attr, use_names[i]) == 0)
			return 1u << i;
	return 0;
}

bool store_set_uses(struct store *st, const char *const names[STORE_USE_COUNT])
{
	for (unsigned i = 0; i < STORE_USE_COUNT; i++) {
		free(st->use_names[i]);
		st->use_names[i] = NULL;
		if (names[i] == NULL || names[i][0] == '\0')
			continue;
		if ((st->use_names[i] = strdup(names[i])) == NULL)
			return false;
	}
	return true;
}

/* Whether name is one of the "|"-separated names of list (spaces around
 * "|" are not part of a name, as in Cyrus's lists). */
static bool in_list(const char *list, const char *name)
{
	size_t len = strlen(name);
	for (const char *p = list; p != NULL && *p != '\0';) {
		while (*p == ' ')
			p++;
		const char *bar = strchr(p, '|');
		const char *end = bar != NULL ? bar : p + strlen(p);
		const char *e = end;
		while (e > p && e[-1] == ' ')
			e--;
		if ((size_t)(e - p) == len && memcmp(p, name, len) == 0)
			return true;
		p = bar != NULL ? bar + 1 : NULL;
	}
	return false;
}

unsigned specialuse_configured(const struct store *st, const char *name)
{
	unsigned uses = 0;
	for (unsigned i = 0; i < STORE_USE_COUNT; i++)
		if (st->use_names[i] != NULL && in_list(st->use_names[i], name))
			uses |= 1u << i;
	return uses;
}

const char *store_use_folder(const struct store *st, unsigned i)
{
	static char first[4096];
	if (i >= STORE_USE_COUNT || st->use_names[i] == NULL)
		return NULL;
	const char *p = st->use_names[i];
	while (*p == ' ')
		p++;
	const char *bar = strchr(p, '|');
	size_t len = bar != NULL ? (size_t)(bar - p) : strlen(p);
	while (len > 0 && p[len - 1] == ' ')
		len--;
	if (len == 0 || len >= sizeof(first))
		return NULL;
	memcpy(first, p, len);
	first[len] = '\0';
	return first;
}

/* ---- the imapd-specialuse file -------------------------------------------- */

/* Read the file into u->assigned (attrs: use bits); a missing file is
 * an empty one.  Lines that make no sense are skipped. */
bool list_uses_load(struct store *st, struct list_uses *u)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", st->root, USES_FILE);
	FILE *f = fopen(path, "re");
	if (f == NULL)
		return errno == ENOENT;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	bool ok = true;
	while (ok && (len = getline(&line, &cap, f)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
			line[--len] = '\0';
		char *tab = strchr(line, '\t');
		if (tab == NULL || tab == line)
			continue;
		*tab = '\0';
		unsigned uses = 0;
		for (char *tok = strtok(tab + 1, " "); tok != NULL; tok = strtok(NULL, " "))
			uses |= store_use_bit(tok);
		if (uses != 0)
			ok = list_names_add(&u->assigned, line, uses);
	}
	free(line);
	fclose(f);
	list_names_sort(&u->assigned);
	return ok;
}

void list_uses_free(struct list_uses *u)
{
	list_names_free(&u->assigned);
}

unsigned list_uses_of(const struct store *st, const struct list_uses *u, const char *name)
{
	const struct list_name *e = list_names_find(&u->assigned, name);
	return specialuse_configured(st, name) | (e != NULL ? e->attrs : 0);
}

unsigned store_uses(struct store *st, const char *name)
{
	struct list_uses u = { 0 };
	unsigned uses = list_uses_load(st, &u) ? list_uses_of(st, &u, name) : specialuse_configured(st, name);
	list_uses_free(&u);
	return uses;
}

/* Write the entries back (an empty set removes the file). */
static bool uses_save(struct store *st, const struct list_uses *u)
{
	struct sbuf b;
	sbuf_init(&b, NULL);
	for (size_t i = 0; i < u->assigned.n; i++) {
		const struct list_name *e = &u->assigned.e[i];
		if (e->attrs == 0)
			continue;
		sbuf_printf(&b, "%s\t", e->name);
		const char *sep = "";
		for (unsigned k = 0; k < STORE_USE_COUNT; k++) {
			if (e->attrs & (1u << k)) {
				sbuf_printf(&b, "%s%s", sep, use_names[k]);
				sep = " ";
			}
		}
		sbuf_adds(&b, "\n");
	}
	bool ok = !b.failed;
	if (ok && b.len == 0) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", st->root, USES_FILE);
		ok = unlink(path) == 0 || errno == ENOENT;
		if (ok)
			mdir_fsync_dir(st->root);
	} else if (ok) {
		ok = mdir_write_file(st->root, USES_FILE, b.data, b.len);
	}
	if (!ok)
		log_err("writing %s/%s: %s", st->root, USES_FILE, strerror(errno));
	sbuf_free(&b);
	return ok;
}

bool specialuse_forget(struct store *st, const char *name)
{
	struct list_uses u = { 0 };
	bool ok = list_uses_load(st, &u);
	struct list_name *e = ok ? (struct list_name *)list_names_find(&u.assigned, name) : NULL;
	if (e != NULL) {
		e->attrs = 0;
		ok = uses_save(st, &u);
	}
	list_uses_free(&u);
	return ok;
}

bool specialuse_rename(struct store *st, const char *from, const char *to)
{
	struct list_uses u = { 0 };
	if (!list_uses_load(st, &u))
		return false;
	size_t flen = strlen(from);
	bool changed = false, ok = true;
	struct list_names moved = { 0 };
	for (size_t i = 0; ok && i < u.assigned.n; i++) {
		struct list_name *e = &u.assigned.e[i];
		if (strncmp(e->name, from, flen) != 0 ||
		    (e->name[flen] != '\0' && e->name[flen] != STORE_DELIM))
			continue;
		char *nn = NULL;
		ok = asprintf(&nn, "%s%s", to, e->name + flen) >= 0;
		if (ok) {
			ok = list_names_add(&moved, nn, e->attrs);
			free(nn);
		}
		e->attrs = 0;
		changed = true;
	}
	for (size_t i = 0; ok && i < moved.n; i++)
		ok = list_names_add(&u.assigned, moved.e[i].name, moved.e[i].attrs);
	list_names_sort(&u.assigned);
	if (ok && changed)
		ok = uses_save(st, &u);
	list_names_free(&moved);
	list_uses_free(&u);
	return ok;
}

bool specialuse_set(struct store *st, const char *name, unsigned uses)
{
	struct list_uses u = { 0 };
	bool ok = list_uses_load(st, &u);
	if (ok) {
		struct list_name *e = (struct list_name *)list_names_find(&u.assigned, name);
		if (e != NULL)
			e->attrs = uses;
		else
			ok = list_names_add(&u.assigned, name, uses);
	}
	if (ok) {
		list_names_sort(&u.assigned);
		ok = uses_save(st, &u);
	}
	list_uses_free(&u);
	return ok;
}
