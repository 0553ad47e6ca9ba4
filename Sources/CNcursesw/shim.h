#ifndef ADOPT_CNCURSESW_SHIM_H
#define ADOPT_CNCURSESW_SHIM_H

/* The only C the project sees, and only AdoptTerminal imports it.
 *
 * Swift cannot call function-like macros (COLOR_PAIR, A_BOLD, KEY_F), and Swift 6 rejects C
 * globals (stdscr, stdout, COLORS, COLOR_PAIRS, LINES, COLS) as not concurrency-safe, so each
 * one the Swift side needs is a small `static inline` wrapper here with an `adopt_` prefix.
 * Without NCURSES_WIDECHAR, cchar_t, setcchar and get_wch are missing. */
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/* ---- Screen lifecycle ---------------------------------------------------------------- */

#define ADOPT_NO_CURSOR_ADDRESSING 1

/* The user's locale (UTF-8) must be set before ncurses starts, or wide characters come out
 * as escapes. newterm, unlike initscr, returns NULL instead of exiting on an unknown TERM.
 * Returns OK, ERR (unknown TERM) or ADOPT_NO_CURSOR_ADDRESSING (e.g. TERM=dumb: ncurses
 * starts, but could only print the frame as a stream of lines). */
static inline int adopt_open_screen(void) {
    setlocale(LC_ALL, "");
    SCREEN *screen = newterm(NULL, stdout, stdin);
    if (screen == NULL) return ERR;
    set_term(screen);
    char *cup = tigetstr("cup");
    if (cup == NULL || cup == (char *)-1) {
        endwin();
        delscreen(screen);
        return ADOPT_NO_CURSOR_ADDRESSING;
    }
    return OK;
}

static inline int adopt_lines(void) { return LINES; }
static inline int adopt_cols(void) { return COLS; }
static inline int adopt_keypad(bool on) { return keypad(stdscr, on); }
static inline int adopt_nodelay(bool on) { return nodelay(stdscr, on); }
static inline int adopt_leaveok(bool on) { return leaveok(stdscr, on); }
static inline int adopt_clearok(bool on) { return clearok(stdscr, on); }
static inline int adopt_erase(void) { return werase(stdscr); }
/* Off when hyperlinks are written past ncurses: an insert or delete of characters would slide
 * linked cells, links and all, to where the grid has none. */
static inline void adopt_idcok(bool on) { idcok(stdscr, on); }

/* One frame, one update: copy stdscr to the virtual screen, then send only what changed. */
static inline int adopt_flush_frame(void) {
    wnoutrefresh(stdscr);
    return doupdate();
}

/* ---- Attributes and colour ----------------------------------------------------------- */

static inline uint32_t adopt_attr_normal(void) { return (uint32_t)A_NORMAL; }
static inline uint32_t adopt_attr_bold(void) { return (uint32_t)A_BOLD; }
static inline uint32_t adopt_attr_dim(void) { return (uint32_t)A_DIM; }
static inline uint32_t adopt_attr_underline(void) { return (uint32_t)A_UNDERLINE; }
static inline uint32_t adopt_attr_reverse(void) { return (uint32_t)A_REVERSE; }

static inline int adopt_colors(void) { return COLORS; }
static inline int adopt_color_pairs(void) { return COLOR_PAIRS; }

/* ---- Drawing ------------------------------------------------------------------------- */

/* Draws one grapheme (a spacing scalar plus up to CCHARW_MAX-1 combining scalars) at
 * (row, column). The colour pair goes through setcchar's `opts` so pairs above 32767 work. */
static inline int adopt_put_cell(int row, int column, const uint32_t *scalars, int count,
                                 uint32_t attrs, int pair) {
    wchar_t text[CCHARW_MAX + 1];
    int n = count < CCHARW_MAX ? count : CCHARW_MAX;
    for (int i = 0; i < n; i++) text[i] = (wchar_t)scalars[i];
    text[n] = 0;
    cchar_t cell;
    if (setcchar(&cell, text, (attr_t)attrs, 0, &pair) == ERR) return ERR;
    return mvwadd_wch(stdscr, row, column, &cell);
}

/* The C library's width of one scalar: how ncurses sizes a cell (-1 when not printable). */
static inline int adopt_wcwidth(uint32_t scalar) { return wcwidth((wchar_t)scalar); }

/* ---- Input --------------------------------------------------------------------------- */

/* OK with a character, KEY_CODE_YES with a key code (KEY_UP...), or ERR when nothing is
 * waiting (in nodelay mode). */
static inline int adopt_get_wch(uint32_t *out) {
    wint_t value = 0;
    int result = wget_wch(stdscr, &value);
    *out = (uint32_t)value;
    return result;
}

