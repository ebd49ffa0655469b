/*
 * test_mime_binary.c - BINARY (RFC3516) in src/mime/: undoing base64,
 * quoted-printable, 7bit/8bit (CRLF form) and binary a buffer at a time,
 * whatever the buffer size, with partial windows; the size and NUL scan
 * that choose literal or literal8; which octets BINARY[section] is; and
 * the literal8 APPEND re-encoding, which must give back every octet.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "mime/mime.h"

struct dcase {
	enum mime_cte cte;
	const char *in;
	size_t inlen;       /* 0: strlen */
	const char *out;
	size_t outlen;      /* 0: strlen */
};

#define S(x) x, sizeof(x) - 1

static const struct dcase dcases[] = {
	{ MIME_CTE_BASE64, S("AGFiYwBkZWY=\r\n"), S("\0abc\0def") },
	{ MIME_CTE_BASE64, S("AGFi\nYwBk\r\nZWY="), S("\0abc\0def") },
	{ MIME_CTE_BASE64, S("aGVs bG8*h"), S("hello!") },        /* garbage skipped */
	{ MIME_CTE_BASE64, S("aGk=ignored"), S("hi") },           /* padding ends it */
	{ MIME_CTE_BASE64, S(""), S("") },
	/* Quoted-printable: soft breaks, =XX, trailing white space, CRLF out
	 * (the case Dovecot answers with these octets). */
	{ MIME_CTE_QP, S("line one=\r\n  continues=3D \r\nline two  \r\n"),
	  S("line one  continues=\r\nline two\r\n") },
	{ MIME_CTE_QP, S("a=\nb\nc \t\nd"), S("ab\r\nc\r\nd") },
	{ MIME_CTE_QP, S("x=00y=ff=FFz"), S("x\0y\xff\xffz") },
	{ MIME_CTE_QP, S("bad=ZZ=4"), S("bad=ZZ=4") },
	{ MIME_CTE_QP, S("tail=  "), S("tail") },               /* soft break at the end */
	{ MIME_CTE_QP, S("lone\rcr"), S("lone\rcr") },
	{ MIME_CTE_QP, S("sp  in the middle"), S("sp  in the middle") },
	/* 7bit/8bit: the CRLF form, NUL kept. */
	{ MIME_CTE_IDENTITY, S("a\nb\r\nc\0\n"), S("a\r\nb\r\nc\0\r\n") },
	{ MIME_CTE_IDENTITY, S("\n"), S("\r\n") },
	/* binary: as stored. */
	{ MIME_CTE_BINARY, S("a\nb\r\0"), S("a\nb\r\0") },
};

/* Decode with buffers of `cap` octets and window [skip, skip + count). */
static size_t decode(const struct dcase *c, size_t cap, uint64_t skip, uint64_t count, char *out)
{
	struct mime_decoder d;
	mime_decoder_init(&d, c->cte, NULL, 0, c->in, c->inlen, skip, count);
	size_t total = 0, n;
	char buf[64];
	assert_true(cap <= sizeof(buf));
	while ((n = mime_decoder_read(&d, buf, cap)) > 0) {
		assert_true(n <= cap);
		memcpy(out + total, buf, n);
		total += n;
	}
	return total;
}

static void test_decoders(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(dcases) / sizeof(dcases[0]); i++) {
		const struct dcase *c = &dcases[i];
		char out[256];
		for (size_t cap = 2; cap <= 64; cap = cap < 8 ? cap + 1 : cap * 2) {
			size_t n = decode(c, cap, 0, UINT64_MAX, out);
			if (n != c->outlen || memcmp(out, c->out, n) != 0)
				fail_msg("case %zu with %zu-octet buffers: got %zu octets", i, cap, n);
		}
		/* Every window of the output. */
		for (size_t skip = 0; skip <= c->outlen + 1; skip++) {
			for (size_t count = 1; count <= c->outlen + 1; count++) {
				size_t n = decode(c, 3, skip, count, out);
				size_t want = skip >= c->outlen ? 0
					: (c->outlen - skip < count ? c->outlen - skip : count);
				if (n != want || memcmp(out, c->out + skip, n) != 0)
					fail_msg("case %zu window <%zu.%zu>: %zu octets, want %zu", i,
						 skip, count, n, want);
			}
		}
		struct mime_decoder d;
		mime_decoder_init(&d, c->cte, NULL, 0, c->in, c->inlen, 0, UINT64_MAX);
		bool nul;
		assert_int_equal(mime_decoder_size(&d, &nul), c->outlen);
		assert_int_equal(nul, memchr(c->out, '\0', c->outlen) != NULL);
	}
}

