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

/* BUTTON5 (the wheel down) exists from ncurses' mouse version 2; older curses (macOS's
   system one) report the wheel down as button 2 with REPORT_MOUSE_POSITION, or not at all. */
#ifndef BUTTON5_PRESSED
#define BUTTON5_PRESSED 0
#endif

void cn_enable_mouse(void) {
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
}

int cn_read_mouse(int *x, int *y, int *action) {
    MEVENT event;
    if (getmouse(&event) != OK) return 0;
    *x = event.x;
    *y = event.y;
    if (event.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)) *action = 1;
    else if (event.bstate & BUTTON4_PRESSED) *action = 4;
    else if (BUTTON5_PRESSED && (event.bstate & BUTTON5_PRESSED)) *action = 5;
    else *action = 0;
    return 1;
}

void cn_restore_on_crash(void) {
    int fatal[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP };
    for (size_t i = 0; i < sizeof fatal / sizeof fatal[0]; i++) signal(fatal[i], restore_and_reraise);
}
