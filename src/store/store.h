/*
 * store.h - the maildir store: a user's mail root and its mailboxes
 * (RFC2060 §6.3).  The selected mailbox has its own interface in
 * store/mailbox.h.
 *
 * Layout (Maildir++, as Courier, Dovecot, maildrop and mutt use it): the
 * mail root is the INBOX maildir (cur/ new/ tmp/); every other mailbox is
 * a maildir named "." + its name, so "Sent" is .Sent/ and "a.b" is .a.b/,
 * with "." as the hierarchy delimiter.  Names are kept on disk as the
 * client sends them, in modified UTF-7 (RFC3501 §5.1.3).
 *
 * Every function that can fail fills a struct store_err: a code the
 * executor turns into a response code, and a sentence for the client.
 */
#ifndef IMAPD_STORE_STORE_H
#define IMAPD_STORE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/imap_types.h"

struct store;

/* The hierarchy delimiter (RFC2060 §6.3.8). */
#define STORE_DELIM '.'

/* Number of keyword slots of a mailbox (26: maildir letters a-z). */
#define MBOX_KEYWORD_SLOTS 26

enum store_errcode {
	STORE_OK = 0,
	STORE_ERR_NOTFOUND,   /* no mailbox by that name */
	STORE_ERR_EXISTS,     /* the name is taken */
	STORE_ERR_BADNAME,    /* not a name we accept (syntax, mUTF-7, escapes the root) */
	STORE_ERR_TRYCREATE,  /* APPEND/COPY target missing: NO [TRYCREATE] */
	STORE_ERR_NOTALLOWED, /* a rule of RFC2060 §6.3 (DELETE INBOX, ...) */
	STORE_ERR_READONLY,   /* the mailbox was opened with EXAMINE */
	STORE_ERR_EXPUNGED,   /* a message is gone (another session expunged it) */
	STORE_ERR_LIMIT,      /* too many keywords, name too long, ... */
	STORE_ERR_NOSPACE,    /* the disk or the user's quota is full: NO [OVERQUOTA] */
	STORE_ERR_USEATTR,    /* a special use the store cannot give (RFC6154 §3) */
	STORE_ERR_IO,         /* a server-side failure (logged) */
};

struct store_err {
	enum store_errcode code;
	char text[256];       /* for the client: a sentence without a trailing period */
};

/* Set *err to code and a printf-formatted text; returns false so that
 * callers can write `return store_fail(err, ...)`. */
