/*
 * idx_format.h - the layouts of a folder's index files, imapd.index (the
 * snapshot) and imapd.index.log (store/README.md, "On disk").  Native
 * byte order, which every header records; private to src/store/ (and to
 * the fuzz harness that feeds these parsers hostile files).
 *
 * The snapshot: the header, `count` records in UID order, the indexes of
 * the records without \Seen (so that SELECT finds the first unseen
 * message without a pass), padded to 8 octets, the file names (each
 * NUL-terminated, padded with NULs to 8), then the expunge history.
 *
 * Version 2 (this one) added per-message MODSEQs, the expunge history,
 * the counts SELECT and STATUS answer from, and lazily known sizes and
 * dates.  A version 1 snapshot and log are read once and converted
 * (idx_convert.c), keeping UIDVALIDITY and every UID.
 */
#ifndef IMAPD_STORE_IDX_FORMAT_H
#define IMAPD_STORE_IDX_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "store/store_int.h"

#define IDX_MAGIC       "imapdidx"
#define IDX_LOG_MAGIC   "imapdlog"
#define IDX_VERSION     2
#define IDX_VERSION_V1  1
#define IDX_BYTEORDER   UINT32_C(0x01020304)

/* ---- imapd.index ---------------------------------------------------------- */

struct idx_file_header {
	char magic[8];              /* IDX_MAGIC */
	uint32_t version;           /* IDX_VERSION */
	uint32_t byteorder;         /* IDX_BYTEORDER as written */
	uint32_t header_size;       /* sizeof(struct idx_file_header) */
	uint32_t record_size;       /* sizeof(struct idx_file_record) */
	uint32_t uidvalidity;
	uint32_t uidnext;
	uint32_t count;             /* records */
	uint32_t log_gen;           /* the log generation that continues this */
	uint64_t names_size;        /* octets of names after the records (a multiple of 8) */
	struct idx_stamp stamp[2];  /* new/ and cur/ mtimes when last synced */
	uint64_t highestmodseq;     /* RFC7162 §3.1.1 */
	uint32_t unseen;            /* records without \Seen (STATUS UNSEEN), listed
				       after the records by index (4 octets each) */
	uint32_t unclaimed;         /* records no session took \Recent of (STATUS RECENT) */
	uint32_t first_unseen;      /* index of the first record without \Seen, or count */
	uint32_t first_unclaimed;   /* index of the first unclaimed record, or count */
	uint32_t nexpunged;         /* expunge history entries after the names */
	uint32_t pad;
	uint64_t expunge_floor;     /* the history is complete for MODSEQs above this */
	uint64_t cache_id;          /* the imapd.cache whose offsets the records hold */
	uint64_t cache_end;         /* its records below this offset are in the records */
	uint32_t body_crc;          /* CRC-32 of everything after the header */
	uint32_t header_crc;        /* CRC-32 of the octets before it */
};

struct idx_file_record {
	uint32_t uid;
	uint32_t upper;             /* info letters A-Z */
	uint32_t lower;             /* info letters a-z (keywords) */
	uint16_t state;             /* MSG_SHARED bits */
	int16_t tzoff;              /* minutes east of UTC, or MSG_TZ_LOCAL */
	int64_t date;               /* INTERNALDATE (unless MSG_NO_DATE) */
	uint64_t size;              /* CRLF size (unless MSG_NO_SIZE) */
	uint64_t modseq;
	uint32_t name_off;          /* into the name area, NUL-terminated there */
	uint32_t cache_off;         /* its imapd.cache record / 8, or 0 */
};

/* One entry of the expunge history: UIDs lo..hi went at MODSEQ modseq,
 * at time `when`.  Ascending MODSEQs. */
struct idx_file_expunged {
	uint32_t uid_lo, uid_hi;
	uint64_t modseq;
	int64_t when;
};

_Static_assert(sizeof(struct idx_file_header) == 144, "index header layout");
_Static_assert(sizeof(struct idx_file_record) == 48, "index record layout");
_Static_assert(sizeof(struct idx_file_expunged) == 24, "expunge history layout");

/* ---- imapd.index.log ----------------------------------------------------------- */

struct idx_log_header {
	char magic[8];              /* IDX_LOG_MAGIC */
	uint32_t version;           /* IDX_VERSION (or 1: converted on load) */
	uint32_t byteorder;
	uint32_t gen;               /* matches the snapshot's log_gen */
	uint32_t uidvalidity;
};

enum log_type {
	LOG_ADD = 1,                /* struct log_msg + name: a new message */
	LOG_UPDATE = 2,             /* struct log_msg + name: flags, name, state */
	LOG_EXPUNGE = 3,            /* struct log_expunge */
	LOG_DIRS = 4,               /* struct idx_stamp[2] */
	LOG_KEYWORDS = 5,           /* nothing: reread the keywords file */
	LOG_ROTATE = 6,             /* struct log_rotate: the last record of a generation */
	LOG_INFO = 7,               /* struct log_info: a size or date worked out */
};

/* Every record: len (all of it, a multiple of 8), the CRC-32 of what
 * follows crc, the type, then the payload. */
struct log_rec {
	uint32_t len;
	uint32_t crc;
	uint32_t type;
	uint32_t pad;
};

struct log_msg {
	uint32_t uid, upper, lower;
	uint16_t state;
	int16_t tzoff;
	int64_t date;
	uint64_t size;
	uint64_t modseq;
	uint32_t name_len;          /* the name and a NUL follow */
	uint32_t pad;
};

/* Version 1's message record (read when converting). */
struct log_msg_v1 {
	uint32_t uid, upper, lower;
	uint16_t state;
	int16_t tzoff;
	int64_t date;
	uint64_t size;
	uint32_t name_len;
	uint32_t pad;
};

struct log_expunge {
	uint32_t uid;
	uint32_t pad;
	uint64_t modseq;            /* 0 in a version 1 log */
};

/* The snapshot of generation next_gen holds everything up to here; with
 * `complete`, every change is also in this log, so a process following
 * it need not compare the new snapshot with what it knows. */
struct log_rotate {
	uint32_t next_gen;
	uint32_t complete;
};

struct log_info {
	uint32_t uid;
	uint16_t state;             /* MSG_NO_SIZE / MSG_NO_DATE still unknown */
	int16_t tzoff;
	uint64_t size;
	int64_t date;
};

_Static_assert(sizeof(struct log_rec) == 16, "log record layout");
_Static_assert(sizeof(struct log_msg) == 48, "log message layout");
_Static_assert(sizeof(struct log_msg_v1) == 40, "log v1 message layout");
_Static_assert(sizeof(struct log_expunge) == 16, "log expunge layout");
_Static_assert(sizeof(struct log_info) == 24, "log info layout");

#endif
