/*
 * compress.h - COMPRESS=DEFLATE (RFC4978) for a connection: after the
 * server's OK to "COMPRESS DEFLATE", everything each side sends is one
 * raw DEFLATE stream (RFC1951), below IMAP and above TLS.
 *
 * conn.c calls these where it would read from or write to the socket (or
 * TLS); the rest of the server never knows.  Output is flushed with
 * Z_SYNC_FLUSH whenever the connection's buffer has been handed over, so
 * that each response reaches the client whole (RFC4978 §4).
 */
#ifndef IMAPD_NET_COMPRESS_H
#define IMAPD_NET_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct conn;
struct conn_zlib;

/* Start compressing both ways (the OK has been sent); false when zlib
 * cannot be set up (out of memory). */
bool compress_start(struct conn *c);

/* conn_fill() under compression: inflated octets into buf, > 0, or
 * CONN_AGAIN / CONN_EOF / CONN_ERROR (a corrupt stream). */
ssize_t compress_read(struct conn *c, void *buf, size_t len);

/* conn_flush() under compression: deflate what c's buffer holds and send
 * what the socket takes: 0 all sent, CONN_AGAIN, CONN_ERROR. */
int compress_flush(struct conn *c);

/* Compressed octets waiting to be sent. */
size_t compress_pending(const struct conn *c);

/* Free the state (conn_deinit). */
void compress_free(struct conn_zlib **z);

#endif
