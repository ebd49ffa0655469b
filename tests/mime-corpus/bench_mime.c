/*
 * bench_mime.c - throughput of the ENVELOPE fast path (header length +
 * envelope) and of a full parse + BODYSTRUCTURE, over the corpus
 * messages.  Not a test; run by hand:
 *   cc -std=c11 -D_GNU_SOURCE -Isrc -O2 tests/mime-corpus/bench_mime.c \
 *       src/mime/mime_*.c src/util/arena.c src/util/sbuf.c src/util/date.c src/util/base64.c -o build/mime/bench_mime
 *   build/mime/bench_mime tests/mime-corpus/msgs/[0-9]*.eml
 * or, for the FETCH ENVELOPE path over a maildir's files (open, read the
 * first 4 KiB, more only while the header goes on, envelope):
 *   build/mime/bench_mime -d DIR
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "mime/mime.h"

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Read a file's header the way a FETCH ENVELOPE executor should. */
static int envelope_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (d == NULL)
		return 1;
	struct arena a;
	arena_init(&a);
	struct sbuf out;
	sbuf_init(&out, NULL);
	size_t cap = 4096, n = 0;
	char *buf = malloc(cap);
	double t0 = now();
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		int fd = openat(dirfd(d), de->d_name, O_RDONLY);
		if (fd < 0)
			continue;
		size_t len = 0;
		bool complete = false;
		size_t h = 0;
		for (;;) {
			if (len == cap)
				buf = realloc(buf, cap *= 2);
			ssize_t r = read(fd, buf + len, cap - len);
			if (r <= 0)
				break;
			len += (size_t)r;
			h = mime_header_len(buf, len, &complete);
			if (complete)
				break;
		}
		close(fd);
		sbuf_reset(&out);
		mime_envelope_write(&out, &a, buf, h);
		arena_reset(&a);
		n++;
	}
	double t1 = now();
	closedir(d);
	printf("%zu files: FETCH ENVELOPE path %.3f s (%.0f messages/s)\n", n, t1 - t0,
	       (double)n / (t1 - t0));
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "-d") == 0)
		return envelope_dir(argv[2]);
	int n = argc - 1;
	char **msg = calloc((size_t)n, sizeof(char *));
	size_t *len = calloc((size_t)n, sizeof(size_t));
	size_t total = 0;
	for (int i = 0; i < n; i++) {
		FILE *f = fopen(argv[i + 1], "rb");
		if (f == NULL)
			return 1;
		msg[i] = malloc(1 << 20);
		len[i] = fread(msg[i], 1, 1 << 20, f);
		total += len[i];
		fclose(f);
	}
	if (n == 0)
		return 1;
	struct arena a;
	arena_init(&a);
	struct sbuf out;
	sbuf_init(&out, NULL);
	int rounds = 200000 / n + 1;
	double t0 = now();
	for (int r = 0; r < rounds; r++)
		for (int i = 0; i < n; i++) {
			bool complete;
			size_t h = mime_header_len(msg[i], len[i], &complete);
			sbuf_reset(&out);
			mime_envelope_write(&out, &a, msg[i], h);
			arena_reset(&a);
		}
	double t1 = now();
	for (int r = 0; r < rounds / 4 + 1; r++)
		for (int i = 0; i < n; i++) {
			struct mime_part *p = mime_parse(&a, msg[i], len[i]);
			sbuf_reset(&out);
			mime_bodystructure_write(&out, &a, msg[i], p, true);
			arena_reset(&a);
		}
	double t2 = now();
	printf("%d messages, %zu bytes on average\n", n, total / (size_t)n);
	printf("ENVELOPE (header scan + envelope): %.0f messages/s\n", rounds * (double)n / (t1 - t0));
	printf("parse + BODYSTRUCTURE:             %.0f messages/s\n",
	       (rounds / 4 + 1) * (double)n / (t2 - t1));
	return 0;
}
