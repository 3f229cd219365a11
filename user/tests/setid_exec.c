/* SPDX-License-Identifier: GPL-2.0 */
/*
 * exec of set-user-ID and set-group-ID files, as Linux's
 * bprm_fill_uid() and cap_bprm_creds_from_file(): the effective id
 * becomes the file's owner or group (S_ISGID only with group-exec; not
 * on a nosuid mount), the saved and file-system ids follow the
 * effective ones, the auxv's AT_UID/AT_EUID/AT_GID/AT_EGID are the new
 * ids and AT_SECURE says whether they differ from the real ones; root
 * running a file set-uid to another user has none of root's overrides;
 * a secure exec, or any change of the effective ids, forgets the
 * parent-death signal; with PR_SET_NO_NEW_PRIVS the bits are ignored,
 * and with the fs_struct shared with another process (CLONE_FS) a
 * caller without CAP_SETUID does not get them. The test copies itself into its scratch
 * directory with those bits and runs the copies as "--expect ...",
 * where the new program checks its own ids.
 */
#include "t.h"
#include <grp.h>
#include <stdbool.h>
#include <sched.h>
#include <signal.h>
#include <sys/auxv.h>
#include <sys/fsuid.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

/* expect - the exec'd side: argv is uid euid suid gid egid sgid secure
 * pdeathsig no_new_privs; 0 if all are as told. */
static int expect(char **argv)
{
	uid_t r, e, s;
	gid_t rg, eg, sg;
	int pdeath = -1;

	getresuid(&r, &e, &s);
	getresgid(&rg, &eg, &sg);
	prctl(PR_GET_PDEATHSIG, &pdeath);
	CHECK(r == (uid_t)atoi(argv[0]) && e == (uid_t)atoi(argv[1]) && s == (uid_t)atoi(argv[2]),
	      "uids %u %u %u, want %s %s %s", r, e, s, argv[0], argv[1], argv[2]);
	CHECK(rg == (gid_t)atoi(argv[3]) && eg == (gid_t)atoi(argv[4]) &&
	      sg == (gid_t)atoi(argv[5]), "gids %u %u %u, want %s %s %s", rg, eg, sg,
	      argv[3], argv[4], argv[5]);
	CHECK(setfsuid(-1) == (int)e && setfsgid(-1) == (int)eg, "fsuid and fsgid follow");
	CHECK(getauxval(AT_SECURE) == (unsigned long)atoi(argv[6]), "AT_SECURE %lu, want %s",
	      getauxval(AT_SECURE), argv[6]);
	CHECK(getauxval(AT_UID) == r && getauxval(AT_EUID) == e && getauxval(AT_GID) == rg &&
	      getauxval(AT_EGID) == eg, "AT_UID %lu AT_EUID %lu AT_GID %lu AT_EGID %lu",
	      getauxval(AT_UID), getauxval(AT_EUID), getauxval(AT_GID), getauxval(AT_EGID));
	CHECK(pdeath == atoi(argv[7]), "pdeath signal %d, want %s", pdeath, argv[7]);
	CHECK(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == atoi(argv[8]), "no_new_privs %d, want %s",
	      prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0), argv[8]);
	if (e != 0)	/* no root overrides for a non-root euid, whatever the ruid */
		CHECK(open("secret", O_RDONLY) == -1 && errno == EACCES,
		      "euid %u reads root's 0600 file", e);
	else
		CHECK(open("secret", O_RDONLY) >= 0, "euid 0 reads root's 0600 file");
	return t_failed ? 1 : 0;
}

/* copy_self - @dst: a copy of this program, @uid:@gid, @mode. */
static void copy_self(const char *self, const char *dst, uid_t uid, gid_t gid, mode_t mode)
{
	int in = open(self, O_RDONLY), out = open(dst, O_CREAT | O_EXCL | O_WRONLY, 0700);
	char buf[65536];
	ssize_t n;

	CHECK(in >= 0 && out >= 0, "copy %s to %s: %s", self, dst, strerror(errno));
	while ((n = read(in, buf, sizeof(buf))) > 0)
		CHECK(write(out, buf, n) == n, "write");
	CHECK(fchown(out, uid, gid) == 0 && fchmod(out, mode) == 0, "own %s", dst);
	close(in);
	close(out);
}

/*
 * run - in a child with ids @ids (ruid euid suid rgid egid sgid; -1:
 * root's) and a parent-death signal, exec @prog --expect @want...; did
 * it pass?
 */
#define NNP	1	/* PR_SET_NO_NEW_PRIVS first */
#define SHARE_FS	2	/* a clone(CLONE_FS) process shares our fs_struct */

static void run(const char *what, const int ids[6], const char *prog, const char *want,
		int how)
{
	char buf[128], *argv[12];
	int status, n = 0;
	pid_t pid;

	snprintf(buf, sizeof(buf), "%s", want);
	argv[n++] = (char *)prog;
	argv[n++] = "--expect";
	for (char *p = strtok(buf, " "); p && n < 11; p = strtok(NULL, " "))
		argv[n++] = p;
	argv[n] = NULL;
	pid = fork();
	if (pid == 0) {
		if (ids[0] >= 0 && (setgroups(0, NULL) || setresgid(ids[3], ids[4], ids[5]) ||
				    setresuid(ids[0], ids[1], ids[2])))
			_exit(90);
		if (prctl(PR_SET_PDEATHSIG, SIGTERM))
			_exit(91);
		if ((how & NNP) && prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0))
			_exit(93);
		if (how & SHARE_FS) {
			pid_t me = getpid();
			/* a sibling (CLONE_PARENT: the test reaps it) sharing our
			 * fs_struct, until the test has reaped us */
			long sib = syscall(SYS_clone, CLONE_FS | CLONE_PARENT | SIGCHLD, 0, 0, 0, 0);

			if (sib == 0) {
				while (kill(me, 0) == 0)
					usleep(10000);
				_exit(0);
			}
			if (sib < 0)
				_exit(94);
		}
		execv(prog, argv);
		_exit(92);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "%s (status %#x)", what, status);
}

