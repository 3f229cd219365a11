#!/bin/sh
# hosted-bench.sh BUILD: run the hosted bench under callgrind and print
# instructions per operation of each bench_* function (inclusive / N).
set -e
B=$1
out=$B/callgrind.out
valgrind --tool=callgrind --callgrind-out-file="$out" "$B/hosted-bench" >/dev/null 2>&1
n=$(grep -o 'define N.*' tests/hosted/bench.c | awk '{print $3}')
callgrind_annotate --inclusive=yes --auto=no --threshold=100 "$out" 2>/dev/null |
awk -v n="$n" '/bench\.c:bench_[a-z0-9_]+/ && !/=>/ {
	gsub(",", "", $1)
	match($0, /bench_[a-z0-9_]+/)
	name = substr($0, RSTART, RLENGTH)
	if (!(name in seen)) { seen[name] = 1; printf "%-22s %10d instructions/op\n", name, $1 / n }
}'
