// SPDX-License-Identifier: GPL-2.0
/*
 * The kernel command line. Words are separated by spaces; a value may be
 * quoted ("..."). Each word goes to the first .init.setup entry whose
 * name it starts with; words nobody claims go to init as Linux does:
 * NAME=VALUE into its environment, others into its argv. Everything
 * after "--" is init's alone.
 */
#include <linux/kernel.h>
#include <linux/init.h>
#include <linux/string.h>
#include <asm/setup.h>

char boot_command_line[COMMAND_LINE_SIZE];
static char parse_buf[COMMAND_LINE_SIZE];
const char *argv_init[MAX_INIT_ARGS + 2] = { "init", NULL };
const char *envp_init[MAX_INIT_ENVS + 2] = { "HOME=/", "TERM=linux", NULL };

extern const struct obs_kernel_param __setup_start[], __setup_end[];

/* Does @word select @p? "mem=" wants a prefix, "quiet" the whole word
 * (or the word followed by "="). */
static bool param_matches(const struct obs_kernel_param *p, const char *word)
{
	size_t n = strlen(p->str);

	if (strncmp(word, p->str, n))
		return false;
	return p->str[n - 1] == '=' || word[n] == 0 || word[n] == '=';
}

static bool do_param(char *word, int early)
{
	const struct obs_kernel_param *p;

	for (p = __setup_start; p < __setup_end; p++) {
		if (!param_matches(p, word))
			continue;
		if (p->early == early) {
			char *v = word + strlen(p->str);

			p->setup_func(*v == '=' ? v + 1 : v);
		}
		return true;
	}
	return false;
}

static void add_to_init(const char **vec, int max, const char *word)
{
	int i = 0;

	while (vec[i])
		i++;
	if (i < max) {
		vec[i] = word;
		vec[i + 1] = NULL;
	}
}

/* Split the next word off @*p (quotes kept out). NULL at the end. */
static char *next_word(char **p)
{
	char *s = *p, *w;
	bool quoted = false;

	while (*s == ' ')
		s++;
	if (!*s)
		return NULL;
	for (w = s; *s && (quoted || *s != ' '); s++)
		if (*s == '"')
			quoted = !quoted;
	if (*s)
		*s++ = 0;
	*p = s;
	/* drop the quotes: name="a b" -> name=a b */
	for (char *r = w, *d = w;; r++) {
		if (*r != '"')
			*d++ = *r;
		if (!*r)
			break;
	}
	return w;
}

static void parse_phase(int early, char *buf)
{
	char *p = buf, *w;
	bool to_init = false;

	strscpy(buf, boot_command_line, COMMAND_LINE_SIZE);
	while ((w = next_word(&p))) {
		if (!to_init && !strcmp(w, "--")) {
			to_init = true;
			continue;
		}
		if (!to_init && do_param(w, early))
			continue;
		if (early)
			continue;
		if (!to_init && strchr(w, '='))
			add_to_init(envp_init, MAX_INIT_ENVS, w);
		else if (!to_init && strchr(w, '.'))
			continue;	/* module.param for a module mmos lacks */
		else
			add_to_init(argv_init, MAX_INIT_ARGS, w);
	}
}

/* parse_early_param - run the early_param() handlers. */
void parse_early_param(void)
{
	static char early_buf[COMMAND_LINE_SIZE];

	parse_phase(1, early_buf);
}

/* parse_args - run the __setup() handlers and collect init's arguments.
 * The words stay in parse_buf, which argv_init/envp_init point into. */
void parse_args(void)
{
	parse_phase(0, parse_buf);
}
