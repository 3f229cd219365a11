#!/bin/sh
# tests/run.sh: every test of mmos, in three layers:
#   1. hosted unit tests (arch/hosted, AddressSanitizer + UBSan)
#   2. user programs from user/tests/, natively and then inside mmos
#   3. boots in QEMU whose serial log and exit status are checked, a
#      minute of the syscall fuzzer (tests/fuzz-kernel.sh), the
#      scripted busybox session (tests/busybox/session.sh) and the
#      serial console typed at (tests/tty-harness.py)
# Ends with "N passed, N failed"; exits 1 if anything failed.
# Called by `make test`, which builds everything first.
set -u
B=${BUILD:-build}
LOGS=$B/test-logs
QEMU=${QEMU:-qemu-system-x86_64}
mkdir -p "$LOGS"
pass=0 fail=0

ok() { pass=$((pass + 1)); echo "PASS $1"; }
bad() {
	fail=$((fail + 1))
	echo "FAIL $1"
	[ $# -ge 2 ] && printf '%s\n' "$2" | tail -n 25 | sed 's/^/    /'
	return 0
}

# --- 1. hosted unit tests -------------------------------------------------
for t in "$B"/hosted/test_* "$B"/hosted/model; do
	[ -x "$t" ] || continue
	name=hosted/$(basename "$t")
	out=$("$t" 2>&1)
	rc=$?
	n=0
	for w in $(printf '%s\n' "$out" | sed -n 's/^\(PASS\|FAIL\) \(.*\)/\1:\2/p'); do
		n=$((n + 1))
		case $w in
		PASS:*) ok "$name/${w#PASS:}" ;;
		FAIL:*) bad "$name/${w#FAIL:}" "$(printf '%s\n' "$out" | grep -v '^PASS')" ;;
		esac
	done
	if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^FAIL'; then
		bad "$name (exit $rc after $n tests)" "$out"
	fi
done

