#!/bin/sh
# tests/busybox/session.sh: the scripted busybox session, run natively
# and in mmos and compared command by command (Documentation/testing.md).
#
#   session.sh expected   boot Linux (LINUX_KERNEL, default the newest
#                         /boot/vmlinuz-*) in the same QEMU, with the same
#                         initramfs and command line as mmos, and write
#                         tests/busybox/expected from what it printed
#   session.sh expected-native
#                         the same from a native run instead (root: a
#                         chroot of the initramfs's tree in new mount,
#                         UTS and PID namespaces), for a machine with no
#                         Linux image; it differs from a boot of Linux
#                         where a chroot cannot look like a fresh boot
#   session.sh check      boot mmos with the session as PID 1 and compare
#                         with tests/busybox/expected; first line PASS or
#                         FAIL and the counts, then what went wrong
#   session.sh known      like check, then rewrite known-differences to
#                         the commands that differ today, and name the
#                         syscalls the session makes that mmos lacks
#   session.sh script     print the commands as the runner's script
#                         (make puts it in the initramfs)
#
# The commands are tests/busybox/commands; the runner inside both is
# user/rootfs/usr/share/mmos/session.sh. make builds build/busybox.cpio
# (and build/busybox.list, from which the native tree is made) first.
set -u
B=${BUILD:-build}
QEMU=${QEMU:-qemu-system-x86_64}
T=tests/busybox
CMDS=$T/commands
EXPECTED=$T/expected
KNOWN=$T/known-differences
LOGS=$B/test-logs
WORK=$B/session
mkdir -p "$LOGS" "$WORK"

die() {
	echo "FAIL busybox session: $*"
	exit 1
}

# build_tree DIR: the tree of build/busybox.cpio at DIR, every time 0 as
# in the cpio (so ls -l shows the same dates natively and in mmos).
build_tree() {
	root=$1
	while read -r kind a b c; do
		case $kind in
		dir) mkdir -p "$root$a" && chmod "$b" "$root$a" ;;
		file) cp "$b" "$root$a" && chmod "$c" "$root$a" ;;
		slink) ln -s "$b" "$root$a" ;;
		esac || return 1
	done < "$B/busybox.list"
	find "$root" -exec touch -h -d @0 {} +
}

# run_native OUT: the session in a chroot, as PID 1 of a new PID
# namespace (as it is PID 1 in mmos), with Linux's boot hostname "(none)" in a new UTS
# namespace and its mounts in a new mount namespace, so nothing it does
# reaches this machine. The tree is built on a tmpfs, which is what
# Linux unpacks an initramfs into (directory sizes, st_blocks), and goes
# with the namespace. The runner is not asked to power off.
run_native() {
	out=$1
	[ "$(id -u)" = 0 ] || die "the native run needs root (chroot and namespaces)"
	# The namespaces keep mounts, the hostname and signals in; not the
	# clock, the machine's power or its swap: no command may touch those.
	if grep -v '^#' "$CMDS" | grep -Eq '(^|[^a-z])(poweroff|reboot|halt|shutdown|hwclock|swapoff|swapon|rdate|adjtimex|date -s|sysctl -w)([^a-z]|$)'; then
		die "$CMDS has a command that would reach this machine natively"
	fi
	command -v unshare >/dev/null || die "the native run needs unshare (util-linux)"
	root=$WORK/root
	mkdir -p "$root"
	timeout 600 unshare --mount --uts --pid --fork --kill-child --propagation private \
		sh "$0" _native_inner "$root" > "$out" 2>&1
	grep -q '^@@@@ done ' "$out" || die "the native session did not finish: $(tail -3 "$out")"
}

# native_inner ROOT: (in run_native's namespaces) the tree on a tmpfs
# at ROOT, then the runner chrooted into it.
native_inner() {
	mount -t tmpfs -o mode=0755 rootfs "$1" || exit 1
	build_tree "$1" || exit 1
	hostname '(none)' || exit 1
	exec chroot "$1" /bin/sh /usr/share/mmos/session.sh
}

# SESSION_APPEND: the command line both kernels boot the session with.
SESSION_APPEND="console=ttyS0 quiet panic=-1 rdinit=/bin/sh -- /usr/share/mmos/session.sh --poweroff"

