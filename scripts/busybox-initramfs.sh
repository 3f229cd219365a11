#!/bin/sh
# busybox-initramfs.sh BUSYBOX SESSION INIT TEST...: print the
# gen_init_cpio list of the busybox initramfs (build/busybox.cpio) that
# `make run` boots and the busybox session test runs in:
#   /bin/busybox and a symlink for each applet where `busybox --list-full`
#   puts it (/bin, /sbin, /usr/bin, /usr/sbin, /linuxrc);
#   everything in user/rootfs/ (/etc/inittab, passwd, group, profile,
#   hostname, motd; /usr/share/mmos/session.sh, the session's runner);
#   SESSION, the session's commands as the runner's script
#   (tests/busybox/session.sh script), as /usr/share/mmos/session-commands;
#   mmos's own programs: INIT (user/init.c) as /init, each TEST in /tests;
#   the mount points /dev, /dev/shm, /proc, /sys, /tmp, and /root.
# tests/busybox/session.sh builds the native chroot from the same list,
# so both runs see the same tree.
set -eu
bb=$1 session=$2 init=$3
shift 3
rootfs=user/rootfs

for d in /bin /sbin /usr /usr/bin /usr/sbin /usr/share /usr/share/mmos /etc \
	/dev /dev/shm /proc /sys /root /tests; do
	echo "dir $d 0755"
done
echo "dir /tmp 1777"
echo "file /bin/busybox $bb 0755"
# bin/ls -> busybox, sbin/x -> ../bin/busybox, usr/sbin/x -> ../../bin/busybox
"$bb" --list-full | sort | while read -r p; do
	case $p in
	bin/busybox) ;;
	bin/*) echo "slink /$p busybox 0777" ;;
	sbin/*) echo "slink /$p ../bin/busybox 0777" ;;
	usr/*/*) echo "slink /$p ../../bin/busybox 0777" ;;
	*/*) echo "busybox-initramfs: unexpected applet path $p" >&2; exit 1 ;;
	*) echo "slink /$p bin/busybox 0777" ;;
	esac
done
(cd $rootfs && find . -type f | sort) | while read -r f; do
	f=${f#.}
	case $f in *.sh) mode=0755 ;; *) mode=0644 ;; esac
	echo "file $f $rootfs$f $mode"
done
echo "file /usr/share/mmos/session-commands $session 0644"
echo "file /init $init 0755"
for t in "$@"; do
	echo "file /tests/$(basename "$t") $t 0755"
done
