/*
 * test_privs.c - mail root templates, confinement to the mail root
 * (Landlock), the switch to another account, login names with domains.
 */
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>
#include <linux/landlock.h>

#include "auth/privs.h"
#include "util/config.h"

static void quiet(const char *msg)
{
	(void)msg;
}

static void load(struct imapd_config *cfg, const char *text)
{
	char path[] = "/tmp/test_privs_confXXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, text, strlen(text)), (ssize_t)strlen(text));
	close(fd);
	assert_int_equal(config_load(cfg, path, true, quiet), 0);
	unlink(path);
}

static void test_mail_root(void **state)
{
	(void)state;
	struct imapd_config cfg;
	load(&cfg, "mail_location: /var/mail/%u/box%%\n");
	char *root = NULL;
	const char *why = NULL;
	assert_true(privs_mail_root(&cfg, "alice", &root, &why));
	assert_string_equal(root, "/var/mail/alice/box%");
	free(root);
	/* Names that could leave the mail root are refused. */
	static const char *bad[] = { "", ".", "..", "../etc", "a/b", ".hidden", "x\ny" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		root = NULL;
		assert_false(privs_mail_root(&cfg, bad[i], &root, &why));
		assert_null(root);
	}
	config_free(&cfg);

	/* %h is the home directory of the user's Unix account. */
	struct passwd *pw = getpwuid(getuid());
	assert_non_null(pw);
	char user[256], want[4200];
	snprintf(user, sizeof(user), "%s", pw->pw_name);
	snprintf(want, sizeof(want), "%s/Maildir", pw->pw_dir);
	load(&cfg, "\n");  /* the default is %h/Maildir */
	assert_true(privs_mail_root(&cfg, user, &root, &why));
	assert_string_equal(root, want);
	free(root);
	assert_false(privs_mail_root(&cfg, "no-such-unix-user-imapd", &root, &why));
	config_free(&cfg);

	/* A template that does not give an absolute path is an error. */
	load(&cfg, "mail_location: Maildir/%u\n");
	assert_false(privs_mail_root(&cfg, "alice", &root, &why));
	config_free(&cfg);
}

/* Login names and the account they stand for (auth/privs.h). */
static void test_canon_user(void **state)
{
	static const struct {
		const char *conf, *login, *account;  /* account NULL: refused */
	} cases[] = {
		/* virtdomains: off: the default domain only (servername here). */
		{ "servername: Mail.Example.ORG\n", "bob", "bob" },
		{ "servername: Mail.Example.ORG\n", "bob@mail.example.org", "bob" },
		{ "servername: Mail.Example.ORG\n", "bob@MAIL.example.ORG", "bob" },
		{ "servername: Mail.Example.ORG\n", "bob@example.org", NULL },
		{ "servername: m\ndefaultdomain: example.org\n", "bob@example.org", "bob" },
		{ "servername: m\ndefaultdomain: example.org\n", "bob@m", NULL },
		/* virtdomains: userid: any domain, in lower case. */
		{ "servername: m\nvirtdomains: userid\n", "bob@Example.ORG", "bob@example.org" },
		{ "servername: m\nvirtdomains: userid\n", "bob@m", "bob" },
		{ "servername: m\nvirtdomains: USERID\n", "Bob", "Bob" },
		/* What cannot be a path, or is ambiguous. */
		{ "virtdomains: userid\n", "", NULL },
		{ "virtdomains: userid\n", "@example.org", NULL },
		{ "virtdomains: userid\n", "bob@", NULL },
		{ "virtdomains: userid\n", "a@b@example.org", NULL },
		{ "virtdomains: userid\n", "../x@example.org", NULL },
		{ "virtdomains: userid\n", "..@example.org", NULL },
		{ "virtdomains: userid\n", ".x@example.org", NULL },
		{ "virtdomains: userid\n", "bob@..", NULL },
		{ "virtdomains: userid\n", "bob@.example.org", NULL },
		{ "virtdomains: userid\n", "bob@example..org", NULL },
		{ "virtdomains: userid\n", "bob@example.org.", NULL },
		{ "virtdomains: userid\n", "bob@ex/ample.org", NULL },
		{ "virtdomains: userid\n", "bob@ex_ample.org", NULL },
		{ "virtdomains: userid\n", "b/ob@example.org", NULL },
		{ "virtdomains: userid\n", "bob\x1b@example.org", NULL },
		{ "virtdomains: userid\n", "bob@exa\nmple.org", NULL },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct imapd_config cfg;
		load(&cfg, cases[i].conf);
		char out[600];
		const char *why = NULL;
		bool ok = privs_canon_user(&cfg, cases[i].login, out, sizeof(out), &why);
		if (ok != (cases[i].account != NULL) || (ok && strcmp(out, cases[i].account) != 0))
			fail_msg("%s: \"%s\" gave %s \"%s\"", cases[i].conf, cases[i].login,
				 ok ? "account" : "refusal", ok ? out : why);
		config_free(&cfg);
	}
}

