/*
 * fuzz_config.c - libFuzzer target for imapd.conf (src/util/config.c).
 * Whatever octets the file holds:
 *   - reading it does not crash, leak or read out of bounds;
 *   - every report is "<file>:<line>: <message>" with a line number of
 *     the file, in order, and their count is what config_read() returns;
 *   - a line holding a NUL is reported (not silently cut short);
 *   - every value kept is within its key's bounds.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/config.h"

#define NAME "fuzz.conf"

static unsigned nreports, last_line, lines;
static unsigned char nul_line[8193];   /* [n]: line n holds a NUL */
static unsigned char reported[8193];

static void report(const char *msg)
{
	if (strncmp(msg, NAME ":", strlen(NAME ":")) != 0)
		abort();
	char *end;
	unsigned long n = strtoul(msg + strlen(NAME ":"), &end, 10);
	if (end[0] != ':' || end[1] != ' ' || end[2] == '\0' || n == 0 || n > lines || n < last_line) {
		fprintf(stderr, "bad report (%u lines): %s\n", lines, msg);
		abort();
	}
	if (n < sizeof(reported))
		reported[n] = 1;
	last_line = (unsigned)n;
	nreports++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0 || size > 8192)
		return 0;
	nreports = last_line = lines = 0;
	memset(nul_line, 0, sizeof(nul_line));
	memset(reported, 0, sizeof(reported));
	for (size_t i = 0; i < size; i++) {
		if (i == 0 || data[i - 1] == '\n')
			lines++;
		if (data[i] == '\0')
			nul_line[lines] = 1;
	}
	FILE *f = fmemopen((void *)data, size, "r");
	if (f == NULL)
		return 0;
	struct imapd_config cfg;
	int errors = config_read(&cfg, f, NAME, report);
	fclose(f);
	if (errors < 0 || (unsigned)errors != nreports)
		abort();
	for (unsigned n = 1; n <= lines; n++)
		if (nul_line[n] && !reported[n]) {
			fprintf(stderr, "line %u holds a NUL and was not reported\n", n);
			abort();
		}
	if (cfg.configdirectory == NULL || cfg.mail_location == NULL || cfg.defaultdomain == NULL
	    || cfg.timeout < 30 || cfg.maxline < 1024 || cfg.maxline > (1u << 30)
	    || cfg.maxliteral < 1024 || cfg.failed_login_delay > 60 || cfg.login_timeout < 1
	    || cfg.virtdomains > CONFIG_VIRTDOMAINS_USERID || !cfg.loaded)
		abort();
	for (size_t i = 0; i < cfg.nsasl; i++)
		if (cfg.sasl[i].key == NULL || cfg.sasl[i].value == NULL || cfg.sasl[i].key[0] == '\0')
			abort();
	config_free(&cfg);
	return 0;
}
