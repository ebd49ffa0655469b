/*
 * store_int.h - the store's own structures, shared by the files of
 * src/store/ and by nothing else (executors use store.h and mailbox.h).
 */
#ifndef IMAPD_STORE_STORE_INT_H
#define IMAPD_STORE_STORE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "util/imap_types.h"
#include "store/mailbox.h"
#include "store/store.h"
#include "util/sbuf.h"

/* Files the store keeps next to cur/ new/ tmp/ of every folder. */
#define IDX_SNAPSHOT_FILE "imapd.index"
#define IDX_LOG_FILE      "imapd.index.log"
#define IDX_LOCK_FILE     "imapd.index.lock"
#define KW_FILE           "dovecot-keywords"   /* shared with Dovecot on purpose */
/* Files in the mail root only. */
#define SUBS_FILE         "subscriptions"
#define UIDVALIDITY_FILE  "imapd-uidvalidity"
#define ROOT_LOCK_FILE    "imapd.lock"
/* Prefix of folders being deleted or created ("..x" is no mailbox name). */
#define TRASH_PREFIX      "..imapd-trash-"
#define NEWDIR_PREFIX     "..imapd-new-"

/* A user's mail root (store.h). */
struct store {
	char *root;                  /* the INBOX maildir */
	struct mailbox *selected;    /* the session's selected view, or NULL */
	char *spool_dir;             /* store_spool_dir() */
	int root_lock_fd;            /* store_root_lock(), -1 when not held */
	unsigned root_lock_depth;
};

/* msg.state bits: the first two are shared (stored in the index), the
 * others belong to one process. */
enum msg_state {
	MSG_IN_NEW     = 1 << 0,  /* the file is in new/ (else cur/) */
	MSG_UNCLAIMED  = 1 << 1,  /* no read-write session took its \Recent yet */
	MSG_SHARED     = MSG_IN_NEW | MSG_UNCLAIMED,
	MSG_RECENT     = 1 << 4,  /* \Recent in this session */
	MSG_GHOST      = 1 << 5,  /* expunged; still in the client's view */
	MSG_CHANGED    = 1 << 6,  /* flags changed elsewhere: FETCH pending */
	MSG_NAME_OWNED = 1 << 7,  /* name is malloc'd (else in a snapshot map) */
	MSG_FOUND      = 1 << 8,  /* scratch: seen by the directory scan */
};

/* Marks a tzoff as "show the internal date in local time". */
#define MSG_TZ_LOCAL INT16_MIN

/* One message as the index knows it (40 octets). */
struct mbox_msg {
	uint32_t uid;
	uint32_t upper;   /* maildir info letters A-Z (D F R S T: system flags) */
	uint32_t lower;   /* a-z: keyword slots */
	uint16_t state;   /* enum msg_state */
	int16_t tzoff;    /* zone of the internal date, minutes east, or MSG_TZ_LOCAL */
	int64_t date;     /* INTERNALDATE, seconds since the epoch */
	uint64_t size;    /* RFC822.SIZE (CRLF form) */
	char *name;       /* file name in new/ or cur/ */
};

/* A directory's mtime as last synchronised. */
struct idx_stamp {
	int64_t sec;
	int32_t nsec;
	uint32_t trusted;  /* 1: no change can hide behind this mtime */
};

/* A mapped snapshot that msg names point into. */
struct idx_map {
	struct idx_map *next;
	void *base;
	size_t len;
};

/* A queued flag change (mbox_flags_change). */
struct flag_op {
	uint32_t uid;
	enum imap_store_op op;
	uint32_t upper;   /* system flag letters */
	uint32_t lower;   /* keywords */
};

struct mailbox {
	struct store *store;
	char *name;                  /* canonical IMAP name */
	char *path;                  /* the folder directory */
	bool view;                   /* a client's view; else a short-lived handle */
	bool readonly;               /* EXAMINE */
	bool gone;                   /* deleted or replaced underneath */

	/* index files (store/index.c) */
	int lock_fd;
	unsigned lock_depth;
	int log_fd;
	dev_t log_dev;
	ino_t log_ino;
	uint64_t log_off;            /* replayed up to here */
	uint32_t log_gen;
	uint64_t snapshot_size;
	struct idx_map *maps;
	struct sbuf log_out;         /* records to append at the next commit */
	bool dirty_new, dirty_cur;   /* we changed new/ or cur/: fsync it, new stamp */
	bool stamps_changed;         /* a scan set new stamps: log them */

	/* shared state */
	uint32_t uidvalidity, uidnext;
	struct idx_stamp stamp[2];   /* [0] new/, [1] cur/ */

	/* messages, ascending UIDs; [0, announced) is what the client sees */
	struct mbox_msg *msgs;
	uint32_t count, cap;
	uint32_t announced;
	uint32_t ghosts;             /* MSG_GHOST entries */
	bool any_changed;            /* some MSG_CHANGED may be set */
	uint32_t claim_from;         /* no unclaimed message before this index */

	/* keywords (store/keywords.c) */
	char *kw[MBOX_KEYWORD_SLOTS];
	bool kw_changed;             /* a FLAGS response is due */
	struct timespec kw_mtime;
	ino_t kw_ino;

	/* mbox_flags_change() queue */
	struct flag_op *ops;
	size_t nops, capops;

