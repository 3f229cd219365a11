#!/bin/sh
# install-deps.sh: make sure the tools mmos builds and tests with are
# here. As root on Debian it installs what is missing with apt-get;
# otherwise it prints the command to run and fails.
set -e
need=""
command -v gcc >/dev/null 2>&1 || need="$need gcc"
command -v ld >/dev/null 2>&1 || need="$need binutils"
command -v make >/dev/null 2>&1 || need="$need make"
command -v qemu-system-x86_64 >/dev/null 2>&1 || need="$need qemu-system-x86"
command -v musl-gcc >/dev/null 2>&1 || need="$need musl-tools"
# the hosted tests and the glibc test programs need libc's headers and libc.a
[ -e /usr/include/stdio.h ] && [ -n "$(find /usr/lib -name libc.a 2>/dev/null | head -1)" ] ||
	need="$need libc6-dev"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "install-deps: installing:$need"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -q || true
	apt-get install -y -q --no-install-recommends $need
else
	echo "mmos needs:$need" >&2
	echo "install them with: sudo apt-get install -y$need" >&2
	exit 1
fi
