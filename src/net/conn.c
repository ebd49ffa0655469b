/*
 * conn.c - non-blocking buffered connection I/O (see conn.h).
 */
#include "net/conn.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/compress.h"
#include "net/ioloop.h"
#include "net/tls.h"

/* Small buffers: an idle connection should cost little private memory.
 * The write buffer grows while a producer fills it up to the high-water
 * mark and shrinks back once it has drained. */
#define CONN_RBUF_INITIAL 4096
#define CONN_WBUF_INITIAL 8192
#define CONN_LINE_PREVIEW 64

static int set_nonblock(int fd)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0 && !(fl & O_NONBLOCK))
		(void)fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	return fl;
}

void conn_init(struct conn *c, int rfd, int wfd)
{
	memset(c, 0, sizeof(*c));
	c->rfd = rfd;
	c->wfd = wfd;
	c->rfd_flags = set_nonblock(rfd);
	c->wfd_flags = wfd == rfd ? c->rfd_flags : set_nonblock(wfd);
}

void conn_deinit(struct conn *c)
{
	compress_free(&c->z);
	if (c->tls != NULL)
		tls_conn_free(&c->tls);
	/* stdin/stdout may be shared with whoever started us (a terminal,
	 * a test harness): leave them as we found them. */
	if (c->rfd_flags >= 0 && !(c->rfd_flags & O_NONBLOCK))
		(void)fcntl(c->rfd, F_SETFL, c->rfd_flags);
	if (c->wfd != c->rfd && c->wfd_flags >= 0 && !(c->wfd_flags & O_NONBLOCK))
		(void)fcntl(c->wfd, F_SETFL, c->wfd_flags);
	free(c->rbuf);
	free(c->wbuf);
	free(c->line);
	c->rbuf = c->wbuf = NULL;
	c->line = NULL;
	c->linecap = 0;
	c->rcap = c->rpos = c->rlen = c->wcap = c->wpos = c->wlen = 0;
}

ssize_t conn_raw_read(struct conn *c, void *buf, size_t len)
{
	for (;;) {
		ssize_t n = read(c->rfd, buf, len);
		if (n > 0)
			return n;
		if (n == 0)
			return CONN_EOF;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return CONN_AGAIN;
		return errno == ECONNRESET ? CONN_EOF : CONN_ERROR;
	}
}

ssize_t conn_raw_write(struct conn *c, const void *buf, size_t len)
{
	for (;;) {
		ssize_t n = write(c->wfd, buf, len);
		if (n >= 0)
			return n > 0 ? n : CONN_AGAIN;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK)
			return CONN_AGAIN;
		return CONN_ERROR;
	}
}

bool conn_input_ready(const struct conn *c)
{
	return c->rpos < c->rlen || (c->tls != NULL && tls_conn_pending(c->tls));
}

unsigned conn_read_events(const struct conn *c)
{
	if (c->tls != NULL)
		return tls_conn_read_events(c->tls);
	return IO_READ;
}

unsigned conn_write_events(const struct conn *c)
{
	if (conn_output_pending(c) == 0 || c->failed)
		return 0;
	if (c->tls != NULL)
		return tls_conn_write_events(c->tls);
	return IO_WRITE;
}

/* The socket, or TLS over it. */
static ssize_t wire_read(struct conn *c, void *buf, size_t len)
{
	return c->tls != NULL ? tls_conn_read(c->tls, buf, len) : conn_raw_read(c, buf, len);
}

static ssize_t wire_write(struct conn *c, const void *buf, size_t len)
{
	return c->tls != NULL ? tls_conn_write(c->tls, buf, len) : conn_raw_write(c, buf, len);
}

/* Under COMPRESS: inflate what came, reading the wire when it is not
 * enough for one octet. */
static ssize_t inflate_read(struct conn *c, void *buf, size_t len)
{
	for (;;) {
		ssize_t n = compress_inflate(c->z, buf, len);
		if (n > 0)
			return n;
		if (n == COMPRESS_END)
			return CONN_EOF;
		if (n < 0)
			return CONN_ERROR;
		unsigned char *space;
		size_t room = compress_in_space(c->z, &space);
		if (room == 0)
			return CONN_ERROR;
		ssize_t r = wire_read(c, space, room);
		if (r <= 0)
			return r == 0 ? CONN_AGAIN : r;
		compress_in_added(c->z, (size_t)r);
	}
}

/* Under COMPRESS: deflate the queued output and send what the wire
 * takes; 0 when it is all gone. */
