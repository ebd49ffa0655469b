/*
 * conn.c - buffered connection I/O with timeouts (see conn.h).
 */
#include "net/conn.h"

#include <errno.h>
#include <poll.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "net/tls.h"

/* Small buffers: an idle connection should cost little private memory. */
#define CONN_RBUF_INITIAL 4096
#define CONN_WBUF_SIZE    8192
#define CONN_LINE_PREVIEW 64

void conn_init(struct conn *c, int rfd, int wfd)
{
	memset(c, 0, sizeof(*c));
	c->rfd = rfd;
	c->wfd = wfd;
	c->read_timeout_ms = -1;
	c->write_timeout_ms = 5 * 60 * 1000;
}

void conn_deinit(struct conn *c)
{
	if (c->tls != NULL)
		tls_conn_free(&c->tls);
	free(c->rbuf);
	free(c->wbuf);
	free(c->line);
	c->rbuf = c->wbuf = NULL;
	c->line = NULL;
	c->linecap = 0;
	c->rcap = c->rpos = c->rlen = c->wcap = c->wlen = 0;
}

/* Wait until fd is ready for `events`; 1 ready, 0 timeout, -1 error. */
static int wait_fd(int fd, short events, int timeout_ms)
{
	struct pollfd p = { .fd = fd, .events = events };
	for (;;) {
		int r = poll(&p, 1, timeout_ms);
		if (r < 0 && errno == EINTR)
			continue;
		return r < 0 ? -1 : r;
	}
}

ssize_t conn_raw_read(struct conn *c, void *buf, size_t len)
{
	for (;;) {
		int w = wait_fd(c->rfd, POLLIN, c->read_timeout_ms);
		if (w == 0)
			return CONN_TIMEOUT;
		if (w < 0)
			return CONN_ERROR;
		ssize_t n = read(c->rfd, buf, len);
		if (n > 0)
			return n;
		if (n == 0)
			return CONN_EOF;
		if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK)
			continue;
		return errno == ECONNRESET ? CONN_EOF : CONN_ERROR;
	}
}

ssize_t conn_raw_write(struct conn *c, const void *buf, size_t len)
{
	for (;;) {
		ssize_t n = write(c->wfd, buf, len);
		if (n >= 0)
			return n;
		if (errno == EINTR)
			continue;
		if (errno == EAGAIN || errno == EWOULDBLOCK) {
			int w = wait_fd(c->wfd, POLLOUT, c->write_timeout_ms);
			if (w == 0)
				return CONN_TIMEOUT;
			if (w < 0)
				return CONN_ERROR;
			continue;
		}
		return CONN_ERROR;
	}
}

