/*
 * sync.c - bringing the index up to date with the folder: new messages
 * delivered into new/ or cur/, files renamed or removed by other mail
 * readers, and taking \Recent (new/ -> cur/, as Dovecot and Courier do).
 *
 * A directory is read only when its mtime moved since the last scan, or
 * when that mtime could hide a change: directory mtimes tick with the
 * kernel's coarse clock (or whole seconds on some file systems), so a
 * change made in the same tick as the scan leaves the mtime as it was.
 * A scan's mtime is trusted only if it is older than the clock was when
 * the scan began (and did not move during the scan); otherwise the next
 * sync reads the directory again.
 *
 * readdir() can miss a file that another process renames during the
 * scan (a flag change moves it within cur/, a delivery from new/ to
 * cur/), so an indexed message that seems missing is looked for once
 * more in both directories before it counts as expunged.
 */
#include "store/sync.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/idx_log.h"
#include "store/idx_snapshot.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/kwfile.h"
#include "store/maildir.h"
#include "store/quota.h"
#include "util/date.h"
#include "util/log.h"

bool sync_msg_path(const struct mailbox *mb, const struct mbox_msg *m, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%s/%s/%s", mb->path, (m->state & MSG_IN_NEW) ? "new" : "cur",
			 m->name);
	return n > 0 && (size_t)n < size;
}

void sync_note_info(struct mailbox *mb, uint32_t uid)
{
	if (mb->ninfo == mb->capinfo) {
		uint32_t cap = mb->capinfo < 64 ? 64 : mb->capinfo * 2;
		uint32_t *n = realloc(mb->info, cap * sizeof(*n));
		if (n == NULL)
			return;  /* worked out again next time */
		mb->info = n;
		mb->capinfo = cap;
	}
	mb->info[mb->ninfo++] = uid;
}

void sync_log_info(struct mailbox *mb)
{
	for (uint32_t k = 0; k < mb->ninfo; k++) {
		long i = idx_find(mb, mb->info[k]);
		if (i < 0)
			continue;
		struct mbox_msg m = idx_at(mb, (uint32_t)i);
		if ((m.state & (MSG_NO_SIZE | MSG_NO_DATE)) != (MSG_NO_SIZE | MSG_NO_DATE))
			idx_log_info(mb, &m);
	}
	free(mb->info);
	mb->info = NULL;
	mb->ninfo = mb->capinfo = 0;
}

/* ---- the directory listing -------------------------------------------- */

struct scan_ent {
	uint32_t off;    /* into scan.names */
	uint16_t len;
	uint8_t dir;     /* 0 new/, 1 cur/ */
	uint8_t type;    /* d_type */
};

struct scan {
	struct sbuf names;
	struct scan_ent *ents;
	size_t n, cap;
};

static bool scan_read(struct mailbox *mb, int which, struct scan *sc)
{
	char path[4096];
	snprintf(path, sizeof(path), "%s/%s", mb->path, which == 0 ? "new" : "cur");
	DIR *d = store_path_opendir(mb->store, path);
	if (d == NULL)
		return false;
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		/* Maildir: names starting with "." are not messages. */
		if (de->d_name[0] == '.')
			continue;
		size_t len = strlen(de->d_name);
		if (len > MDIR_NAME_MAX)
			continue;
		if (sc->n == sc->cap) {
			size_t cap = sc->cap < 256 ? 256 : sc->cap * 2;
			struct scan_ent *e = realloc(sc->ents, cap * sizeof(*e));
			if (e == NULL) {
				closedir(d);
				return false;
			}
			sc->ents = e;
			sc->cap = cap;
		}
		/* Directories, links and devices are no messages. */
		if (de->d_type != DT_REG && de->d_type != DT_UNKNOWN)
			continue;
		sc->ents[sc->n++] = (struct scan_ent){ .off = (uint32_t)sc->names.len,
						       .len = (uint16_t)len, .dir = (uint8_t)which,
						       .type = de->d_type };
		sbuf_add(&sc->names, de->d_name, len + 1);
	}
	closedir(d);
	return !sc->names.failed;
}

static void scan_free(struct scan *sc)
{
	sbuf_free(&sc->names);
	free(sc->ents);
	memset(sc, 0, sizeof(*sc));
}

/* ---- base name -> message index ------------------------------------------ */

struct basemap {
	uint32_t *slot;  /* message index + 1; 0 empty */
	size_t mask;
};

