/*
 * ast.h - typed syntax tree of one IMAP command (RFC2060 §9, RFC3501 §9).
 *
 * The Bison grammar in grammar/imap.y builds these nodes and nothing
 * else; the executors in src/cmd/ read them.  Every node lives in the
 * per-command arena (util/arena.h) and dies with it after the tagged
 * response, so nodes hold plain pointers and are never freed one by one.
 *
 * Naming follows the RFC's ABNF: struct imap_fetch_att is `fetch-att`,
 * struct imap_search_key is `search-key`, and so on.  Every field says
 * which part of the syntax it came from.  The values the store and the
 * MIME code take as arguments (strings, sequence sets, flags, sections,
 * dates) are in util/imap_types.h.
 */
#ifndef IMAPD_PROTO_AST_H
#define IMAPD_PROTO_AST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "util/imap_types.h"

/* fetch-att (RFC2060 §9). */
enum imap_fetch_att_type {
	IMAP_FETCH_ENVELOPE,
	IMAP_FETCH_FLAGS,
	IMAP_FETCH_INTERNALDATE,
	IMAP_FETCH_RFC822,
	IMAP_FETCH_RFC822_HEADER,
	IMAP_FETCH_RFC822_SIZE,
	IMAP_FETCH_RFC822_TEXT,
	IMAP_FETCH_BODY,             /* "BODY" alone: non-extensible structure */
	IMAP_FETCH_BODYSTRUCTURE,
	IMAP_FETCH_UID,
	IMAP_FETCH_BODY_SECTION,     /* "BODY" ["." "PEEK"] section ["<" ... ">"] */
	/* RFC3516: section holds the part numbers only */
	IMAP_FETCH_BINARY,           /* "BINARY" [".PEEK"] section-binary [partial] */
	IMAP_FETCH_BINARY_SIZE,      /* "BINARY.SIZE" section-binary */
};

struct imap_fetch_att {
	enum imap_fetch_att_type type;
	bool peek;                   /* BODY.PEEK[...], BINARY.PEEK[...] */
	struct imap_section section; /* for IMAP_FETCH_BODY_SECTION and the BINARY ones */
	bool partial;                /* "<" number "." nz-number ">" present */
	uint32_t partial_start;
	uint32_t partial_len;
};

/* FETCH macros (RFC2060 §6.4.5): the parser records which one was
 * written (and no attributes); the FETCH executor expands it. */
enum imap_fetch_macro {
	IMAP_FETCH_MACRO_NONE,
	IMAP_FETCH_MACRO_ALL,
	IMAP_FETCH_MACRO_FAST,
	IMAP_FETCH_MACRO_FULL,
};

/* search-key (RFC2060 §6.4.4, §9). */
enum imap_search_key_type {
	IMAP_SK_ALL, IMAP_SK_ANSWERED, IMAP_SK_DELETED, IMAP_SK_DRAFT,
	IMAP_SK_FLAGGED, IMAP_SK_NEW, IMAP_SK_OLD, IMAP_SK_RECENT,
	IMAP_SK_SEEN, IMAP_SK_UNANSWERED, IMAP_SK_UNDELETED, IMAP_SK_UNDRAFT,
	IMAP_SK_UNFLAGGED, IMAP_SK_UNSEEN,
	/* string argument (.str) */
	IMAP_SK_BCC, IMAP_SK_BODY, IMAP_SK_CC, IMAP_SK_FROM, IMAP_SK_SUBJECT,
	IMAP_SK_TEXT, IMAP_SK_TO,
	/* flag-keyword argument (.str) */
	IMAP_SK_KEYWORD, IMAP_SK_UNKEYWORD,
	/* header-fld-name and string (.field, .str) */
	IMAP_SK_HEADER,
	/* date argument (.date) */
	IMAP_SK_BEFORE, IMAP_SK_ON, IMAP_SK_SINCE,
	IMAP_SK_SENTBEFORE, IMAP_SK_SENTON, IMAP_SK_SENTSINCE,
	/* number argument (.number) */
	IMAP_SK_LARGER, IMAP_SK_SMALLER,
	/* sequence-set argument (.set) */
	IMAP_SK_SEQSET, IMAP_SK_UID,
	/* sub-keys */
	IMAP_SK_NOT,                 /* .sub[0] */
	IMAP_SK_OR,                  /* .sub[0], .sub[1] */
	IMAP_SK_LIST,                /* "(" search-key *(SP search-key) ")": .list */
};

struct imap_search_key {
	enum imap_search_key_type type;
	struct imap_string str;         /* string / flag-keyword argument */
	struct imap_string field;       /* HEADER header-fld-name */
	struct imap_date date;
	uint32_t number;
	struct imap_seq_set set;
	struct imap_search_key *sub[2]; /* NOT, OR */
	size_t nlist;                   /* "(" ... ")" and the top level */
	struct imap_search_key **list;
};

