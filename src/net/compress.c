/*
 * compress.c - COMPRESS=DEFLATE over buffers (see compress.h), with zlib.
 */
#include "net/compress.h"

#include <stdlib.h>
#include <string.h>
/* next_in is const: deflate only reads our output buffer. */
#define ZLIB_CONST
#include <zlib.h>

/* Compressed octets held each way. */
#define ZBUF_SIZE (16 * 1024)

/* Our deflate window and memory level: smaller than zlib's defaults, so
 * that a compressed idle session costs tens of kilobytes, not hundreds
 * (the window only bounds how far back a match may reach; the client's
 * inflate accepts any size up to 32 KB, RFC4978 §4).  Inflating must
 * allow the full 32 KB window the client may use. */
#define DEFLATE_WINDOW_BITS 12
#define DEFLATE_MEM_LEVEL 5

struct compress {
	z_stream in, out;
	unsigned char inbuf[ZBUF_SIZE];    /* compressed input not yet inflated */
	size_t inpos, inlen;
	unsigned char outbuf[ZBUF_SIZE];   /* compressed output not yet sent */
	size_t outpos, outlen;
	bool synced;                       /* everything deflated was flushed */
};

struct compress *compress_new(void)
{
	struct compress *z = calloc(1, sizeof(*z));
	if (z == NULL)
		return NULL;
	/* Negative window bits: raw DEFLATE, no zlib header (RFC4978 §4). */
	if (inflateInit2(&z->in, -15) != Z_OK) {
		free(z);
		return NULL;
	}
	if (deflateInit2(&z->out, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -DEFLATE_WINDOW_BITS,
			 DEFLATE_MEM_LEVEL, Z_DEFAULT_STRATEGY) != Z_OK) {
		inflateEnd(&z->in);
		free(z);
		return NULL;
	}
	z->synced = true;
	return z;
}

void compress_free(struct compress **zp)
{
	struct compress *z = *zp;
	if (z == NULL)
		return;
	inflateEnd(&z->in);
	deflateEnd(&z->out);
	free(z);
	*zp = NULL;
}

size_t compress_in_space(struct compress *z, unsigned char **buf_r)
{
	if (z->inpos == z->inlen)
		z->inpos = z->inlen = 0;
	*buf_r = z->inbuf + z->inlen;
	return sizeof(z->inbuf) - z->inlen;
}

void compress_in_added(struct compress *z, size_t n)
{
	z->inlen += n;
}

ssize_t compress_inflate(struct compress *z, void *out, size_t cap)
{
	while (z->inpos < z->inlen) {
		z->in.next_in = z->inbuf + z->inpos;
		z->in.avail_in = (uInt)(z->inlen - z->inpos);
		z->in.next_out = out;
		z->in.avail_out = (uInt)cap;
		int r = inflate(&z->in, Z_SYNC_FLUSH);
		z->inpos = z->inlen - z->in.avail_in;
		size_t got = cap - z->in.avail_out;
		if (r == Z_STREAM_END)
			return got > 0 ? (ssize_t)got : COMPRESS_END;
		if (r != Z_OK && r != Z_BUF_ERROR)
			return COMPRESS_CORRUPT;
		if (got > 0)
			return (ssize_t)got;
		if (r == Z_BUF_ERROR)
			break;  /* no progress possible without more input */
	}
	return 0;
}

ssize_t compress_deflate(struct compress *z, const void *in, size_t len)
{
	z->out.next_in = in;
	z->out.avail_in = (uInt)len;
	z->out.next_out = z->outbuf;
	z->out.avail_out = sizeof(z->outbuf);
	int r = deflate(&z->out, Z_SYNC_FLUSH);
	if (r != Z_OK && r != Z_BUF_ERROR)
		return COMPRESS_CORRUPT;
	z->outpos = 0;
	z->outlen = sizeof(z->outbuf) - z->out.avail_out;
	/* Room left in the output means zlib had nothing more to flush. */
	z->synced = z->out.avail_out > 0 && z->out.avail_in == 0;
	return (ssize_t)(len - z->out.avail_in);
}

size_t compress_out(const struct compress *z, const unsigned char **buf_r)
{
	*buf_r = z->outbuf + z->outpos;
	return z->outlen - z->outpos;
}

void compress_out_sent(struct compress *z, size_t n)
{
	z->outpos += n;
}

bool compress_synced(const struct compress *z)
{
	return z->synced;
}
