/*
 * test_mime_section.c - BODY[section]<partial> octets (RFC3501 §6.4.5)
 * on small messages whose every octet the table shows.
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

static const char *msg_mixed =
	"From: a@b\n"
	"Subject: s\n"
	" continued\n"
	"Content-Type: multipart/mixed; boundary=B\n"
	"\n"
	"pre\n"
	"--B\n"
	"Content-Type: text/plain\n"
	"\n"
	"one\n"
	"--B\n"
	"Content-Type: message/rfc822\n"
	"\n"
	"To: c@d\n"
	"SUBJECT: inner\n"
	"\n"
	"inner body\n"
	"--B\n"
	"Content-Type: multipart/alternative; boundary=C\n"
	"\n"
	"--C\n"
	"\n"
	"alt1\n"
	"--C\n"
	"Content-Type: text/html\n"
	"\n"
	"<p>alt2</p>\n"
	"--C--\n"
	"--B--\n";

static const char *msg_single = "Subject: x\r\n\r\nline1\nline2\n";
static const char *msg_headeronly = "Subject: x\nTo: y";

/* spec: parts "." text, fields after ":" separated by ",", partial "<s.c>" */
static const struct {
	const char **msg;
	const char *spec;
	const char *want;
} cases[] = {
	{ &msg_mixed, "HEADER:", "From: a@b\r\nSubject: s\r\n continued\r\nContent-Type: multipart/mixed; boundary=B\r\n\r\n" },
	{ &msg_mixed, "HEADER.FIELDS:subject", "Subject: s\r\n continued\r\n\r\n" },
	{ &msg_mixed, "HEADER.FIELDS:FROM,nothing", "From: a@b\r\n\r\n" },
	{ &msg_mixed, "HEADER.FIELDS.NOT:subject,content-type", "From: a@b\r\n\r\n" },
	{ &msg_mixed, "1", "one" },
	{ &msg_mixed, "1.MIME", "Content-Type: text/plain\r\n\r\n" },
	{ &msg_mixed, "2", "To: c@d\r\nSUBJECT: inner\r\n\r\ninner body" },
	{ &msg_mixed, "2.MIME", "Content-Type: message/rfc822\r\n\r\n" },
	{ &msg_mixed, "2.HEADER", "To: c@d\r\nSUBJECT: inner\r\n\r\n" },
	{ &msg_mixed, "2.TEXT", "inner body" },
	{ &msg_mixed, "2.HEADER.FIELDS:Subject", "SUBJECT: inner\r\n\r\n" },
	{ &msg_mixed, "2.1", "inner body" },      /* the held message's only part */
	{ &msg_mixed, "2.1.MIME", "To: c@d\r\nSUBJECT: inner\r\n\r\n" },
	{ &msg_mixed, "2.2", "" },
	{ &msg_mixed, "3.1", "alt1" },
	{ &msg_mixed, "3.2", "<p>alt2</p>" },
	{ &msg_mixed, "3.2.MIME", "Content-Type: text/html\r\n\r\n" },
	{ &msg_mixed, "3", "--C\r\n\r\nalt1\r\n--C\r\nContent-Type: text/html\r\n\r\n<p>alt2</p>\r\n--C--" },
	{ &msg_mixed, "3.3", "" },
	{ &msg_mixed, "4", "" },
	{ &msg_mixed, "1.1", "" },                /* a leaf has no sub-parts */
	{ &msg_mixed, "1.HEADER", "" },           /* not a message/rfc822 part */
	{ &msg_mixed, "0", "" },
	{ &msg_mixed, "TEXT<0.5>", "pre\r\n" },
	{ &msg_mixed, "<0.4>", "From" },
	{ &msg_mixed, "<5.6>", " a@b\r\n" },
	{ &msg_mixed, "1<1.100>", "ne" },
	{ &msg_mixed, "1<3.1>", "" },            /* origin at the end: empty */
	{ &msg_mixed, "1<99.1>", "" },
	{ &msg_mixed, "HEADER.FIELDS:subject<10.7>", "\r\n cont" },
	{ &msg_single, "1", "line1\r\nline2\r\n" },
	{ &msg_single, "1.MIME", "Subject: x\r\n\r\n" },
	{ &msg_single, "TEXT", "line1\r\nline2\r\n" },
	{ &msg_single, "2", "" },
	{ &msg_single, "<12.3>", "\r\nl" },
	{ &msg_headeronly, "HEADER", "Subject: x\r\nTo: y" },
	{ &msg_headeronly, "TEXT", "" },
	{ &msg_headeronly, "HEADER.FIELDS:to", "To: y\r\n" },
	{ &msg_headeronly, "HEADER.FIELDS:none", "" },
	{ &msg_headeronly, "1", "" },
};

