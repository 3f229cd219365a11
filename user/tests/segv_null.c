/* SPDX-License-Identifier: GPL-2.0 */
/* Reading address 0: SIGSEGV. */
#include "t.h"

int main(void)
{
	volatile int *p;

	__asm__ volatile("" : "=r"(p) : "0"(0L));

	fflush(stdout);
	printf("%d\n", *p);
	printf("FAIL: read of NULL went through\n");
	return 1;
}
