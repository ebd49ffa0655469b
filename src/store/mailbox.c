/*
 * mailbox.c - a session's view of a folder (see mailbox.h): opening,
 * what the view holds per message, sequence sets and message contents.
 */
#include "store/mailbox.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/idx_log.h"
#include "store/idx_table.h"
#include "store/index.h"
#include "store/mailbox_int.h"
#include "store/maildir.h"
#include "store/movelog.h"
#include "store/sync.h"
#include "util/date.h"
#include "util/log.h"

/* ---- opening -------------------------------------------------------------- */

static bool is_dir(const char *path, const char *sub)
{
	char buf[4096];
	struct stat st;
	snprintf(buf, sizeof(buf), "%s/%s", path, sub);
	return stat(buf, &st) == 0 && S_ISDIR(st.st_mode);
}

bool mbox_open_internal(struct store *st, const char *name, bool view, bool readonly,
			struct mailbox **mb_r, struct store_err *err)
{
	*mb_r = NULL;
	char *path = store_name_path(st, name);
	if (path == NULL)
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	/* new/ is looked at by the first sync (a folder without it is gone
	 * then); a view's tmp/ is made when it is cleaned (mbox_open). */
	if (!is_dir(path, "cur")) {
		free(path);
		return store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
	}
	if (!view && !is_dir(path, "tmp")) {
		char tmp[4096];
		snprintf(tmp, sizeof(tmp), "%s/tmp", path);
		if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
			log_warn("mkdir %s: %s", tmp, strerror(errno));
	}
	struct mailbox *mb = calloc(1, sizeof(*mb));
	if (mb == NULL || (mb->name = strdup(name)) == NULL) {
		free(mb);
		free(path);
		return store_fail(err, STORE_ERR_IO, "Out of memory");
	}
	mb->store = st;
	mb->path = path;
	mb->view = view;
	mb->readonly = readonly;
	mb->lock = (struct lockfile)LOCKFILE_INIT;
	mb->log_fd = -1;
	idx_table_init(&mb->t);
	sbuf_init(&mb->log_out, NULL);
	bool ok = idx_lock(mb, err);
	if (ok) {
		/* A SELECT clears what crashed index and keyword writes left,
		 * under the lock they are written with. */
		static const char *const written[] = { IDX_SNAPSHOT_FILE, IDX_LOG_FILE, KW_FILE, NULL };
		if (view)
			mdir_clean_writes(path, written);
		ok = idx_load(mb, err) && sync_locked(mb, false, err);
		struct store_err e2;
		if (ok && !idx_commit(mb, &e2))
			log_warn("%s: %s", name, e2.text);  /* readable all the same */
		idx_unlock(mb);
	}
	if (ok && mb->gone)
		ok = store_fail(err, STORE_ERR_NOTFOUND, "Mailbox does not exist");
	if (!ok) {
		mb->view = false;
		mbox_close(&mb);
		return false;
	}
	mb->announced = idx_count(mb);
	mb->kw_changed = false;
	mb->any_changed = false;
	mb->told_modseq = mb->highestmodseq;
	*mb_r = mb;
	return true;
}

bool mbox_open(struct store *st, const char *name, unsigned flags, struct mailbox **mb_r,
	       struct store_err *err)
{
	/* Before the folder is read: a MOVE cut short may have left one of
	 * its messages in two folders (store/move.c). */
	store_moves_resolve(st);
	if (!mbox_open_internal(st, name, true, (flags & MBOX_OPEN_READONLY) != 0, mb_r, err))
		return false;
	/* Selecting a mailbox clears what crashed writers left in its
	 * tmp/ (INBOX's is the root's, where APPEND spools go). */
	mdir_clean_tmp((*mb_r)->path, time(NULL));
	st->selected = *mb_r;
	(*mb_r)->synced_now = true;  /* SELECT's own report needs no sync again */
	return true;
}

static void msgdir_close(struct mailbox *mb);