static int deflate_flush(struct conn *c)
{
	for (;;) {
		const unsigned char *out;
		size_t n;
		while ((n = compress_out(c->z, &out)) > 0) {
			ssize_t w = wire_write(c, out, n);
			if (w < 0)
				return (int)w;
			compress_out_sent(c->z, (size_t)w);
			c->bytes_out += (uint64_t)w;
		}
		size_t plain = c->wlen - c->wpos;
		if (plain == 0 && compress_synced(c->z))
			return 0;
		ssize_t used = compress_deflate(c->z, c->wbuf + c->wpos, plain);
		if (used < 0)
			return CONN_ERROR;
		if (used > 0 && c->tap != NULL)
			c->tap(c->tap_ctx, false, c->wbuf + c->wpos, (size_t)used);
		c->wpos += (size_t)used;
	}
}

bool conn_tls_begin(struct conn *c, char *err, size_t errlen)
{
	c->tls = tls_conn_new(c->rfd, c->wfd, err, errlen);
	return c->tls != NULL;
}

bool conn_compress_start(struct conn *c)
{
	struct compress *z = compress_new();
	if (z == NULL)
		return false;
	/* RFC4978 §3: the client compresses once it has our OK, so octets
	 * it sent before that were part of its compressed stream only if it
	 * did not wait; either way they are not plain commands to run. */
	unsigned char *space;
	size_t room = compress_in_space(z, &space);
	size_t n = conn_buffered(c);
	if (n > room) {
		compress_free(&z);
		return false;
	}
	memcpy(space, c->rbuf + c->rpos, n);
	compress_in_added(z, n);
	conn_discard_buffered(c);
	c->z = z;
	return true;
}

ssize_t conn_fill(struct conn *c)
{
	if (c->eof)
		return CONN_EOF;
	if (c->rpos == c->rlen) {
		c->rpos = c->rlen = 0;
		c->scanned = 0;
	}
	if (c->rcap == 0) {
		c->rbuf = malloc(CONN_RBUF_INITIAL);
		if (c->rbuf == NULL)
			return CONN_ERROR;
		c->rcap = CONN_RBUF_INITIAL;
	}
	if (c->rlen == c->rcap) {
		if (c->rpos > 0) {
			memmove(c->rbuf, c->rbuf + c->rpos, c->rlen - c->rpos);
			c->rlen -= c->rpos;
			c->rpos = 0;
		} else {
			/* Callers consume lines as they go, so a full buffer
			 * means a line longer than the buffer: grow it (the
			 * line length limit bounds this in conn_read_line). */
			unsigned char *nb = realloc(c->rbuf, c->rcap * 2);
			if (nb == NULL)
				return CONN_ERROR;
			c->rbuf = nb;
			c->rcap *= 2;
		}
	}
	ssize_t n = c->z != NULL ? inflate_read(c, c->rbuf + c->rlen, c->rcap - c->rlen)
		: wire_read(c, c->rbuf + c->rlen, c->rcap - c->rlen);
	if (n > 0) {
		if (c->tap != NULL)
			c->tap(c->tap_ctx, true, c->rbuf + c->rlen, (size_t)n);
		c->rlen += (size_t)n;
		c->bytes_in += (uint64_t)n;
	} else if (n == CONN_EOF) {
		c->eof = true;
	}
	return n;
}

/* Make the line buffer hold at least `need` octets. */
static bool line_reserve(struct conn *c, size_t need)
{
	if (c->linecap >= need)
		return true;
	size_t cap = c->linecap == 0 ? 256 : c->linecap;
	while (cap < need)
		cap *= 2;
	char *nb = realloc(c->line, cap);
	if (nb == NULL)
		return false;
	c->line = nb;
	c->linecap = cap;
	return true;
}

/* Remember the last octets of a line being discarded. */
static void tail_add(struct conn *c, const unsigned char *p, size_t n)
{
	if (n >= CONN_LINE_TAIL) {
		memcpy(c->tail, p + n - CONN_LINE_TAIL, CONN_LINE_TAIL);
		c->tail_len = CONN_LINE_TAIL;
		return;
	}
	size_t keep = c->tail_len + n > CONN_LINE_TAIL ? CONN_LINE_TAIL - n : c->tail_len;
	memmove(c->tail, c->tail + c->tail_len - keep, keep);
	memcpy(c->tail + keep, p, n);
	c->tail_len = keep + n;
}

