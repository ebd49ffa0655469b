/*
 * threadfmt.h - the THREAD response's data (RFC5256 §4, thread-data) from
 * threads built by src/mime/ (struct mime_thread).
 */
#ifndef IMAPD_CMD_THREADFMT_H
#define IMAPD_CMD_THREADFMT_H

#include <stdint.h>

#include "mime/mime.h"
#include "util/sbuf.h"

/*
 * Append the threads of t as 1*thread-list, each message as num[its
 * index] (a sequence number or UID):
 *
 *   thread-list    = "(" (thread-members / thread-nested) ")"
 *   thread-members = nz-number *(SP nz-number) [SP thread-nested]
 *   thread-nested  = 2*thread-list
 *
 * A message with one child is followed by it in the same list; one with
 * several opens a list per child; a dummy writes no number.  No
 * recursion: a thread may be as deep as the mailbox is large.
 */
void threadfmt_write(struct sbuf *out, const struct mime_thread *t, const uint32_t *num);

#endif