/* no_new_privs_errors - prctl's checks, in a child: it is for good. */
static void no_new_privs_errors(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		if (prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 0)
			_exit(1);
		if (prctl(PR_SET_NO_NEW_PRIVS, 0, 0, 0, 0) != -1 || errno != EINVAL)
			_exit(2);
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 1, 0, 0) != -1 || errno != EINVAL)
			_exit(3);
		if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0 ||
		    prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) != 1)
			_exit(4);
		if (prctl(PR_GET_NO_NEW_PRIVS, 1, 0, 0, 0) != -1 || errno != EINVAL)
			_exit(5);
		pid = fork();
		if (pid == 0)
			_exit(prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0) == 1 ? 0 : 6);
		if (waitpid(pid, &status, 0) != pid || status != 0)
			_exit(7);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "PR_SET_NO_NEW_PRIVS's errors, and fork keeps it (status %#x)", status);
}

/* pdeath_on_setuid - a setresuid that changes the euid forgets the
 * parent-death signal; one that changes nothing keeps it. */
static void pdeath_on_setuid(void)
{
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		int sig = -1;

		prctl(PR_SET_PDEATHSIG, SIGTERM);
		if (setresuid(0, 0, 0) || prctl(PR_GET_PDEATHSIG, &sig) || sig != SIGTERM)
			_exit(1);
		if (setresuid(1000, 1000, 1000) || prctl(PR_GET_PDEATHSIG, &sig) || sig != 0)
			_exit(2);
		_exit(0);
	}
	CHECK(waitpid(pid, &status, 0) == pid && WIFEXITED(status) && WEXITSTATUS(status) == 0,
	      "setresuid and the parent-death signal (status %#x)", status);
}

/* settle - before PID 1 exits: a reaped child preempted on its way out
 * (after waking us, before its last switch) still holds its stack, and
 * the runner counts free pages at PID 1's exit; a short sleep lets it
 * finish. Not needed natively, harmless there. */
static void settle(void)
{
	usleep(10000);
}

int main(int argc, char **argv)
{
	static const int root[6] = { -1 }, user[6] = { 1000, 1000, 1000, 1000, 1000, 1000 };
	static const int setuid_root[6] = { 1000, 0, 0, 1000, 1000, 1000 };
	char scratch[64], self[4096];
	int fd;

	if (argc == 11 && !strcmp(argv[1], "--expect"))
		return expect(argv + 2);
	if (argv[0][0] == '/')
		snprintf(self, sizeof(self), "%s", argv[0]);
	else
		CHECK(getcwd(self, sizeof(self) - 256) && strcat(self, "/") && strcat(self, argv[0]),
		      "own path");
	snprintf(scratch, sizeof(scratch), "setid_exec.%d", getpid());
	CHECK(mkdir(scratch, 0755) == 0 && chdir(scratch) == 0, "scratch");
	umask(0);
	fd = open("secret", O_CREAT | O_EXCL | O_WRONLY, 0600);
	CHECK(fd >= 0, "secret");
	close(fd);
	copy_self(self, "suid", 2000, 3000, 06755);
	copy_self(self, "sgid_nox", 2000, 3000, 02745);
	copy_self(self, "plain", 0, 0, 0755);
	CHECK(mkdir("nosuid", 0755) == 0 && mount("none", "nosuid", "tmpfs", MS_NOSUID, NULL) == 0,
	      "a nosuid tmpfs: %s", strerror(errno));
	copy_self(self, "nosuid/suid", 2000, 3000, 06755);

	/* uid/euid/suid gid/egid/sgid AT_SECURE pdeath-signal */
	run("set-uid and set-gid by uid 1000", user, "./suid", "1000 2000 2000 1000 3000 3000 1 0 0",
	    false);
	run("S_ISGID without g+x", user, "./sgid_nox", "1000 1000 1000 1000 1000 1000 0 15 0", 0);
	run("a nosuid mount", user, "./nosuid/suid", "1000 1000 1000 1000 1000 1000 0 15 0", 0);
	run("a plain program", user, "./plain", "1000 1000 1000 1000 1000 1000 0 15 0", 0);
	run("root runs a set-uid-2000 file", root, "./suid", "0 2000 2000 0 3000 3000 1 0 0", 0);
	run("ruid 1000 euid 0 runs a plain one", setuid_root, "./plain",
	    "1000 0 0 1000 1000 1000 1 0 0", 0);
	run("root runs a plain one", root, "./plain", "0 0 0 0 0 0 0 15 0", 0);
	run("no_new_privs: the bits are ignored", user, "./suid",
	    "1000 1000 1000 1000 1000 1000 0 15 1", NNP);
	run("the fs_struct shared: no set-uid", user, "./suid",
	    "1000 1000 1000 1000 1000 1000 1 0 0", SHARE_FS);
	run("the fs_struct shared, but root may", root, "./suid", "0 2000 2000 0 3000 3000 1 0 0",
	    SHARE_FS);
	no_new_privs_errors();
	pdeath_on_setuid();

	while (wait(NULL) > 0)	/* the CLONE_FS siblings */
		;
	CHECK(umount("nosuid") == 0, "umount");
	CHECK(unlink("suid") == 0 && unlink("sgid_nox") == 0 && unlink("plain") == 0 &&
	      unlink("secret") == 0 && rmdir("nosuid") == 0, "clean up");
	CHECK(chdir("..") == 0 && rmdir(scratch) == 0, "scratch gone");
	settle();
	return t_done("setid_exec");
}
