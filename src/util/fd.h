/*
 * fd.h - whole writes to a file descriptor.
 */
#ifndef IMAPD_UTIL_FD_H
#define IMAPD_UTIL_FD_H

#include <stdbool.h>
#include <stddef.h>

/* Write all len octets of data to fd (a file or a blocking pipe),
 * retrying after EINTR and short writes.  False with errno set on an
 * error (a write of 0 octets counts as EIO). */
bool fd_write_all(int fd, const void *data, size_t len);

#endif
