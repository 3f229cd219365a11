#!/bin/sh
# tests/fuzz-kernel.sh SECONDS [SEED] [ROUNDS]: boot mmos with /fuzz as
# PID 1 (user/fuzz.c) for SECONDS of random syscalls and judge the serial
# log: it fails on a panic, an Oops/BUG/WARNING, or a summary line that
# is not "fuzz: PASS" (a leak, a task that outlives SIGKILL). Prints
# "PASS fuzz-kernel ..." or "FAIL fuzz-kernel ..."; exits 0 on a pass.
# FUZZ_APPEND adds words to the command line (fuzz_calls=, fuzz_trace=1);
# FUZZ_MEM is the guest's memory (256M; less puts the kernel under pressure).
set -u
B=${BUILD:-build}
LOGS=$B/test-logs
QEMU=${QEMU:-qemu-system-x86_64}
secs=${1:-60} seed=${2:-} rounds=${3:-}
mkdir -p "$LOGS"
log=$LOGS/fuzz-kernel.log
append="console=ttyS0 rdinit=/fuzz mmos.automount=1 fuzz_seconds=$secs ${FUZZ_APPEND:-}"
[ -n "$seed" ] && append="$append fuzz_seed=$seed"
[ -n "$rounds" ] && append="$append fuzz_rounds=$rounds"
# The boot takes seconds under TCG; a round may take its budget plus the
# 10 s it gives SIGKILL. Past that QEMU is stuck: a hang is a failure.
limit=$((secs + 120))
[ -n "$rounds" ] && limit=$((rounds * 20 + 120))
rm -f "$log"
timeout "$limit" "$QEMU" -accel tcg -cpu qemu64 -m "${FUZZ_MEM:-256M}" -smp 1 -nodefaults \
	-no-user-config -display none -no-reboot -serial "file:$log" \
	-kernel "$B/vmlinux" -initrd "$B/tests-initramfs.cpio" \
	-append "$append" >"$LOGS/fuzz-kernel.qemu" 2>&1
rc=$?
[ -f "$log" ] && { tr -d '\r' < "$log" > "$log.txt"; mv "$log.txt" "$log"; }
summary=$(grep -E '^fuzz: (PASS|FAIL) ' "$log" 2>/dev/null | tail -1)
why=
if [ $rc -eq 124 ]; then
	why="QEMU still running after ${limit} s (a hang)"
elif grep -Eq 'Kernel panic|Oops|BUG|WARNING' "$log"; then
	why="$(grep -E -m1 'Kernel panic|Oops|BUG|WARNING' "$log")"
elif [ -z "$summary" ]; then
	why="no summary line (QEMU exit $rc)"
elif ! printf '%s\n' "$summary" | grep -q '^fuzz: PASS'; then
	why="$summary"
fi
if [ -n "$why" ]; then
	echo "FAIL fuzz-kernel ($secs s): $why"
	grep -E '^fuzz: (round|FAIL)|panic|Oops|BUG|WARNING|RIP|Call Trace' "$log" | tail -n 30 | sed 's/^/    /'
	exit 1
fi
echo "PASS fuzz-kernel ($secs s): ${summary#fuzz: PASS }"
