/*
 * mailbox.h - the selected mailbox: what SELECT, EXAMINE, FETCH, STORE,
 * SEARCH, COPY, EXPUNGE and CLOSE work on (RFC2060 §6.3.1, §6.3.2, §6.4).
 *
 * A struct mailbox is one session's view of a maildir folder: its
 * messages in sequence-number order, numbered 1..mbox_count() as the
 * client knows them.  The view changes only at points where the client
 * may learn of it (RFC2060 §5.2, §7.4.1): mbox_sync() takes in what other
 * sessions and deliveries did, and mbox_changes_take() hands it to the
 * caller as data, which cmd/ reports as EXISTS / RECENT / EXPUNGE /
 * FETCH.  A message expunged by someone else stays in the view, marked
 * expunged (a "ghost"), until an EXPUNGE response may be sent; its cached
 * data (UID, flags, size, date) still answer, its contents may be gone
 * (mbox_msg_open() fails).
 *
 * Everything listed per message here comes from the index (store/index.c)
 * and never reads the message file; only mbox_msg_open() does.
 *
 * Sequence numbers passed in are always 1..mbox_count(); callers get them
 * from mbox_seqs_resolve() or loop over that range.
 */
#ifndef IMAPD_STORE_MAILBOX_H
#define IMAPD_STORE_MAILBOX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/imap_types.h"
#include "store/store.h"
#include "util/arena.h"

struct mailbox;
struct session;

/* ---- opening and closing ------------------------------------------------ */

enum mbox_open_flags {
	MBOX_OPEN_READONLY = 1 << 0,  /* EXAMINE: no flag changes, no \Recent taken */
};

/*
 * Open the mailbox of canonical name `name` (store_name_check) as a
 * client view: bring its index up to date with the folder and, unless
 * read-only, take the \Recent messages for this session (moving new/ to
 * cur/).  Returns false with STORE_ERR_NOTFOUND when it does not exist.
 */
bool mbox_open(struct store *st, const char *name, unsigned flags, struct mailbox **mb_r,
	       struct store_err *err);

/* Close the view (queued flag changes are committed first).  *mb = NULL. */
void mbox_close(struct mailbox **mb);

/* ---- the mailbox ------------------------------------------------------- */

const char *mbox_name(const struct mailbox *mb);
bool mbox_readonly(const struct mailbox *mb);

/* Messages in the client's view (the last EXISTS), ghosts included. */
uint32_t mbox_count(const struct mailbox *mb);

/* Messages of the view that are \Recent for this session. */
uint32_t mbox_recent_count(const struct mailbox *mb);

/* Sequence number of the first message without \Seen, or 0. */
uint32_t mbox_first_unseen(const struct mailbox *mb);

uint32_t mbox_uidvalidity(const struct mailbox *mb);
uint32_t mbox_uidnext(const struct mailbox *mb);

/* ---- per message (seq in 1..mbox_count()) ------------------------------- */

uint32_t mbox_msg_uid(const struct mailbox *mb, uint32_t seq);

/* System flags as enum imap_sysflag bits, IMAP_FLAG_RECENT included. */
unsigned mbox_msg_flags(const struct mailbox *mb, uint32_t seq);

/* Keywords: bit i set means keyword slot i (mbox_keyword_name). */
uint32_t mbox_msg_keywords(const struct mailbox *mb, uint32_t seq);

/* INTERNALDATE; *zone_minutes_r gets the zone to show it in. */
time_t mbox_msg_internaldate(const struct mailbox *mb, uint32_t seq, int *zone_minutes_r);

/* RFC822.SIZE: octets of the CRLF form (see store_crlf_size). */
uint64_t mbox_msg_size(const struct mailbox *mb, uint32_t seq);

/* True for a ghost: expunged elsewhere, EXPUNGE not yet sent. */
bool mbox_msg_expunged(const struct mailbox *mb, uint32_t seq);

/* ---- keywords (flag-keyword, RFC2060 §2.3.2) ------------------------------ */

/* Name of keyword slot i, or NULL when unused. */
const char *mbox_keyword_name(const struct mailbox *mb, unsigned i);

/* Whether a new keyword can still be defined (PERMANENTFLAGS "\*"). */
bool mbox_keywords_can_create(const struct mailbox *mb);

/*
 * The slots of `names` as a bit mask (case-insensitive match).  Names not
 * defined yet are defined when `create` (the keywords file is updated and
 * other sessions get a FLAGS response) or skipped otherwise.  False with
 * STORE_ERR_LIMIT when no slot is left.
 */
bool mbox_keywords_lookup(struct mailbox *mb, const char *const *names, size_t n, bool create,
			  uint32_t *mask_r, struct store_err *err);