	/* reading messages (mbox_msg_open) */
	int msgdir_fd[2];            /* new/ [0] and cur/ [1], when msgdir_open */
	bool msgdir_open[2];
	char *readbuf;               /* reused for small messages */
	size_t readcap;
	bool readbuf_busy;           /* a body holds readbuf */

	/* what mbox_changes_take() handed out last (store/report.c) */
	struct mbox_expunged *rep_expunged;
	uint32_t rep_expunged_cap;
	struct mbox_flag_change *rep_flags;
	uint32_t rep_flags_cap;
};

/* ---- store/index.c ------------------------------------------------------ */

/* Wait for an exclusive fcntl lock on fd (open file description locks
 * where the kernel has them); release it. */
bool idx_fd_lock(int fd);
void idx_fd_unlock(int fd);

/* The folder's lock (fcntl, shared by every imapd): nests. */
bool idx_lock(struct mailbox *mb, struct store_err *err);
void idx_unlock(struct mailbox *mb);

/* Load the snapshot and the log, or create an index (new UIDVALIDITY);
 * lock held. */
bool idx_load(struct mailbox *mb, struct store_err *err);

/* Apply what other processes appended to the log since we last looked;
 * reloads after a log rotation.  Lock held. */
bool idx_replay(struct mailbox *mb, struct store_err *err);

/* Queue log records; they are written by idx_commit(). */
void idx_log_add(struct mailbox *mb, const struct mbox_msg *m);
void idx_log_update(struct mailbox *mb, const struct mbox_msg *m);
void idx_log_expunge(struct mailbox *mb, uint32_t uid);
void idx_log_keywords(struct mailbox *mb);

/* fsync changed directories, append the queued records with new
 * directory stamps, fdatasync; compacts the log when it has grown.
 * Lock held. */
bool idx_commit(struct mailbox *mb, struct store_err *err);

/* Index of uid in msgs, or -1. */
long idx_find(const struct mailbox *mb, uint32_t uid);

/* Append a message (uid already set) to msgs; NULL when out of memory. */
struct mbox_msg *idx_append(struct mailbox *mb, const struct mbox_msg *m);

/* Give m a copy of name[0..len) as its file name. */
bool idx_set_name(struct mbox_msg *m, const char *name, size_t len);

/* Mark msgs[i] expunged: a ghost in the client's view, else removed at
 * the next idx_drop_ghosts(). */
void idx_expunged(struct mailbox *mb, uint32_t i);

/* Remove ghosts at index >= from from the array. */
void idx_drop_ghosts(struct mailbox *mb, uint32_t from);

/* Free everything the index part of mb holds. */
void idx_free(struct mailbox *mb);

/* A new UIDVALIDITY for the user: greater than any given before. */
uint32_t store_new_uidvalidity(struct store *st);

/* The CRC-32 (IEEE) of data, continuing from crc (0 to start). */
uint32_t idx_crc32(uint32_t crc, const void *data, size_t len);

/* ---- store/sync.c ------------------------------------------------------- */

/* Bring mb up to date (lock held): replay the log, rescan new/ and cur/
 * when their mtimes say so (or `force`), take \Recent if a read-write
 * view.  Queues log records; the caller commits. */
bool sync_locked(struct mailbox *mb, bool force, struct store_err *err);

/* lock + sync_locked + commit + unlock */
bool sync_full(struct mailbox *mb, bool force, struct store_err *err);

/* Path of msgs[i]'s file into buf; false if it does not fit. */
bool sync_msg_path(const struct mailbox *mb, const struct mbox_msg *m, char *buf, size_t size);

/* ---- store/keywords.c ---------------------------------------------------- */

/* (Re)read the folder's keywords file into mb->kw when it changed;
 * true when the names changed. */
bool kw_load(struct mailbox *mb);

/* Write mb->kw to the keywords file (lock held). */
bool kw_save(struct mailbox *mb);

/* ---- store/mailbox.c ------------------------------------------------------ */

/* The local zone's offset at time t, minutes east of UTC. */
int store_local_zone(time_t t);

/* Open a folder (a view or a handle); the lock is not held on return. */
bool mbox_open_internal(struct store *st, const char *name, bool view, bool readonly,
			struct mailbox **mb_r, struct store_err *err);

/* ---- store/ops.c ------------------------------------------------------------ */

/* Take (and later release) the root lock that orders CREATE, DELETE,
 * RENAME and subscriptions across processes; nests.  Lock order: root,
 * then a folder's index lock, then the UIDVALIDITY counter's lock. */
bool store_root_lock(struct store *st, struct store_err *err);
void store_root_unlock(struct store *st);

/* Add a message file already in tmp/ of mb's folder (tmp_path) under
 * the given flags; lock held by the caller.  Renames it into new/ or
 * cur/ and queues its index record; *uid_r its UID. */
bool store_deliver_locked(struct mailbox *mb, const char *tmp_path, uint32_t upper, uint32_t lower,
			  int64_t date, int16_t tzoff, uint64_t size, uint64_t vsize,
			  uint32_t *uid_r, struct store_err *err);

/* ---- store/subs.c --------------------------------------------------------------- */

/* The subscribed names (malloc'd array of malloc'd strings). */
bool subs_read(struct store *st, char ***names_r, size_t *n_r);
void subs_free(char **names, size_t n);

#endif