void mbox_close(struct mailbox **mbp)
{
	struct mailbox *mb = *mbp;
	if (mb == NULL)
		return;
	if (mb->nops > 0) {
		struct store_err err;
		if (!mbox_flags_commit(mb, &err))
			log_warn("%s: flag changes lost at close: %s", mb->name, err.text);
	}
	if (mb->store != NULL && mb->store->selected == mb)
		mb->store->selected = NULL;
	msgdir_close(mb);
	mbox_watch_close(mb);
	free(mb->readbuf);
	free(mb->rep_expunged);
	free(mb->rep_flags);
	free(mb->info);
	free(mb->modified);
	mbox_cache_close(mb);
	free(mb->saved);
	idx_free(mb);
	for (unsigned i = 0; i < MBOX_KEYWORD_SLOTS; i++)
		free(mb->kw[i]);
	free(mb->ops);
	free(mb->path);
	free(mb->name);
	free(mb);
	*mbp = NULL;
}

/* ---- the mailbox -------------------------------------------------------------- */

const char *mbox_name(const struct mailbox *mb)
{
	return mb->name;
}

bool mbox_readonly(const struct mailbox *mb)
{
	return mb->readonly;
}

uint32_t mbox_count(const struct mailbox *mb)
{
	return mb->announced;
}

uint32_t mbox_recent_count(const struct mailbox *mb)
{
	return idx_recent_count(mb, mb->announced);
}

uint32_t mbox_first_unseen(const struct mailbox *mb)
{
	return idx_first_unseen(mb, mb->announced);
}

uint32_t mbox_uidvalidity(const struct mailbox *mb)
{
	return mb->uidvalidity;
}

uint32_t mbox_uidnext(const struct mailbox *mb)
{
	return mb->uidnext;
}

/* ---- per message ----------------------------------------------------------------- */

uint32_t mbox_msg_uid(const struct mailbox *mb, uint32_t seq)
{
	return idx_uid_at(mb, seq - 1);
}

unsigned mbox_msg_flags(const struct mailbox *mb, uint32_t seq)
{
	struct mbox_msg m = idx_at(mb, seq - 1);
	unsigned f = mdir_upper_to_sysflags(m.upper);
	if (m.state & MSG_RECENT)
		f |= IMAP_FLAG_RECENT;
	return f;
}

uint32_t mbox_msg_keywords(const struct mailbox *mb, uint32_t seq)
{
	return idx_at(mb, seq - 1).lower;
}

uint64_t mbox_msg_modseq(const struct mailbox *mb, uint32_t seq)
{
	return idx_at(mb, seq - 1).modseq;
}

/* A descriptor of new/ (0) or cur/ (1), opened on first use: opening a
 * message relative to it spares the kernel the walk of the whole path
 * for each of thousands of messages.  -1 when the folder cannot be
 * opened. */
static int msgdir(struct mailbox *mb, int which)
{
	if (!mb->msgdir_open[which]) {
		char path[4096];
		snprintf(path, sizeof(path), "%s/%s", mb->path, which ? "cur" : "new");
		int fd = store_path_open(mb->store, path, O_RDONLY | O_DIRECTORY, 0);
		if (fd < 0)
			return -1;
		mb->msgdir_fd[which] = fd;
		mb->msgdir_open[which] = true;
	}
	return mb->msgdir_fd[which];
}

static void msgdir_close(struct mailbox *mb)
{
	for (int i = 0; i < 2; i++) {
		if (mb->msgdir_open[i])
			close(mb->msgdir_fd[i]);
		mb->msgdir_open[i] = false;
	}
}

/* Open message seq's file read-only; -1 when it is gone (looked for once
 * more after reading the folder again: another client may have renamed
 * it). */
