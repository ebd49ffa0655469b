/*
 * netlist.h - lists of networks in imapd.conf (proxy_trusted_networks):
 * addresses or prefixes, "127.0.0.1 10.0.0.0/8 ::1 2001:db8::/32",
 * separated by spaces or commas.  An address without a prefix is one
 * host.  An IPv4-mapped IPv6 peer (::ffff:192.0.2.1) matches IPv4
 * entries.
 */
#ifndef IMAPD_UTIL_NETLIST_H
#define IMAPD_UTIL_NETLIST_H

#include <stdbool.h>
#include <sys/socket.h>

/* NULL when every entry of list parses, else why not (a constant). */
const char *netlist_check(const char *list);

/* Whether the address sa (len octets; AF_INET or AF_INET6) is in list.
 * Entries that do not parse match nothing. */
bool netlist_match(const char *list, const struct sockaddr *sa, socklen_t len);

/* Whether the peer of socket fd is in list (false when fd has no IP peer). */
bool netlist_match_peer(const char *list, int fd);

#endif