# --- 2. user programs: natively, then in mmos ---------------------------
# A test passes by exiting 0, or, if its name starts with segv_, by being
# killed by SIGSEGV. Natively that is exit status 0 / 139; in mmos the
# test is PID 1, so its death is Linux's "Attempted to kill init!" panic
# with the wait status, after the kernel's line comparing the free pages
# before its exec with those after its mm was torn down.
native_tests() {
	for prog in "$B"/user/tests/*; do
		name=$(basename "$prog")
		want=0
		case $name in segv_*) want=139 ;; esac
		(cd /tmp && timeout 120 "$OLDPWD/$prog") >"$LOGS/native-$name.log" 2>&1
		rc=$?
		if [ $rc = $want ]; then
			ok "native/$name"
		else
			bad "native/$name: exit $rc, expected $want" "$(cat "$LOGS/native-$name.log")"
		fi
	done
}

mmos_tests() {
	for prog in "$B"/user/tests/*; do
		name=$(basename "$prog")
		want=0x00000000
		case $name in segv_*) want=0x0000000b ;; esac
		t="mmos/$name"
		boot "user-$name" qemu64 256M "$B/tests-initramfs.cpio" \
			"console=ttyS0 rdinit=/tests/$name mmos.automount=1"
		line=$(grep -o 'free pages before exec [0-9]*, now [0-9]*' "$log")
		set -- $(echo "$line" | tr -d ,)
		if ! grep -q "Attempted to kill init! exitcode=$want" "$log"; then
			bad "$t: expected exit status $want" "$(cat "$log")"
		elif [ -z "$line" ] || [ "$5" != "$7" ]; then
			bad "$t: pages leaked ($line)" "$(tail -5 "$log")"
		elif grep -q '^FAIL' "$log"; then
			bad "$t" "$(grep '^FAIL' "$log")"
		else
			ok "$t"
		fi
	done
}

# --- 3. boots in QEMU -----------------------------------------------------
# boot NAME CPU MEM INITRD APPEND [EXTRA...]: boot vmlinux, serial to
# $LOGS/NAME.log; sets $rc (QEMU's exit status) and $log.
boot() {
	name=$1 cpu=$2 mem=$3 initrd=$4 append=$5
	shift 5
	log=$LOGS/$name.log
	set -- -accel tcg -cpu "$cpu" -m "$mem" -smp 1 -nodefaults -no-user-config \
		-display none -no-reboot -serial "file:$log" -kernel "$B/vmlinux" \
		-append "$append" "$@"
	[ -n "$initrd" ] && set -- "$@" -initrd "$initrd"
	timeout 120 "$QEMU" "$@" >"$LOGS/$name.qemu" 2>&1
	rc=$?
	[ -f "$log" ] && { tr -d '\r' < "$log" > "$log.txt"; mv "$log.txt" "$log"; }
}

# has NAME PATTERN...: every pattern (grep -E) is in $log.
has() {
	name=$1
	shift
	for p in "$@"; do
		if ! grep -Eq -- "$p" "$log"; then
			bad "$name: no /$p/ in the log" "$(cat "$log" "$LOGS/$name.qemu" 2>/dev/null)"
			return 1
		fi
	done
	return 0
}

# lacks NAME PATTERN: PATTERN is not in $log.
lacks() {
	if grep -Eq -- "$2" "$log"; then
		bad "$1: /$2/ in the log" "$(grep -E -- "$2" "$log")"
		return 1
	fi
	return 0
}

exit_is() {
	[ "$rc" = "$2" ] && return 0
	bad "$1: QEMU exit status $rc, expected $2" "$(cat "$log" "$LOGS/$1.qemu" 2>/dev/null)"
	return 1
}

sym() { nm "$B/vmlinux" | awk -v s="$1" '$3 == s { print "0x" $1; exit }' | sed 's/0x0*/0x/'; }

DEBUG_EXIT="-device isa-debug-exit,iobase=0xf4,iosize=4"
PASS_RC=33	# (MMOS_EXIT_PASS 0x10 << 1) | 1
INITRD=$B/initramfs.cpio

# The bench's and Linux's exact line; init_mm as
# Documentation/mm/process-address-space.md describes it.
t=boot_linux_cmdline
start=$(date +%s%N)
boot $t qemu64 1G "$INITRD" "console=ttyS0"
ms=$(( ($(date +%s%N) - start) / 1000000 ))
exit_is $t 0 &&
has $t "init_mm: pgd $(sym swapper_pg_dir) \(swapper_pg_dir, phys 0x[0-9a-f]+\) mm_users 2 mm_count 1" \
	"init_mm: start_code $(sym _stext) end_code $(sym _etext) end_data $(sym _edata) brk $(sym _end)$" \
	"Memory: [0-9]+K/[0-9]+K available" "initramfs: unpacked 3 entries" \
	"Freeing initrd memory" "Run /init as init process" "Hello from /init, pid 1" \
	"reboot: Restarting system" &&
lacks $t "panic|BUG|WARNING|Oops" && ok "$t (QEMU run ${ms} ms)"

t=boot_quiet
boot $t qemu64 1G "$INITRD" "console=ttyS0 quiet panic=-1"
exit_is $t 0 && lacks $t "init_mm|Memory:" && ok $t

# The wall clock comes from the CMOS RTC: the bench's -rtc line gives
# 2024-01-01, which the kernel prints and a program reads back.
t=rtc_base
boot $t qemu64 256M "$B/tests-initramfs.cpio" "console=ttyS0 rdinit=/tests/clock mmos.automount=1" \
	-rtc base=2024-01-01T00:00:00,clock=vm
has $t "rtc_cmos: setting system clock to 2024-01-01T00:00:0[0-9] UTC \(170406720[0-9]\)" \
	"clock: wall clock 2024-01-01" "clock: [0-9]+ checks, 0 failed" && ok $t

# In-kernel self-tests: each "selftest: NAME: ok|FAIL" line counts.
t=selftest_qemu64
boot $t qemu64 256M "$INITRD" "console=ttyS0 mmos.selftest=1" $DEBUG_EXIT
for w in $(sed -n 's/.*selftest: \(test_[a-z0-9_]*\): \(ok\|FAIL\)$/\1:\2/p' "$log"); do
	case $w in
	*:ok) ok "kernel/${w%:ok}" ;;
	*) bad "kernel/${w%:FAIL}" "$(grep -F "${w%:FAIL}" "$log")" ;;
	esac
done
exit_is $t $PASS_RC && has $t "selftest: [0-9]+ passed, 0 failed" \
	"selftest: free pages before [0-9]+, after [0-9]+" && lacks $t "FAIL" && ok $t

t=selftest_cpu_max
boot $t max 256M "$INITRD" "console=ttyS0 mmos.selftest=1" $DEBUG_EXIT
exit_is $t $PASS_RC && has $t "CPU: .* smep smap" "selftest: [0-9]+ passed, 0 failed" && ok $t

t=selftest_mem_limit
boot $t qemu64 1G "$INITRD" "console=ttyS0 mem=64M mmos.selftest=1" $DEBUG_EXIT
exit_is $t $PASS_RC && has $t "Memory: [0-9]+K/6[0-5][0-9]{3}K available" && ok $t

