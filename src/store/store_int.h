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
#include "util/arena.h"
#include "util/imap_types.h"
#include "util/lockfile.h"
#include "util/sbuf.h"

struct mbox_expunged;
struct mbox_flag_change;
struct mbox_cache;
struct idx_file_record;
struct idx_file_expunged;

/* Files the store keeps next to cur/ new/ tmp/ of every folder. */
#define IDX_SNAPSHOT_FILE "imapd.index"
#define IDX_LOG_FILE      "imapd.index.log"
#define IDX_LOCK_FILE     "imapd.index.lock"
#define CACHE_FILE        "imapd.cache"
#define KW_FILE           "dovecot-keywords"   /* shared with Dovecot on purpose */
/* Files in the mail root only. */
#define SUBS_FILE         "subscriptions"
#define UIDVALIDITY_FILE  "imapd-uidvalidity"
#define ROOT_LOCK_FILE    "imapd.lock"
#define USES_FILE         "imapd-specialuse"   /* uses given by CREATE (RFC6154 §3) */
#define AUTOCREATED_FILE  "imapd-autocreated"  /* store_autocreate() ran */
#define QUOTA_FILE        "imapd-quota"        /* usage for QUOTA (quota.h) */
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
	bool flags_nosync;           /* store_set_flag_sync(st, false) */
};

/* msg.state bits: the first four are shared (stored in the index), the
 * others belong to one process. */
enum msg_state {
	MSG_IN_NEW     = 1 << 0,  /* the file is in new/ (else cur/) */
	MSG_UNCLAIMED  = 1 << 1,  /* no read-write session took its \Recent yet */
	MSG_NO_SIZE    = 1 << 2,  /* RFC822.SIZE not worked out yet (lazily, on demand) */
	MSG_NO_DATE    = 1 << 3,  /* INTERNALDATE not worked out yet */
	MSG_SHARED     = MSG_IN_NEW | MSG_UNCLAIMED | MSG_NO_SIZE | MSG_NO_DATE,
	MSG_RECENT     = 1 << 4,  /* \Recent in this session (idx_at: from the ranges) */
	MSG_GHOST      = 1 << 5,  /* expunged; still in the client's view */
	MSG_CHANGED    = 1 << 6,  /* flags changed elsewhere: FETCH pending */
};

/* Marks a tzoff as "show the internal date in local time". */
#define MSG_TZ_LOCAL INT16_MIN

/* One message as the index knows it.  The name points into the mapped
 * snapshot or the view's name arena; it lives as long as the view's
 * table (idx_table.h). */
struct mbox_msg {
	uint32_t uid;
	uint32_t upper;   /* maildir info letters A-Z (D F R S T: system flags) */
	uint32_t lower;   /* a-z: keyword slots */
	uint16_t state;   /* enum msg_state */
	int16_t tzoff;    /* zone of the internal date, minutes east, or MSG_TZ_LOCAL */
	int64_t date;     /* INTERNALDATE, seconds since the epoch */
	uint64_t size;    /* RFC822.SIZE (CRLF form) */
	uint64_t modseq;  /* RFC7162 mod-sequence of its last change */
	uint32_t cache_off;  /* its imapd.cache record / 8, as the snapshot knew it */
	uint32_t told_upper, told_lower;  /* with MSG_CHANGED: the flags the client knows */
	const char *name; /* file name in new/ or cur/ */
};

/* A directory's mtime as last synchronised. */
struct idx_stamp {
	int64_t sec;
	int32_t nsec;
	uint32_t trusted;  /* 1: no change can hide behind this mtime */
};

/* A range of UIDs. */
struct uid_range {
	uint32_t lo, hi;
};

/* An expunge this process learned of since its snapshot. */
struct idx_expunge_note {
	uint32_t uid;
	uint64_t modseq;
};

/*
 * The messages of a folder as one process sees them (idx_table.c): a
 * snapshot file mapped read-only and shared through the page cache (the
 * base), plus what changed since, privately: copies of changed base
 * records (overrides), the messages added after the snapshot (the
 * tail), and the base records taken out of the view.  A view with no
 * changes costs no memory per message, and opening one costs no work
 * per message.
 */
