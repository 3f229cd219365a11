#!/bin/sh
# session.sh [--poweroff] [SCRIPT]: the scripted busybox session.
#
# SCRIPT (default /usr/share/mmos/session-commands) is
# tests/busybox/commands turned into one `run N 'COMMAND'` line per
# command (tests/busybox/session.sh script), so that no `read` is needed.
# run() executes COMMAND as `sh -c COMMAND` and frames what it prints
# (stdout and stderr together) and its exit status with markers:
#
#   @@@@ begin N
#   ...output...
#   @@@@ rc=STATUS
#   @@@@ end N
#
# The same script runs natively in a chroot of the same tree (to make
# tests/busybox/expected) and in mmos as PID 1; tests/busybox/session.sh
# compares the two command by command. So that the two runs see the same
# things, each command gets a fixed environment, the cwd / of init and of
# chroot, umask 022, an empty pipe as stdin and a pipe as stdout (never a
# terminal), and at most 5 seconds: a command that hangs is killed
# (status 137) and the session goes on (unless something it left running
# keeps the pipe open). --poweroff ends the run with `poweroff -f`
# (mmos); natively the script just exits.
if [ "$1" != --clean ]; then
	exec env -i PATH=/bin:/sbin:/usr/bin:/usr/sbin HOME=/root TZ=UTC \
		LANG=C LC_ALL=C TERM=dumb USER=root LOGNAME=root SHELL=/bin/sh \
		/bin/sh "$0" --clean "$@"
fi
shift
poweroff=
if [ "$1" = --poweroff ]; then
	poweroff=1
	shift
fi
umask 022
n=0

# run N COMMAND: command N of the session, framed.
run() {
	echo "@@@@ begin $1"
	: | {
		timeout -s KILL 5 /bin/sh -c "$2" 2>&1
		echo "@@@@ rc=$?"
	} | cat
	echo "@@@@ end $1"
	n=$1
}

. "${1:-/usr/share/mmos/session-commands}"
echo "@@@@ done $n"
[ -n "$poweroff" ] && poweroff -f
exit 0