/* Go on throwing away an over-long line: CONN_TOOLONG at its LF. */
static ssize_t discard_line(struct conn *c, char **line_r)
{
	for (;;) {
		unsigned char *start = c->rbuf + c->rpos;
		size_t av = c->rlen - c->rpos;
		unsigned char *lf = av > 0 ? memchr(start, '\n', av) : NULL;
		if (lf != NULL) {
			tail_add(c, start, (size_t)(lf - start));
			c->rpos += (size_t)(lf - start) + 1;
			c->scanned = 0;
			c->discarding = false;
			c->line[c->preview_len] = '\0';
			*line_r = c->line;
			return CONN_TOOLONG;
		}
		tail_add(c, start, av);
		c->rpos = c->rlen = 0;
		c->scanned = 0;
		ssize_t n = conn_fill(c);
		if (n < 0)
			return n;
	}
}

ssize_t conn_read_line(struct conn *c, size_t max, char **line_r)
{
	if (c->discarding)
		return discard_line(c, line_r);
	for (;;) {
		if (c->rbuf == NULL) {
			/* Nothing read yet: the buffer comes with the first fill
			 * (no arithmetic on a null pointer). */
			ssize_t n = conn_fill(c);
			if (n < 0)
				return n;
			continue;
		}
		unsigned char *start = c->rbuf + c->rpos;
		size_t avail = c->rlen - c->rpos;
		unsigned char *lf = avail > c->scanned
			? memchr(start + c->scanned, '\n', avail - c->scanned) : NULL;
		if (lf != NULL) {
			size_t len = (size_t)(lf - start) + 1;  /* through LF */
			if (len > max)
				break;
			size_t body = len - 1;
			if (body > 0 && start[body - 1] == '\r')
				body--;
			/* Copy out so that the line can be normalised to end in
			 * CRLF and carry the lexer's NUL sentinel. */
			if (!line_reserve(c, body + 3))
				return CONN_ERROR;
			memcpy(c->line, start, body);
			memcpy(c->line + body, "\r\n", 3);
			c->rpos += len;
			c->scanned = 0;
			*line_r = c->line;
			return (ssize_t)(body + 2);
		}
		c->scanned = avail;
		if (avail > max)
			break;
		ssize_t n = conn_fill(c);
		if (n < 0)
			return n;
	}
	/* Over-long line: keep a preview for the tag and the tail for a
	 * literal header, and throw the rest away as it arrives, without
	 * buffering it. */
	size_t avail = c->rlen - c->rpos;
	size_t plen = avail < CONN_LINE_PREVIEW ? avail : CONN_LINE_PREVIEW;
	if (!line_reserve(c, plen + 1))
		return CONN_ERROR;
	memcpy(c->line, c->rbuf + c->rpos, plen);
	c->preview_len = plen;
	c->tail_len = 0;
	c->discarding = true;
	return discard_line(c, line_r);
}

size_t conn_line_tail(const struct conn *c, char buf[CONN_LINE_TAIL + 3])
{
	/* A CR before the LF was kept in the tail; CRLF-terminate it
	 * either way. */
	size_t n = c->tail_len;
	if (n > 0 && c->tail[n - 1] == '\r')
		n--;
	memcpy(buf, c->tail, n);
	memcpy(buf + n, "\r\n", 3);
	return n + 2;
}

ssize_t conn_peek(struct conn *c, const unsigned char **data_r)
{
	if (c->rpos == c->rlen) {
		ssize_t n = conn_fill(c);
		if (n < 0)
			return n;
	}
	*data_r = c->rbuf + c->rpos;
	return (ssize_t)(c->rlen - c->rpos);
}

void conn_consume(struct conn *c, size_t n)
{
	c->rpos += n;
	c->scanned = c->scanned > n ? c->scanned - n : 0;
}

ssize_t conn_read_some(struct conn *c, void *dst, size_t n)
{
	const unsigned char *p;
	ssize_t got = conn_peek(c, &p);
	if (got < 0)
		return got;
	size_t take = (size_t)got < n ? (size_t)got : n;
	memcpy(dst, p, take);
	conn_consume(c, take);
	return (ssize_t)take;
}

ssize_t conn_skip_some(struct conn *c, uint64_t n)
{
	const unsigned char *p;
	ssize_t got = conn_peek(c, &p);
	if (got < 0)
		return got;
	size_t take = (uint64_t)got < n ? (size_t)got : (size_t)n;
	conn_consume(c, take);
	return (ssize_t)take;
}

