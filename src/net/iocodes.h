/*
 * iocodes.h - the results of non-blocking reads and writes, shared by the
 * connection (net/conn.c) and the layers below it (net/tls.c): >= 0 is
 * success (octets), a negative value one of these.
 */
#ifndef IMAPD_NET_IOCODES_H
#define IMAPD_NET_IOCODES_H

#define CONN_EOF      (-1)
#define CONN_ERROR    (-2)
#define CONN_TIMEOUT  (-3)   /* conn_flush_wait(): the deadline passed */
#define CONN_TOOLONG  (-4)
#define CONN_AGAIN    (-5)   /* nothing more now: wait, then call again */

#endif
