/*
 * master.c - imapd-master, the prefork master (see man/imapd-master.8).
 * Not built yet: it exits with a message rather than pretending to run.
 */
#include <stdio.h>

int main(void)
{
	fprintf(stderr, "imapd-master: not implemented yet\n");
	return 69;
}
