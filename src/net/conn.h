/*
 * conn.h - one client connection: buffered reads and writes with
 * timeouts over a pair of file descriptors (a socket, or stdin/stdout of
 * inetd or a pipe), optionally through TLS.
 *
 * Each imapd process serves one connection at a time, so I/O blocks, with
 * poll() enforcing the autologout timer (RFC2060 §5.4).  Read functions
 * follow one convention: > 0 success, CONN_EOF, CONN_ERROR, CONN_TIMEOUT.
 */
#ifndef IMAPD_NET_CONN_H
#define IMAPD_NET_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define CONN_EOF      (-1)
#define CONN_ERROR    (-2)
#define CONN_TIMEOUT  (-3)
#define CONN_TOOLONG  (-4)

struct conn_tls;  /* net/tls.c */

/* Called with every chunk read or written, for protocol telemetry. */
typedef void conn_tap_fn(void *ctx, bool incoming, const unsigned char *data, size_t len);

struct conn {
	int rfd, wfd;
	struct conn_tls *tls;          /* NULL until TLS is on */
	unsigned char *rbuf;
	size_t rcap, rpos, rlen;       /* unread octets are rbuf[rpos..rlen) */
	unsigned char *wbuf;
	size_t wcap, wlen;
	char *line;                    /* the last line read, CRLF + NUL ended */
	size_t linecap;
	int read_timeout_ms;           /* -1 = none */
	int write_timeout_ms;
	bool failed;                   /* a write failed: drop further output */
	conn_tap_fn *tap;
	void *tap_ctx;
	uint64_t bytes_in, bytes_out;
};

/* Set up a connection on rfd/wfd (the same fd for a socket). */
void conn_init(struct conn *c, int rfd, int wfd);

/* Free the buffers and TLS state; does not close the descriptors. */
void conn_deinit(struct conn *c);

/* Read more octets into the buffer: > 0 octets added, or CONN_EOF,
 * CONN_ERROR, CONN_TIMEOUT. */
ssize_t conn_fill(struct conn *c);

/* Octets already buffered and not yet consumed. */
static inline size_t conn_buffered(const struct conn *c) { return c->rlen - c->rpos; }

/*
 * Read one line of at most `max` octets (CRLF included) into a buffer the
 * connection owns, and point *line_r at it; a bare LF ends a line too.
 * The line is returned with its end normalised to CRLF and a NUL after it
 * (the lexer's sentinel); it stays valid until the next read.
 * Returns the length, or CONN_EOF / CONN_ERROR / CONN_TIMEOUT, or
 * CONN_TOOLONG after the over-long line was read and thrown away: *line_r
 * then points at its first octets (up to 64) so the caller can find a tag.
 */
ssize_t conn_read_line(struct conn *c, size_t max, char **line_r);

/* Read exactly n octets into dst; returns n or an error code. */
ssize_t conn_read_exact(struct conn *c, void *dst, size_t n);

/* Read exactly n octets and write them to fd (spooling a large literal);
 * returns n, an error code, or CONN_ERROR when the file write fails. */
ssize_t conn_read_to_fd(struct conn *c, int fd, uint64_t n);

/* Read and discard n octets; returns 1 or an error code. */
ssize_t conn_skip(struct conn *c, uint64_t n);

/* Drop everything buffered (after STARTTLS, RFC3501 §6.2.1). */
size_t conn_discard_buffered(struct conn *c);

/* Queue output; flushed when the buffer fills or by conn_flush(). */
void conn_write(struct conn *c, const void *data, size_t len);
void conn_puts(struct conn *c, const char *s);
void conn_printf(struct conn *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Send everything queued; 0 on success, CONN_ERROR / CONN_TIMEOUT. */
int conn_flush(struct conn *c);

/* Low-level I/O used by conn.c and tls.c. */
ssize_t conn_raw_read(struct conn *c, void *buf, size_t len);
ssize_t conn_raw_write(struct conn *c, const void *buf, size_t len);

#endif
