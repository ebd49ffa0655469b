/*
 * test_mime_parse.c - the MIME parse tree: CRLF sizes, header blocks,
 * fields, boundaries, Content-* parsing, limits.  Tables of {input,
 * expected}; the structure is checked through a compact dump of the tree.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mime/mime.h"

/* ---- CRLF size and copy ---- */

static const struct {
	const char *in;
	size_t vsize, lines;
	const char *crlf;
} crlf_cases[] = {
	{ "", 0, 0, "" },
	{ "a", 1, 0, "a" },
	{ "a\n", 3, 1, "a\r\n" },
	{ "a\r\n", 3, 1, "a\r\n" },
	{ "\n\n", 4, 2, "\r\n\r\n" },
	{ "a\rb\n", 5, 1, "a\rb\r\n" },        /* a lone CR counts as itself */
	{ "x\r\ny\nz", 7, 2, "x\r\ny\r\nz" },  /* mixed */
	{ "\r", 1, 0, "\r" },
};

static void test_crlf_size(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(crlf_cases) / sizeof(crlf_cases[0]); i++) {
		size_t vs, lines;
		mime_crlf_size(crlf_cases[i].in, strlen(crlf_cases[i].in), &vs, &lines);
		assert_int_equal(vs, crlf_cases[i].vsize);
		assert_int_equal(lines, crlf_cases[i].lines);
		struct sbuf b;
		sbuf_init(&b, NULL);
		mime_crlf_copy(&b, crlf_cases[i].in, strlen(crlf_cases[i].in), 0, SIZE_MAX);
		assert_int_equal(b.len, vs);
		assert_memory_equal(sbuf_str(&b), crlf_cases[i].crlf, vs);
		sbuf_free(&b);
	}
}

/* Every (skip, count) window of the CRLF form equals the slice. */
static void test_crlf_copy_windows(void **state)
{
	(void)state;
	const char *in = "ab\ncd\r\n\nef\rg\n";
	const char *full = "ab\r\ncd\r\n\r\nef\rg\r\n";
	size_t fl = strlen(full);
	for (size_t skip = 0; skip <= fl + 2; skip++) {
		for (size_t cnt = 0; cnt <= fl + 2; cnt++) {
			struct sbuf b;
			sbuf_init(&b, NULL);
			mime_crlf_copy(&b, in, strlen(in), skip, cnt);
			size_t want = skip >= fl ? 0 : (fl - skip < cnt ? fl - skip : cnt);
			assert_int_equal(b.len, want);
			if (want > 0)
				assert_memory_equal(b.data, full + skip, want);
			sbuf_free(&b);
		}
	}
}

/* ---- header block and fields ---- */

static const struct {
	const char *in;
	size_t len;
	bool complete;
} hlen_cases[] = {
	{ "", 0, false },
	{ "\n", 1, true },
	{ "\r\nbody", 2, true },
	{ "A: b\n\nbody", 6, true },
	{ "A: b\r\n\r\nbody", 8, true },
	{ "A: b\n c\nD: e\n\n", 14, true },
	{ "A: b\nno colon line\n", 19, false },  /* no blank line: all header */
	{ "A: b\n \nC: d\n\nx", 13, true },      /* WSP-only line is a continuation */
	{ "A: b", 4, false },
};

static void test_header_len(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(hlen_cases) / sizeof(hlen_cases[0]); i++) {
		bool complete;
		size_t l = mime_header_len(hlen_cases[i].in, strlen(hlen_cases[i].in), &complete);
		assert_int_equal(l, hlen_cases[i].len);
		assert_int_equal(complete, hlen_cases[i].complete);
	}
}

static void test_fields(void **state)
{
	(void)state;
	const char *h = "Subject: one\n\ttwo\r\nX-A : v\nbroken line\nTo:x\n\nbody: no\n";
	struct mime_field_iter it;
	struct mime_field f;
	mime_field_iter_init(&it, h, strlen(h));
	assert_true(mime_field_next(&it, &f));
	assert_true(mime_field_is(&f, "SUBJECT", 7));
	assert_int_equal(f.raw_len, strlen("Subject: one\n\ttwo\r\n"));
	assert_int_equal(f.value_len, strlen(" one\n\ttwo"));
	assert_true(mime_field_next(&it, &f));
	assert_true(mime_field_is(&f, "x-a", 3));  /* WSP before ':' (RFC2822 §4.5) */
	assert_true(mime_field_next(&it, &f));
	assert_false(f.has_colon);
	assert_true(mime_field_next(&it, &f));
	assert_true(mime_field_is(&f, "to", 2));
	assert_false(mime_field_next(&it, &f));  /* the body is not header */

	struct arena a;
	arena_init(&a);
	struct mime_str v;
	assert_true(mime_header_get(&a, h, strlen(h), "subject", &v));
	assert_string_equal(v.data, "one\ttwo");
	assert_false(mime_header_get(&a, h, strlen(h), "body", &v));
	assert_null(v.data);
	arena_free(&a);
}

