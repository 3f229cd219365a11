/* SPDX-License-Identifier: GPL-2.0 */
/* The ChaCha20 block function (lib/chacha.c), RFC 8439's. */
#ifndef _LINUX_CHACHA_H
#define _LINUX_CHACHA_H

#include <linux/types.h>

#define CHACHA_BLOCK_SIZE	64
#define CHACHA_KEY_SIZE		32
#define CHACHA_STATE_WORDS	16

void chacha_init_consts(u32 *state);
void chacha20_block(u32 *state, u8 *stream);

#endif
