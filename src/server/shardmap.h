/*
 * shardmap.h - which backend serves a user: the shard map of
 * imapd-auth-http, a text file, one rule a line:
 *
 *   # user or pattern   backend            [standby]
 *   alice               10.0.1.11:143      10.0.2.11:143
 *   *@example.org       10.0.1.12:143
 *   b*                  [2001:db8::12]:143
 *   *                   10.0.1.11:143
 *
 * A user is looked up by exact name first (a hash table: millions of
 * lines cost one probe), then the patterns in file order; a pattern
 * holds one "*" (prefix*suffix), so matching is linear in the name.
 * Backends are numeric addresses and ports (nginx's Auth-Server takes
 * an address, and a map that needs no DNS to load cannot fail on it).
 * The standby is where the user goes while the backend is down; it must
 * reach the same mail (shared or replicated storage).  A name that two
 * lines give is an error, and so is any malformed line: a map with an
 * error is not used (a reload keeps the old one).
 */
#ifndef IMAPD_SERVER_SHARDMAP_H
#define IMAPD_SERVER_SHARDMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>

/* The largest map file read. */
#define SHARDMAP_MAX_FILE (256u << 20)

struct shard_backend {
	char addr[48];                 /* "10.0.1.11" or "2001:db8::12" (Auth-Server) */
	unsigned port;                 /* (Auth-Port) */
	char name[64];                 /* "10.0.1.11:143", "[2001:db8::12]:143" */
	struct sockaddr_storage sa;
	socklen_t salen;
};

struct shardmap;

/* Parse a map from text (len octets).  NULL with "line N: why" in err
 * when a line is malformed or out of memory. */
struct shardmap *shardmap_parse(const char *text, size_t len, char *err, size_t errlen);

/* Read and parse the file at path (at most SHARDMAP_MAX_FILE octets). */
struct shardmap *shardmap_load(const char *path, char *err, size_t errlen);

void shardmap_free(struct shardmap **m);

/* The rule for user: indexes of its backend and standby (-1: none) in
 * the map's backends.  False when no rule matches. */
bool shardmap_lookup(const struct shardmap *m, const char *user, int *backend_r, int *standby_r);

/* The distinct backends the map names, numbered from 0. */
size_t shardmap_nbackends(const struct shardmap *m);
const struct shard_backend *shardmap_backend(const struct shardmap *m, size_t i);

/* Rules in the map: exact names and patterns. */
size_t shardmap_rules(const struct shardmap *m);

#endif