static int msg_fd(struct mailbox *mb, uint32_t seq)
{
	int fd = -1;
	for (int attempt = 0; attempt < 2 && fd < 0; attempt++) {
		struct mbox_msg m = idx_at(mb, seq - 1);
		if (m.state & MSG_GHOST)
			break;
		int dfd = msgdir(mb, (m.state & MSG_IN_NEW) ? 0 : 1);
		if (dfd >= 0)
			fd = openat(dfd, m.name, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (fd >= 0 || (dfd >= 0 && errno != ENOENT) || attempt > 0)
			break;
		/* Renamed (flags changed by another client), expunged, or the
		 * folder replaced: read the folder again and look once more. */
		msgdir_close(mb);
		struct store_err e2;
		if (!sync_full(mb, true, &e2))
			break;
	}
	return fd;
}

bool mbox_msg_prepare(struct mailbox *mb, uint32_t seq)
{
	struct mbox_msg m = idx_at(mb, seq - 1);
	if (!(m.state & (MSG_NO_SIZE | MSG_NO_DATE)))
		return true;
	/* INTERNALDATE is the file's mtime, RFC822.SIZE its CRLF size:
	 * worked out once, then kept in the index (RFC3501 §2.3.3: the date
	 * never changes once a client may have seen it). */
	int fd = msg_fd(mb, seq);
	if (fd < 0)
		return false;
	struct stat st;
	uint64_t size = 0;
	bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) &&
		  (!(m.state & MSG_NO_SIZE) || mdir_fd_crlf_size(fd, &size));
	close(fd);
	if (!ok)
		return false;
	struct mbox_msg *e = idx_edit(mb, seq - 1);
	if (e == NULL)
		return false;
	if (e->state & MSG_NO_DATE) {
		e->date = st.st_mtim.tv_sec;
		e->tzoff = (int16_t)date_local_zone(st.st_mtim.tv_sec);
		e->state &= (uint16_t)~MSG_NO_DATE;
	}
	if (e->state & MSG_NO_SIZE) {
		e->size = size;
		e->state &= (uint16_t)~MSG_NO_SIZE;
	}
	sync_note_info(mb, e->uid);
	return true;
}

time_t mbox_msg_internaldate(struct mailbox *mb, uint32_t seq, int *zone_minutes_r)
{
	mbox_msg_prepare(mb, seq);
	struct mbox_msg m = idx_at(mb, seq - 1);
	if (zone_minutes_r != NULL)
		*zone_minutes_r = m.tzoff == MSG_TZ_LOCAL ? date_local_zone((time_t)m.date) : m.tzoff;
	return (time_t)m.date;
}

uint64_t mbox_msg_size(struct mailbox *mb, uint32_t seq)
{
	mbox_msg_prepare(mb, seq);
	return idx_at(mb, seq - 1).size;
}

bool mbox_msg_expunged(const struct mailbox *mb, uint32_t seq)
{
	return (idx_at(mb, seq - 1).state & MSG_GHOST) != 0;
}

/* ---- what the client has seen -------------------------------------------------------- */

unsigned mbox_msg_flags_show(struct mailbox *mb, uint32_t seq, uint32_t *keywords_r)
{
	struct mbox_msg m = idx_at(mb, seq - 1);
	if (m.state & MSG_CHANGED) {
		struct mbox_msg *e = idx_edit(mb, seq - 1);
		if (e != NULL)
			e->state &= (uint16_t)~MSG_CHANGED;
	}
	*keywords_r = m.lower;
	return mdir_upper_to_sysflags(m.upper) | ((m.state & MSG_RECENT) ? IMAP_FLAG_RECENT : 0);
}

/* ---- sequence sets ---------------------------------------------------------------------- */

static int cmp_range(const void *a, const void *b)
{
	const struct mbox_range *x = a, *y = b;
	return x->lo < y->lo ? -1 : x->lo > y->lo ? 1 : 0;
}

