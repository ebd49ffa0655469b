/*
 * authsvc.h - imapd-auth-http: the service nginx's mail module asks
 * (`auth_http`) for every login it proxies.  One HTTP/1.0 request per
 * login (net/httpreq.h), answered on one event loop:
 *
 *   1. the credentials (Auth-User, Auth-Pass, %-escaped by nginx) are
 *      checked with Cyrus SASL, with imapd.conf's sasl_* settings, as
 *      imapd's LOGIN checks them;
 *   2. the user is looked up in the shard map (server/shardmap.h);
 *   3. the backend is used if a connect to it succeeded within the last
 *      `fresh_ms`; else it is probed (a TCP connect, `probe_ms` at most)
 *      and the request waits for that one probe with every other request
 *      for the same backend.  A backend whose connect failed is down:
 *      its users go to the standby the map names, until a later probe
 *      finds it up again;
 *   4. the answer: Auth-Status: OK, Auth-Server, Auth-Port; or a reason
 *      with Auth-Wait (nginx waits that long, answers NO and lets the
 *      client try again): failed_login_delay seconds after wrong
 *      credentials; or a reason without Auth-Wait (nginx ends the
 *      session) for an address refused by login_max_ip_failures.
 *
 * When nginx cannot connect to the backend named, the client's next
 * attempt comes as a new request: by then the probe has found the
 * backend down and the standby is named.  SIGHUP re-reads the map (a
 * map with an error is not taken; the old one stays); SIGTERM ends.
 */
#ifndef IMAPD_SERVER_AUTHSVC_H
#define IMAPD_SERVER_AUTHSVC_H

#include "util/config.h"

struct authsvc_options {
	const struct imapd_config *cfg;
	const char *map_path;
	unsigned probe_ms;       /* a connect probe's deadline */
	unsigned fresh_ms;       /* a probe's result this young is used as it is */
	unsigned max_clients;    /* requests served at once; more wait in the listen queue */
};

/* Serve requests on listen_fd (non-blocking) until SIGTERM or SIGINT;
 * the map must load at the start.  Returns the exit status. */
int authsvc_run(const struct authsvc_options *opt, int listen_fd);

#endif