/* ---- what the client has seen --------------------------------------------- */

/* Message seq's flags for a FLAGS item that goes to the client: system
 * flags as mbox_msg_flags() returns them, keyword slots in *keywords_r.
 * The client then knows them: a pending report of a change made
 * elsewhere is dropped.  (One call per message: FETCH 1:* (FLAGS) on a
 * large mailbox is mostly this.) */
unsigned mbox_msg_flags_show(struct mailbox *mb, uint32_t seq, uint32_t *keywords_r);

/* ---- sequence sets ------------------------------------------------------- */

struct mbox_range {
	uint32_t lo, hi;  /* sequence numbers, lo <= hi */
};

/* A resolved sequence set: ascending, disjoint ranges of sequence numbers. */
struct mbox_seqs {
	size_t n;
	struct mbox_range *r;
	size_t i_;        /* iteration state: range index */
	uint32_t next_;   /* and next number in it */
};

/*
 * Resolve a sequence-set (or with `uid`, a UID set) against the view.
 * Sequence numbers above mbox_count(), and "*" in an empty mailbox, are a
 * client error (RFC3501 §9 seq-number): false with the BAD text in
 * *bad_r.  UIDs that do not exist are ignored (RFC3501 §6.4.8); "n:*"
 * always includes the last message.  "$" is the saved search result
 * (mbox_saved_set), in either kind of set (RFC5182 §2.1): the messages of
 * it still in the view, possibly none.  Memory comes from `a`.
 */
bool mbox_seqs_resolve(const struct mailbox *mb, struct arena *a, const struct imap_seq_set *set,
		       bool uid, struct mbox_seqs *out, const char **bad_r);

/*
 * Remember the messages seqs[0..n) (ascending sequence numbers) as the
 * view's saved search result, which a sequence set "$" names (RFC5182
 * §2.1); n == 0 empties it.  Kept by UID, so that a message expunged
 * later leaves it by itself; a new view (SELECT, EXAMINE) starts empty.
 * False when out of memory: the result is empty then.
 */
bool mbox_saved_set(struct mailbox *mb, const uint32_t *seqs, size_t n);

/* Next sequence number in ascending order into *seq_r; false at the end. */
bool mbox_seqs_next(struct mbox_seqs *seqs, uint32_t *seq_r);

/* Whether seq is in the set. */
bool mbox_seqs_contains(const struct mbox_seqs *seqs, uint32_t seq);

/* ---- message contents ---------------------------------------------------- */

struct mbox_body {
	const char *data;   /* the file's octets as stored (LF, sometimes CRLF, line ends) */
	size_t len;
	uint64_t crlf_size; /* RFC822.SIZE of it, as mbox_msg_size() */
	void *map_;         /* private: a mapping to unmap, */
	size_t maplen_;
	bool *busy_;        /* or the mailbox's read buffer to give back */
};

/*
 * Map message seq's file read-only.  When the file is gone (expunged by
 * another client, or renamed by one that changed flags: looked up again
 * once), false with STORE_ERR_EXPUNGED: answer NO for that message,
 * never other data.
 */
bool mbox_msg_open(struct mailbox *mb, uint32_t seq, struct mbox_body *body, struct store_err *err);
void mbox_msg_close(struct mbox_body *body);

/* Let go of the memory holding body octets [0, upto - data): they are
 * read from the file again if touched later.  A large message streamed
 * to a slow client so costs the process a few pages, not its size. */
void mbox_body_release(struct mbox_body *body, const char *upto);

/* ---- changes ------------------------------------------------------------------ */

/*
 * Change message seq's flags in the view (op as STORE: replace, add,
 * remove; sysflags without \Recent, keywords a slot mask) and queue the
 * change; mbox_flags_commit() writes queued changes to the maildir (file
 * renames) and index.  The implicit \Seen of FETCH BODY[] is
 * mbox_flags_change(mb, seq, IMAP_STORE_ADD, IMAP_FLAG_SEEN, 0) then a
 * commit once the FETCH is done.  Returns false (nothing queued) for a
 * read-only view or a ghost.
 */
bool mbox_flags_change(struct mailbox *mb, uint32_t seq, enum imap_store_op op, unsigned sysflags,
		       uint32_t keywords);

/* Write the queued changes; false when some could not be (the message
 * was expunged meanwhile: STORE_ERR_EXPUNGED; or an I/O error).  The view
 * then holds the flags as they are on disk. */
bool mbox_flags_commit(struct mailbox *mb, struct store_err *err);

/* EXPUNGE: remove every message with \Deleted from the folder; with
 * `only` (UID EXPUNGE, RFC4315 §2.1), just those of them in that set.
 * The view keeps them as ghosts until mbox_changes_take() hands them
 * out (or CLOSE drops them silently with mbox_close). */
