/* Ctrl-C (SIGINT) and SIGTERM during a build are noted instead of ending
 * the process at once, so that the build can stop at its next file and
 * remove what it staged; main.c then ends the process by the signal. */
#ifndef PORTA_INTERRUPT_H
#define PORTA_INTERRUPT_H

/* Starts noting the two signals (one that is ignored stays ignored, as
 * for a command started in the background). */
void interrupt_catch(void);

/* The signal noted, or 0. Any thread may ask. */
int interrupt_caught(void);

#endif
