/*
 * idx_convert.h - reading a version 1 index (before MODSEQs) once and
 * writing it as version 2.  Private to src/store/.
 */
#ifndef IMAPD_STORE_IDX_CONVERT_H
#define IMAPD_STORE_IDX_CONVERT_H

#include <stdbool.h>

#include "store/store_int.h"

/*
 * Load the version 1 snapshot and log of mb's folder (lock held) and
 * write them as a version 2 snapshot and log: UIDVALIDITY, UIDNEXT and
 * every UID, flag, size and date are kept; every message gets MODSEQ 1.
 * A damaged version 1 index is rebuilt like any other (new UIDVALIDITY).
 * When the new files cannot be written, the view still loads.
 */
bool idx_convert_v1(struct mailbox *mb, struct store_err *err);

#endif
