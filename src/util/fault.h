/*
 * fault.h - fault injection for crash-safety tests.
 *
 * Code that must survive a crash at any step (the store's MOVE) names
 * its steps with fault_point("move.renamed").  In production nothing
 * happens: $IMAPD_FAULT is unset and a call costs one comparison.  A test
 * sets IMAPD_FAULT to a comma-separated list of
 *
 *     point[@n]=kill     the n-th time (default 1) the point is reached,
 *                        the process kills itself with SIGKILL (what a
 *                        power cut or `kill -9` leaves behind)
 *     point[@n]=fail     fault_point() returns true there: the caller
 *                        acts as if the step failed (see its comment)
 *     point[@n]=stop     the process stops itself (SIGSTOP) there, for a
 *                        test to look at what another process does meanwhile
 *
 * and checks what the next process finds on disk.
 */
#ifndef IMAPD_UTIL_FAULT_H
#define IMAPD_UTIL_FAULT_H

#include <stdbool.h>

/* Reaching step `name`: may not return (kill), or returns whether the
 * caller is to fail the step; false without $IMAPD_FAULT. */
bool fault_point(const char *name);

/* Forget the parsed $IMAPD_FAULT and the counts (tests that set it
 * again in the same process). */
void fault_reset(void);

#endif
