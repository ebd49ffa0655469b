/*
 * idx_snapshot.h - the snapshot file of a folder's index, imapd.index
 * (layout in idx_format.h): writing it whole, mapping it as a table's
 * base, and checking it.  Private to src/store/.
 */
#ifndef IMAPD_STORE_IDX_SNAPSHOT_H
#define IMAPD_STORE_IDX_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store_int.h"

/* What reading an index file found. */
enum idx_load {
	IDX_LOAD_OK,
	IDX_LOAD_MISSING,  /* no such file (or an old log: start a new one) */
	IDX_LOAD_BAD,      /* damaged or foreign: rebuild */
	IDX_LOAD_ERROR,    /* an I/O error (errno) */
	IDX_LOAD_V1,       /* a version 1 snapshot: convert it (idx_convert.c) */
};

/* The CRC-32 (IEEE) of data, continuing from crc (0 to start). */
uint32_t idx_crc32(uint32_t crc, const void *data, size_t len);

/* mb's folder path + "/" + file into buf; false if it does not fit. */
bool idx_path(const struct mailbox *mb, const char *file, char *buf, size_t size);

/* Write mb's messages (ghosts left out) as the snapshot that log
 * generation gen continues, with the MODSEQ history and the counts:
 * tmp file, fsync, rename, fsync the folder.  O(messages).  A full disk
 * is STORE_ERR_NOSPACE. */
bool idx_snapshot_write(struct mailbox *mb, uint32_t gen, struct store_err *err);

/* Map the snapshot as the base of mb's (empty) table and take
 * UIDVALIDITY, UIDNEXT, HIGHESTMODSEQ, the log generation and the
 * directory stamps from its header.  O(1): no record is read. */
enum idx_load idx_snapshot_load(struct mailbox *mb);

/* Whether the mapped base's sections match their CRC (a pass over the
 * file: for the operations that read every record anyway). */
bool idx_snapshot_verify(const struct mailbox *mb);

#endif
