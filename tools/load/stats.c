/*
 * stats.c - imapload's figures: a latency histogram per command kind
 * (log-scaled buckets, 1 µs to 100 s, about 2% wide), error counts, and
 * the report: a table for people and key=value lines for scripts.
 */
#include "load.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

const char *const cmd_names[K_KINDS] = {
	[K_CONNECT] = "connect", [K_GREETING] = "greeting", [K_LOGIN] = "LOGIN",
	[K_SELECT] = "SELECT", [K_FETCH] = "FETCH", [K_FETCHBODY] = "FETCH-BODY",
	[K_STORE] = "STORE", [K_SEARCH] = "SEARCH", [K_APPEND] = "APPEND",
	[K_EXPUNGE] = "EXPUNGE", [K_NOOP] = "NOOP", [K_STATUS] = "STATUS", [K_CREATE] = "CREATE",
	[K_LOGOUT] = "LOGOUT", [K_ROUND] = "login-round",
};

#define BUCKETS 1000
#define BASE_US 1.0
#define GROWTH 1.02      /* bucket b covers [BASE * GROWTH^b, BASE * GROWTH^(b+1)) µs */

static uint64_t hist[K_KINDS][BUCKETS];
static uint64_t counts[K_KINDS];
static double maxes[K_KINDS], sums[K_KINDS];
static uint64_t errors_total;

void stats_latency(int kind, double seconds)
{
	double us = seconds * 1e6;
	int b = us <= BASE_US ? 0 : (int)(log(us / BASE_US) / log(GROWTH));
	if (b >= BUCKETS)
		b = BUCKETS - 1;
	hist[kind][b]++;
	counts[kind]++;
	sums[kind] += seconds;
	if (seconds > maxes[kind])
		maxes[kind] = seconds;
}

uint64_t stats_count(int kind)
{
	return counts[kind];
}

/* The q-quantile of kind in milliseconds (the bucket's upper edge). */
static double quantile(int kind, double q)
{
	uint64_t want = (uint64_t)ceil(q * (double)counts[kind]), seen = 0;
	for (int b = 0; b < BUCKETS; b++) {
		seen += hist[kind][b];
		if (seen >= want && seen > 0)
			return BASE_US * pow(GROWTH, b + 1) / 1000;
	}
	return maxes[kind] * 1000;
}

void stats_error(struct client *c, const char *fmt, ...)
{
	c->group->errors++;
	errors_total++;
	if (errors_total > 20 && !opt.verbose) {
		if (errors_total == 21)
			fprintf(stderr, "imapload: more errors; -v shows them all\n");
		return;
	}
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	fprintf(stderr, "imapload: %s client %d (%s): %s\n", c->w->name, c->id, client_user(c), msg);
}

void stats_report(struct group *groups, int ngroups, double elapsed, double cpu)
{
	uint64_t commands = 0, errors = 0, refused = 0, timeouts = 0, rounds = 0;
	printf("%-10s %8s %10s %9s %7s %7s %8s %8s %10s\n", "workload", "clients", "commands",
	       "rounds", "errors", "refused", "timeouts", "closed", "connects");
	for (int i = 0; i < ngroups; i++) {
		struct group *g = &groups[i];
		printf("%-10s %8d %10llu %9llu %7llu %7llu %8llu %8llu %10llu%s\n",
		       workloads[g->kind]->name, g->count, (unsigned long long)g->commands,
		       (unsigned long long)g->rounds, (unsigned long long)g->errors,
		       (unsigned long long)g->refused, (unsigned long long)g->timeouts,
		       (unsigned long long)g->closed_by_server, (unsigned long long)g->connects,
		       g->tls ? " (TLS)" : "");
		if (!workloads[g->kind]->hostile) {
			commands += g->commands;
			errors += g->errors;
			refused += g->refused;
			timeouts += g->timeouts;
			rounds += g->rounds;
		}
	}
	printf("\n%-12s %10s %9s %9s %9s %9s\n", "latency", "count", "p50 ms", "p99 ms", "max ms",
	       "mean ms");
	for (int k = 0; k < K_KINDS; k++) {
		if (counts[k] == 0)
			continue;
		printf("%-12s %10llu %9.2f %9.2f %9.2f %9.2f\n", cmd_names[k],
		       (unsigned long long)counts[k], quantile(k, 0.5), quantile(k, 0.99),
		       maxes[k] * 1000, sums[k] / (double)counts[k] * 1000);
	}
	/* For scripts: one key=value line per figure set. */
	for (int i = 0; i < ngroups; i++) {
		struct group *g = &groups[i];
		printf("group name=%s clients=%d tls=%d commands=%llu rounds=%llu errors=%llu "
		       "refused=%llu timeouts=%llu closed=%llu connects=%llu bytes=%llu\n",
		       workloads[g->kind]->name, g->count, g->tls, (unsigned long long)g->commands,
		       (unsigned long long)g->rounds, (unsigned long long)g->errors,
		       (unsigned long long)g->refused, (unsigned long long)g->timeouts,
		       (unsigned long long)g->closed_by_server, (unsigned long long)g->connects,
		       (unsigned long long)g->bytes_read);
	}
	for (int k = 0; k < K_KINDS; k++) {
		if (counts[k] == 0)
			continue;
		printf("latency cmd=%s count=%llu p50_ms=%.3f p99_ms=%.3f max_ms=%.3f\n", cmd_names[k],
		       (unsigned long long)counts[k], quantile(k, 0.5), quantile(k, 0.99),
		       maxes[k] * 1000);
	}
	printf("total seconds=%.1f commands=%llu commands_per_s=%.1f logins=%llu logins_per_s=%.1f "
	       "errors=%llu refused=%llu timeouts=%llu cpu=%.3f\n", elapsed,
	       (unsigned long long)commands, (double)commands / elapsed, (unsigned long long)rounds,
	       (double)rounds / elapsed, (unsigned long long)errors, (unsigned long long)refused,
	       (unsigned long long)timeouts, cpu);
}