bool conn_push_input(struct conn *c, const void *data, size_t len)
{
	if (len == 0)
		return true;
	size_t have = c->rlen - c->rpos;
	size_t cap = c->rcap == 0 ? CONN_RBUF_INITIAL : c->rcap;
	while (cap < have + len)
		cap *= 2;
	unsigned char *nb = malloc(cap);
	if (nb == NULL)
		return false;
	memcpy(nb, data, len);
	if (have > 0)
		memcpy(nb + len, c->rbuf + c->rpos, have);
	free(c->rbuf);
	c->rbuf = nb;
	c->rcap = cap;
	c->rpos = 0;
	c->rlen = have + len;
	c->scanned = 0;
	return true;
}

size_t conn_discard_buffered(struct conn *c)
{
	size_t n = c->rlen - c->rpos;
	c->rpos = c->rlen = 0;
	c->scanned = 0;
	return n;
}

size_t conn_output_pending(const struct conn *c)
{
	const unsigned char *out;
	return c->wlen - c->wpos + (c->z != NULL ? compress_out(c->z, &out) : 0);
}

int conn_flush(struct conn *c)
{
	if (c->failed) {
		c->wpos = c->wlen = 0;
		return CONN_ERROR;
	}
	if (c->z != NULL) {
		int r = deflate_flush(c);
		if (r == CONN_AGAIN)
			return r;
		if (r < 0) {
			c->failed = true;
			c->wpos = c->wlen = 0;
			return CONN_ERROR;
		}
	}
	while (c->wpos < c->wlen) {
		ssize_t n = wire_write(c, c->wbuf + c->wpos, c->wlen - c->wpos);
		if (n == CONN_AGAIN)
			return CONN_AGAIN;
		if (n < 0) {
			c->failed = true;
			c->wpos = c->wlen = 0;
			return CONN_ERROR;
		}
		if (c->tap != NULL)
			c->tap(c->tap_ctx, false, c->wbuf + c->wpos, (size_t)n);
		c->wpos += (size_t)n;
		c->bytes_out += (uint64_t)n;
	}
	c->wpos = c->wlen = 0;
	/* A FETCH that grew the buffer is done with it: give it back. */
	if (c->wcap > 4 * CONN_WBUF_INITIAL) {
		free(c->wbuf);
		c->wbuf = NULL;
		c->wcap = 0;
	}
	return 0;
}

int conn_flush_wait(struct conn *c, int timeout_ms)
{
	uint64_t deadline = ioloop_now_ms() + (uint64_t)(timeout_ms < 0 ? 0 : timeout_ms);
	for (;;) {
		int r = conn_flush(c);
		if (r != CONN_AGAIN)
			return r;
		uint64_t now = ioloop_now_ms();
		if (now >= deadline)
			return CONN_TIMEOUT;
		unsigned ev = conn_write_events(c);
		struct pollfd p = { .fd = ev & IO_READ ? c->rfd : c->wfd,
				    .events = ev & IO_READ ? POLLIN : POLLOUT };
		int pr = poll(&p, 1, (int)(deadline - now));
		if (pr < 0 && errno != EINTR)
			return CONN_ERROR;
	}
}

/* Room for n more octets at the end of the write buffer. */
static bool wbuf_reserve(struct conn *c, size_t n)
{
	if (c->wcap - c->wlen >= n)
		return true;
	/* Slide unsent output to the front before growing. */
	if (c->wpos > 0) {
		memmove(c->wbuf, c->wbuf + c->wpos, c->wlen - c->wpos);
		c->wlen -= c->wpos;
		c->wpos = 0;
		if (c->wcap - c->wlen >= n)
			return true;
	}
	size_t cap = c->wcap == 0 ? CONN_WBUF_INITIAL : c->wcap;
	while (cap - c->wlen < n) {
		if (cap > SIZE_MAX / 2)
			return false;
		cap *= 2;
	}
	unsigned char *nb = realloc(c->wbuf, cap);
	if (nb == NULL)
		return false;
	c->wbuf = nb;
	c->wcap = cap;
	return true;
}

void conn_write(struct conn *c, const void *data, size_t len)
{
	if (c->failed || len == 0)
		return;
	if (!wbuf_reserve(c, len)) {
		c->failed = true;
		return;
	}
	memcpy(c->wbuf + c->wlen, data, len);
	c->wlen += len;
}

void conn_puts(struct conn *c, const char *s)
{
	conn_write(c, s, strlen(s));
}

void conn_printf(struct conn *c, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof(small), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof(small)) {
		conn_write(c, small, (size_t)n);
		return;
	}
	if (c->failed || !wbuf_reserve(c, (size_t)n + 1)) {
		c->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf((char *)c->wbuf + c->wlen, (size_t)n + 1, fmt, ap);
	va_end(ap);
	c->wlen += (size_t)n;
}