/* ---- the tree ---- */

static void dump_part(struct sbuf *b, const struct mime_part *p)
{
	sbuf_printf(b, "%s/%s", p->type.data, p->subtype.data);
	sbuf_printf(b, "[h%zu+%zu b%zu+%zu v%zu l%zu]", p->hdr_off, p->hdr_len, p->body_off,
		    p->body_len, p->body_vsize, p->body_lines);
	if (p->child != NULL) {
		sbuf_addc(b, '(');
		for (const struct mime_part *c = p->child; c != NULL; c = c->next) {
			dump_part(b, c);
			if (c->next != NULL)
				sbuf_addc(b, ' ');
		}
		sbuf_addc(b, ')');
	}
}

static const struct {
	const char *in;
	const char *tree;
} tree_cases[] = {
	{ "", "text/plain[h0+0 b0+0 v0 l0]" },
	{ "\n", "text/plain[h0+1 b1+0 v0 l0]" },
	{ "A: b\n\nxy\n", "text/plain[h0+6 b6+3 v4 l1]" },
	/* A boundary line: CRLF before it belongs to it (RFC2046 §5.1.1). */
	{ "Content-Type: multipart/mixed; boundary=b\n\n--b\n\none\n--b--\n",
	  "multipart/mixed[h0+43 b43+15 v19 l4](text/plain[h47+1 b48+3 v3 l0])" },
	/* Trailing white space after a delimiter; missing close delimiter. */
	{ "Content-Type: multipart/mixed; boundary=b\n\n--b \t\n\none\n--b\n\ntwo\n",
	  "multipart/mixed[h0+43 b43+20 v26 l6](text/plain[h49+1 b50+3 v3 l0] "
	  "text/plain[h58+1 b59+4 v5 l1])" },
	/* "--bx" is not a delimiter for boundary "b". */
	{ "Content-Type: multipart/mixed; boundary=b\n\n--b\n\n--bx\n--b--",
	  "multipart/mixed[h0+43 b43+15 v18 l3](text/plain[h47+1 b48+4 v4 l0])" },
	/* CRLF file. */
	{ "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\none\r\n--b--\r\n",
	  "multipart/mixed[h0+45 b45+19 v19 l4](text/plain[h50+2 b52+3 v3 l0])" },
	/* Multipart whose boundary never appears: one empty text/plain part. */
	{ "Content-Type: multipart/mixed; boundary=zz\n\nonly text\n",
	  "multipart/mixed[h0+44 b44+10 v11 l1](text/plain[h54+0 b54+0 v0 l0])" },
	/* message/rfc822 holds a message whose range is the part's body. */
	{ "Content-Type: message/rfc822\n\nSubject: x\n\nhi\n",
	  "message/rfc822[h0+30 b30+15 v18 l3](text/plain[h30+12 b42+3 v4 l1])" },
	/* Invalid Content-Type: text/plain (RFC2045 §5.2). */
	{ "Content-Type: garbage\n\nx", "text/plain[h0+23 b23+1 v1 l0]" },
	/* Digest children default to message/rfc822 (RFC2046 §5.1.5). */
	{ "Content-Type: multipart/digest; boundary=d\n\n--d\n\nSubject: s\n\nb\n--d--\n",
	  "multipart/digest[h0+44 b44+25 v31 l6](message/rfc822[h48+1 b49+13 v15 l2]"
	  "(text/plain[h49+12 b61+1 v1 l0]))" },
};

static void test_tree(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(tree_cases) / sizeof(tree_cases[0]); i++) {
		struct arena a;
		arena_init(&a);
		struct mime_part *root = mime_parse(&a, tree_cases[i].in, strlen(tree_cases[i].in));
		assert_non_null(root);
		struct sbuf b;
		sbuf_init(&b, NULL);
		dump_part(&b, root);
		if (strcmp(sbuf_str(&b), tree_cases[i].tree) != 0)
			fprintf(stderr, "case %zu:\n  got  %s\n  want %s\n", i, sbuf_str(&b),
				tree_cases[i].tree);
		assert_string_equal(sbuf_str(&b), tree_cases[i].tree);
		sbuf_free(&b);
		arena_free(&a);
	}
}