/* A prefix comes first and counts in the window. */
static void test_prefix(void **state)
{
	(void)state;
	struct mime_decoder d;
	mime_decoder_init(&d, MIME_CTE_BASE64, "Head\r\n\r\n", 8, "aGk=", 4, 6, 3);
	char buf[16];
	size_t n = mime_decoder_read(&d, buf, sizeof(buf));
	assert_int_equal(n, 3);
	assert_memory_equal(buf, "\r\nh", 3);
	assert_int_equal(mime_decoder_read(&d, buf, sizeof(buf)), 0);
}

static void to_sbuf(void *ctx, const char *data, size_t len)
{
	sbuf_add(ctx, data, len);
}

/* The decoded octets of BINARY[part] of msg (len), into out. */
static enum mime_binary_result binary_of(struct arena *a, const char *msg, size_t len,
					 const uint32_t *parts, size_t nparts, struct sbuf *out)
{
	const struct mime_part *root = mime_parse(a, msg, len);
	assert_non_null(root);
	struct mime_decoder d;
	enum mime_binary_result r = mime_binary_section(a, msg, len, root, parts, nparts, false,
							 0, 0, &d);
	if (r != MIME_BINARY_OK)
		return r;
	char buf[4096];
	size_t n;
	while ((n = mime_decoder_read(&d, buf, sizeof(buf))) > 0)
		sbuf_add(out, buf, n);
	return r;
}

/* A large binary part through literal8 APPEND's re-encoding and back,
 * streamed in buffers: every octet survives. */
static void test_large(void **state)
{
	(void)state;
	size_t raw_len = 3 * 1024 * 1024 + 7;
	unsigned char *raw = malloc(raw_len);
	assert_non_null(raw);
	uint32_t x = 12345;
	for (size_t i = 0; i < raw_len; i++) {
		x = x * 1103515245u + 12345u;
		raw[i] = (unsigned char)(x >> 16);
	}
	struct sbuf msg, enc, dec;
	sbuf_init(&msg, NULL);
	sbuf_init(&enc, NULL);
	sbuf_init(&dec, NULL);
	sbuf_adds(&msg, "Subject: big\r\nContent-Type: application/octet-stream\r\n"
		  "Content-Transfer-Encoding: binary\r\n\r\n");
	sbuf_add(&msg, raw, raw_len);
	struct arena a;
	arena_init(&a);
	bool changed;
	assert_true(mime_binary_encode(&a, msg.data, msg.len, to_sbuf, &enc, &changed));
	assert_true(changed);
	assert_false(enc.failed);
	assert_null(memchr(enc.data, '\0', enc.len));
	/* Every line of it a CRLF line of at most 76 + 2 octets. */
	for (size_t i = 0, start = 0; i < enc.len; i++) {
		if (enc.data[i] == '\n') {
			assert_true(i > 0 && enc.data[i - 1] == '\r');
			assert_true(i - start <= 78);
			start = i + 1;
		}
	}
	static const uint32_t one[] = { 1 };
	assert_int_equal(binary_of(&a, enc.data, enc.len, one, 1, &dec), MIME_BINARY_OK);
	assert_int_equal(dec.len, raw_len);
	assert_memory_equal(dec.data, raw, raw_len);
	/* Its size without keeping it, and the NUL that asks for literal8. */
	const struct mime_part *root = mime_parse(&a, enc.data, enc.len);
	struct mime_decoder d;
	assert_int_equal(mime_binary_section(&a, enc.data, enc.len, root, one, 1, true, 1000, 5000,
					     &d), MIME_BINARY_OK);
	bool nul;
	assert_int_equal(mime_decoder_size(&d, &nul), 5000);
	char buf[5000];
	size_t got = 0, n;
	char big[5002];
	while ((n = mime_decoder_read(&d, big + got, sizeof(big) - got)) > 0)
		got += n;
	memcpy(buf, big, got < sizeof(buf) ? got : sizeof(buf));
	assert_int_equal(got, 5000);
	assert_memory_equal(buf, raw + 1000, 5000);
	arena_free(&a);
	sbuf_free(&msg);
	sbuf_free(&enc);
	sbuf_free(&dec);
	free(raw);
}