# run_linux OUT: boot Linux with the runner as PID 1, in the QEMU mmos
# runs in; the serial log is OUT. Sets $linux_release.
run_linux() {
	out=$1
	k=${LINUX_KERNEL:-$(ls -1 /boot/vmlinuz-* 2>/dev/null | sort -V | tail -n 1)}
	[ -n "$k" ] && [ -r "$k" ] ||
		die "no readable Linux image (LINUX_KERNEL=, or apt-get install linux-image-amd64)"
	linux_release=${k##*/vmlinuz-}
	log=$LOGS/busybox-session-linux.log
	rm -f "$log"
	timeout 600 "$QEMU" -accel tcg -cpu qemu64 -m 256M -smp 1 -nodefaults \
		-no-user-config -display none -no-reboot -serial "file:$log" \
		-kernel "$k" -initrd "$B/busybox.cpio" -append "$SESSION_APPEND" \
		> "$LOGS/busybox-session-linux.qemu" 2>&1
	tr -d '\r' < "$log" > "$out"
	grep -q '^@@@@ done ' "$out" || die "Linux's session did not finish: $(tail -3 "$out")"
}

# run_mmos OUT: boot mmos with the runner as PID 1; the serial log less
# the kernel's own lines is OUT.
run_mmos() {
	out=$1
	log=$LOGS/busybox-session.log
	rm -f "$log"
	timeout 300 "$QEMU" -accel tcg -cpu qemu64 -m 256M -smp 1 -nodefaults \
		-no-user-config -display none -no-reboot -serial "file:$log" \
		-kernel "$B/vmlinux" -initrd "$B/busybox.cpio" \
		-append "$SESSION_APPEND" > "$LOGS/busybox-session.qemu" 2>&1
	qemu_rc=$?
	tr -d '\r' < "$log" > "$out"
	# the runner's last word is poweroff -f: reboot(2), ACPI's S5, QEMU exits 0
	powered_off=no
	[ $qemu_rc = 0 ] && grep -q 'reboot: Power down' "$log" && powered_off=yes
}

# missing_syscalls: the syscalls the session makes that mmos does not
# have, from a run without `quiet` (the kernel reports each unknown
# number once), named from the host's <asm/unistd_64.h>.
missing_syscalls() {
	log=$LOGS/busybox-session-verbose.log
	timeout 300 "$QEMU" -accel tcg -cpu qemu64 -m 256M -smp 1 -nodefaults \
		-no-user-config -display none -no-reboot -serial "file:$log" \
		-kernel "$B/vmlinux" -initrd "$B/busybox.cpio" \
		-append "console=ttyS0 panic=-1 rdinit=/bin/sh -- /usr/share/mmos/session.sh --poweroff" \
		> /dev/null 2>&1
	h=/usr/include/x86_64-linux-gnu/asm/unistd_64.h
	[ -f "$h" ] || h=/usr/include/asm/unistd_64.h
	sed -n 's/.*syscall \([0-9]*\) unknown to mmos.*/\1/p' "$log" | sort -n | uniq |
	while read -r nr; do
		name=$(awk -v n="$nr" '$1 == "#define" && $3 == n { sub("__NR_", "", $2); print $2 }' "$h" 2>/dev/null)
		printf '%s(%s) ' "${name:-?}" "$nr"
	done
	echo
}

# split CAPTURE DIR: for each command N of CAPTURE, DIR/N is all it
# printed between its markers (the @@@@ rc= line included), DIR/N.rc its
# exit status and DIR/N.out its output alone. Lines that look like the
# kernel's ("[    1.234567] ...") are dropped on both sides: mmos's
# console mixes them in.
split() {
	rm -rf "$2"
	mkdir -p "$2"
	grep -Ev '^\[ *[0-9]+\.[0-9]+\] ' "$1" | awk -v dir="$2" '
	/^@@@@ begin [0-9]+$/ { n = $3; buf = ""; inside = 1; next }
	inside && $0 == "@@@@ end " n {
		f = dir "/" n
		printf "%s", buf > f; close(f)
		out = buf
		if (match(out, /@@@@ rc=[0-9]+\n$/)) {
			rc = substr(out, RSTART + 8, RLENGTH - 9)
			out = substr(out, 1, RSTART - 1)
			if (out != "" && out !~ /\n$/)
				out = out "\n"
			print rc > (f ".rc"); close(f ".rc")
		}
		printf "%s", out > (f ".out"); close(f ".out")
		inside = 0; next
	}
	inside { buf = buf $0 "\n" }'
}

# same N LINE: command N (LINE) printed and returned in got/ what it did
# in exp/: exactly, or by its pattern if LINE ends with " #~ ERE".
same() {
	e=$WORK/exp/$1 g=$WORK/got/$1
	[ -f "$g" ] && [ -f "$e" ] || return 1
	case $2 in
	*' #~ '*)
		pat=${2##* #~ }
		[ -f "$g.rc" ] && cmp -s "$e.rc" "$g.rc" && [ -s "$g.out" ] &&
			! grep -Evxq -- "$pat" "$g.out"
		;;
	*) cmp -s "$e" "$g" ;;
	esac
}