struct idx_table {
	/* the base */
	void *map;                   /* the mapped snapshot, or NULL */
	size_t maplen;
	const struct idx_file_record *base;
	uint32_t nbase;
	const char *names;           /* the name area, its last octet a NUL */
	uint64_t names_size;
	const struct idx_file_expunged *hist;  /* the expunge history */
	uint32_t nhist;
	uint64_t hist_floor;
	uint32_t base_gen;           /* the log generation that continues it */
	uint64_t base_cache_id, base_cache_end;
	uint32_t base_unseen, base_unclaimed;  /* the header's counts */
	uint32_t body_crc;           /* of the file after the header */
	bool verified;               /* idx_snapshot_verify() passed */
	const uint32_t *unseen_list; /* indexes of the base records without \Seen */
	uint32_t first_unclaimed;    /* base records before it are all claimed (in the base) */
	/* base indexes out of the view (expunged and reported), ascending */
	uint32_t *hidden;
	uint32_t nhidden, caphidden;
	/* overrides: ov[k] replaces base record ovb[k]; ovhash maps a base
	 * index to k + 1 (open addressing) */
	struct mbox_msg *ov;
	uint32_t *ovb;
	uint32_t nov, capov;
	uint32_t *ovhash;
	uint32_t ovmask;
	/* messages after the base, ascending UIDs above the base's last */
	struct mbox_msg *tail;
	uint32_t ntail, captail;
	uint32_t claim_tail;         /* no unclaimed tail message before this */
	/* names of overrides and tail messages */
	struct arena names_arena;
	/* \Recent in this session: ascending, disjoint UID ranges */
	struct uid_range *recent;
	uint32_t nrecent, caprecent;
	/* expunges since the base (for "expunged since modseq N") */
	struct idx_expunge_note *exp;
	uint32_t nexp, capexp;
};

/* A queued flag change (mbox_flags_change). */
struct flag_op {
	uint32_t uid;
	enum imap_store_op op;
	uint32_t upper;   /* system flag letters */
	uint32_t lower;   /* keywords */
	uint64_t unchangedsince;  /* RFC7162 §3.1.3; 0: unconditional */
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
	uint32_t log_version;        /* of the open log (1: being converted) */
	uint32_t log_rotate_next;    /* the last record read: "generation n continues" */
	uint64_t snapshot_size;
	struct sbuf log_out;         /* records to append at the next commit */
	int64_t quota_octets, quota_messages;  /* usage change noted for that commit (quota.h) */
	bool quota_unknown;           /* a size not worked out was added or expunged */
	int8_t quota_file;            /* quota_tracked(): 0 not looked, 1 kept, 2 none */
	bool bulk;                   /* too much for the log: write a snapshot instead */
	bool commit_nosync;          /* this commit is flag changes under mail_fsync: optimized */
	bool dirty_new, dirty_cur;   /* we changed new/ or cur/: fsync it, new stamp */
	bool stamps_changed;         /* a scan set new stamps: log them */
	bool rebase_wanted;          /* a newer snapshot exists: map it when no ghosts */
	bool ephemeral;              /* no index could be written (disk full): memory only */
	uint64_t batch_modseq;       /* MODSEQ of the records being queued, 0 = none yet */
	uint32_t batch_tail0;        /* tail length and UIDNEXT when this batch began, */
	uint32_t batch_uidnext0;     /* to take back additions a failed commit lost */
	bool batch_adds;
	uint64_t compact_failed_at;  /* log size when compaction last failed */
	bool holder_died;            /* the lock's last holder was killed holding it (index.c) */
	bool unlogged;               /* a commit of this view failed: never clear the mark */

	/* shared state */
	uint32_t uidvalidity, uidnext;
	uint64_t highestmodseq;
	struct idx_stamp stamp[2];   /* [0] new/, [1] cur/ */

	/* messages, ascending UIDs (idx_table.h); positions [0, announced)
	 * are what the client sees */
	struct idx_table t;
	uint32_t announced;
	uint32_t ghosts;             /* MSG_GHOST entries */
	bool any_changed;            /* some MSG_CHANGED may be set */
	uint64_t told_modseq;        /* every change up to this was handed out */

	/* UIDs whose size or date was worked out lazily, to be logged at
	 * the next sync */
	uint32_t *info;
	uint32_t ninfo, capinfo;

	/* the message cache (store/cache.c), opened on first use */
	struct mbox_cache *cache;
	uint32_t sync_count;         /* mbox_sync() calls: the cache looks for growth once each */
	bool synced_now;             /* opened in this command: its report needs no sync */
	bool just_loaded;            /* the log was read to its end a moment ago */
	uint64_t log_end_seen;       /* the log's size when idx_log_open() looked */

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
	uint32_t *modified;          /* UIDs a conditional change left alone */
	uint32_t nmodified, capmodified;
	bool modified_stale;         /* the list is the last commit's */

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
