// SPDX-License-Identifier: GPL-2.0
/*
 * The ChaCha20 block function (RFC 8439, section 2.3), as Linux's
 * lib/crypto/chacha.c: 20 rounds over the 16-word state (4 constants,
 * 8 key words, a block counter and the nonce), the input added back,
 * 64 bytes out little-endian; the counter (word 12) steps by one.
 */
#include <linux/chacha.h>
#include <linux/string.h>

static inline u32 rol32(u32 v, int s)
{
	return (v << s) | (v >> (32 - s));
}

#define QUARTERROUND(x, a, b, c, d) do {				\
		x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 16);		\
		x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 12);		\
		x[a] += x[b]; x[d] = rol32(x[d] ^ x[a], 8);		\
		x[c] += x[d]; x[b] = rol32(x[b] ^ x[c], 7);		\
	} while (0)

/* chacha_init_consts - words 0..3: "expand 32-byte k". */
void chacha_init_consts(u32 *state)
{
	state[0] = 0x61707865;
	state[1] = 0x3320646e;
	state[2] = 0x79622d32;
	state[3] = 0x6b206574;
}

/* chacha20_block - one 64-byte block of key stream from @state into
 * @stream; then the block counter advances. */
void chacha20_block(u32 *state, u8 *stream)
{
	u32 x[CHACHA_STATE_WORDS];

	memcpy(x, state, sizeof(x));
	for (int i = 0; i < 20; i += 2) {
		QUARTERROUND(x, 0, 4, 8, 12);
		QUARTERROUND(x, 1, 5, 9, 13);
		QUARTERROUND(x, 2, 6, 10, 14);
		QUARTERROUND(x, 3, 7, 11, 15);
		QUARTERROUND(x, 0, 5, 10, 15);
		QUARTERROUND(x, 1, 6, 11, 12);
		QUARTERROUND(x, 2, 7, 8, 13);
		QUARTERROUND(x, 3, 4, 9, 14);
	}
	for (int i = 0; i < CHACHA_STATE_WORDS; i++) {
		u32 v = x[i] + state[i];

		stream[4 * i] = v;
		stream[4 * i + 1] = v >> 8;
		stream[4 * i + 2] = v >> 16;
		stream[4 * i + 3] = v >> 24;
	}
	memset(x, 0, sizeof(x));
	state[12]++;
}