bool store_fail(struct store_err *err, enum store_errcode code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* store_fail() for a failed system call: a full disk (ENOSPC) or quota
 * (EDQUOT) is STORE_ERR_NOSPACE with its own text, anything else
 * STORE_ERR_IO with `text`.  Returns false. */
bool store_fail_errno(struct store_err *err, int errnum, const char *text);

/* ---- the mail root ------------------------------------------------------ */

/* Open the store rooted at `root` (the INBOX maildir), creating the root
 * maildir if it does not exist.  NULL with a reason in *why_r. */
struct store *store_open(const char *root, const char **why_r);

/* Close the store, after its selected mailbox (mbox_close); *st = NULL. */
void store_close(struct store **st);

/* The directory where files to be added to a mailbox may be prepared
 * (large APPEND literals, util/spool.h): on the file system of every
 * mailbox, so that they can be renamed into place. */
const char *store_spool_dir(const struct store *st);

/* Whether a flag change waits for the disk (the default) or only for the
 * page cache (mail_fsync: optimized, as Dovecot's default): a killed
 * process loses nothing either way; a power loss may undo the last flag
 * changes.  New mail, expunges, copies and folder changes always sync. */
void store_set_flag_sync(struct store *st, bool sync);

/* ---- mailbox names ----------------------------------------------------- */

/*
 * Check a client's mailbox name (astring) and return it in canonical
 * form in *name_r (malloc'd): "INBOX" in any case, also as the first
 * level of "INBOX.x", becomes "INBOX".  Refuses (STORE_ERR_BADNAME) empty
 * levels ("a..b", ".a", "a."), "/", control characters, 8-bit octets,
 * invalid or non-canonical modified UTF-7, and names too long for a
 * directory entry.  With `for_create`, also "%" and "*" (list wildcards)
 * and a single trailing delimiter is dropped (RFC2060 §6.3.3).
 */
bool store_name_check(const char *name, size_t len, bool for_create, char **name_r,
		      struct store_err *err);

/* ---- RFC 9051 §5.1: IMAP4rev2 sends and takes mailbox names in UTF-8;
 * the store keeps modified UTF-7 (RFC3501 §5.1.3), as other maildir
 * tools do ---- */

/* Whether s[0..len) is valid UTF-8 (RFC3629: shortest forms, no
 * surrogates, nothing past U+10FFFF). */
bool store_utf8_valid(const char *s, size_t len);

/* name[0..len) in UTF-8 as modified UTF-7, malloc'd into *out_r ("&" is
 * "&-").  False when it is not valid UTF-8 (or out of memory).  Controls
 * are passed through for store_name_check to refuse. */
bool store_name_from_utf8(const char *name, size_t len, char **out_r);

/* A canonical modified UTF-7 name as UTF-8, malloc'd into *out_r; false
 * when name is not canonical modified UTF-7 (such a name is never sent
 * to a UTF-8 client raw). */
bool store_name_to_utf8(const char *name, size_t len, char **out_r);

/* The folder directory of a canonical name, malloc'd: the root for INBOX,
 * root "/." name otherwise. */
char *store_name_path(const struct store *st, const char *name);

/* ---- mailbox operations (RFC2060 §6.3) ------------------------------- */

/* CREATE (§6.3.3): the mailbox; its missing superiors exist through it as
 * \Noselect levels, and a later CREATE of one makes it a mailbox (OK). */
bool store_create(struct store *st, const char *name, struct store_err *err);

/* DELETE (§6.3.4): removes the mailbox and its messages; a name that
 * still has inferiors stays as a \Noselect parent (in Maildir++ that
 * needs no directory). */
bool store_delete(struct store *st, const char *name, struct store_err *err);

/* RENAME (§6.3.5): inferiors follow; renaming INBOX moves its messages
 * into the new mailbox and leaves INBOX empty. */
bool store_rename(struct store *st, const char *from, const char *to, struct store_err *err);

/* Whether a mailbox of that canonical name exists (a maildir). */
bool store_exists(struct store *st, const char *name);

/* SUBSCRIBE / UNSUBSCRIBE (§6.3.6, §6.3.7): the subscriptions file. */
bool store_subscribe(struct store *st, const char *name, bool subscribe, struct store_err *err);

/* LIST / LSUB (§6.3.8, §6.3.9).  `fn` is called once per name, INBOX
 * first and then in byte order, with what is known about it. */
enum store_list_attr {
	STORE_LIST_NOSELECT    = 1 << 0,
	STORE_LIST_NOINFERIORS = 1 << 1,
	STORE_LIST_MARKED      = 1 << 2,
	STORE_LIST_UNMARKED    = 1 << 3,
	/* RFC5258 §3: no mailbox and no directory: a level that exists only
	 * through its inferiors, or a subscribed name.  Always with
	 * STORE_LIST_NOSELECT, which is what RFC2060 LIST shows for it. */
	STORE_LIST_NONEXISTENT = 1 << 4,
	STORE_LIST_SUBSCRIBED  = 1 << 5,   /* RFC5258 \Subscribed */
	STORE_LIST_HASCHILDREN = 1 << 6,   /* RFC3348 */
	STORE_LIST_HASNOCHILDREN = 1 << 7,
};

/* Special uses (RFC6154 §2), in the order of the RFC's list. */
enum store_use {
	STORE_USE_ALL     = 1 << 0,
	STORE_USE_ARCHIVE = 1 << 1,
	STORE_USE_DRAFTS  = 1 << 2,
	STORE_USE_FLAGGED = 1 << 3,
	STORE_USE_JUNK    = 1 << 4,
	STORE_USE_SENT    = 1 << 5,
	STORE_USE_TRASH   = 1 << 6,
};
#define STORE_USE_COUNT 7

/* The attribute of use bit i ("\Sent"), and the bit of an attribute
 * (any case; 0 for one RFC6154 does not define). */
const char *store_use_name(unsigned i);
unsigned store_use_bit(const char *attr);

struct store_list_item {
	const char *name;
	unsigned attrs;      /* enum store_list_attr */
	unsigned uses;       /* enum store_use */
	/* RFC5258: the name meets the selection criteria; false for a
	 * parent listed only for its CHILDINFO (RECURSIVEMATCH). */
	bool matched;
	bool childinfo;      /* RFC5258 §3.5: CHILDINFO ("SUBSCRIBED") */
};
typedef void store_list_fn(void *ctx, const struct store_list_item *item);

/* RFC2060 LIST and LSUB: attributes \Noselect \Marked \Unmarked, and
 * for LIST the children (RFC3348) and special uses (RFC6154 §2). */
bool store_list(struct store *st, const char *reference, const char *pattern, bool lsub,
		store_list_fn *fn, void *ctx, struct store_err *err);

/* The extended LIST (RFC5258 §3): selection options, several patterns. */
enum store_list_select {
	STORE_SELECT_SUBSCRIBED = 1 << 0,   /* RFC5258 §3.1 */
	STORE_SELECT_RECURSIVE  = 1 << 1,   /* RECURSIVEMATCH (with SUBSCRIBED) */
	STORE_SELECT_SPECIALUSE = 1 << 2,   /* RFC6154 §2 */
};
struct store_list_query {
	const char *reference;
	const char *const *patterns;  /* empty ones are ignored */
	size_t npatterns;
	unsigned select;              /* enum store_list_select */
};
/* Every name that matches a pattern and the selection; each name once,
 * with \NonExistent, \Subscribed, children and special uses computed. */
bool store_list_ext(struct store *st, const struct store_list_query *q, store_list_fn *fn,
		    void *ctx, struct store_err *err);

/* Whether a LIST pattern ("*" anything, "%" anything but the delimiter)
 * matches a canonical name; INBOX's first level in any case.  Linear in
 * the name for any pattern (util/wildmat.h); false when out of memory. */
bool store_list_match(const char *pattern, const char *name);

/* ---- special uses (RFC6154) ------------------------------------------ */

/*
 * The administrator's names of the special-use folders: names[i] is for
 * use bit i, a "|"-separated list of canonical names ("Sent|Sent
 * Messages"; the first is the one made by store_autocreate), or NULL or
 * "" for none.  A mailbox of such a name has that use, as with Dovecot's
 * per-name special_use settings, so any maildir tool sees the same
 * folders.  Copied; false when out of memory.
 */
bool store_set_uses(struct store *st, const char *const names[STORE_USE_COUNT]);

/* The name store_set_uses gave first for use bit i, or NULL. */
const char *store_use_folder(const struct store *st, unsigned i);

/*
 * CREATE with the USE parameter (RFC6154 §3): the mailbox with its uses,
 * both or neither.  Uses beyond the administrator's names are kept in the
 * root's imapd-specialuse file.  \All and \Flagged name virtual mailboxes
 * this store does not make: STORE_ERR_USEATTR, and nothing is created.
 */
bool store_create_use(struct store *st, const char *name, unsigned uses, struct store_err *err);

/* The special uses of a mailbox name (0 when it has none). */
unsigned store_uses(struct store *st, const char *name);

/*
 * Folders a new account starts with, made once: when the root holds no
 * "imapd-autocreated" mark, every name that does not exist is created
 * (and subscribed when subscribe[i]), then the mark is written, so a
 * folder the user deletes later stays deleted.  Cyrus's
 * autocreate_inbox_folders at first login; Dovecot's auto = create /
 * subscribe is the model.
 */
bool store_autocreate(struct store *st, const char *const *names, const bool *subscribe,
		      size_t n, struct store_err *err);

/* STATUS (§6.3.10) of a mailbox that need not be selected.  The counts
 * come from the index without a pass over the messages; `size`, `deleted`
 * and `deleted_size` only when with_pass (else 0): they take one pass,
 * and sizes not yet worked out (index format 2 keeps them lazily) are
 * worked out then. */
struct store_status {
	uint32_t messages, recent, uidnext, uidvalidity, unseen;
	uint64_t highestmodseq;  /* RFC7162 §3.1.2.1 */
	uint64_t size;           /* sum of RFC822.SIZE (RFC8438), if with_pass */
	uint32_t deleted;        /* messages with \Deleted (RFC9208 §4.1.4 DELETED), if with_pass */
	uint64_t deleted_size;   /* their RFC822.SIZE (DELETED-STORAGE), if with_pass */
};
bool store_status(struct store *st, const char *name, bool with_pass,
		  struct store_status *st_r, struct store_err *err);

/* A message to add (APPEND §6.3.11, and the COPY target side). */
struct store_new_msg {
	const char *data;          /* the message as the client sent it (CRLF) */
	size_t len;
	int spool_fd;              /* or a spooled literal (data NULL), else -1, */
	const char *spool_path;    /* in this file, renamed into the mailbox */
	unsigned sysflags;         /* enum imap_sysflag bits (no \Recent) */
	size_t nkeywords;
	const char *const *keywords;
	bool has_date;
	time_t date;               /* internal date */
	int zone_minutes;          /* its zone, east of UTC */
};

/* APPEND: write the message into the mailbox's tmp/, fsync, rename into
 * new/ (or cur/ when it has flags), and give it the next UID.  Missing
 * mailbox: STORE_ERR_TRYCREATE.  *uid_r is its UID. */
bool store_append(struct store *st, const char *name, const struct store_new_msg *msg,
		  uint32_t *uidvalidity_r, uint32_t *uid_r, struct store_err *err);

/* ---- RFC 9208: QUOTA ---------------------------------------------------- */

/* What the user's mailboxes hold, all together (store/quota.h). */
struct store_usage {
	uint64_t octets;      /* sum of RFC822.SIZE */
	uint64_t messages;
};

/* The usage of the whole mail root, from the usage file, recomputed from
 * the indexes when it is missing or broken. */
bool store_usage(struct store *st, struct store_usage *u_r, struct store_err *err);

/* ---- CRLF form ------------------------------------------------------------ */

/*
 * Maildir files hold LF line ends (and sometimes CRLF).  IMAP sees every
 * message in CRLF form: each LF, together with a CR right before it,
 * becomes CRLF.  So the CRLF size is the file size plus the number of LFs
 * not preceded by CR, and store_crlf_write() produces exactly that form.
 */
uint64_t store_crlf_size(const char *data, size_t len);

/* Append the CRLF form of data[0..len) through `out(ctx, chunk, n)`;
 * `prev_cr` is whether the octet before data[0] was a CR (for pieces). */
void store_crlf_write(const char *data, size_t len, bool prev_cr,
		      void (*out)(void *ctx, const char *chunk, size_t n), void *ctx);

#endif