/* %n and %d in mail_location; the default domain for a user without one. */
static void test_mail_root_domains(void **state)
{
	static const struct {
		const char *login, *root;
	} cases[] = {
		{ "alice@Example.org", "/vmail/example.org/alice/alice@example.org" },
		{ "bob", "/vmail/mail.test/bob/bob" },
		{ "bob@mail.test", "/vmail/mail.test/bob/bob" },
		{ "x@..", NULL },
	};
	struct imapd_config cfg;
	load(&cfg, "servername: mail.test\nvirtdomains: userid\nmail_location: /vmail/%d/%n/%u\n");
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *root = NULL;
		const char *why = NULL;
		bool ok = privs_mail_root(&cfg, cases[i].login, &root, &why);
		assert_int_equal(ok, cases[i].root != NULL);
		if (ok)
			assert_string_equal(root, cases[i].root);
		free(root);
	}
	config_free(&cfg);
}

static bool landlock_available(void)
{
	return syscall(SYS_landlock_create_ruleset, NULL, 0, LANDLOCK_CREATE_RULESET_VERSION) >= 1;
}

/* In a child: enter the user, then try to touch files in and out of the
 * mail root.  The exit status says which step failed. */
static int confined_child(const struct imapd_config *cfg, const char *user, const char *outside,
			  uid_t want_uid)
{
	char *root = NULL;
	const char *why = NULL;
	if (!privs_enter_user(cfg, user, false, &root, &why))
		return 10;
	if (want_uid != (uid_t)-1 && (getuid() != want_uid || geteuid() != want_uid))
		return 11;
	if (want_uid != 0 && want_uid != (uid_t)-1 && setuid(0) == 0)
		return 12;
	char path[4200];
	snprintf(path, sizeof(path), "%s/cur", root);
	if (mkdir(path, 0700) != 0)
		return 13;
	snprintf(path, sizeof(path), "%s/cur/msg", root);
	int fd = open(path, O_WRONLY | O_CREAT, 0600);
	if (fd < 0)
		return 14;
	close(fd);
	char path2[4200];
	snprintf(path2, sizeof(path2), "%s/new-name", root);
	if (rename(path, path2) != 0)
		return 15;
	if (!cfg->sandbox)
		return 0;
	/* Outside the mail root: neither readable nor writable. */
	fd = open(outside, O_RDONLY);
	if (fd >= 0 || errno != EACCES)
		return 16;
	if (open("/etc/passwd", O_RDONLY) >= 0)
		return 17;
	snprintf(path, sizeof(path), "%s.sibling", root);
	if (mkdir(path, 0700) == 0 || errno != EACCES)
		return 18;
	/* Libraries under /usr stay readable. */
	fd = open("/usr", O_RDONLY | O_DIRECTORY);
	if (fd < 0)
		return 19;
	close(fd);
	return 0;
}

static int run_child(const struct imapd_config *cfg, const char *user, const char *outside,
		     uid_t want_uid)
{
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0)
		_exit(confined_child(cfg, user, outside, want_uid));
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	return WEXITSTATUS(status);
}

static void test_confine(void **state)
{
	(void)state;
	if (!landlock_available()) {
		skip();
		return;
	}
	char dir[] = "/tmp/test_privs_XXXXXX";
	assert_non_null(mkdtemp(dir));
	chmod(dir, 0755);
	char outside[300], conf[1200];
	snprintf(outside, sizeof(outside), "%s/outside", dir);
	int fd = open(outside, O_WRONLY | O_CREAT, 0644);
	assert_true(fd >= 0);
	close(fd);
	struct passwd *pw = getpwuid(getuid());
	snprintf(conf, sizeof(conf), "mail_location: %s/mail/%%u\nconfigdirectory: %s\nmail_user: %s\n",
		 dir, dir, pw->pw_name);
	struct imapd_config cfg;
	load(&cfg, conf);
	assert_int_equal(run_child(&cfg, "alice", outside, getuid()), 0);
	/* Without the sandbox the same steps work and nothing is confined. */
	cfg.sandbox = false;
	assert_int_equal(run_child(&cfg, "bob", outside, getuid()), 0);
	config_free(&cfg);

	/* As root: mail_user switches to that account for good. */
	if (getuid() == 0 && getpwnam("nobody") != NULL) {
		struct passwd *nb = getpwnam("nobody");
		uid_t nobody = nb->pw_uid;
		char mail[320];
		snprintf(mail, sizeof(mail), "%s/vmail", dir);
		assert_int_equal(mkdir(mail, 0755), 0);
		assert_int_equal(chown(mail, nobody, nb->pw_gid), 0);
		snprintf(conf, sizeof(conf), "mail_location: %s/%%u\nconfigdirectory: %s\n"
			 "mail_user: nobody\n", mail, dir);
		load(&cfg, conf);
		assert_int_equal(run_child(&cfg, "carol", outside, nobody), 0);
		struct stat st;
		char root[400];
		snprintf(root, sizeof(root), "%s/carol", mail);
		assert_int_equal(stat(root, &st), 0);
		assert_int_equal(st.st_uid, nobody);
		config_free(&cfg);
		/* No mail_user: a virtual user cannot be served as root. */
		snprintf(conf, sizeof(conf), "mail_location: %s/%%u\n", mail);
		load(&cfg, conf);
		assert_int_equal(run_child(&cfg, "not-a-unix-user-imapd", outside, (uid_t)-1), 10);
		assert_int_equal(run_child(&cfg, "root", outside, (uid_t)-1), 10);
		config_free(&cfg);
	}
	char cmd[400];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mail_root),
		cmocka_unit_test(test_canon_user),
		cmocka_unit_test(test_mail_root_domains),
		cmocka_unit_test(test_confine),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