static const char multi[] =
	"Subject: parts\r\n"
	"Content-Type: multipart/mixed; boundary=b\r\n"
	"\r\n"
	"--b\r\n"
	"Content-Type: text/plain\r\n"
	"Content-Transfer-Encoding: quoted-printable\r\n"
	"\r\n"
	"caf=C3=A9=\r\n"
	" au lait\r\n"
	"--b\r\n"
	"Content-Type: application/octet-stream\r\n"
	"Content-Transfer-Encoding: base64\r\n"
	"\r\n"
	"AAEC/w==\r\n"
	"--b\r\n"
	"Content-Type: message/rfc822\r\n"
	"\r\n"
	"Subject: inner\r\n"
	"Content-Transfer-Encoding: base64\r\n"
	"\r\n"
	"aW5uZXI=\r\n"
	"--b\r\n"
	"Content-Type: text/plain\r\n"
	"Content-Transfer-Encoding: x-uuencode\r\n"
	"\r\n"
	"begin 644 x\r\n"
	"--b--\r\n";

static void test_sections(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	static const struct {
		uint32_t parts[3];
		size_t nparts;
		enum mime_binary_result r;
		const char *out;
		size_t outlen;
	} cases[] = {
		{ { 1 }, 1, MIME_BINARY_OK, S("caf\xc3\xa9 au lait") },
		{ { 2 }, 1, MIME_BINARY_OK, S("\0\1\2\xff") },
		{ { 3, 1 }, 2, MIME_BINARY_OK, S("inner") },   /* inside message/rfc822 */
		{ { 4 }, 1, MIME_BINARY_UNKNOWN_CTE, S("") },
		{ { 5 }, 1, MIME_BINARY_NONE, S("") },
		{ { 2, 1 }, 2, MIME_BINARY_NONE, S("") },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct sbuf out;
		sbuf_init(&out, &a);
		enum mime_binary_result r = binary_of(&a, multi, sizeof(multi) - 1, cases[i].parts,
						      cases[i].nparts, &out);
		if (r != cases[i].r)
			fail_msg("case %zu: result %d, want %d", i, r, cases[i].r);
		assert_int_equal(out.len, cases[i].outlen);
		if (out.len > 0)
			assert_memory_equal(out.data, cases[i].out, out.len);
	}
	/* BINARY[] of a multipart message: every part decoded under its
	 * header (as Dovecot does), so one unknown encoding fails it. */
	struct sbuf out;
	sbuf_init(&out, &a);
	assert_int_equal(binary_of(&a, multi, sizeof(multi) - 1, NULL, 0, &out),
			 MIME_BINARY_UNKNOWN_CTE);
	static const char mp[] =
		"Subject: m\nContent-Type: multipart/mixed; boundary=b\n\n"
		"--b\nContent-Type: text/plain\n\nplain\n"
		"--b\nContent-Type: application/x\nContent-Transfer-Encoding: base64\n\nAAEK\n"
		"--b\nContent-Type: text/plain\nContent-Transfer-Encoding: quoted-printable\n\na=3Db\n"
		"--b--\n";
	static const char mp_want[] =
		"Subject: m\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n"
		"--b\r\nContent-Type: text/plain\r\n\r\nplain\r\n"
		"--b\r\nContent-Type: application/x\r\nContent-Transfer-Encoding: binary\r\n\r\n\0\1\n\r\n"
		"--b\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\n\r\na=b\r\n"
		"--b--\r\n";
	for (int crlf = 0; crlf < 2; crlf++) {
		/* The same message with LF and with CRLF line ends. */
		struct sbuf in;
		sbuf_init(&in, &a);
		for (const char *c = mp; *c != '\0'; c++) {
			if (*c == '\n' && crlf)
				sbuf_addc(&in, '\r');
			sbuf_addc(&in, *c);
		}
		sbuf_init(&out, &a);
		assert_int_equal(binary_of(&a, in.data, in.len, NULL, 0, &out), MIME_BINARY_OK);
		if (out.len != sizeof(mp_want) - 1 || memcmp(out.data, mp_want, out.len) != 0)
			fail_msg("BINARY[] of the multipart message (crlf %d): %zu octets: %.*s", crlf,
				 out.len, (int)out.len, out.data);
		/* Windows across the pieces, read 3 octets at a time. */
		const struct mime_part *root = mime_parse(&a, in.data, in.len);
		size_t total = sizeof(mp_want) - 1;
		for (size_t skip = 0; skip <= total; skip += 7) {
			for (size_t count = 1; count <= total; count += 11) {
				struct mime_decoder d;
				assert_int_equal(mime_binary_section(&a, in.data, in.len, root, NULL, 0, true,
								     (uint32_t)skip, (uint32_t)count, &d),
						 MIME_BINARY_OK);
				char got[256];
				size_t n = 0, k;
				while ((k = mime_decoder_read(&d, got + n, 3)) > 0)
					n += k;
				size_t want = skip >= total ? 0 : (total - skip < count ? total - skip : count);
				if (n != want || memcmp(got, mp_want + skip, n) != 0)
					fail_msg("window <%zu.%zu>: %zu octets, want %zu", skip, count, n, want);
			}
		}
	}
	/* BINARY[] of a single part: its header says binary now, and the
	 * body is decoded (LF line ends are sent as CRLF). */
	static const char single[] = "Subject: s\nContent-Transfer-Encoding: Base64\n\nAGFi\n";
	sbuf_init(&out, &a);
	assert_int_equal(binary_of(&a, single, sizeof(single) - 1, NULL, 0, &out), MIME_BINARY_OK);
	static const char want[] = "Subject: s\r\nContent-Transfer-Encoding: binary\r\n\r\n\0ab";
	assert_int_equal(out.len, sizeof(want) - 1);
	assert_memory_equal(out.data, want, out.len);
	/* BINARY[1] of it: the body alone. */
	static const uint32_t one[] = { 1 };
	sbuf_init(&out, &a);
	assert_int_equal(binary_of(&a, single, sizeof(single) - 1, one, 1, &out), MIME_BINARY_OK);
	assert_int_equal(out.len, 3);
	assert_memory_equal(out.data, "\0ab", 3);
	arena_free(&a);
}

