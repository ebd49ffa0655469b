/*
 * test_mime_corpus.c - our ENVELOPE, BODY, BODYSTRUCTURE, RFC822.SIZE and
 * BODY[section] for every message of tests/mime-corpus/msgs/, compared
 * with what Dovecot returned for the same files (tests/mime-corpus/
 * dovecot/NAME.out, written by regen-with-dovecot.sh).  Where we follow
 * the RFC instead of Dovecot, tests/mime-corpus/expected/NAME.out holds
 * our answer for those keys and NAME.why says why.
 *
 * ENVELOPE/BODY/BODYSTRUCTURE are compared as IMAP values (a string may
 * be quoted or a literal on the wire); section octets byte for byte.
 * One cmocka test per corpus message.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mime/mime.h"

static char corpus[4096];

static char *read_file(const char *path, size_t *len_r)
{
	FILE *f = fopen(path, "rb");
	if (f == NULL)
		return NULL;
	size_t cap = 4096, len = 0;
	char *buf = malloc(cap);
	size_t n;
	while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
		len += n;
		if (len == cap)
			buf = realloc(buf, cap *= 2);
	}
	fclose(f);
	*len_r = len;
	return buf;
}

/* One "== KEY LEN\n<octets>\n" record. */
struct rec {
	char key[512];
	bool nil;
	const char *data;
	size_t len;
};

static size_t parse_recs(const char *buf, size_t len, struct rec *recs, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		const char *nl = memchr(buf + i, '\n', len - i);
		assert_non_null(nl);
		size_t ll = (size_t)(nl - (buf + i));
		assert_true(ll > 3 && memcmp(buf + i, "== ", 3) == 0);
		const char *sp = buf + i + ll;
		while (sp > buf + i && sp[-1] != ' ')
			sp--;
		struct rec *r = &recs[n++];
		size_t kl = (size_t)(sp - 1 - (buf + i + 3));
		assert_true(kl < sizeof(r->key));
		memcpy(r->key, buf + i + 3, kl);
		r->key[kl] = '\0';
		i += ll + 1;
		if (strncmp(sp, "NIL", 3) == 0) {
			r->nil = true;
			r->data = "";
			r->len = 0;
			continue;
		}
		r->nil = false;
		r->len = strtoul(sp, NULL, 10);
		assert_true(i + r->len + 1 <= len);
		r->data = buf + i;
		i += r->len + 1;
	}
	return n;
}

/* Canonical form of an IMAP value: whitespace dropped, every string in
 * one escaped form, so quoted vs literal does not matter. */
static void canon(const char *s, size_t len, struct sbuf *out)
{
	size_t i = 0;
	while (i < len) {
		char c = s[i];
		if (c == ' ' || c == '\r' || c == '\n') {
			i++;
		} else if (c == '(' || c == ')') {
			sbuf_addc(out, c);
			sbuf_addc(out, ' ');
			i++;
		} else if (c == '"' || c == '{') {
			sbuf_addc(out, '<');
			if (c == '"') {
				for (i++; i < len && s[i] != '"'; i++) {
					if (s[i] == '\\' && i + 1 < len)
						i++;
					sbuf_addc(out, s[i]);
				}
				i++;
			} else {
				size_t n = strtoul(s + i + 1, NULL, 10);
				const char *body = memchr(s + i, '\n', len - i);
				assert_non_null(body);
				body++;
				sbuf_add(out, body, n);
				i = (size_t)(body - s) + n;
			}
			sbuf_adds(out, "> ");
		} else {
			while (i < len && s[i] != ' ' && s[i] != '(' && s[i] != ')' && s[i] != '\r')
				sbuf_addc(out, s[i++]);
			sbuf_addc(out, ' ');
		}
	}
}

/* "1.2.HEADER.FIELDS (A B)<3.4>" into a section and partial. */
static void parse_section(struct arena *a, const char *spec, struct imap_section *sec,
			  bool *partial, uint32_t *start, uint32_t *count)
{
	memset(sec, 0, sizeof(*sec));
	sec->parts = arena_alloc(a, sizeof(uint32_t) * 64);
	const char *p = spec;
	while (*p >= '0' && *p <= '9') {
		sec->parts[sec->nparts++] = (uint32_t)strtoul(p, (char **)&p, 10);
		if (*p == '.')
			p++;
	}
	const char *close = strrchr(p, ']');
	size_t tl = close != NULL ? (size_t)(close - p) : strlen(p);
	char text[512];
	memcpy(text, p, tl);
	text[tl] = '\0';
	if (strncmp(text, "HEADER.FIELDS.NOT", 17) == 0)
		sec->text = IMAP_SECTION_HEADER_FIELDS_NOT;
	else if (strncmp(text, "HEADER.FIELDS", 13) == 0)
		sec->text = IMAP_SECTION_HEADER_FIELDS;
	else if (strcmp(text, "HEADER") == 0)
		sec->text = IMAP_SECTION_HEADER;
	else if (strcmp(text, "TEXT") == 0)
		sec->text = IMAP_SECTION_TEXT;
	else if (strcmp(text, "MIME") == 0)
		sec->text = IMAP_SECTION_MIME;
	else
		assert_true(tl == 0);
	if (sec->text == IMAP_SECTION_HEADER_FIELDS || sec->text == IMAP_SECTION_HEADER_FIELDS_NOT) {
		sec->fields = arena_alloc(a, sizeof(struct imap_string) * 32);
		char *q = strchr(text, '(') + 1;
		while (*q != ')' && *q != '\0') {
			char *e = q;
			while (*e != ' ' && *e != ')')
				e++;
			struct imap_string *f = &sec->fields[sec->nfields++];
			f->data = arena_strndup(a, q, (size_t)(e - q));
			f->len = (size_t)(e - q);
			q = *e == ' ' ? e + 1 : e;
		}
	}
	*partial = false;
	if (close != NULL && close[1] == '<') {
		*partial = true;
		*start = (uint32_t)strtoul(close + 2, (char **)&p, 10);
		*count = (uint32_t)strtoul(p + 1, NULL, 10);
	}
}