static const struct {
	const char *ctype;
	const char *type, *subtype, *params;  /* params as "k=v;k=v" */
} ctype_cases[] = {
	{ "text/plain", "text", "plain", "" },
	{ " TEXT / HTML ; CHARSET=\"UTF-8\"", "TEXT", "HTML", "CHARSET=UTF-8" },
	{ "text/plain; charset = \"us-ascii\" (c) ; name=\"a \\\"q\\\" b\"", "text", "plain",
	  "charset=us-ascii;name=a \"q\" b" },
	{ "text/plain; a=1; a=2; noval; b=", "text", "plain", "a=2;b=" },
	{ "multipart/mixed; boundary=----=_Part_1.2", "multipart", "mixed", "boundary=----=_Part_1.2" },
	/* RFC 2231 continuations joined; "*" kept for encoded values. */
	{ "application/x; t*0*=us-ascii'en'a%20; t*1*=b; t*2=\"c d\"", "application", "x",
	  "t*=us-ascii'en'a%20bc d" },
	{ "application/x; n*1=\"two\"; n*0=\"one\"", "application", "x", "n=onetwo" },
	{ "text/plain;;; x=1;", "text", "plain", "x=1" },
	{ "text", "text", "plain", "" },      /* invalid: default */
	{ "/plain", "text", "plain", "" },
	{ "(comment) text/(c)plain", "text", "plain", "" },
};

static void test_ctype(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(ctype_cases) / sizeof(ctype_cases[0]); i++) {
		char msg[512];
		snprintf(msg, sizeof(msg), "Content-Type: %s\n\n", ctype_cases[i].ctype);
		struct arena a;
		arena_init(&a);
		struct mime_part *p = mime_parse(&a, msg, strlen(msg));
		assert_non_null(p);
		assert_string_equal(p->type.data, ctype_cases[i].type);
		assert_string_equal(p->subtype.data, ctype_cases[i].subtype);
		struct sbuf b;
		sbuf_init(&b, NULL);
		for (size_t k = 0; k < p->params.n; k++)
			sbuf_printf(&b, "%s%s=%s", k > 0 ? ";" : "", p->params.v[k].name.data,
				    p->params.v[k].value.data);
		assert_string_equal(sbuf_str(&b), ctype_cases[i].params);
		sbuf_free(&b);
		arena_free(&a);
	}
}

static void test_other_fields(void **state)
{
	(void)state;
	const char *m = "Content-Type: text/plain\nContent-ID: <x@y>\nContent-Description: d\n"
			"Content-Transfer-Encoding: (c) Base64 \nContent-MD5: m\n"
			"Content-Disposition: attachment; filename=\"f.txt\"\n"
			"Content-Language: en (English), de-DE\nContent-Location: http://x/\n\n";
	struct arena a;
	arena_init(&a);
	struct mime_part *p = mime_parse(&a, m, strlen(m));
	assert_string_equal(p->id.data, "<x@y>");
	assert_string_equal(p->description.data, "d");
	assert_string_equal(p->encoding.data, "Base64");
	assert_string_equal(p->md5.data, "m");
	assert_string_equal(p->disposition.data, "attachment");
	assert_int_equal(p->disp_params.n, 1);
	assert_string_equal(p->disp_params.v[0].value.data, "f.txt");
	assert_int_equal(p->nlanguages, 2);
	assert_string_equal(p->languages[0].data, "en");
	assert_string_equal(p->languages[1].data, "de-DE");
	assert_string_equal(p->location.data, "http://x/");
	arena_free(&a);
}

/* Nesting past MIME_MAX_DEPTH is cut off, not recursed into. */
static void test_depth_cap(void **state)
{
	(void)state;
	struct sbuf m;
	sbuf_init(&m, NULL);
	int levels = MIME_MAX_DEPTH * 3;
	for (int i = 0; i < levels; i++)
		sbuf_printf(&m, "Content-Type: multipart/mixed; boundary=\"b%d\"\n\n--b%d\n", i, i);
	sbuf_adds(&m, "\nleaf\n");
	struct arena a;
	arena_init(&a);
	struct mime_part *p = mime_parse(&a, m.data, m.len);
	assert_non_null(p);
	unsigned depth = 0;
	while (p->child != NULL) {
		p = p->child;
		depth++;
	}
	assert_int_equal(depth, MIME_MAX_DEPTH);
	assert_string_equal(p->type.data, "application");
	struct sbuf out;
	sbuf_init(&out, NULL);
	assert_true(mime_bodystructure_write(&out, &a, m.data, mime_parse(&a, m.data, m.len), true));
	sbuf_free(&out);
	sbuf_free(&m);
	arena_free(&a);

	/* message/rfc822 nesting the same way. */
	sbuf_init(&m, NULL);
	for (int i = 0; i < levels; i++)
		sbuf_adds(&m, "Content-Type: message/rfc822\n\n");
	arena_init(&a);
	p = mime_parse(&a, m.data, m.len);
	assert_non_null(p);
	sbuf_init(&out, NULL);
	assert_true(mime_bodystructure_write(&out, &a, m.data, p, true));
	sbuf_free(&out);
	sbuf_free(&m);
	arena_free(&a);
}

