/*
 * limits.h - imapd-master's counts per client address and per user: the
 * one place where the limits of imapd.conf are enforced across all login
 * processes (the master accepts every connection and forks every
 * session, so it sees every event it counts; nothing is shared between
 * processes, and a process that crashes cannot leave a count behind).
 *
 *   login_max_ip_connections    connections not logged in, per address
 *   login_max_ip_failures       failed logins per address within
 *   login_failure_window        seconds; then the address is refused for
 *                               that long
 *   maxlogins_per_host          logged-in sessions per address
 *   maxlogins_per_user          logged-in sessions per user
 *   mail_max_userip_connections logged-in sessions per user and address
 *
 * An "address" is an IPv4 address, or the /64 of an IPv6 one (a host
 * gets a /64 and can use all of it); IPv4-mapped IPv6 counts as IPv4.
 */
#ifndef IMAPD_SERVER_LIMITS_H
#define IMAPD_SERVER_LIMITS_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/socket.h>
#include <time.h>

#include "util/config.h"

/* Room for an address key ("2001:db8:1:2::/64") and a peer ("[...]:port"). */
#define LIMITS_HOST_MAX 64
#define LIMITS_PEER_MAX 80

struct limits;

struct limits *limits_new(void);
void limits_free(struct limits **l);

/* The address key of a peer into host (LIMITS_HOST_MAX) and its
 * "addr:port" form into peer (LIMITS_PEER_MAX); false for an address
 * family without one (a local socket: "local"). */
bool limits_host_of(const struct sockaddr *sa, socklen_t len, char *host, char *peer);

/* May a new connection from host be taken now?  False with a reason for
 * the client's BYE in *why_r. */
bool limits_conn_ok(struct limits *l, const struct imapd_config *cfg, const char *host,
		    time_t now, const char **why_r);
void limits_conn_add(struct limits *l, const char *host);
void limits_conn_del(struct limits *l, const char *host);

/* Count a failed login from host; true when host has just reached
 * login_max_ip_failures (it is refused from now on, for
 * login_failure_window seconds). */
bool limits_failure(struct limits *l, const struct imapd_config *cfg, const char *host,
		    time_t now);

/* May user start another session from host?  False with a reason for
 * the NO in *why_r. */
bool limits_session_ok(struct limits *l, const struct imapd_config *cfg, const char *user,
		       const char *host, const char **why_r);
void limits_session_add(struct limits *l, const char *user, const char *host);
void limits_session_del(struct limits *l, const char *user, const char *host);

/* Forget failure windows and refusals that are over (call now and then). */
void limits_expire(struct limits *l, const struct imapd_config *cfg, time_t now);

/* Entries held (for tests and the log). */
size_t limits_entries(const struct limits *l);

#endif
