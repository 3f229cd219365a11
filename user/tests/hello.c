/* SPDX-License-Identifier: GPL-2.0 */
/* printf and malloc: built with musl (hello) and glibc (hello_glibc). */
#include "t.h"

int main(int argc, char **argv)
{
	char *p = malloc(100000);
	char *q = malloc(17);

	CHECK(p && q, "malloc");
	memset(p, 'x', 100000);
	snprintf(q, 17, "%s", "hello, world");
	printf("%s from %s (argc %d)\n", q, argv[0], argc);
	free(p);
	free(q);
	return t_done("hello");
}