bool mbox_saved_set(struct mailbox *mb, const uint32_t *seqs, size_t n)
{
	free(mb->saved);
	mb->saved = NULL;
	mb->nsaved = 0;
	if (n == 0)
		return true;
	mb->saved = malloc(n * sizeof(*mb->saved));
	if (mb->saved == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		mb->saved[i] = idx_uid_at(mb, seqs[i] - 1);
	mb->nsaved = (uint32_t)n;
	return true;
}

/* "$": the saved result's messages that are still in the view, as
 * ranges of sequence numbers (both ascend: each UID is looked for from
 * where the one before it was found). */
static bool resolve_saved(const struct mailbox *mb, struct arena *a, struct mbox_seqs *out,
			  const char **bad_r)
{
	out->r = ARENA_NEWN(a, struct mbox_range, mb->nsaved > 0 ? mb->nsaved : 1);
	if (out->r == NULL) {
		*bad_r = "Sequence set too large";
		return false;
	}
	uint32_t i = 0;
	for (uint32_t k = 0; k < mb->nsaved; k++) {
		uint32_t u = mb->saved[k];
		uint32_t hi = mb->announced;
		while (i < hi) {
			uint32_t mid = i + (hi - i) / 2;
			if (idx_uid_at(mb, mid) < u)
				i = mid + 1;
			else
				hi = mid;
		}
		if (i == mb->announced)
			break;
		if (idx_uid_at(mb, i) != u)
			continue;  /* expunged since */
		uint32_t seq = i + 1;
		if (out->n > 0 && out->r[out->n - 1].hi + 1 == seq)
			out->r[out->n - 1].hi = seq;
		else
			out->r[out->n++] = (struct mbox_range){ seq, seq };
	}
	out->i_ = 0;
	out->next_ = out->n > 0 ? out->r[0].lo : 0;
	return true;
}

bool mbox_seqs_resolve(const struct mailbox *mb, struct arena *a, const struct imap_seq_set *set,
		       bool uid, struct mbox_seqs *out, const char **bad_r)
{
	memset(out, 0, sizeof(*out));
	if (set->saved)
		return resolve_saved(mb, a, out, bad_r);
	out->r = ARENA_NEWN(a, struct mbox_range, set->n > 0 ? set->n : 1);
	if (out->r == NULL) {
		*bad_r = "Sequence set too large";
		return false;
	}
	uint32_t count = mb->announced;
	for (size_t i = 0; i < set->n; i++) {
		uint32_t lo = set->ranges[i].lo, hi = set->ranges[i].hi;
		if (!uid) {
			/* RFC3501 §9 seq-number: "*" is the last message; a
			 * number past it (or "*" when empty) is a BAD. */
			if (count == 0) {
				*bad_r = "No messages in the mailbox";
				return false;
			}
			if (lo == IMAP_SEQ_STAR)
				lo = count;
			if (hi == IMAP_SEQ_STAR)
				hi = count;
			if (lo > count || hi > count) {
				*bad_r = "Message sequence number out of range";
				return false;
			}
			if (lo > hi) {
				uint32_t t = lo;
				lo = hi;
				hi = t;
			}
			out->r[out->n++] = (struct mbox_range){ lo, hi };
			continue;
		}
		if (count == 0)
			continue;
		/* UIDs: "*" is the last message's UID, so "n:*" always holds
		 * it; UIDs that do not exist are ignored (RFC3501 §6.4.8). */
		uint32_t last = idx_uid_at(mb, count - 1);
		if (lo == IMAP_SEQ_STAR)
			lo = last;
		if (hi == IMAP_SEQ_STAR)
			hi = last;
		if (lo > hi) {
			uint32_t t = lo;
			lo = hi;
			hi = t;
		}
		uint32_t first = idx_lower_bound(mb, lo, count);
		uint32_t end = hi == UINT32_MAX ? count : idx_lower_bound(mb, hi + 1, count);
		if (first < end)
			out->r[out->n++] = (struct mbox_range){ first + 1, end };
	}
	if (out->n > 1) {
		qsort(out->r, out->n, sizeof(out->r[0]), cmp_range);
		size_t w = 0;
		for (size_t i = 1; i < out->n; i++) {
			if (out->r[i].lo <= out->r[w].hi + 1) {
				if (out->r[i].hi > out->r[w].hi)
					out->r[w].hi = out->r[i].hi;
			} else {
				out->r[++w] = out->r[i];
			}
		}
		out->n = w + 1;
	}
	out->i_ = 0;
	out->next_ = out->n > 0 ? out->r[0].lo : 0;
	return true;
}

bool mbox_seqs_next(struct mbox_seqs *seqs, uint32_t *seq_r)
{
	while (seqs->i_ < seqs->n) {
		const struct mbox_range *r = &seqs->r[seqs->i_];
		if (seqs->next_ < r->lo)
			seqs->next_ = r->lo;
		if (seqs->next_ <= r->hi && seqs->next_ != 0) {
			*seq_r = seqs->next_;
			if (seqs->next_ == r->hi) {
				seqs->i_++;
				seqs->next_ = 0;
			} else {
				seqs->next_++;
			}
			return true;
		}
		seqs->i_++;
		seqs->next_ = 0;
	}
	return false;
}

bool mbox_seqs_contains(const struct mbox_seqs *seqs, uint32_t seq)
{
	size_t lo = 0, hi = seqs->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (seqs->r[mid].hi < seq)
			lo = mid + 1;
		else if (seqs->r[mid].lo > seq)
			hi = mid;
		else
			return true;
	}
	return false;
}

/* ---- message contents ------------------------------------------------------------------- */

/* Messages up to this size are read into the mailbox's reused buffer;
 * larger ones are mapped.  FETCH and SEARCH read message after message:
 * a read into warm memory costs less than setting up and tearing down a
 * mapping each time (measured on 100,000 small messages). */
