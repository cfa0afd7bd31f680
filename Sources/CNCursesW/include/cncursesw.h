#ifndef CNCURSESW_H
#define CNCURSESW_H
/* ncursesw for Swift. NCURSES_WIDECHAR turns on the wide-character API (get_wch, cchar_t);
   SwiftPM drops pkg-config's -D flags, so it is set here, before the include. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include <locale.h>
#include <wchar.h>
#if defined(__APPLE__)
#include <curses.h>
#else
#include <ncursesw/curses.h>
#endif

/* Swift 6 rejects references to C mutable globals (stdscr, stdout, stderr) and cannot see
   function-like or cast macros (getmaxyx, A_BOLD, COLOR_PAIR's bits): these wrap them. */
WINDOW *cn_stdscr(void);
int cn_probe_terminal(void);            /* 1 usable, 0 cannot address the cursor, -1 unknown TERM, -2 no terminfo */
SCREEN *cn_newterm(void);               /* newterm(NULL, stdout, stdin): NULL instead of exit() */
void cn_write_stdout(const char *bytes, size_t count);  /* raw bytes (OSC 52), after the screen is drawn */
void cn_eprint(const char *message);
int cn_wcwidth(wchar_t c);              /* glibc's view of a character's columns (hidden by Glibc) */
attr_t cn_a_bold(void);
attr_t cn_a_dim(void);
attr_t cn_a_reverse(void);
attr_t cn_a_underline(void);
/* Restores the terminal (endwin) before a fatal signal ends the process, so a crash does not
   leave the shell in raw mode with the alternate screen. */
void cn_restore_on_crash(void);
/* The mouse: presses of the first button and the wheel, reported at once (no click interval). */
void cn_enable_mouse(void);
/* After KEY_MOUSE: the event's cell and what it was (1 press, 4 wheel up, 5 wheel down, 0 other);
   0 when there is no event to read. */
int cn_read_mouse(int *x, int *y, int *action);
#endif