/* literal8 APPEND: only parts a literal cannot carry are re-encoded, and
 * each decodes to the octets sent. */
static void test_encode(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	static const char clean[] = "Subject: c\r\n\r\nplain text\r\n\xe9t\xe9\r\n";
	struct sbuf enc;
	sbuf_init(&enc, &a);
	bool changed;
	assert_true(mime_binary_encode(&a, clean, sizeof(clean) - 1, to_sbuf, &enc, &changed));
	assert_false(changed);
	assert_int_equal(enc.len, 0);

	static const char mixed[] =
		"Subject: m\r\n"
		"Content-Type: multipart/mixed; boundary=q\r\n"
		"\r\n"
		"--q\r\n"
		"Content-Type: text/plain\r\n"
		"\r\n"
		"kept as it is\r\n"
		"--q\r\n"
		"Content-Type: application/octet-stream\r\n"
		"Content-Transfer-Encoding: 8bit\r\n"
		"\r\n"
		"nul\0lone\ncr\rend\r\n"
		"--q\r\n"
		"Content-Type: image/png\r\n"
		"Content-Transfer-Encoding: binary\r\n"
		"\r\n"
		"\x89PNG\r\n\x1a\n"
		"--q--\r\n";
	sbuf_init(&enc, &a);
	assert_true(mime_binary_encode(&a, mixed, sizeof(mixed) - 1, to_sbuf, &enc, &changed));
	assert_true(changed);
	assert_null(memchr(enc.data, '\0', enc.len));
	for (size_t i = 0; i < enc.len; i++)
		if (enc.data[i] == '\n' || enc.data[i] == '\r')
			assert_true(enc.data[i] == '\r' ? enc.data[i + 1] == '\n' : enc.data[i - 1] == '\r');
	assert_non_null(strstr(enc.data, "--q\r\nContent-Type: text/plain\r\n\r\nkept as it is\r\n--q"));
	static const struct { uint32_t part; const char *octets; size_t len; } back[] = {
		{ 1, S("kept as it is") },
		{ 2, S("nul\0lone\ncr\rend") },
		{ 3, S("\x89PNG\r\n\x1a") },     /* the last LF is the boundary's */
	};
	const struct mime_part *root = mime_parse(&a, enc.data, enc.len);
	assert_int_equal(root->nchildren, 3);
	for (size_t i = 0; i < 3; i++) {
		struct sbuf out;
		sbuf_init(&out, &a);
		assert_int_equal(binary_of(&a, enc.data, enc.len, &back[i].part, 1, &out),
				 MIME_BINARY_OK);
		if (out.len != back[i].len || memcmp(out.data, back[i].octets, out.len) != 0)
			fail_msg("part %u came back as %zu octets", back[i].part, out.len);
		const struct mime_part *p = mime_section_part(root, &back[i].part, 1);
		assert_int_equal(mime_part_cte(p), i == 0 ? MIME_CTE_IDENTITY : MIME_CTE_BASE64);
	}
	/* A single-part message: its own header changes. */
	static const char one[] = "Subject: one\r\nContent-Transfer-Encoding: binary\r\n\r\n\0\1\2";
	sbuf_init(&enc, &a);
	assert_true(mime_binary_encode(&a, one, sizeof(one) - 1, to_sbuf, &enc, &changed));
	assert_true(changed);
	assert_string_equal(enc.data, "Subject: one\r\nContent-Transfer-Encoding: base64\r\n\r\nAAEC\r\n");
	arena_free(&a);
}

/* A long run of white space inside a quoted-printable line is looked at
 * once, not once per output buffer (a message must not make the server
 * work quadratically). */
static void test_qp_long_run(void **state)
{
	(void)state;
	size_t n = 8 << 20;
	char *in = malloc(n + 2);
	assert_non_null(in);
	memset(in, ' ', n);
	in[n] = 'x';
	in[n + 1] = '\n';
	struct mime_decoder d;
	mime_decoder_init(&d, MIME_CTE_QP, NULL, 0, in, n + 2, 0, UINT64_MAX);
	char buf[4096];
	size_t total = 0, got;
	clock_t t0 = clock();
	while ((got = mime_decoder_read(&d, buf, sizeof(buf))) > 0)
		total += got;
	double secs = (double)(clock() - t0) / CLOCKS_PER_SEC;
	assert_int_equal(total, n + 3);   /* the spaces, x, CRLF */
	assert_true(secs < 5.0);
	free(in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decoders),
		cmocka_unit_test(test_prefix),
		cmocka_unit_test(test_large),
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_encode),
		cmocka_unit_test(test_qp_long_run),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
