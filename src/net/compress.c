/*
 * compress.c - COMPRESS=DEFLATE (see compress.h), with zlib.
 */
#include "net/compress.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "net/conn.h"
#include "net/tls.h"

/* Compressed octets read or written in one go. */
#define ZBUF_SIZE (16 * 1024)

/* Our deflate window and memory level: smaller than zlib's defaults, so
 * that a compressed idle session costs tens of kilobytes, not hundreds
 * (the window only bounds how far back a match may reach; the client's
 * inflate accepts any size up to 32 KB, RFC4978 §4).  Inflating must
 * allow the full 32 KB window the client may use. */
#define DEFLATE_WINDOW_BITS 12
#define DEFLATE_MEM_LEVEL 5

struct conn_zlib {
	z_stream in, out;
	unsigned char inbuf[ZBUF_SIZE];    /* compressed input not yet inflated */
	size_t inpos, inlen;
	unsigned char outbuf[ZBUF_SIZE];   /* compressed output not yet sent */
	size_t outpos, outlen;
	bool synced;                       /* everything deflated was flushed */
};

bool compress_start(struct conn *c)
{
	struct conn_zlib *z = calloc(1, sizeof(*z));
	if (z == NULL)
		return false;
	/* Negative window bits: raw DEFLATE, no zlib header (RFC4978 §4). */
	if (inflateInit2(&z->in, -15) != Z_OK) {
		free(z);
		return false;
	}
	if (deflateInit2(&z->out, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -DEFLATE_WINDOW_BITS,
			 DEFLATE_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) {
		inflateEnd(&z->in);
		free(z);
		return false;
	}
	z->synced = true;
	/* Octets already buffered were sent before the client's COMPRESS
	 * took effect only if it did not wait for our OK: RFC4978 §3 says it
	 * must, so whatever is buffered is compressed data.  Take it over. */
	size_t n = conn_buffered(c);
	if (n > sizeof(z->inbuf)) {
		compress_free(&z);
		return false;
	}
	memcpy(z->inbuf, c->rbuf + c->rpos, n);
	z->inlen = n;
	conn_discard_buffered(c);
	c->z = z;
	return true;
}

void compress_free(struct conn_zlib **zp)
{
	struct conn_zlib *z = *zp;
	if (z == NULL)
		return;
	inflateEnd(&z->in);
	deflateEnd(&z->out);
	free(z);
	*zp = NULL;
}

/* Read compressed octets from the socket or TLS. */
static ssize_t wire_read(struct conn *c, void *buf, size_t len)
{
	return c->tls != NULL ? tls_conn_read(c, buf, len) : conn_raw_read(c, buf, len);
}

static ssize_t wire_write(struct conn *c, const void *buf, size_t len)
{
	return c->tls != NULL ? tls_conn_write(c, buf, len) : conn_raw_write(c, buf, len);
}

ssize_t compress_read(struct conn *c, void *buf, size_t len)
{
	struct conn_zlib *z = c->z;
	for (;;) {
		if (z->inpos < z->inlen) {
			z->in.next_in = z->inbuf + z->inpos;
			z->in.avail_in = (uInt)(z->inlen - z->inpos);
			z->in.next_out = buf;
			z->in.avail_out = (uInt)len;
			int r = inflate(&z->in, Z_SYNC_FLUSH);
			z->inpos = z->inlen - z->in.avail_in;
			size_t got = len - z->in.avail_out;
			if (r == Z_STREAM_END)
				return got > 0 ? (ssize_t)got : CONN_EOF;
			if (r != Z_OK && r != Z_BUF_ERROR)
				return CONN_ERROR;
			if (got > 0)
				return (ssize_t)got;
			if (z->inpos < z->inlen)
				continue;
		}
		ssize_t n = wire_read(c, z->inbuf, sizeof(z->inbuf));
		if (n <= 0)
			return n == 0 ? CONN_AGAIN : n;
		z->inpos = 0;
		z->inlen = (size_t)n;
	}
}

size_t compress_pending(const struct conn *c)
{
	return c->z != NULL ? c->z->outlen - c->z->outpos : 0;
}

/* Send the compressed octets waiting; 0 when they are all gone. */
static int send_out(struct conn *c)
{
	struct conn_zlib *z = c->z;
	while (z->outpos < z->outlen) {
		ssize_t n = wire_write(c, z->outbuf + z->outpos, z->outlen - z->outpos);
		if (n < 0)
			return (int)n;
		z->outpos += (size_t)n;
		c->bytes_out += (uint64_t)n;
	}
	z->outpos = z->outlen = 0;
	return 0;
}

int compress_flush(struct conn *c)
{
	struct conn_zlib *z = c->z;
	for (;;) {
		int r = send_out(c);
		if (r != 0)
			return r;
		size_t plain = c->wlen - c->wpos;
		if (plain == 0 && z->synced)
			return 0;
		/* Deflate as much plain output as fits, ending each batch
		 * with a sync flush so the client can act on it. */
		z->out.next_in = c->wbuf + c->wpos;
		z->out.avail_in = (uInt)plain;
		z->out.next_out = z->outbuf;
		z->out.avail_out = sizeof(z->outbuf);
		int dr = deflate(&z->out, Z_SYNC_FLUSH);
		if (dr != Z_OK && dr != Z_BUF_ERROR)
			return CONN_ERROR;
		size_t used = plain - z->out.avail_in;
		if (used > 0 && c->tap != NULL)
			c->tap(c->tap_ctx, false, c->wbuf + c->wpos, used);
		c->wpos += used;
		z->outlen = sizeof(z->outbuf) - z->out.avail_out;
		/* Output space left over means the flush is complete. */
		z->synced = z->out.avail_out > 0 && z->out.avail_in == 0;
		if (c->wpos == c->wlen)
			c->wpos = c->wlen = 0;
	}
}