static inline uint32_t adopt_mouse_all_events(void) { return (uint32_t)ALL_MOUSE_EVENTS; }
static inline uint32_t adopt_mouse_button1_pressed(void) { return (uint32_t)BUTTON1_PRESSED; }
static inline uint32_t adopt_mouse_button1_clicked(void) { return (uint32_t)BUTTON1_CLICKED; }
static inline uint32_t adopt_mouse_wheel_up(void) { return (uint32_t)BUTTON4_PRESSED; }
static inline uint32_t adopt_mouse_wheel_down(void) { return (uint32_t)BUTTON5_PRESSED; }

static inline int adopt_enable_mouse(void) {
    mouseinterval(0); /* no click detection delay: a press is reported at once */
    return mousemask((mmask_t)ALL_MOUSE_EVENTS, NULL) == 0 ? ERR : OK;
}

static inline int adopt_get_mouse(int *row, int *column, uint32_t *buttons) {
    MEVENT event;
    if (getmouse(&event) != OK) return ERR;
    *row = event.y;
    *column = event.x;
    *buttons = (uint32_t)event.bstate;
    return OK;
}

/* ---- Restoring the terminal on every exit path ---------------------------------------
 *
 * Signal handlers must be C: they may only touch `volatile sig_atomic_t` state and call
 * async-signal-safe functions (write, _exit).
 *
 * The state is defined here with weak linkage, not `static`: Swift emits a header's static
 * functions and variables into every object file that uses them, and a release build inlines
 * Swift code across files, so `static` state would split into copies (the handler would set
 * one, the run loop read another: signals were ignored in release builds). Weak definitions
 * in every object file are merged by the linker into one. */

#define ADOPT_WEAK __attribute__((weak))

ADOPT_WEAK volatile sig_atomic_t adopt_guard_active = 0;      /* ncurses owns the screen */
ADOPT_WEAK volatile sig_atomic_t adopt_guard_quit_signal = 0; /* last SIGINT/SIGTERM/SIGHUP */
ADOPT_WEAK volatile sig_atomic_t adopt_guard_quit_count = 0;
ADOPT_WEAK volatile sig_atomic_t adopt_guard_wake_fd = -1;
ADOPT_WEAK volatile sig_atomic_t adopt_guard_exit_hook_installed = 0;
/* The dispositions our handlers replaced, by signal number. (An explicit initialiser: Swift's
 * importer does not emit a tentative definition, which fails only at link time.) */
ADOPT_WEAK struct sigaction adopt_guard_previous_actions[65] = {0};

static inline struct sigaction *adopt_guard_previous(int signo) {
    return &adopt_guard_previous_actions[signo];
}

static inline void adopt_guard_wake(void) {
    int fd = adopt_guard_wake_fd;
    if (fd >= 0) {
        unsigned char byte = 1;
        ssize_t ignored = write(fd, &byte, 1); /* a full pipe is already a pending wake-up */
        (void)ignored;
    }
}

static inline void adopt_guard_restore(void) {
    if (adopt_guard_active) {
        adopt_guard_active = 0;
        endwin();
    }
}

/* SIGINT, SIGTERM, SIGHUP: ask the run loop to stop (it restores the terminal and exits
 * 128+signo). If a second one arrives before the loop has done so, the loop is stuck:
 * restore the terminal here and exit at once. */
static void adopt_guard_on_quit(int signo) {
    int saved = errno;
    adopt_guard_quit_signal = signo;
    adopt_guard_quit_count = adopt_guard_quit_count + 1;
    if (adopt_guard_quit_count >= 2) {
        adopt_guard_restore();
        _exit(128 + signo);
    }
    adopt_guard_wake();
    errno = saved;
}

/* SIGWINCH: let ncurses note the new size (its own handler), then wake the loop so the
 * KEY_RESIZE is read at once even if the signal landed just before poll(2) blocked. */
static void adopt_guard_on_winch(int signo) {
    int saved = errno;
    struct sigaction *previous = adopt_guard_previous(signo);
    if (previous->sa_flags & SA_SIGINFO) {
        if (previous->sa_sigaction) previous->sa_sigaction(signo, NULL, NULL);
    } else if (previous->sa_handler != SIG_DFL && previous->sa_handler != SIG_IGN) {
        previous->sa_handler(signo);
    }
    adopt_guard_wake();
    errno = saved;
}

/* Whether a fatal signal is a fault that happens again when the handler returns (the CPU
 * re-runs the instruction). Not so for one sent by a process (kill -SEGV: si_code <= 0), for
 * SIGABRT (abort() raises it) or for SIGQUIT. */
static inline int adopt_guard_fault_repeats(int signo, const siginfo_t *info) {
    return signo != SIGQUIT && signo != SIGABRT && info != NULL && info->si_code > 0;
}

/* Crashes (fatalError traps, bad memory, a stack overflow: the handler runs on the alternate
 * signal stack) and SIGQUIT: restore the terminal so the message is readable, then hand the
 * signal to whoever had it before (the default action, or Swift's backtracer).
 *
 * A fault is re-raised: it is delivered to the previous handler when this one returns, with
 * the context of the fault, and when that handler returns too (Swift's backtracer does, after
 * its report) the fault happens again under the default action and the process ends. Any other
 * fatal signal would not come back: after the backtracer's report the process carried on,
 * with the terminal already given back (cooked mode, keys echoed, the loop waiting for a
 * line) and nothing left to restore on the way out. So the previous handler is called here,
 * and then the default action ends the process. */
