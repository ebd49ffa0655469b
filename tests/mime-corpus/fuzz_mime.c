/*
 * fuzz_mime.c - libFuzzer target for src/mime: parse arbitrary bytes as
 * a message, then render ENVELOPE, BODY, BODYSTRUCTURE, a set of
 * sections, search and Date parsing, and check invariants (section sizes
 * match the tree, the output parenthesis balance).
 *
 *   clang -std=c11 -D_GNU_SOURCE -Isrc -g -O1 -fsanitize=fuzzer,address,undefined \
 *       tests/mime-corpus/fuzz_mime.c src/mime/mime_*.c src/util/arena.c src/util/sbuf.c src/util/date.c src/util/base64.c \
 *       -o build/mime/fuzz_mime
 *   mkdir -p build/mime/fuzz-corpus
 *   build/mime/fuzz_mime -max_total_time=300 -max_len=65536 \
 *       build/mime/fuzz-corpus tests/mime-corpus/msgs
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "mime/mime.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Parentheses outside quoted strings and literals must balance. */
static void check_balanced(const struct sbuf *b)
{
	long depth = 0;
	const char *s = sbuf_str(b);
	for (size_t i = 0; i < b->len; i++) {
		if (s[i] == '"') {
			for (i++; i < b->len && s[i] != '"'; i++)
				if (s[i] == '\\')
					i++;
		} else if (s[i] == '{') {
			char *e;
			unsigned long n = strtoul(s + i + 1, &e, 10);
			if (e[0] != '}' || e[1] != '\r' || e[2] != '\n')
				abort();
			i = (size_t)(e + 2 - s) + n;
		} else if (s[i] == '(') {
			depth++;
		} else if (s[i] == ')') {
			if (--depth < 0)
				abort();
		}
	}
	if (depth != 0)
		abort();
}

static void walk(struct arena *a, const char *msg, size_t len, const struct mime_part *root,
		 const struct mime_part *p, uint32_t *path, size_t depth)
{
	static const enum imap_section_text texts[] = {
		IMAP_SECTION_NONE, IMAP_SECTION_MIME, IMAP_SECTION_HEADER, IMAP_SECTION_TEXT,
		IMAP_SECTION_HEADER_FIELDS,
	};
	struct imap_string fields[2] = { { "subject", 7, IMAP_STR_ATOM, -1 },
					 { "content-type", 12, IMAP_STR_ATOM, -1 } };
	for (size_t t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
		struct imap_section sec = { .nparts = depth, .parts = path, .text = texts[t],
					    .nfields = 2, .fields = fields };
		struct sbuf out;
		sbuf_init(&out, NULL);
		if (!mime_section_write(&out, a, msg, len, root, &sec, t == 3, 1, 7))
			abort();
		sbuf_free(&out);
	}
	if (depth >= 6)
		return;
	uint32_t n = 1;
	for (const struct mime_part *c = p->child; c != NULL && n <= 3; c = c->next, n++) {
		path[depth] = n;
		walk(a, msg, len, root, c, path, depth + 1);
	}
}

/* Offsets and sizes of every part agree with each other and the buffer. */
static void check_part(const char *msg, size_t size, const struct mime_part *p)
{
	size_t voff;
	mime_crlf_size(msg, p->hdr_off, &voff, NULL);
	if (p->hdr_off + p->hdr_len != p->body_off || p->body_off + p->body_len > size ||
	    p->hdr_voff != voff || p->body_voff != p->hdr_voff + p->hdr_vsize)
		abort();
	for (const struct mime_part *c = p->child; c != NULL; c = c->next) {
		if (c->hdr_off < p->body_off || c->body_off + c->body_len > p->body_off + p->body_len)
			abort();
		check_part(msg, size, c);
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *msg = (const char *)data;
	struct arena a;
	arena_init(&a);
	struct mime_part *root = mime_parse(&a, msg, size);
	if (root == NULL)
		abort();
	struct sbuf out;
	sbuf_init(&out, NULL);
	if (!mime_envelope_write(&out, &a, msg, root->hdr_len))
		abort();
	check_balanced(&out);
	sbuf_reset(&out);
	if (!mime_bodystructure_write(&out, &a, msg, root, true))
		abort();
	check_balanced(&out);
	sbuf_reset(&out);
	if (!mime_bodystructure_write(&out, &a, msg, root, false))
		abort();
	check_balanced(&out);
	sbuf_reset(&out);

	/* BODY[] is the whole message in CRLF form. */
	struct imap_section whole = { 0 };
	size_t vs;
	mime_crlf_size(msg, size, &vs, NULL);
	if (!mime_section_write(&out, &a, msg, size, root, &whole, false, 0, 0) || out.len != vs)
		abort();
	sbuf_free(&out);

	/* Every part's BODY[n] is as long as BODYSTRUCTURE says. */
	uint32_t path[8];
	walk(&a, msg, size, root, root, path, 0);
	check_part(msg, size, root);

	struct mime_needle n;
	if (!mime_needle_init(&n, &a, "\xc3\xa4pfel", 6))
		abort();
	(void)mime_search_text(&n, &a, msg, root);
	(void)mime_search_header(&n, &a, msg, root->hdr_len, "subject");
	struct mime_date d;
	(void)mime_header_date(&a, msg, root->hdr_len, &d);
	struct mime_part *h = mime_parse_header(&a, msg, size);
	if (h == NULL || h->hdr_len != root->hdr_len)
		abort();

	/* SORT and THREAD (RFC5256): the whole input as a Subject, a From,
	 * and References; the base subject never grows and the thread of
	 * the IDs found nests every message exactly once. */
	struct mime_str subj, mbox, disp, *refs;
	bool reply;
	size_t nrefs;
	if (!mime_base_subject(&a, msg, size, &subj, &reply) || subj.len > 3 * size + 1)
		abort();
	if (!mime_address_first(&a, msg, size, &mbox, &disp))
		abort();
	struct mime_str all = { msg, size };
	if (!mime_thread_refs(&a, &all, &all, &refs, &nrefs))
		abort();
	struct mime_thread_msg tm[3];
	for (size_t i = 0; i < 3; i++) {
		tm[i] = (struct mime_thread_msg){ .seq = (uint32_t)i + 1, .date = (int64_t)(i % 2),
			.subject = subj, .reply = i > 0, .nrefs = nrefs > i ? nrefs - i : 0,
			.refs = nrefs > i ? refs + i : NULL };
		if (nrefs > i)
			tm[i].msgid = refs[nrefs - 1 - i];
	}
	struct mime_thread t;
	for (int alg = 0; alg < 2; alg++) {
		if (!(alg ? mime_thread_orderedsubject(tm, 3, &t) : mime_thread_references(tm, 3, &t)))
			abort();
		size_t seen = 0;
		for (size_t x = 1; x < t.n; x++)
			if (t.nodes[x].msg != MIME_THREAD_DUMMY && t.nodes[x].parent != MIME_THREAD_NONE)
				seen++;
		if (seen != 3)
			abort();
		mime_thread_free(&t);
	}
	arena_free(&a);
	return 0;
}