bool mbox_expunge(struct mailbox *mb, const struct mbox_seqs *only, struct store_err *err);

/* COPY: copy the messages of `seqs` to mailbox `dest` (canonical name)
 * with their flags, keywords and internal dates, \Recent in the copy;
 * all or nothing.  Missing dest: STORE_ERR_TRYCREATE; a source message
 * whose file is gone: STORE_ERR_EXPUNGED and nothing copied. */
struct mbox_copy_result {
	uint32_t uidvalidity;  /* of the target mailbox */
	uint32_t first_uid;    /* the copies have first_uid .. first_uid+count-1, */
	uint32_t count;        /* in the order of the source sequence set */
};
bool mbox_copy(struct mailbox *mb, struct mbox_seqs *seqs, const char *dest,
	       struct mbox_copy_result *res_r, struct store_err *err);

/*
 * MOVE (RFC6851 §3.3): move the messages of `seqs` to mailbox `dest`
 * (canonical name; the selected mailbox itself is allowed) with their
 * flags, keywords and internal dates, \Recent in the target.  Each
 * message is moved or left as it was, never lost or left in both, also
 * across a crash (store/move.c says how); a failure leaves them all where
 * they were.  Messages another session expunged are skipped.  The moved
 * ones become expunged in the view (reported by mbox_changes_take).
 * Missing dest: STORE_ERR_TRYCREATE; a read-only view: STORE_ERR_READONLY.
 */
struct mbox_move_result {
	uint32_t uidvalidity;  /* of the target mailbox */
	uint32_t first_uid;    /* the moved messages have first_uid .. first_uid+count-1 */
	uint32_t count;        /* there, in the order of */
	uint32_t *src_uids;    /* their UIDs in the source (ascending; in the arena) */
};
bool mbox_move(struct mailbox *mb, const struct mbox_seqs *seqs, const char *dest,
	       struct arena *a, struct mbox_move_result *res_r, struct store_err *err);

/* ---- synchronisation ------------------------------------------------------------ */

/* Take in changes made by other sessions and deliveries (new messages,
 * flags, expunges, keyword names); they wait in the view until
 * mbox_changes_take() hands them out.  Returns false when the mailbox was
 * deleted or replaced underneath (the session must end: BYE). */
bool mbox_sync(struct mailbox *mb);

/*
 * A descriptor that becomes readable when the mailbox may have changed
 * on disk (a delivery, another session's flag change or expunge): wait
 * on it, then mbox_watch_drain() and mbox_sync().  Created on first use,
 * closed with the mailbox; -1 when inotify cannot be used.
 */
int mbox_watch_fd(struct mailbox *mb);

/* Consume the pending notifications; true if there were any. */
bool mbox_watch_drain(struct mailbox *mb);

/* Stop watching (mbox_close() does it). */
void mbox_watch_close(struct mailbox *mb);

/* A message expunged since the client was last told. */
struct mbox_expunged {
	uint32_t seq;  /* its number once those before it in the list are gone */
	uint32_t uid;
};

/* A message whose flags another session changed. */
struct mbox_flag_change {
	uint32_t seq;  /* numbered after this report's expunges */
	uint32_t uid;
};

/*
 * What changed in the view since the client was last told, as data: the
 * caller (cmd/) turns it into untagged responses, in this order (RFC2060
 * §7.4.1 renumbers after each EXPUNGE): the expunges, the flag names,
 * the new message count, the changed flags.
 */
struct mbox_changes {
	bool gone;                /* deleted or replaced underneath: end the session (BYE) */
	uint32_t nexpunged;
	const struct mbox_expunged *expunged;  /* "* seq EXPUNGE", in this order */
	bool flag_names;          /* a keyword was defined: FLAGS and PERMANENTFLAGS */
	bool new_messages;        /* "* n EXISTS" and "* n RECENT" */
	uint32_t exists;          /* messages in the view after this report */
	uint32_t recent;          /* of them \Recent for this session */
	uint32_t nflags;
	const struct mbox_flag_change *flags;  /* "* seq FETCH (FLAGS ...)" */
};

/*
 * Synchronise the view (mbox_sync) and take what the client must now be
 * told into *ch_r; the view then counts it as told (its arrays stay valid
 * until the next call or mbox_close).  Expunges are taken only with
 * `expunge_ok`: while a command that names messages by sequence number
 * runs, the expunged messages stay in the view as ghosts (RFC3501 §7.4.1).
 * Returns false when out of memory (the view is unchanged: try later).
 */
bool mbox_changes_take(struct mailbox *mb, bool expunge_ok, struct mbox_changes *ch_r);

#endif