# compare EXPECTED GOT: the verdict, as the header of this file says;
# GOT's differing commands go to $WORK/differ.
compare() {
	split "$1" "$WORK/exp"
	split "$2" "$WORK/got"
	: > "$WORK/differ"
	: > "$WORK/report"
	total=0 match=0 known=0 bad=0
	while IFS= read -r line; do
		case $line in '' | '#'*) continue ;; esac
		total=$((total + 1))
		listed=0
		grep -qxF -- "$line" "$KNOWN" 2>/dev/null && listed=1
		if same $total "$line"; then
			match=$((match + 1))
			[ $listed = 1 ] || continue
			bad=$((bad + 1))
			printf 'now matches Linux, take it off %s: %s\n' "$KNOWN" "$line" >> "$WORK/report"
			continue
		fi
		printf '%s\n' "$line" >> "$WORK/differ"
		if [ $listed = 1 ]; then
			known=$((known + 1))
			continue
		fi
		bad=$((bad + 1))
		{
			printf 'differs from Linux (command %d): %s\n' $total "$line"
			if [ -f "$WORK/got/$total" ]; then
				diff "$WORK/exp/$total" "$WORK/got/$total" | head -n 12 | sed 's/^/    /'
			else
				echo "    (no output: the session did not get this far)"
			fi
		} >> "$WORK/report"
	done < "$CMDS"
	# every entry of the list must still be a command
	grep -v '^#' "$KNOWN" 2>/dev/null | grep -v '^$' | while IFS= read -r k; do
		grep -qxF -- "$k" "$CMDS" ||
			printf 'not a command, take it off %s: %s\n' "$KNOWN" "$k"
	done >> "$WORK/report"
	if [ "${powered_off:-yes}" != yes ]; then
		echo "the session did not end with poweroff (QEMU exit status $qemu_rc; $LOGS/busybox-session.log)" >> "$WORK/report"
	fi
	[ -s "$WORK/report" ] && [ $bad = 0 ] && bad=1
	summary="busybox session: $match/$total match, $known known to differ"
	[ $bad = 0 ] && echo "PASS $summary" || echo "FAIL $summary"
	cat "$WORK/report"
	[ $bad = 0 ] || echo "(all of it: $WORK/report; mmos's output: $WORK/got/N, Linux's: $WORK/exp/N)"
	[ $bad = 0 ]
}

case ${1:-check} in
script)
	# the commands as the runner's script: run N 'COMMAND'
	awk '/^$/ || /^#/ { next } { n++; gsub(/\047/, "\047\\\047\047"); print "run " n " \047" $0 "\047" }' "$CMDS"
	;;
_native_inner)
	native_inner "$2"
	;;
expected | expected-native)
	if [ "$1" = expected ]; then
		run_linux "$WORK/native.out"
		by="Linux $linux_release in QEMU"
	else
		run_native "$WORK/native.out"
		by="a native chroot"
	fi
	# the patterns must hold for Linux's own output
	: > "$WORK/empty-known"
	KNOWN=$WORK/empty-known compare "$WORK/native.out" "$WORK/native.out" >/dev/null ||
		die "Linux's run does not match its own patterns: $(KNOWN=$WORK/empty-known compare "$WORK/native.out" "$WORK/native.out" | tail -n +2 | head -20)"
	{
		echo "# Generated by \`make session-expected\` (tests/busybox/session.sh $1):"
		echo "# tests/busybox/commands run on $by, with $("$B/busybox/root/bin/busybox" | head -1 | cut -d' ' -f1-4)"
		cat "$WORK/native.out"
	} > "$EXPECTED"
	echo "wrote $EXPECTED: $(grep -c '^@@@@ begin' "$EXPECTED") commands"
	;;
check | known)
	[ -f "$EXPECTED" ] || die "no $EXPECTED: make session-expected"
	want=$(sed -n '2s/.*, with //p' "$EXPECTED")
	have=$("$B/busybox/root/bin/busybox" | head -1 | cut -d' ' -f1-4)
	[ "$want" = "$have" ] || die "$EXPECTED is from $want, build/ has $have: make session-expected"
	run_mmos "$WORK/mmos.out"
	if [ "$1" = known ]; then
		compare "$EXPECTED" "$WORK/mmos.out" > /dev/null
		{
			sed -n '/^#/p;/^#/!q' "$KNOWN" 2>/dev/null
			cat "$WORK/differ"
		} > "$KNOWN.tmp" && mv "$KNOWN.tmp" "$KNOWN"
		echo "wrote $KNOWN: $(grep -vc '^#' "$KNOWN") commands"
		echo "syscalls the session makes that mmos lacks: $(missing_syscalls)"
	fi
	compare "$EXPECTED" "$WORK/mmos.out"
	;;
*)
	echo "usage: $0 expected|expected-native|check|known" >&2
	exit 2
	;;
esac
