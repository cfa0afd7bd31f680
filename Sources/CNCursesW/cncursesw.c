/* wcwidth is declared by <wchar.h> only for X/Open. */
#define _XOPEN_SOURCE 700
#include "cncursesw.h"
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <term.h>   /* only here: it #defines names such as `lines` and `columns` */

WINDOW *cn_stdscr(void) { return stdscr; }

int cn_probe_terminal(void) {
    int err = 0;
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK)   /* given &err, it never exit()s */
        return err == -1 ? -2 : -1;
    const char *cup = tigetstr("cup");
    int ok = (cup != NULL && cup != (char *)-1);
    del_curterm(cur_term);
    return ok ? 1 : 0;
}

SCREEN *cn_newterm(void) { return newterm(NULL, stdout, stdin); }

void cn_write_stdout(const char *bytes, size_t count) {
    fflush(stdout);
    size_t done = 0;
    while (done < count) {
        ssize_t n = write(STDOUT_FILENO, bytes + done, count - done);
        if (n <= 0) break;
        done += (size_t)n;
    }
}

void cn_eprint(const char *message) { fputs(message, stderr); fflush(stderr); }
int cn_wcwidth(wchar_t c) { return wcwidth(c); }
attr_t cn_a_bold(void) { return A_BOLD; }
attr_t cn_a_dim(void) { return A_DIM; }
attr_t cn_a_reverse(void) { return A_REVERSE; }
attr_t cn_a_underline(void) { return A_UNDERLINE; }

static void restore_and_reraise(int sig) {
    endwin();
    signal(sig, SIG_DFL);
    raise(sig);
}

void cn_restore_on_crash(void) {
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], restore_and_reraise);
}
