/*
 * conn.h - one client connection: non-blocking buffered reads and writes
 * over a pair of file descriptors (a socket, or stdin/stdout of inetd or
 * a pipe), optionally through TLS.
 *
 * Nothing here waits.  Reads take what the kernel (or OpenSSL) has and
 * return CONN_AGAIN when that is not enough; writes queue output, and
 * conn_flush() sends what the socket accepts now.  The session's event
 * loop (net/ioloop.h) waits for the events conn_read_events() and
 * conn_write_events() name, and enforces every deadline with timers, so
 * a silent or slow client can never hold a read, a write or a TLS
 * handshake open past its deadline.
 *
 * Return convention of the read functions: >= 0 success (octets), or
 * CONN_EOF, CONN_ERROR, CONN_AGAIN, CONN_TOOLONG.
 */
#ifndef IMAPD_NET_CONN_H
#define IMAPD_NET_CONN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "net/iocodes.h"


/* How much output a producer (FETCH, SEARCH) queues before it yields to
 * the event loop until the client has read some of it.  This, not the
 * size of what the client asked for, bounds a session's output memory. */
#define CONN_OUTPUT_HIGH_WATER (64 * 1024)

/* Octets of an over-long line's end kept to spot a literal header. */
#define CONN_LINE_TAIL 32

struct conn_tls;  /* net/tls.c */
struct compress;  /* net/compress.c */

/* Called with every chunk read or written, for protocol telemetry. */
typedef void conn_tap_fn(void *ctx, bool incoming, const unsigned char *data, size_t len);

struct conn {
	int rfd, wfd;
	int rfd_flags, wfd_flags;      /* fcntl flags before we set O_NONBLOCK */
	struct conn_tls *tls;          /* NULL until TLS is on */
	struct compress *z;            /* NULL until COMPRESS=DEFLATE is on */
	unsigned char *rbuf;
	size_t rcap, rpos, rlen;       /* unread octets are rbuf[rpos..rlen) */
	unsigned char *wbuf;
	size_t wcap, wpos, wlen;       /* unsent octets are wbuf[wpos..wlen) */
	char *line;                    /* the last line read, CRLF + NUL ended */
	size_t linecap;
	size_t scanned;                /* octets of rbuf[rpos..] known to hold no LF */
	/* An over-long line being thrown away (conn_read_line). */
	bool discarding;
	size_t preview_len;            /* its first octets, kept in `line` */
	char tail[CONN_LINE_TAIL + 1]; /* its last octets before the LF, NUL ended */
	size_t tail_len;
	bool eof;                      /* the client closed its side */
	bool failed;                   /* a write failed: drop further output */
	conn_tap_fn *tap;
	void *tap_ctx;
	uint64_t bytes_in, bytes_out;
};

/* Set up a connection on rfd/wfd (the same fd for a socket) and make
 * them non-blocking; conn_deinit() puts the old flags back. */
void conn_init(struct conn *c, int rfd, int wfd);

/* Free the buffers and TLS state; does not close the descriptors. */
void conn_deinit(struct conn *c);

/* Read what is available into the buffer: > 0 octets added, or
 * CONN_AGAIN, CONN_EOF, CONN_ERROR. */
ssize_t conn_fill(struct conn *c);

/* Octets already buffered and not yet consumed. */
static inline size_t conn_buffered(const struct conn *c) { return c->rlen - c->rpos; }

/* Whether a read could make progress without waiting: octets buffered
 * here or decrypted and held inside OpenSSL. */
bool conn_input_ready(const struct conn *c);

/*
 * Take one line of at most `max` octets (CRLF included) and point
 * *line_r at a copy the connection owns, its end normalised to CRLF and
 * a NUL after it (the lexer's sentinel); a bare LF ends a line too.  It
 * stays valid until the next read.  Returns the length, CONN_AGAIN when
 * the line is not complete yet, CONN_EOF / CONN_ERROR, or CONN_TOOLONG
 * once an over-long line has been thrown away through its LF: *line_r
 * then holds its first octets (up to 64, for the tag) and conn_line_tail()
 * its last ones (to see whether it announced a literal).
 */
ssize_t conn_read_line(struct conn *c, size_t max, char **line_r);

/* Copy the last octets of the over-long line just discarded into buf,
 * CRLF-terminated as cmdread_literal_suffix() expects; returns the
 * length (without the NUL written after it). */
size_t conn_line_tail(const struct conn *c, char buf[CONN_LINE_TAIL + 3]);

/* Copy up to n octets that are available now into dst: > 0 octets, or
 * CONN_AGAIN / CONN_EOF / CONN_ERROR. */
ssize_t conn_read_some(struct conn *c, void *dst, size_t n);

/* Discard up to n octets available now; returns how many, or an error. */
ssize_t conn_skip_some(struct conn *c, uint64_t n);

/* Point *data_r at the octets available now, reading if none are
 * buffered: > 0 octets, or CONN_AGAIN / CONN_EOF / CONN_ERROR.  They stay
 * buffered until conn_consume() takes n of them. */
ssize_t conn_peek(struct conn *c, const unsigned char **data_r);
void conn_consume(struct conn *c, size_t n);

/* Put octets in front of what is read next, as if they had just been
 * read (the input a login process read after the login command).
 * False when out of memory. */
bool conn_push_input(struct conn *c, const void *data, size_t len);

/* Drop everything buffered (after STARTTLS, RFC3501 §6.2.1). */
size_t conn_discard_buffered(struct conn *c);

/* Compress both directions from now on (COMPRESS=DEFLATE, RFC4978):
 * what is already buffered was sent compressed too.  False when zlib
 * cannot be set up. */
bool conn_compress_start(struct conn *c);

/* Put the connection under TLS, server side (STARTTLS, or imaps from the
 * start); the handshake then runs through tls_conn_handshake(c->tls).
 * False with the reason in err. */
bool conn_tls_begin(struct conn *c, char *err, size_t errlen);

/* Queue output (never blocks; see CONN_OUTPUT_HIGH_WATER). */
void conn_write(struct conn *c, const void *data, size_t len);
void conn_puts(struct conn *c, const char *s);
void conn_printf(struct conn *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Octets queued and not yet sent (compressed ones included). */
size_t conn_output_pending(const struct conn *c);

/* Whether a producer should stop and let the client read. */
static inline bool conn_output_full(const struct conn *c)
{
	return conn_output_pending(c) >= CONN_OUTPUT_HIGH_WATER;
}

/* Send what the socket takes now: 0 when everything is sent, CONN_AGAIN
 * when some is left, CONN_ERROR (the connection is then failed). */
int conn_flush(struct conn *c);

/* Send everything, waiting at most timeout_ms in all: 0, CONN_TIMEOUT or
 * CONN_ERROR.  For the last words of a session (BYE) only; everything
 * else goes through the event loop. */
int conn_flush_wait(struct conn *c, int timeout_ms);

/* The IO_READ / IO_WRITE events (net/ioloop.h) that reading, and
 * sending the queued output, wait for.  TLS can turn either around. */
unsigned conn_read_events(const struct conn *c);
unsigned conn_write_events(const struct conn *c);

/* Low-level I/O used by conn.c and tls.c: > 0, CONN_AGAIN, CONN_EOF,
 * CONN_ERROR. */
ssize_t conn_raw_read(struct conn *c, void *buf, size_t len);
ssize_t conn_raw_write(struct conn *c, const void *buf, size_t len);

#endif
