/*
 * compress.h - COMPRESS=DEFLATE (RFC4978): after the server's OK to
 * "COMPRESS DEFLATE", everything each side sends is one raw DEFLATE
 * stream (RFC1951), below IMAP and above TLS.
 *
 * This is the transformation only, over buffers; net/conn.c moves the
 * octets between it and the socket (or TLS), so that the rest of the
 * server never knows.  Output is flushed with Z_SYNC_FLUSH whenever the
 * connection hands over what it has, so that each response reaches the
 * client whole (RFC4978 §4).
 */
#ifndef IMAPD_NET_COMPRESS_H
#define IMAPD_NET_COMPRESS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

struct compress;

/* Both directions' zlib state, or NULL when out of memory. */
struct compress *compress_new(void);
void compress_free(struct compress **z);

/* ---- from the client -------------------------------------------------- */

/* Room for compressed input: *buf_r and its size (0 when full). */
size_t compress_in_space(struct compress *z, unsigned char **buf_r);

/* n octets were put there. */
void compress_in_added(struct compress *z, size_t n);

/* Inflate into out: > 0 octets, 0 when more compressed input is needed,
 * COMPRESS_CORRUPT, or COMPRESS_END (the client ended the stream). */
#define COMPRESS_CORRUPT (-1)
#define COMPRESS_END     (-2)
ssize_t compress_inflate(struct compress *z, void *out, size_t cap);

/* ---- to the client ------------------------------------------------------ */

/* Deflate as much of in[0..len) as fits the output buffer, ending with a
 * sync flush once all of it is in; returns the octets taken, or
 * COMPRESS_CORRUPT on a zlib error.  Call only when compress_out() is
 * empty. */
ssize_t compress_deflate(struct compress *z, const void *in, size_t len);

/* Compressed octets waiting to be sent: *buf_r and their number. */
size_t compress_out(const struct compress *z, const unsigned char **buf_r);
void compress_out_sent(struct compress *z, size_t n);

/* Whether everything deflated has been flushed out of zlib. */
bool compress_synced(const struct compress *z);

#endif
