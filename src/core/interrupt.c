#include "interrupt.h"

#include <signal.h>
#include <stddef.h>

static volatile sig_atomic_t caught;

static void note(int sig)
{
	caught = sig;
}

void interrupt_catch(void)
{
	/* No SA_RESTART: waiting for another build's lock ends on Ctrl-C. */
	struct sigaction sa = {.sa_handler = note};
	sigemptyset(&sa.sa_mask);
	const int sigs[] = {SIGINT, SIGTERM};
	for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
		struct sigaction old;
		if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
	}
}

int interrupt_caught(void)
{
	return caught;
}
