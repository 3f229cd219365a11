/* SPDX-License-Identifier: GPL-2.0 */
/* Writing to PROT_READ memory: the task dies by SIGSEGV (and only it). */
#include "t.h"
#include <sys/mman.h>

int main(void)
{
	volatile char *p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(p != MAP_FAILED && p[0] == 0, "read works");
	fflush(stdout);
	p[0] = 1;
	printf("FAIL: the write to read-only memory went through\n");
	return 1;
}