static void adopt_guard_on_crash(int signo, siginfo_t *info, void *context) {
    struct sigaction *previous = adopt_guard_previous(signo);
    int repeats = adopt_guard_fault_repeats(signo, info);
    int previous_has_info = (previous->sa_flags & SA_SIGINFO) != 0;
    /* An ignored SIGQUIT (a background job) or a sent signal someone ignored: still ignored. */
    if (!repeats && !previous_has_info && previous->sa_handler == SIG_IGN) return;
    adopt_guard_restore();
    sigaction(signo, previous, NULL);
    if (repeats) {
        raise(signo); /* pending until this handler returns */
        return;
    }
    if (previous_has_info) {
        if (previous->sa_sigaction) previous->sa_sigaction(signo, info, context);
    } else if (previous->sa_handler != SIG_DFL) {
        previous->sa_handler(signo);
    }
    struct sigaction fallback;
    sigemptyset(&fallback.sa_mask);
    fallback.sa_flags = 0;
    fallback.sa_handler = SIG_DFL;
    sigaction(signo, &fallback, NULL);
    raise(signo); /* blocked until this handler returns, then the default action ends the process */
}

static inline int adopt_guard_install(int signo, void (*handler)(int)) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: poll(2) must return on a signal */
    action.sa_handler = handler;
    return sigaction(signo, &action, adopt_guard_previous(signo));
}

/* Crash handlers take the signal's details and run on the alternate signal stack, so that a
 * stack overflow (no room left on the thread's stack for a handler) still restores the terminal. */
static inline int adopt_guard_install_crash(int signo) {
    struct sigaction action;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    action.sa_sigaction = adopt_guard_on_crash;
    return sigaction(signo, &action, adopt_guard_previous(signo));
}

/* An alternate signal stack for this (the main) thread, unless it has one: Swift's runtime
 * sets one up when its backtracer is on, not otherwise. Kept for the life of the process. */
static inline void adopt_guard_ensure_alternate_stack(void) {
    stack_t current;
    if (sigaltstack(NULL, &current) == 0 && current.ss_sp != NULL && !(current.ss_flags & SS_DISABLE)) return;
    size_t size = 64 * 1024;
    void *memory = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (memory == MAP_FAILED) return;
    stack_t stack;
    stack.ss_sp = memory;
    stack.ss_size = size;
    stack.ss_flags = 0;
    if (sigaltstack(&stack, NULL) != 0) munmap(memory, size);
}

static inline void adopt_guard_uninstall(int signo) {
    sigaction(signo, adopt_guard_previous(signo), NULL);
}

static void adopt_guard_at_exit(void) { adopt_guard_restore(); }

static inline void adopt_guard_install_quit_handlers(void) {
    adopt_guard_quit_signal = 0;
    adopt_guard_quit_count = 0;
    adopt_guard_install(SIGINT, adopt_guard_on_quit);
    adopt_guard_install(SIGTERM, adopt_guard_on_quit);
    adopt_guard_install(SIGHUP, adopt_guard_on_quit);
}

static inline void adopt_guard_install_crash_handlers(void) {
    adopt_guard_ensure_alternate_stack();
    adopt_guard_install_crash(SIGSEGV);
    adopt_guard_install_crash(SIGILL);
    adopt_guard_install_crash(SIGTRAP);
    adopt_guard_install_crash(SIGBUS);
    adopt_guard_install_crash(SIGABRT);
    adopt_guard_install_crash(SIGFPE);
    adopt_guard_install_crash(SIGQUIT);
    if (!adopt_guard_exit_hook_installed) {
        adopt_guard_exit_hook_installed = 1;
        atexit(adopt_guard_at_exit); /* a Swift `exit()` or an error thrown out of main */
    }
}

static inline void adopt_guard_install_winch_handler(void) {
    adopt_guard_install(SIGWINCH, adopt_guard_on_winch);
}

static inline void adopt_guard_uninstall_all(void) {
    adopt_guard_uninstall(SIGINT);
    adopt_guard_uninstall(SIGTERM);
    adopt_guard_uninstall(SIGHUP);
    adopt_guard_uninstall(SIGWINCH);
    adopt_guard_uninstall(SIGSEGV);
    adopt_guard_uninstall(SIGILL);
    adopt_guard_uninstall(SIGTRAP);
    adopt_guard_uninstall(SIGBUS);
    adopt_guard_uninstall(SIGABRT);
    adopt_guard_uninstall(SIGFPE);
    adopt_guard_uninstall(SIGQUIT);
}

static inline void adopt_guard_set_active(int active) { adopt_guard_active = active; }
static inline void adopt_guard_set_wake_fd(int fd) { adopt_guard_wake_fd = fd; }
static inline int adopt_guard_quit_signal_value(void) { return adopt_guard_quit_signal; }

#endif
