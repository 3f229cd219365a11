/* SPDX-License-Identifier: GPL-2.0 */
/* The stack grows on demand below its VMA, within the rlimit. */
#include "t.h"

static int depth(int n, volatile char *prev)
{
	volatile char frame[4000];

	frame[0] = (char)n;
	frame[3999] = prev ? prev[0] : 0;
	if (n == 0)
		return 0;
	return depth(n - 1, frame) + 1 + frame[0] - (char)n;
}

static int stack_lines(void)
{
	const char *m = t_read_file("/proc/self/maps"), *st;
	unsigned long s, e;

	st = m ? strstr(m, "[stack]") : NULL;
	while (st && st > m && st[-1] != '\n')
		st--;
	return st && sscanf(st, "%lx-%lx", &s, &e) == 2 ? (e - s) >> 10 : 0;
}

int main(void)
{
	int before = stack_lines(), after;

	CHECK(depth(1000, NULL) == 1000, "4 MB of recursion");	/* ~4 MB */
	after = stack_lines();
	CHECK(after >= before + 3500, "[stack] grew from %d to %d KiB", before, after);
	return t_done("stack");
}