t=oops_report
boot $t qemu64 256M "$INITRD" "console=ttyS0 mmos.selftest=oops"
exit_is $t 0 &&
has $t "BUG: unable to handle page fault for address: 0000000000000000" \
	"#PF: address is in the NULL page" \
	"#PF: supervisor read access in kernel mode" \
	"#PF: error_code\(0x0000\) - not-present page" \
	"RIP: 0010:selftest_oops\+0x" "CR2: 0000000000000000" "Call Trace:" \
	" run_selftests\+0x" "Kernel panic - not syncing: Fatal exception" && ok $t

t=no_initrd
boot $t qemu64 256M "" "console=ttyS0"
exit_is $t 0 && has $t "initramfs: no initrd given" \
	"Kernel panic - not syncing: No working init found" && ok $t

t=corrupt_initrd_truncated
head -c 1000 "$INITRD" > "$LOGS/truncated.cpio"
boot $t qemu64 256M "$LOGS/truncated.cpio" "console=ttyS0"
exit_is $t 0 && has $t "Initramfs unpacking failed: .* at offset [0-9]+" \
	"Kernel panic - not syncing: No working init found" && ok $t

t=corrupt_initrd_garbage
head -c 8192 /dev/urandom > "$LOGS/garbage.cpio"
boot $t qemu64 256M "$LOGS/garbage.cpio" "console=ttyS0"
exit_is $t 0 && has $t "Initramfs unpacking failed" \
	"Kernel panic - not syncing: No working init found" && ok $t

# Linux's order for PID 1: the initramfs's /init, so init= is not used.
t=init_param
boot $t qemu64 256M "$INITRD" "console=ttyS0 init=/nonexistent"
exit_is $t 0 && has $t "Run /init as init process" && lacks $t "Requested init" && ok $t

# An rdinit= that cannot be executed is dropped without a word (as
# Linux's kernel_init_freeable), and init= runs from rootfs instead.
t=rdinit_param
boot $t qemu64 256M "$B/tests-initramfs.cpio" \
	"console=ttyS0 rdinit=/nonexistent init=/tests/hello"
exit_is $t 0 && has $t "Run /tests/hello as init process" "exitcode=0x00000000" &&
	lacks $t "Failed to execute|Run /init " && ok $t

# ... and an init= that fails then panics.
t=init_param_fails
boot $t qemu64 256M "$INITRD" "console=ttyS0 rdinit=/nonexistent init=/nonexistent"
exit_is $t 0 && has $t "Requested init /nonexistent failed \(error -2\)" && ok $t

# The syscall fuzzer as PID 1 (user/fuzz.c) for a minute; `make
# fuzz-kernel FUZZ_SECONDS=...` runs it longer, with random seeds. Here
# the first round's seed is fixed (FUZZ_SEED overrides it), so that a
# run of make test tries the same rounds on every machine and passes or
# fails by the kernel, not by the draw; the random runs find new bugs.
t=fuzz_kernel
out=$(BUILD=$B QEMU=$QEMU sh tests/fuzz-kernel.sh "${FUZZ_SECONDS:-60}" \
	"${FUZZ_SEED-8499673127243769558}")
case $out in
PASS*) ok "$t ${out#PASS fuzz-kernel }" ;;
*) bad "$t: $(printf '%s\n' "$out" | head -1)" "$(printf '%s\n' "$out" | tail -n +2)" ;;
esac

# The scripted busybox session (tests/busybox/session.sh): every
# command of tests/busybox/commands must print and return in mmos what it
# does natively (tests/busybox/expected), but those listed in
# tests/busybox/known-differences, which must still differ.
t=busybox_session
out=$(BUILD=$B QEMU=$QEMU sh tests/busybox/session.sh check)
echo "$(printf '%s\n' "$out" | head -1 | sed 's/^[A-Z]* //')"
case $out in
PASS*) ok "$t" ;;
*) bad "$t" "$(printf '%s\n' "$out" | tail -n +2)" ;;
esac
# The serial console typed at like a person (tests/tty-harness.py):
# echo, line editing, ^D, ^C, raw mode; each check counts.
tty_harness() {
	out=$(python3 tests/tty-harness.py "$B" "$LOGS/tty-harness.log" 2>&1)
	rc=$?
	n=0
	for w in $(printf '%s\n' "$out" | sed -n 's/^\(PASS\|FAIL\) \(.*\)/\1:\2/p'); do
		n=$((n + 1))
		case $w in
		PASS:*) ok "${w#PASS:}" ;;
		FAIL:*) bad "${w#FAIL:}" "$(printf '%s\n' "$out" | grep -v '^PASS')" ;;
		esac
	done
	if [ $rc -ne 0 ] && ! printf '%s\n' "$out" | grep -q '^FAIL'; then
		bad "tty harness (exit $rc after $n checks)" "$out"
	fi
}
tty_harness

native_tests
mmos_tests

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