#define MSG_READ_MAX (256 * 1024)

/* Open message seq: read at most `want` octets (all of a file up to
 * MSG_READ_MAX) into the read buffer, or map a larger file whole. */
static bool msg_open(struct mailbox *mb, uint32_t seq, size_t want, struct mbox_body *body,
		     bool *whole_r, struct store_err *err)
{
	memset(body, 0, sizeof(*body));
	*whole_r = true;
	int fd = msg_fd(mb, seq);
	if (fd < 0)
		return store_fail(err, STORE_ERR_EXPUNGED, "Message %u no longer exists", seq);
	struct mbox_msg m = idx_at(mb, seq - 1);
	body->crlf_size = (m.state & MSG_NO_SIZE) ? 0 : m.size;
	struct stat st;
	if (want <= MSG_READ_MAX && !mb->readbuf_busy) {
		/* A prefix (the header a first FETCH or SEARCH reads from
		 * 100,000 files in a row): no fstat, the read says how much
		 * there is, and fails on anything but a regular file. */
		body->len = want;
		*whole_r = false;
	} else if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return store_fail(err, STORE_ERR_IO, "Cannot read message %u", seq);
	} else {
		body->len = (size_t)st.st_size;
	}
	if (body->len == 0) {
		body->data = "";
	} else if (body->len <= MSG_READ_MAX && !mb->readbuf_busy) {
		if (mb->readcap < body->len) {
			char *nb = realloc(mb->readbuf, MSG_READ_MAX);
			if (nb == NULL) {
				close(fd);
				return store_fail(err, STORE_ERR_IO, "Out of memory");
			}
			mb->readbuf = nb;
			mb->readcap = MSG_READ_MAX;
		}
		size_t got = 0;
		while (got < body->len) {
			ssize_t n = pread(fd, mb->readbuf + got, body->len - got, (off_t)got);
			if (n < 0 && errno == EINTR)
				continue;
			if (n < 0) {
				close(fd);
				return store_fail(err, STORE_ERR_IO, "Cannot read message %u", seq);
			}
			if (n == 0) {
				*whole_r = true;
				break;  /* shorter than asked: all there is */
			}
			got += (size_t)n;
			/* A regular file reads short only at its end: a prefix
			 * shorter than asked is the whole file, without the
			 * second read that would return 0. */
			if (!*whole_r && got < body->len) {
				*whole_r = true;
				break;
			}
		}
		body->len = got;
		body->data = mb->readbuf;
		body->busy_ = &mb->readbuf_busy;
		mb->readbuf_busy = true;
	} else {
		void *p = mmap(NULL, body->len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p == MAP_FAILED) {
			close(fd);
			return store_fail(err, STORE_ERR_IO, "Cannot read message %u", seq);
		}
		body->map_ = p;
		body->maplen_ = body->len;
		body->data = p;
	}
	close(fd);
	return true;
}

bool mbox_msg_open(struct mailbox *mb, uint32_t seq, struct mbox_body *body, struct store_err *err)
{
	bool whole;
	return msg_open(mb, seq, SIZE_MAX, body, &whole, err);
}

bool mbox_msg_open_prefix(struct mailbox *mb, uint32_t seq, size_t want, struct mbox_body *body,
			  bool *whole_r, struct store_err *err)
{
	return msg_open(mb, seq, want, body, whole_r, err);
}

void mbox_body_release(struct mbox_body *body, const char *upto)
{
	if (body->map_ == NULL || upto <= (const char *)body->map_)
		return;
	/* A read-only private mapping never written: MADV_DONTNEED drops
	 * the pages, and a later access faults them in from the file. */
	long pg = sysconf(_SC_PAGESIZE);
	size_t n = (size_t)(upto - (const char *)body->map_);
	if (n > body->maplen_)
		n = body->maplen_;
	n -= n % (size_t)(pg > 0 ? pg : 4096);
	if (n > 0)
		(void)madvise(body->map_, n, MADV_DONTNEED);
}

void mbox_msg_close(struct mbox_body *body)
{
	if (body->map_ != NULL)
		munmap(body->map_, body->maplen_);
	if (body->busy_ != NULL)
		*body->busy_ = false;
	memset(body, 0, sizeof(*body));
}