static void parse_spec(struct arena *a, const char *spec, struct imap_section *sec, bool *partial,
		       uint32_t *start, uint32_t *count)
{
	memset(sec, 0, sizeof(*sec));
	sec->parts = arena_alloc(a, 16 * sizeof(uint32_t));
	sec->fields = arena_alloc(a, 16 * sizeof(struct imap_string));
	const char *p = spec;
	while (*p >= '0' && *p <= '9') {
		sec->parts[sec->nparts++] = (uint32_t)strtoul(p, (char **)&p, 10);
		if (*p == '.')
			p++;
	}
	size_t tl = strcspn(p, ":<");
	if (tl == 17 && strncmp(p, "HEADER.FIELDS.NOT", tl) == 0)
		sec->text = IMAP_SECTION_HEADER_FIELDS_NOT;
	else if (tl == 13 && strncmp(p, "HEADER.FIELDS", tl) == 0)
		sec->text = IMAP_SECTION_HEADER_FIELDS;
	else if (tl == 6 && strncmp(p, "HEADER", tl) == 0)
		sec->text = IMAP_SECTION_HEADER;
	else if (tl == 4 && strncmp(p, "TEXT", tl) == 0)
		sec->text = IMAP_SECTION_TEXT;
	else if (tl == 4 && strncmp(p, "MIME", tl) == 0)
		sec->text = IMAP_SECTION_MIME;
	p += tl;
	if (*p == ':') {
		p++;
		while (*p != '\0' && *p != '<') {
			size_t fl = strcspn(p, ",<");
			struct imap_string *f = &sec->fields[sec->nfields++];
			f->data = arena_strndup(a, p, fl);
			f->len = fl;
			p += fl;
			if (*p == ',')
				p++;
		}
	}
	*partial = *p == '<';
	if (*partial) {
		*start = (uint32_t)strtoul(p + 1, (char **)&p, 10);
		*count = (uint32_t)strtoul(p + 1, NULL, 10);
	}
}

static void test_sections(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct arena a;
		arena_init(&a);
		const char *m = *cases[i].msg;
		struct mime_part *root = mime_parse(&a, m, strlen(m));
		struct imap_section sec;
		bool partial;
		uint32_t start = 0, count = 0;
		parse_spec(&a, cases[i].spec, &sec, &partial, &start, &count);
		struct sbuf out;
		sbuf_init(&out, &a);
		assert_true(mime_section_write(&out, &a, m, strlen(m), root, &sec, partial, start, count));
		if (strcmp(sbuf_str(&out), cases[i].want) != 0)
			fprintf(stderr, "case %zu %s:\n  got  [%s]\n  want [%s]\n", i, cases[i].spec,
				sbuf_str(&out), cases[i].want);
		assert_string_equal(sbuf_str(&out), cases[i].want);
		arena_free(&a);
	}
}

/* BODYSTRUCTURE sizes equal the lengths of the section data they describe. */
static void test_sizes_agree(void **state)
{
	(void)state;
	struct arena a;
	arena_init(&a);
	const char *m = msg_mixed;
	struct mime_part *root = mime_parse(&a, m, strlen(m));
	uint32_t parts[2];
	const struct { uint32_t p[2]; size_t n; } paths[] = {
		{ { 1, 0 }, 1 }, { { 2, 0 }, 1 }, { { 3, 1 }, 2 }, { { 3, 2 }, 2 }, { { 3, 0 }, 1 },
	};
	for (size_t i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		memcpy(parts, paths[i].p, sizeof(parts));
		const struct mime_part *p = mime_section_part(root, parts, paths[i].n);
		assert_non_null(p);
		struct imap_section sec = { .nparts = paths[i].n, .parts = parts };
		struct sbuf out;
		sbuf_init(&out, &a);
		assert_true(mime_section_write(&out, &a, m, strlen(m), root, &sec, false, 0, 0));
		assert_int_equal(out.len, p->body_vsize);
		size_t lines = 0;
		for (size_t k = 0; k < out.len; k++)
			lines += out.data[k] == '\n';
		assert_int_equal(lines, p->body_lines);
	}
	arena_free(&a);
}

/* NUL is sent as 0x80 (a literal cannot carry NUL); sizes unchanged. */
static void test_nul(void **state)
{
	(void)state;
	static const char m[] = "S: a\n\nx\0y\n";
	struct arena a;
	arena_init(&a);
	struct mime_part *root = mime_parse(&a, m, sizeof(m) - 1);
	struct imap_section sec = { 0 };
	sec.text = IMAP_SECTION_TEXT;
	struct sbuf out;
	sbuf_init(&out, &a);
	assert_true(mime_section_write(&out, &a, m, sizeof(m) - 1, root, &sec, false, 0, 0));
	assert_int_equal(out.len, 5);
	assert_memory_equal(out.data, "x\x80y\r\n", 5);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections),
		cmocka_unit_test(test_sizes_agree),
		cmocka_unit_test(test_nul),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
