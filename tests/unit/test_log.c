/*
 * test_log.c - src/util/log.c: whatever a message holds (client-supplied
 * user names, mailbox names, SASL details), the log file and syslog get
 * one line of printable US-ASCII, with every other octet written as \xHH
 * and "\" as "\\", so that no terminal escape or forged line reaches an
 * administrator's screen.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
#include <cmocka.h>

#include "util/log.h"

static const struct {
	const char *in, *out;
} cases[] = {
	{ "plain text", "plain text" },
	{ "bob\x1b[2J\x07", "bob\\x1b[2J\\x07" },
	{ "a\r\nforged: line", "a\\x0d\\x0aforged: line" },
	{ "tab\there", "tab\\x09here" },
	{ "del\x7f", "del\\x7f" },
	{ "caf\xc3\xa9 \x9b", "caf\\xc3\\xa9 \\x9b" },
	{ "not an escape: \\x1b", "not an escape: \\\\x1b" },
};

/* Everything after "level: " on the one line of text. */
static const char *message_of(const char *text, const char *level)
{
	const char *p = strstr(text, level);
	assert_non_null(p);
	return p + strlen(level);
}

static void test_file(void **state)
{
	char path[] = "/tmp/imapd-log-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	setenv("IMAPD_LOG_FILE", path, 1);
	log_open("imapd");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(ftruncate(fd, 0), 0);
		log_notice("user=%s", cases[i].in);
		char text[4096];
		ssize_t n = pread(fd, text, sizeof(text) - 1, 0);
		assert_true(n > 0);
		text[n] = '\0';
		char want[512];
		snprintf(want, sizeof(want), "user=%s\n", cases[i].out);
		assert_string_equal(message_of(text, "notice: "), want);
	}
	/* A message that grows past the line when escaped is cut after a
	 * whole escape, and is still one line. */
	char many[1000];
	memset(many, '\x1b', sizeof(many) - 1);
	many[sizeof(many) - 1] = '\0';
	assert_int_equal(ftruncate(fd, 0), 0);
	log_warn("%s", many);
	char text[8192];
	ssize_t n = pread(fd, text, sizeof(text) - 1, 0);
	assert_true(n > 100);
	text[n] = '\0';
	const char *msg = message_of(text, "warning: ");
	assert_int_equal(strchr(text, '\n') - text, n - 1);
	size_t len = strlen(msg) - 1;
	assert_int_equal(len % 4, 0);
	for (size_t i = 0; i < len; i += 4)
		assert_memory_equal(msg + i, "\\x1b", 4);
	close(fd);
	unlink(path);
	unsetenv("IMAPD_LOG_FILE");
}

static void test_syslog(void **state)
{
	char dir[] = "/tmp/imapd-syslog-XXXXXX";
	assert_non_null(mkdtemp(dir));
	struct sockaddr_un sun = { .sun_family = AF_UNIX };
	snprintf(sun.sun_path, sizeof(sun.sun_path), "%s/log", dir);
	int s = socket(AF_UNIX, SOCK_DGRAM, 0);
	assert_true(s >= 0);
	assert_int_equal(bind(s, (struct sockaddr *)&sun, sizeof(sun)), 0);
	unsetenv("IMAPD_LOG_FILE");
	setenv("IMAPD_SYSLOG_SOCKET", sun.sun_path, 1);
	log_open("imapd");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		log_info("login failed: user=%s", cases[i].in);
		char text[4096];
		ssize_t n = recv(s, text, sizeof(text) - 1, 0);
		assert_true(n > 0);
		text[n] = '\0';
		char want[512];
		snprintf(want, sizeof(want), "login failed: user=%s", cases[i].out);
		assert_string_equal(message_of(text, "info: "), want);
	}
	close(s);
	unlink(sun.sun_path);
	rmdir(dir);
	unsetenv("IMAPD_SYSLOG_SOCKET");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_file),
		cmocka_unit_test(test_syslog),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
