/*
 * store_int.h - the store's own structures, shared by the files of
 * src/store/ and by nothing else (executors use store.h and mailbox.h).
 * Each file's private functions are in its own header (index.h,
 * sync.h, ...).
 */
#ifndef IMAPD_STORE_STORE_INT_H
#define IMAPD_STORE_STORE_INT_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "store/store.h"
#include "util/imap_types.h"
#include "util/lockfile.h"
#include "util/sbuf.h"

struct mbox_expunged;
struct mbox_flag_change;

/* Files the store keeps next to cur/ new/ tmp/ of every folder. */
#define IDX_SNAPSHOT_FILE "imapd.index"
#define IDX_LOG_FILE      "imapd.index.log"
#define IDX_LOCK_FILE     "imapd.index.lock"
#define KW_FILE           "dovecot-keywords"   /* shared with Dovecot on purpose */
/* Files in the mail root only. */
#define SUBS_FILE         "subscriptions"
#define UIDVALIDITY_FILE  "imapd-uidvalidity"
#define ROOT_LOCK_FILE    "imapd.lock"
#define USES_FILE         "imapd-specialuse"   /* uses given by CREATE (RFC6154 §3) */
#define AUTOCREATED_FILE  "imapd-autocreated"  /* store_autocreate() ran */
/* Prefix of folders being deleted or created ("..x" is no mailbox name). */
#define TRASH_PREFIX      "..imapd-trash-"
#define NEWDIR_PREFIX     "..imapd-new-"

/* A user's mail root (store.h). */
struct store {
	char *root;                  /* the INBOX maildir */
	int rootfd;                  /* root, opened once: paths are resolved beneath it */
	struct mailbox *selected;    /* the session's selected view, or NULL */
	char *spool_dir;             /* store_spool_dir() */
	struct lockfile root_lock;   /* store_root_lock() (root.h) */
	char *use_names[STORE_USE_COUNT]; /* store_set_uses(): "|"-separated, or NULL */
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

/*
 * Open `path`, which lies under st->root, without following anything out
 * of the root (util/beneath.h): a symlink in the maildir that leads to
 * another user's mail is refused (logged), even without Landlock.
 * Returns the descriptor or -1 with errno set.
 */
int store_path_open(const struct store *st, const char *path, int flags, mode_t mode);

/* opendir(3) the same way; NULL with errno set. */
DIR *store_path_opendir(const struct store *st, const char *path);

struct mailbox {
	struct store *store;
	char *name;                  /* canonical IMAP name */
	char *path;                  /* the folder directory */
	bool view;                   /* a client's view; else a short-lived handle */
	bool readonly;               /* EXAMINE */
	bool gone;                   /* deleted or replaced underneath */

	/* index files (store/index.c) */
	struct lockfile lock;        /* idx_lock() */
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
	bool holder_died;            /* the lock's last holder was killed holding it (index.c) */

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

	/* the saved search result (SEARCHRES, RFC5182): UIDs, ascending */
	uint32_t *saved;
	uint32_t nsaved;

	/* mbox_flags_change() queue */
	struct flag_op *ops;
	size_t nops, capops;

	/* reading messages (mbox_msg_open) */
	int msgdir_fd[2];            /* new/ [0] and cur/ [1], when msgdir_open */
	bool msgdir_open[2];
	char *readbuf;               /* reused for small messages */
	size_t readcap;
	bool readbuf_busy;           /* a body holds readbuf */

	/* change notifications (store/watch.c): inotify fd + 1, 0 = none */
	int watch_fd;
	/* what mbox_changes_take() handed out last (store/report.c) */
	struct mbox_expunged *rep_expunged;
	uint32_t rep_expunged_cap;
	struct mbox_flag_change *rep_flags;
	uint32_t rep_flags_cap;
};

#endif
