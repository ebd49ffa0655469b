/*
 * fault.c - fault injection for crash-safety tests (see fault.h).
 */
#include "util/fault.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FAULT_MAX 8

struct fault {
	char name[48];
	unsigned at;       /* the hit that triggers (1 = first) */
	unsigned hits;
	char action;       /* 'k'ill, 'f'ail, 's'top */
};

static struct {
	bool parsed;
	size_t n;
	struct fault f[FAULT_MAX];
} faults;

static void parse(void)
{
	faults.parsed = true;
	faults.n = 0;
	const char *spec = getenv("IMAPD_FAULT");
	if (spec == NULL)
		return;
	while (*spec != '\0' && faults.n < FAULT_MAX) {
		const char *end = strchr(spec, ',');
		size_t len = end != NULL ? (size_t)(end - spec) : strlen(spec);
		const char *eq = memchr(spec, '=', len);
		if (eq != NULL) {
			struct fault *f = &faults.f[faults.n];
			size_t nl = (size_t)(eq - spec);
			const char *at = memchr(spec, '@', nl);
			f->at = 1;
			if (at != NULL) {
				f->at = (unsigned)strtoul(at + 1, NULL, 10);
				nl = (size_t)(at - spec);
			}
			const char *act = eq + 1;
			size_t al = len - (size_t)(act - spec);
			if (nl > 0 && nl < sizeof(f->name) && f->at > 0 &&
			    ((al == 4 && memcmp(act, "kill", 4) == 0) ||
			     (al == 4 && memcmp(act, "fail", 4) == 0) ||
			     (al == 4 && memcmp(act, "stop", 4) == 0))) {
				memcpy(f->name, spec, nl);
				f->name[nl] = '\0';
				f->action = act[0];
				f->hits = 0;
				faults.n++;
			}
		}
		spec = end != NULL ? end + 1 : spec + len;
	}
}

bool fault_point(const char *name)
{
	if (!faults.parsed)
		parse();
	for (size_t i = 0; i < faults.n; i++) {
		struct fault *f = &faults.f[i];
		if (strcmp(f->name, name) != 0 || ++f->hits != f->at)
			continue;
		if (f->action == 'k') {
			kill(getpid(), SIGKILL);
			_exit(137);  /* not reached */
		}
		if (f->action == 's') {
			kill(getpid(), SIGSTOP);
			return false;
		}
		return true;
	}
	return false;
}

void fault_reset(void)
{
	faults.parsed = false;
	faults.n = 0;
}