ssize_t conn_fill(struct conn *c)
{
	if (c->rpos == c->rlen)
		c->rpos = c->rlen = 0;
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
	ssize_t n = c->tls != NULL
		? tls_conn_read(c, c->rbuf + c->rlen, c->rcap - c->rlen)
		: conn_raw_read(c, c->rbuf + c->rlen, c->rcap - c->rlen);
	if (n > 0) {
		if (c->tap != NULL)
			c->tap(c->tap_ctx, true, c->rbuf + c->rlen, (size_t)n);
		c->rlen += (size_t)n;
		c->bytes_in += (uint64_t)n;
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

ssize_t conn_read_line(struct conn *c, size_t max, char **line_r)
{
	size_t scanned = 0;
	for (;;) {
		unsigned char *start = c->rbuf + c->rpos;
		size_t avail = c->rlen - c->rpos;
		unsigned char *lf = avail > scanned
			? memchr(start + scanned, '\n', avail - scanned) : NULL;
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
			*line_r = c->line;
			return (ssize_t)(body + 2);
		}
		scanned = avail;
		if (avail > max)
			break;
		ssize_t n = conn_fill(c);
		if (n < 0)
			return n;
	}
	/* Over-long line: keep a preview for the tag, then discard through
	 * the next LF without buffering the rest. */
	size_t avail = c->rlen - c->rpos;
	size_t plen = avail < CONN_LINE_PREVIEW ? avail : CONN_LINE_PREVIEW;
	if (!line_reserve(c, plen + 1))
		return CONN_ERROR;
	memcpy(c->line, c->rbuf + c->rpos, plen);
	c->line[plen] = '\0';
	*line_r = c->line;
	for (;;) {
		unsigned char *start = c->rbuf + c->rpos;
		size_t av = c->rlen - c->rpos;
		unsigned char *lf = memchr(start, '\n', av);
		if (lf != NULL) {
			c->rpos += (size_t)(lf - start) + 1;
			return CONN_TOOLONG;
		}
		c->rpos = c->rlen = 0;
		ssize_t n = conn_fill(c);
		if (n < 0)
			return n;
	}
}

ssize_t conn_read_exact(struct conn *c, void *dst, size_t n)
{
	size_t got = 0;
	while (got < n) {
		if (c->rpos == c->rlen) {
			ssize_t r = conn_fill(c);
			if (r < 0)
				return r;
		}
		size_t take = c->rlen - c->rpos;
		if (take > n - got)
			take = n - got;
		memcpy((char *)dst + got, c->rbuf + c->rpos, take);
		c->rpos += take;
		got += take;
	}
	return (ssize_t)n;
}

ssize_t conn_read_to_fd(struct conn *c, int fd, uint64_t n)
{
	uint64_t left = n;
	bool write_failed = false;
	while (left > 0) {
		if (c->rpos == c->rlen) {
			ssize_t r = conn_fill(c);
			if (r < 0)
				return r;
		}
		size_t take = c->rlen - c->rpos;
		if (take > left)
			take = (size_t)left;
		/* Keep reading after a failed write so that the protocol
		 * stays in sync; report the failure at the end. */
		size_t off = 0;
		while (!write_failed && off < take) {
			ssize_t w = write(fd, c->rbuf + c->rpos + off, take - off);
			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				write_failed = true;
			else
				off += (size_t)w;
		}
		c->rpos += take;
		left -= take;
	}
	return write_failed ? CONN_ERROR : (ssize_t)n;
}

ssize_t conn_skip(struct conn *c, uint64_t n)
{
	while (n > 0) {
		if (c->rpos == c->rlen) {
			ssize_t r = conn_fill(c);
			if (r < 0)
				return r;
		}
		size_t take = c->rlen - c->rpos;
		if (take > n)
			take = (size_t)n;
		c->rpos += take;
		n -= take;
	}
	return 1;
}

size_t conn_discard_buffered(struct conn *c)
{
	size_t n = c->rlen - c->rpos;
	c->rpos = c->rlen = 0;
	return n;
}

int conn_flush(struct conn *c)
{
	size_t off = 0;
	if (c->failed) {
		c->wlen = 0;
		return CONN_ERROR;
	}
	if (c->tap != NULL && c->wlen > 0)
		c->tap(c->tap_ctx, false, c->wbuf, c->wlen);
	while (off < c->wlen) {
		ssize_t n = c->tls != NULL
			? tls_conn_write(c, c->wbuf + off, c->wlen - off)
			: conn_raw_write(c, c->wbuf + off, c->wlen - off);
		if (n < 0) {
			c->failed = true;
			c->wlen = 0;
			return (int)n;
		}
		off += (size_t)n;
	}
	c->bytes_out += c->wlen;
	c->wlen = 0;
	return 0;
}

void conn_write(struct conn *c, const void *data, size_t len)
{
	if (c->failed)
		return;
	if (c->wcap == 0) {
		c->wbuf = malloc(CONN_WBUF_SIZE);
		if (c->wbuf == NULL) {
			c->failed = true;
			return;
		}
		c->wcap = CONN_WBUF_SIZE;
	}
	const unsigned char *p = data;
	while (len > 0) {
		if (c->wlen == c->wcap && conn_flush(c) < 0)
			return;
		size_t take = c->wcap - c->wlen;
		if (take > len)
			take = len;
		memcpy(c->wbuf + c->wlen, p, take);
		c->wlen += take;
		p += take;
		len -= take;
	}
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
	char *big = malloc((size_t)n + 1);
	if (big == NULL) {
		c->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	conn_write(c, big, (size_t)n);
	free(big);
}