/* status-att (RFC2060 §9); bits so that a request is one word. */
enum imap_status_att {
	IMAP_STATUS_MESSAGES    = 1 << 0,
	IMAP_STATUS_RECENT      = 1 << 1,
	IMAP_STATUS_UIDNEXT     = 1 << 2,
	IMAP_STATUS_UIDVALIDITY = 1 << 3,
	IMAP_STATUS_UNSEEN      = 1 << 4,
	IMAP_STATUS_SIZE        = 1 << 5,   /* RFC8438 (STATUS=SIZE) */
	IMAP_STATUS_APPENDLIMIT = 1 << 6,   /* RFC7889 */
};

/* The commands (RFC2060 §6; STARTTLS from RFC3501 §6.2.1). */
enum imap_cmd_type {
	IMAP_CMD_CAPABILITY,
	IMAP_CMD_NOOP,
	IMAP_CMD_LOGOUT,
	IMAP_CMD_STARTTLS,
	IMAP_CMD_AUTHENTICATE,
	IMAP_CMD_LOGIN,
	IMAP_CMD_SELECT,
	IMAP_CMD_EXAMINE,
	IMAP_CMD_CREATE,
	IMAP_CMD_DELETE,
	IMAP_CMD_RENAME,
	IMAP_CMD_SUBSCRIBE,
	IMAP_CMD_UNSUBSCRIBE,
	IMAP_CMD_LIST,
	IMAP_CMD_LSUB,
	IMAP_CMD_STATUS,
	IMAP_CMD_APPEND,
	IMAP_CMD_CHECK,
	IMAP_CMD_CLOSE,
	IMAP_CMD_EXPUNGE,
	IMAP_CMD_SEARCH,
	IMAP_CMD_FETCH,
	IMAP_CMD_STORE,
	IMAP_CMD_COPY,
	IMAP_CMD_IDLE,       /* RFC2177 */
	IMAP_CMD_COMPRESS,   /* RFC4978 */
	/* ---- RFC 2342, 2971, 3691, 5161 ---- */
	IMAP_CMD_NAMESPACE,  /* RFC2342 */
	IMAP_CMD_ID,         /* RFC2971 */
	IMAP_CMD_UNSELECT,   /* RFC3691 */
	IMAP_CMD_ENABLE,     /* RFC5161 */
	IMAP_CMD_MOVE,       /* RFC6851: arguments in u.copy */
	IMAP_CMD_X,          /* x-command: "X" atom <experimental arguments> */
	IMAP_CMD__COUNT
};

/* ---- RFC 2971: ID, RFC 5161: ENABLE ---- */

/* RFC2971 §3.3: what a client may send in ID; longer is BAD. */
#define IMAP_ID_MAX_PAIRS     30
#define IMAP_ID_MAX_FIELD     30
#define IMAP_ID_MAX_VALUE     1024

/* One field/value pair of id_params_list (RFC2971 §4). */
struct imap_id_param {
	struct imap_string field;            /* string */
	struct imap_string value;            /* nstring: data NULL for NIL */
};

/* ID (RFC2971 §3.1): "ID NIL", "ID ()" or "ID (" field value ... ")". */
struct imap_cmd_id {
	bool nil;
	size_t nparams;
	struct imap_id_param *params;        /* in the order sent */
};

/* ENABLE (RFC5161 §3.1): the capability names, as sent. */
struct imap_cmd_enable {
	size_t ncaps;
	const char **caps;
};

struct imap_cmd_compress {
	const char *algorithm;               /* as sent: "DEFLATE" in any case */
};

struct imap_cmd_authenticate {
	const char *mechanism;               /* auth-type, upper-cased */
	bool has_initial;                    /* SASL-IR (RFC4959) */
	struct imap_string initial;          /* base64, or "=" for empty */
};

struct imap_cmd_login {
	struct imap_string userid;           /* userid = astring */
	struct imap_string password;         /* password = astring */
};

/* SELECT EXAMINE CREATE DELETE SUBSCRIBE UNSUBSCRIBE */
struct imap_cmd_mailbox {
	struct imap_string mailbox;
	/* CREATE ... (USE (...)) (RFC4466 §2.2 create-params, RFC6154 §3):
	 * the use-attr flags as written ("\Sent"), possibly none. */
	bool has_use;
	size_t nuse;
	const char **use;
};

struct imap_cmd_rename {
	struct imap_string from, to;
};

/* RFC5258 §3.1 list-select-opt, RFC6154 §2 */
enum imap_list_select {
	IMAP_LIST_SEL_SUBSCRIBED     = 1 << 0,
	IMAP_LIST_SEL_REMOTE         = 1 << 1,
	IMAP_LIST_SEL_RECURSIVEMATCH = 1 << 2,
	IMAP_LIST_SEL_SPECIALUSE     = 1 << 3,
};