static void test_parts_cap(void **state)
{
	(void)state;
	struct sbuf m;
	sbuf_init(&m, NULL);
	sbuf_adds(&m, "Content-Type: multipart/mixed; boundary=b\n\n");
	for (int i = 0; i < MIME_MAX_PARTS + 50; i++)
		sbuf_adds(&m, "--b\n\nx\n");
	struct arena a;
	arena_init(&a);
	struct mime_part *p = mime_parse(&a, m.data, m.len);
	assert_non_null(p);
	assert_true(p->nchildren <= MIME_MAX_PARTS);
	sbuf_free(&m);
	arena_free(&a);
}

/* NUL bytes and 8-bit everywhere do not disturb offsets. */
static void test_binary(void **state)
{
	(void)state;
	const char m[] = "Subject: a\0b\nContent-Type: text/plain\n\n\0\xff\n\0";
	struct arena a;
	arena_init(&a);
	struct mime_part *p = mime_parse(&a, m, sizeof(m) - 1);
	assert_int_equal(p->hdr_len, 39);
	assert_int_equal(p->body_len, 4);
	assert_int_equal(p->body_vsize, 5);
	assert_int_equal(p->body_lines, 1);
	arena_free(&a);
}

/* The arena limit makes parsing fail cleanly, not crash. */
static void test_arena_limit(void **state)
{
	(void)state;
	const char *m = "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--b\n\ny\n--b--\n";
	for (size_t lim = 1; lim < 4096; lim += 7) {
		struct arena a;
		arena_init(&a);
		a.limit = lim;
		struct mime_part *p = mime_parse(&a, m, strlen(m));
		if (p != NULL) {
			struct sbuf b;
			sbuf_init(&b, &a);
			(void)mime_bodystructure_write(&b, &a, m, p, true);
		}
		arena_free(&a);
	}
}

/* CRLF-form offsets: BODY[] sliced at [hdr_voff, body_voff + body_vsize)
 * is the part, for every part of a mixed-line-end message. */
static void check_voff(const char *m, size_t mlen, const struct mime_part *p, const struct sbuf *full)
{
	struct sbuf b;
	sbuf_init(&b, NULL);
	mime_crlf_copy(&b, m + p->hdr_off, p->hdr_len + p->body_len, 0, SIZE_MAX);
	assert_int_equal(p->body_voff, p->hdr_voff + p->hdr_vsize);
	assert_int_equal(b.len, p->hdr_vsize + p->body_vsize);
	assert_true(p->hdr_voff + b.len <= full->len);
	if (b.len > 0)
		assert_memory_equal(full->data + p->hdr_voff, b.data, b.len);
	sbuf_free(&b);
	for (const struct mime_part *c = p->child; c != NULL; c = c->next)
		check_voff(m, mlen, c, full);
}

static void test_virtual_offsets(void **state)
{
	(void)state;
	const char *m = "Content-Type: multipart/mixed; boundary=b\r\n\n"
			"pre\n--b\r\nX: 1\n\none\r\n--b\n"
			"Content-Type: message/rfc822\n\r\nSubject: s\n\nin\r\nner\n--b--\n";
	struct arena a;
	arena_init(&a);
	struct mime_part *root = mime_parse(&a, m, strlen(m));
	struct sbuf full;
	sbuf_init(&full, NULL);
	mime_crlf_copy(&full, m, strlen(m), 0, SIZE_MAX);
	assert_int_equal(root->child->next->child->hdr_voff,
			 root->child->next->body_voff);
	check_voff(m, strlen(m), root, &full);
	sbuf_free(&full);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_crlf_size),
		cmocka_unit_test(test_crlf_copy_windows),
		cmocka_unit_test(test_header_len),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_tree),
		cmocka_unit_test(test_ctype),
		cmocka_unit_test(test_other_fields),
		cmocka_unit_test(test_depth_cap),
		cmocka_unit_test(test_parts_cap),
		cmocka_unit_test(test_binary),
		cmocka_unit_test(test_arena_limit),
		cmocka_unit_test(test_virtual_offsets),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
