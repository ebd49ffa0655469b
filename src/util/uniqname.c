/*
 * uniqname.c - maildir-style unique names (see uniqname.h).
 */
#include "util/uniqname.h"

#include <stdio.h>
#include <sys/time.h>
#include <unistd.h>

const char *uniq_host(void)
{
	static char host[128];
	if (host[0] != '\0')
		return host;
	char raw[64];
	if (gethostname(raw, sizeof(raw) - 1) != 0 || raw[0] == '\0')
		snprintf(raw, sizeof(raw), "localhost");
	raw[sizeof(raw) - 1] = '\0';
	size_t n = 0;
	for (const char *p = raw; *p != '\0' && n + 5 < sizeof(host); p++) {
		if (*p == '/' || *p == ':' || *p == ',')
			n += (size_t)snprintf(host + n, sizeof(host) - n, "\\%03o", (unsigned char)*p);
		else
			host[n++] = *p;
	}
	host[n] = '\0';
	return host;
}

size_t uniq_name(char *out, size_t outsz)
{
	static unsigned counter;
	struct timeval tv;
	gettimeofday(&tv, NULL);
	int n = snprintf(out, outsz, "%lld.M%ldP%ldQ%u.%s", (long long)tv.tv_sec, (long)tv.tv_usec,
			 (long)getpid(), ++counter, uniq_host());
	return n < 0 || (size_t)n >= outsz ? 0 : (size_t)n;
}