/* RFC5258 §3.2 return-option, RFC5819 STATUS, RFC6154 §2 SPECIAL-USE */
enum imap_list_return {
	IMAP_LIST_RET_SUBSCRIBED = 1 << 0,
	IMAP_LIST_RET_CHILDREN   = 1 << 1,
	IMAP_LIST_RET_SPECIALUSE = 1 << 2,
	IMAP_LIST_RET_STATUS     = 1 << 3,
};

/* LIST and LSUB; LIST in the extended syntax of RFC5258 §3 */
struct imap_cmd_list {
	struct imap_string reference;        /* mailbox */
	struct imap_string pattern;          /* list-mailbox (the first of patterns) */
	bool extended;                       /* RFC5258 syntax: options or patterns */
	bool has_select;                     /* "(" selection options ")" given */
	bool has_return;                     /* "RETURN" "(" ... ")" given */
	bool multi;                          /* patterns = "(" list-mailbox ... ")" */
	unsigned select;                     /* enum imap_list_select */
	unsigned ret;                        /* enum imap_list_return */
	size_t npatterns;
	struct imap_string *patterns;        /* extended: every pattern */
	unsigned status_atts;                /* RETURN (STATUS (...)): enum imap_status_att */
	size_t nstatus;
	enum imap_status_att *status_order;  /* as requested */
};

struct imap_cmd_status {
	struct imap_string mailbox;
	unsigned atts;                       /* enum imap_status_att bits */
	size_t natts;
	enum imap_status_att *order;         /* as requested, for the reply */
};

struct imap_cmd_append {
	struct imap_string mailbox;
	bool has_flags;
	struct imap_flags flags;
	bool has_date;
	struct imap_datetime date;
	struct imap_string message;          /* the literal */
	bool binary;                         /* sent as literal8 (RFC3516 §4.4) */
};

/* search-return-opt (RFC4466 §2.6), as bits: RFC4731 §3.1 (ESEARCH)
 * and RFC5182 §2 (SEARCHRES). */
enum imap_search_return {
	IMAP_SEARCH_RET_MIN   = 1 << 0,
	IMAP_SEARCH_RET_MAX   = 1 << 1,
	IMAP_SEARCH_RET_ALL   = 1 << 2,
	IMAP_SEARCH_RET_COUNT = 1 << 3,
	IMAP_SEARCH_RET_SAVE  = 1 << 4,
};

struct imap_cmd_search {
	bool has_return;                     /* "RETURN (...)": answer ESEARCH */
	unsigned ret;                        /* enum imap_search_return bits; 0 is "RETURN ()" */
	bool has_charset;
	struct imap_string charset;
	struct imap_search_key *keys;        /* IMAP_SK_LIST of the top level */
};

struct imap_cmd_fetch {
	struct imap_seq_set set;
	enum imap_fetch_macro macro;
	bool parenthesised;                  /* "(" fetch-att *(SP fetch-att) ")" */
	size_t natts;
	struct imap_fetch_att *atts;
};

struct imap_cmd_store {
	struct imap_seq_set set;
	enum imap_store_op op;
	bool silent;                         /* ".SILENT" */
	bool parenthesised;                  /* flag-list rather than bare flags */
	struct imap_flags flags;
};

/* COPY, and MOVE (RFC6851) */
struct imap_cmd_copy {
	struct imap_seq_set set;
	struct imap_string mailbox;
};

/* UID EXPUNGE (RFC4315 §2.1); a plain EXPUNGE has no arguments. */
struct imap_cmd_expunge {
	struct imap_seq_set set;             /* UIDs, with cmd->uid */
};

struct imap_cmd_x {
	const char *name;                    /* "X" atom as written */
	const char *args;                    /* the rest of the line, raw */
};

/* command (RFC2060 §9): tag SP (command-any / -auth / -nonauth /
 * -select) CRLF.  `uid` marks "UID" SP (copy / fetch / search / store). */
struct imap_cmd {
	enum imap_cmd_type type;
	const char *tag;
	const char *verb;                    /* the command name as written; NULL for X */
	bool uid;
	union {
		struct imap_cmd_authenticate authenticate;
		struct imap_cmd_compress compress;
		struct imap_cmd_login login;
		struct imap_cmd_mailbox mailbox;
		struct imap_cmd_rename rename;
		struct imap_cmd_list list;
		struct imap_cmd_status status;
		struct imap_cmd_append append;
		struct imap_cmd_search search;
		struct imap_cmd_fetch fetch;
		struct imap_cmd_store store;
		struct imap_cmd_copy copy;
		struct imap_cmd_expunge expunge;
		struct imap_cmd_x x;
		struct imap_cmd_id id;
		struct imap_cmd_enable enable;
	} u;
};

#endif