static void show(const char *what, const char *s, size_t n)
{
	fprintf(stderr, "    %s (%zu): ", what, n);
	for (size_t i = 0; i < n && i < 2000; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\r')
			fputs("\\r", stderr);
		else if (c == '\n')
			fputs("\\n", stderr);
		else if (c < 32 || c >= 127)
			fprintf(stderr, "\\x%02x", c);
		else
			fputc(c, stderr);
	}
	fputc('\n', stderr);
}

static void test_message(void **state)
{
	const char *name = *state;
	char path[8192];
	size_t mlen, dlen, olen = 0;
	snprintf(path, sizeof(path), "%s/msgs/%s.eml", corpus, name);
	char *msg = read_file(path, &mlen);
	assert_non_null(msg);
	snprintf(path, sizeof(path), "%s/dovecot/%s.out", corpus, name);
	char *dov = read_file(path, &dlen);
	assert_non_null(dov);
	snprintf(path, sizeof(path), "%s/expected/%s.out", corpus, name);
	char *ovr = read_file(path, &olen);

	static struct rec recs[256], ovrs[64];
	size_t n = parse_recs(dov, dlen, recs, 256);
	size_t no = ovr != NULL ? parse_recs(ovr, olen, ovrs, 64) : 0;
	assert_true(n >= 5);

	struct arena a;
	arena_init(&a);
	struct mime_part *root = mime_parse(&a, msg, mlen);
	assert_non_null(root);
	/* The header-only fast path must agree with the full parse. */
	struct mime_part *hroot = mime_parse_header(&a, msg, mlen);
	assert_non_null(hroot);
	assert_int_equal(hroot->hdr_len, root->hdr_len);

	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		const struct rec *want = &recs[i];
		for (size_t k = 0; k < no; k++)
			if (strcmp(ovrs[k].key, want->key) == 0)
				want = &ovrs[k];
		struct sbuf got;
		sbuf_init(&got, NULL);
		bool value = true;
		if (strcmp(want->key, "ENVELOPE") == 0) {
			assert_true(mime_envelope_write(&got, &a, msg, root->hdr_len));
		} else if (strcmp(want->key, "BODY") == 0) {
			assert_true(mime_bodystructure_write(&got, &a, msg, root, false));
		} else if (strcmp(want->key, "BODYSTRUCTURE") == 0) {
			assert_true(mime_bodystructure_write(&got, &a, msg, root, true));
		} else if (strcmp(want->key, "RFC822.SIZE") == 0) {
			size_t vs;
			mime_crlf_size(msg, mlen, &vs, NULL);
			sbuf_printf(&got, "%zu", vs);
		} else {
			assert_true(strncmp(want->key, "BODY[", 5) == 0);
			struct imap_section sec;
			bool partial;
			uint32_t start = 0, count = 0;
			parse_section(&a, want->key + 5, &sec, &partial, &start, &count);
			assert_true(mime_section_write(&got, &a, msg, mlen, root, &sec, partial,
						       start, count));
			value = false;
		}
		bool same;
		if (value) {
			struct sbuf cw, cg;
			sbuf_init(&cw, NULL);
			sbuf_init(&cg, NULL);
			canon(want->data, want->len, &cw);
			canon(got.data, got.len, &cg);
			same = cw.len == cg.len && memcmp(sbuf_str(&cw), sbuf_str(&cg), cw.len) == 0;
			sbuf_free(&cw);
			sbuf_free(&cg);
		} else {
			same = got.len == want->len && memcmp(sbuf_str(&got), want->data, got.len) == 0;
		}
		if (!same) {
			fprintf(stderr, "  %s %s differs\n", name, want->key);
			show(want == &recs[i] ? "dovecot" : "expected", want->data, want->len);
			show("ours   ", sbuf_str(&got), got.len);
			bad++;
		}
		sbuf_free(&got);
	}
	arena_free(&a);
	free(msg);
	free(dov);
	free(ovr);
	assert_int_equal(bad, 0);
}

static int cmp_str(const void *x, const void *y)
{
	return strcmp(*(char *const *)x, *(char *const *)y);
}

int main(void)
{
	const char *env = getenv("MIME_CORPUS");
	if (env != NULL) {
		snprintf(corpus, sizeof(corpus), "%s", env);
	} else {
		/* __FILE__ is tests/unit/test_mime_corpus.c as make passes it. */
		snprintf(corpus, sizeof(corpus), "%s", __FILE__);
		char *s = strstr(corpus, "unit/test_mime_corpus.c");
		if (s != NULL)
			strcpy(s, "mime-corpus");
	}
	char dir[4200];
	snprintf(dir, sizeof(dir), "%s/msgs", corpus);
	DIR *d = opendir(dir);
	if (d == NULL) {
		fprintf(stderr, "cannot open %s (set MIME_CORPUS)\n", dir);
		return 1;
	}
	char *names[512];
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL && n < 512) {
		size_t l = strlen(de->d_name);
		if (l > 4 && strcmp(de->d_name + l - 4, ".eml") == 0)
			names[n++] = strndup(de->d_name, l - 4);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_str);
	struct CMUnitTest *tests = calloc(n, sizeof(*tests));
	for (size_t i = 0; i < n; i++) {
		tests[i].name = names[i];
		tests[i].test_func = test_message;
		tests[i].initial_state = names[i];
	}
	int rc = _cmocka_run_group_tests("mime_corpus", tests, n, NULL, NULL);
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(tests);
	return rc;
}
