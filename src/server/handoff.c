/*
 * handoff.c - master <-> login process messages (see handoff.h).
 *
 * A packet: a fixed header (type, id, the lengths of the five strings and
 * of the input), then each string followed by a NUL, then the input.
 */
#include "server/handoff.h"

#include <errno.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <unistd.h>

#define NSTR 5

struct wire_head {
	uint32_t type;
	uint32_t id;
	uint32_t len[NSTR];          /* user, method, tag, tls, text (no NUL) */
	uint32_t input_len;
};

static const char *const *strings_of(const struct handoff *m, const char *out[NSTR])
{
	out[0] = m->user;
	out[1] = m->method;
	out[2] = m->tag;
	out[3] = m->tls;
	out[4] = m->text;
	return out;
}

bool handoff_send(int sock, const struct handoff *m, int fd)
{
	const char *str[NSTR];
	strings_of(m, str);
	struct wire_head h = { .type = (uint32_t)m->type, .id = m->id,
			       .input_len = (uint32_t)m->input_len };
	struct iovec iov[2 + 2 * NSTR];
	int n = 0;
	iov[n++] = (struct iovec){ &h, sizeof(h) };
	size_t total = sizeof(h);
	static char nul;
	for (int i = 0; i < NSTR; i++) {
		size_t len = str[i] != NULL ? strlen(str[i]) : 0;
		if (len > HANDOFF_MAX_STRING) {
			errno = EMSGSIZE;
			return false;
		}
		h.len[i] = (uint32_t)len;
		iov[n++] = (struct iovec){ (void *)(str[i] != NULL ? str[i] : ""), len };
		iov[n++] = (struct iovec){ &nul, 1 };
		total += len + 1;
	}
	if (m->input_len > HANDOFF_MAX_INPUT) {
		errno = EMSGSIZE;
		return false;
	}
	iov[n++] = (struct iovec){ (void *)m->input, m->input_len };
	total += m->input_len;
	if (total > HANDOFF_MAX_PACKET) {
		errno = EMSGSIZE;
		return false;
	}
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct msghdr mh = { .msg_iov = iov, .msg_iovlen = (size_t)n };
	if (fd >= 0) {
		memset(&ctl, 0, sizeof(ctl));
		mh.msg_control = ctl.buf;
		mh.msg_controllen = sizeof(ctl.buf);
		struct cmsghdr *c = CMSG_FIRSTHDR(&mh);
		c->cmsg_level = SOL_SOCKET;
		c->cmsg_type = SCM_RIGHTS;
		c->cmsg_len = CMSG_LEN(sizeof(int));
		memcpy(CMSG_DATA(c), &fd, sizeof(int));
	}
	ssize_t r;
	do
		r = sendmsg(sock, &mh, MSG_NOSIGNAL);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return false;
	if ((size_t)r != total) {
		errno = EMSGSIZE;
		return false;
	}
	return true;
}

/* Point *s_r at the NUL-terminated string of len octets at buf[*off]. */
static bool take_string(unsigned char *buf, size_t size, size_t *off, uint32_t len,
			const char **s_r)
{
	if (len > HANDOFF_MAX_STRING || size - *off < (size_t)len + 1)
		return false;
	const char *s = (const char *)buf + *off;
	if (s[len] != '\0' || memchr(s, '\0', len) != NULL)
		return false;
	*s_r = s;
	*off += (size_t)len + 1;
	return true;
}

int handoff_recv(int sock, struct handoff *m, unsigned char *buf, int *fd_r)
{
	*fd_r = -1;
	union {
		char buf[CMSG_SPACE(sizeof(int))];
		struct cmsghdr align;
	} ctl;
	struct iovec iov = { buf, HANDOFF_MAX_PACKET };
	struct msghdr mh = { .msg_iov = &iov, .msg_iovlen = 1, .msg_control = ctl.buf,
			     .msg_controllen = sizeof(ctl.buf) };
	ssize_t r;
	do
		r = recvmsg(sock, &mh, MSG_CMSG_CLOEXEC | MSG_DONTWAIT);
	while (r < 0 && errno == EINTR);
	if (r < 0)
		return -1;
	for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c != NULL; c = CMSG_NXTHDR(&mh, c)) {
		if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS
		    && c->cmsg_len == CMSG_LEN(sizeof(int)) && *fd_r < 0)
			memcpy(fd_r, CMSG_DATA(c), sizeof(int));
	}
	if (r == 0 && *fd_r < 0)
		return 0;
	struct wire_head h;
	size_t size = (size_t)r, off = sizeof(h);
	memset(m, 0, sizeof(*m));
	bool ok = !(mh.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) && size >= sizeof(h);
	if (ok) {
		memcpy(&h, buf, sizeof(h));
		m->type = (enum handoff_type)h.type;
		m->id = h.id;
		const char **dst[NSTR] = { &m->user, &m->method, &m->tag, &m->tls, &m->text };
		for (int i = 0; ok && i < NSTR; i++)
			ok = take_string(buf, size, &off, h.len[i], dst[i]);
		ok = ok && h.input_len <= HANDOFF_MAX_INPUT && size - off == h.input_len
			&& h.type >= HO_CONN && h.type <= HO_RETIRE;
		m->input = buf + off;
		m->input_len = h.input_len;
	}
	if (!ok) {
		if (*fd_r >= 0)
			close(*fd_r);
		*fd_r = -1;
		errno = EPROTO;
		return -1;
	}
	return 1;
}