static uint32_t hash_base(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static bool basemap_build(struct basemap *bm, const struct mailbox *mb)
{
	uint32_t count = idx_count(mb);
	size_t size = 64;
	while (size < (size_t)count * 2)
		size *= 2;
	bm->slot = calloc(size, sizeof(uint32_t));
	if (bm->slot == NULL)
		return false;
	bm->mask = size - 1;
	for (uint32_t i = 0; i < count; i++) {
		struct mbox_msg m = idx_at(mb, i);
		if (m.state & MSG_GHOST)
			continue;
		size_t blen = mdir_base_len(m.name);
		size_t h = hash_base(m.name, blen) & bm->mask;
		while (bm->slot[h] != 0)
			h = (h + 1) & bm->mask;
		bm->slot[h] = i + 1;
	}
	return true;
}

static long basemap_find(const struct basemap *bm, const struct mailbox *mb, const char *name,
			 size_t blen)
{
	size_t h = hash_base(name, blen) & bm->mask;
	while (bm->slot[h] != 0) {
		struct mbox_msg m = idx_at(mb, bm->slot[h] - 1);
		if (strncmp(m.name, name, blen) == 0 && mdir_base_len(m.name) == blen)
			return (long)bm->slot[h] - 1;
		h = (h + 1) & bm->mask;
	}
	return -1;
}

/* ---- time ------------------------------------------------------------------ */

static bool stat_dir(const struct mailbox *mb, int which, struct idx_stamp *s)
{
	char path[4096];
	struct stat st;
	snprintf(path, sizeof(path), "%s/%s", mb->path, which == 0 ? "new" : "cur");
	if (stat(path, &st) != 0)
		return false;
	s->sec = st.st_mtim.tv_sec;
	s->nsec = (int32_t)st.st_mtim.tv_nsec;
	s->trusted = 0;
	return true;
}

/* No change after t0 can leave a directory with mtime m: it would get
 * a time of t0 or later.  A zero nsec suggests whole-second times. */
static bool stamp_settled(const struct idx_stamp *m, const struct timespec *t0)
{
	if (m->nsec == 0)
		return m->sec < t0->tv_sec;
	return m->sec < t0->tv_sec || (m->sec == t0->tv_sec && m->nsec < t0->tv_nsec);
}

static bool stamp_same(const struct idx_stamp *a, const struct idx_stamp *b)
{
	return a->sec == b->sec && a->nsec == b->nsec;
}

/* ---- adding a message found in a directory ------------------------------------ */

struct new_file {
	const char *name;
	uint64_t key;    /* the number the name starts with */
	uint8_t class;   /* 0: starts below '0', 1: with a digit, 2: above '9' */
	uint8_t dir;
	uint8_t type;    /* d_type */
};

/* Compare names with digit runs as numbers ("1.M99" before "1.M100"). */
static int natural_cmp(const char *a, const char *b)
{
	while (*a != '\0' && *b != '\0') {
		if (isdigit((unsigned char)*a) && isdigit((unsigned char)*b)) {
			while (*a == '0')
				a++;
			while (*b == '0')
				b++;
			size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");
			if (la != lb)
				return la < lb ? -1 : 1;
			int c = strncmp(a, b, la);
			if (c != 0)
				return c;
			a += la;
			b += lb;
			continue;
		}
		if (*a != *b)
			return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
		a++;
		b++;
	}
	return *a == *b ? 0 : *a == '\0' ? -1 : 1;
}

/* The leading number of a name as a sort key that orders as
 * natural_cmp() does (ties are left to it). */
static void sort_key(struct new_file *f)
{
	unsigned char c = (unsigned char)f->name[0];
	f->class = c < '0' ? 0 : c <= '9' ? 1 : 2;
	f->key = 0;
	if (f->class != 1)
		return;
	const char *p = f->name;
	while (*p == '0')
		p++;
	size_t n = strspn(p, "0123456789");
	if (n > 19) {
		f->key = UINT64_MAX;
		return;
	}
	for (size_t i = 0; i < n; i++)
		f->key = f->key * 10 + (uint64_t)(p[i] - '0');
}

/* Delivery order: maildir names start with the delivery time, then the
 * microseconds (M) and the process (P). */
static int cmp_new_file(const void *a, const void *b)
{
	const struct new_file *x = a, *y = b;
	if (x->class != y->class)
		return x->class < y->class ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return natural_cmp(x->name, y->name);
}

/* Index a file found in new/ (dirfd[0]) or cur/ (dirfd[1]).  Nothing is
 * read: its size comes from the ,W= of its name if there, its date and
 * any other size when first asked for (mailbox.c), so that the first
 * SELECT of a large folder costs a directory listing. */
static void add_found(struct mailbox *mb, const int dirfd[2], const struct new_file *f)
{
	if (f->type == DT_UNKNOWN) {
		struct stat st;
		if (fstatat(dirfd[f->dir], f->name, &st, AT_SYMLINK_NOFOLLOW) != 0 ||
		    !S_ISREG(st.st_mode))
			return;  /* gone again, or not a message */
	}
	struct mbox_msg m = {
		.uid = mb->uidnext, .state = MSG_NO_DATE, .tzoff = 0,
		.modseq = idx_next_modseq(mb), .name = f->name,
	};
	if (!mdir_base_vsize(f->name, &m.size)) {
		m.state |= MSG_NO_SIZE;
		/* QUOTA's usage counts it now (store/quota.h): the one
		 * delivery an MTA made is read here rather than the whole
		 * usage recomputed later.  A first scan of a folder does not
		 * get here with a usage file (a new index forgets it). */
		uint64_t size;
		int fd = quota_tracked(mb)
			? openat(dirfd[f->dir], f->name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW) : -1;
		if (fd >= 0 && mdir_fd_crlf_size(fd, &size)) {
			m.size = size;
			m.state &= (uint16_t)~MSG_NO_SIZE;
		}
		if (fd >= 0)
			close(fd);
	}
	mdir_parse_info(f->name, &m.upper, &m.lower);
	if (f->dir == 0) {
		/* In new/: delivered and not yet seen by any session. */
		m.state |= MSG_IN_NEW | MSG_UNCLAIMED;
	}
	struct mbox_msg *added = idx_append(mb, &m);
	if (added != NULL)
		idx_log_add(mb, added);
}

/* ---- the scan ----------------------------------------------------------------- */

/* Match one pass's listing against the index: renamed files update their
 * message, unknown ones go to *newf.  Returns the number of messages
 * that were expected in a scanned directory and not found; `found` has
 * a bit per position. */
static uint32_t match(struct mailbox *mb, const struct basemap *bm, struct scan *sc,
		      const bool scanned[2], uint64_t *found, struct new_file **newf, size_t *nnew)
{
	uint32_t count = idx_count(mb);
	memset(found, 0, ((count + 63) / 64) * sizeof(uint64_t));
	*nnew = 0;
	*newf = malloc((sc->n + 1) * sizeof(**newf));
	for (size_t k = 0; k < sc->n; k++) {
		const char *name = sc->names.data + sc->ents[k].off;
		uint8_t dir = sc->ents[k].dir;
		size_t blen = mdir_base_len(name);
		long i = basemap_find(bm, mb, name, blen);
		if (i < 0) {
			if (*newf != NULL) {
				struct new_file *f = &(*newf)[(*nnew)++];
				*f = (struct new_file){ .name = name, .dir = dir, .type = sc->ents[k].type };
				sort_key(f);
			}
			continue;
		}
		if (found[i / 64] & (UINT64_C(1) << (i % 64)))
			continue;  /* the same base twice (a race, or a copy): keep one */
		found[i / 64] |= UINT64_C(1) << (i % 64);
		struct mbox_msg cur = idx_at(mb, (uint32_t)i);
		bool in_new = (cur.state & MSG_IN_NEW) != 0;
		if ((dir == 0) == in_new && strcmp(cur.name, name) == 0)
			continue;
		/* Renamed by another mail reader: flags changed, or moved to cur/. */
		uint32_t upper, lower;
		mdir_parse_info(name, &upper, &lower);
		struct mbox_msg *m = idx_edit(mb, (uint32_t)i);
		if (m == NULL)
			continue;
		if (upper != m->upper || lower != m->lower) {
			if (mb->view && (uint32_t)i < mb->announced)
				idx_mark_changed(mb, m);
			m->modseq = idx_next_modseq(mb);
		}
		m->upper = upper;
		m->lower = lower;
		if (dir == 0)
			m->state |= MSG_IN_NEW;
		else
			m->state &= (uint16_t)~MSG_IN_NEW;
		idx_set_name(mb, m, name, sc->ents[k].len);
		idx_log_update(mb, m);
	}
	uint32_t missing = 0;
	for (uint32_t i = 0; i < count; i++) {
		if (found[i / 64] & (UINT64_C(1) << (i % 64)))
			continue;
		struct mbox_msg m = idx_at(mb, i);
		if (!(m.state & MSG_GHOST) && scanned[(m.state & MSG_IN_NEW) ? 0 : 1])
			missing++;
	}
	return missing;
}

static bool scan(struct mailbox *mb, bool scan_new, bool scan_cur, struct store_err *err)
{
	/* A pass over every record anyway: check the snapshot once. */
	if (scan_cur && !mb->t.verified) {
		if (!idx_snapshot_verify(mb)) {
			log_warn("%s/%s is damaged; rebuilding it with a new UIDVALIDITY", mb->path,
				 IDX_SNAPSHOT_FILE);
			if (!idx_rebuild(mb, err) || mb->gone)
				return !mb->gone ? false : true;
			scan_new = scan_cur = true;
		}
		mb->t.verified = true;
	}
	struct basemap bm;
	if (!basemap_build(&bm, mb))
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	uint32_t count = idx_count(mb);
	uint64_t *found = malloc(((count + 63) / 64 + 1) * sizeof(uint64_t));
	if (found == NULL) {
		free(bm.slot);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	struct scan sc = { 0 };
	sbuf_init(&sc.names, NULL);
	struct new_file *newf = NULL;
	size_t nnew = 0;
	bool scanned[2] = { scan_new, scan_cur };
	struct idx_stamp before[2], after[2];
	struct timespec t0;
	bool ok = true;
	uint32_t missing = 0;
	for (int pass = 0; pass < 2; pass++) {
		clock_gettime(CLOCK_REALTIME_COARSE, &t0);
		for (int w = 0; w < 2 && ok; w++)
			if (scanned[w] && (!stat_dir(mb, w, &before[w]) || !scan_read(mb, w, &sc)))
				ok = false;
		for (int w = 0; w < 2 && ok; w++)
			if (scanned[w] && !stat_dir(mb, w, &after[w]))
				ok = false;
		if (!ok)
			break;
		free(newf);
		missing = match(mb, &bm, &sc, scanned, found, &newf, &nnew);
		if (missing == 0 || pass == 1)
			break;
		/* Missing files: look again in both directories (a rename
		 * during readdir, or a move from new/ to cur/). */
		scanned[0] = scanned[1] = true;
		scan_free(&sc);
		sbuf_init(&sc.names, NULL);
	}
	if (!ok) {
		int e = errno;
		free(newf);
		free(found);
		scan_free(&sc);
		free(bm.slot);
		if (e == ENOENT) {
			mb->gone = true;
			return true;
		}
		log_err("scanning %s: %s", mb->path, strerror(e));
		return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox");
	}
	if (missing > 0) {
		for (uint32_t i = 0; i < count; i++) {
			if (found[i / 64] & (UINT64_C(1) << (i % 64)))
				continue;
			struct mbox_msg m = idx_at(mb, i);
			if (!(m.state & MSG_GHOST) && scanned[(m.state & MSG_IN_NEW) ? 0 : 1]) {
				idx_log_expunge(mb, m.uid);
				idx_expunged(mb, i);
			}
		}
	}
	free(found);
	if (newf != NULL && nnew > 0) {
		qsort(newf, nnew, sizeof(*newf), cmp_new_file);
		char dir[4096];
		int dirfd[2];
		for (int w = 0; w < 2; w++) {
			snprintf(dir, sizeof(dir), "%s/%s", mb->path, w == 0 ? "new" : "cur");
			dirfd[w] = store_path_open(mb->store, dir, O_RDONLY | O_DIRECTORY, 0);
		}
		for (size_t k = 0; k < nnew; k++) {
			/* The same base twice among new files: keep the first. */
			if (k > 0 && mdir_base_len(newf[k].name) == mdir_base_len(newf[k - 1].name) &&
			    strncmp(newf[k].name, newf[k - 1].name, mdir_base_len(newf[k].name)) == 0)
				continue;
			if (dirfd[newf[k].dir] >= 0)
				add_found(mb, dirfd, &newf[k]);
		}
		for (int w = 0; w < 2; w++)
			if (dirfd[w] >= 0)
				close(dirfd[w]);
	}
	for (int w = 0; w < 2; w++) {
		if (!scanned[w])
			continue;
		struct idx_stamp s = after[w];
		s.trusted = stamp_same(&before[w], &after[w]) && stamp_settled(&after[w], &t0);
		if (!stamp_same(&s, &mb->stamp[w]) || s.trusted != mb->stamp[w].trusted)
			mb->stamps_changed = true;
		mb->stamp[w] = s;
	}
	free(newf);
	scan_free(&sc);
	free(bm.slot);
	return true;
}

/* Take \Recent of the message at pos for this read-write session: it
 * becomes recent here and nowhere else; its file moves from new/ to
 * cur/.  False when the file could not be moved (the next scan finds
 * where it went). */
static bool claim_one(struct mailbox *mb, uint32_t pos)
{
	char from[4096], to[4096], name[MDIR_NAME_MAX + 1];
	struct mbox_msg cur = idx_at(mb, pos);
	size_t nlen = 0;
	if (cur.state & MSG_IN_NEW) {
		size_t blen = mdir_base_len(cur.name);
		nlen = mdir_make_name(cur.name, blen, cur.upper, cur.lower, name, sizeof(name));
		if (nlen == 0)
			return false;
		snprintf(from, sizeof(from), "%s/new/%s", mb->path, cur.name);
		snprintf(to, sizeof(to), "%s/cur/%s", mb->path, name);
		if (rename(from, to) != 0) {
			/* Moved by someone else: the next scan finds it. */
			if (errno != ENOENT)
				log_warn("rename %s: %s", from, strerror(errno));
			return false;
		}
		mb->dirty_new = mb->dirty_cur = true;
	}
	struct mbox_msg *m = idx_edit(mb, pos);
	if (m == NULL)
		return false;
	if (cur.state & MSG_IN_NEW) {
		idx_set_name(mb, m, name, nlen);
		m->state &= (uint16_t)~MSG_IN_NEW;
	}
	m->state &= (uint16_t)~MSG_UNCLAIMED;
	idx_recent_add(mb, m->uid);
	idx_log_update(mb, m);
	return true;
}

/* Take \Recent of every unclaimed message.  A message once claimed is
 * never unclaimed again and new ones come at the end, so the walk starts
 * where the last one left nothing behind (the snapshot says where, for
 * its records). */
static void claim(struct mailbox *mb)
{
	struct idx_table *t = &mb->t;
	bool left = false;
	for (uint32_t b = t->first_unclaimed; b < t->nbase; b++) {
		if (!idx_base_hidden(t, b)) {
			uint32_t pos = idx_base_pos(t, b);
			struct mbox_msg m = idx_at(mb, pos);
			if (!(m.state & MSG_GHOST) && (m.state & MSG_UNCLAIMED) && !claim_one(mb, pos))
				left = true;
		}
		if (!left)
			t->first_unclaimed = b + 1;
	}
	uint32_t nv = t->nbase - t->nhidden;
	for (uint32_t i = t->claim_tail; i < t->ntail; i++) {
		const struct mbox_msg *m = &t->tail[i];
		if (!(m->state & MSG_GHOST) && (m->state & MSG_UNCLAIMED) && !claim_one(mb, nv + i))
			left = true;
		if (!left)
			t->claim_tail = i + 1;
	}
}

bool sync_locked(struct mailbox *mb, bool force, struct store_err *err)
{
	if (!idx_replay(mb, err))
		return false;
	if (mb->gone)
		return true;
	struct idx_stamp now[2];
	for (int w = 0; w < 2; w++) {
		if (!stat_dir(mb, w, &now[w])) {
			if (errno == ENOENT) {
				mb->gone = true;
				return true;
			}
			return store_fail(err, STORE_ERR_IO, "Cannot read the mailbox");
		}
	}
	bool need[2];
	for (int w = 0; w < 2; w++)
		need[w] = force || mb->holder_died || !mb->stamp[w].trusted ||
			  !stamp_same(&now[w], &mb->stamp[w]);
	if (need[0] || need[1]) {
		if (!scan(mb, need[0], need[1], err))
			return false;
		mb->holder_died = false;
		if (mb->gone)
			return true;
		/* Another server (Dovecot) may have named a new letter. */
		if (kw_load(mb) && mb->view)
			mb->kw_changed = true;
	}
	if (mb->view && !mb->readonly)
		claim(mb);
	/* A read-only view shows as \Recent what no read-write session has
	 * taken when it first hears of a message, and takes nothing
	 * (RFC3501 §2.3.2); messages the client has not seen yet are the
	 * ones after `announced`. */
	if (mb->view && mb->readonly) {
		uint32_t count = idx_count(mb);
		for (uint32_t i = mb->announced; i < count; i++) {
			struct mbox_msg m = idx_at(mb, i);
			if (m.state & MSG_UNCLAIMED)
				idx_recent_add(mb, m.uid);
		}
	}
	sync_log_info(mb);
	idx_drop_ghosts(mb, mb->view ? mb->announced : 0);
	return true;
}

bool sync_full(struct mailbox *mb, bool force, struct store_err *err)
{
	if (mb->gone)
		return true;
	if (!idx_lock(mb, err))
		return false;
	bool ok = sync_locked(mb, force, err);
	if (ok && !idx_commit(mb, err)) {
		/* A full disk: the view stays readable (idx_commit). */
		log_warn("%s: %s", mb->name, err->text);
	}
	idx_unlock(mb);
	return ok;
}
