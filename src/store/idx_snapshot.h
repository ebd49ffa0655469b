/*
 * idx_snapshot.h - the snapshot file of a folder's index, imapd.index
 * (layout in store/README.md): writing it whole and mapping it back.
 * Private to src/store/.
 */
#ifndef IMAPD_STORE_IDX_SNAPSHOT_H
#define IMAPD_STORE_IDX_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store_int.h"

/* Shared by the snapshot and the log headers. */
#define IDX_VERSION     1
#define IDX_BYTEORDER   UINT32_C(0x01020304)

/* What reading an index file found. */
enum idx_load {
	IDX_LOAD_OK,
	IDX_LOAD_MISSING,  /* no such file (or an old log: start a new one) */
	IDX_LOAD_BAD,      /* damaged or foreign: rebuild */
	IDX_LOAD_ERROR,    /* an I/O error (errno) */
};

/* The CRC-32 (IEEE) of data, continuing from crc (0 to start). */
uint32_t idx_crc32(uint32_t crc, const void *data, size_t len);

/* mb's folder path + "/" + file into buf; false if it does not fit. */
bool idx_path(const struct mailbox *mb, const char *file, char *buf, size_t size);

/* Write mb's messages (ghosts left out) as the snapshot that log
 * generation gen continues: tmp file, fsync, rename, fsync the folder. */
bool idx_snapshot_write(struct mailbox *mb, uint32_t gen, struct store_err *err);

/* Map the snapshot and fill mb->msgs, UIDVALIDITY, UIDNEXT, the log
 * generation and the directory stamps from it. */
enum idx_load idx_snapshot_load(struct mailbox *mb);

/* Unmap every snapshot that message names pointed into. */
void idx_snapshot_unmap(struct mailbox *mb);

#endif
