/* SPDX-License-Identifier: GPL-2.0 */
/* Growing the stack past its 8 MiB rlimit: SIGSEGV. */
#include "t.h"
#include <sys/resource.h>

static int deep(int n)
{
	volatile char frame[65536];

	frame[0] = (char)n;
	if (n < 0)
		return 0;
	return deep(n + 1) + frame[0];
}

int main(void)
{
	struct rlimit rl = { 8 << 20, 8 << 20 };

	setrlimit(RLIMIT_STACK, &rl);
	fflush(stdout);
	deep(0);
	printf("FAIL: unbounded stack\n");
	return 1;
}
