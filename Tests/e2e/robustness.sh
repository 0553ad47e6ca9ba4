#!/usr/bin/env bash
# Robustness of the dashboard in a real terminal (tmux): hostile text, fatal errors, resize
# storms, every size from 1x1 to 400x150, and a snapshot rewritten under the dashboard's eyes.
#
# Usage: Tests/e2e/robustness.sh [path/to/adopt]   (default: the binary of `swift build`)
#        ROBUST_ONLY="hostile fatal storm sizes dumps rewrites emoji links sync" picks sections (default: all).
# Prints PASS/FAIL per check, figures indented under them, and ends with "N passed, N failed";
# exits 1 on any failure. Needs tmux and python3; gdb for the three real-fault checks (they are
# skipped without it). Takes about 4 minutes with a debug build on 2 cores.
#
# 1. hostile   Snapshot text carrying escape sequences (CSI 2J, OSC 0, OSC 52, OSC 8, CSI 6n),
#              C0 and C1 controls and bidi overrides is shown visibly (␛, ⟨U+202E⟩) in every
#              pane, and none of it reaches the terminal: tmux's window title and paste buffers
#              are untouched (control: a raw printf does set them), the bytes adopt wrote (tmux
#              pipe-pane) hold no OSC, no CSI 6n, no stray CSI 2J, no C1 and no bidi control,
#              and neither do dump, export and validate.
# 2. fatal     Fatal signals (SEGV, ABRT, ILL, QUIT) and real faults (a jump to address 0, a
#              stack pointer on an unmapped page, set with gdb) restore the terminal: stty -a
#              compared, alternate screen, mouse, cursor, keypad; with and without Swift's
#              backtracer, whose report must still be shown.
# 3. storm     100 random sizes (1x1..250x80) through tmux in about 1.5 s, then 100 set on the
#              terminal device over 2 s and 100 at once (tmux passes a pane's size to the
#              program at most every 250 ms; the device does not wait); after each, at 120x40
#              the frame is the one `adopt dump screen` draws; idle CPU back to ~0.
# 4. sizes     Every width 1..400 at heights 1, 24, 150, every height 1..150 at widths 1, 80,
#              400, and a grid of the rest, set on the terminal device, each one drawn; every
#              40th then set with tmux and compared with `adopt dump screen`.
# 5. dumps     `adopt dump screen` at every width 1..400 (heights 1, 2, 5, 24, 150) and every
#              height 1..150 (widths 1, 80, 400): exit 0, exactly H lines, none wider than W.
# 6. rewrites  The newest snapshot rewritten 100 times (partial writes, temp file + rename,
#              in-place rewrites, appends, a deletion) while the screen is sampled: no frame
#              mixes versions, none goes back to an older one; the last version shows within
#              2 s, with no ⚠.
# 7. emoji     Organisations named with a flag, VS16 emoji, a keycap, a ZWJ family (issue 12):
#              every line of `adopt dump region` and `dump screen` has the width Python's
#              wcwidth gives it (skipped, saying why, when wcwidth cannot be imported), and in
#              tmux the drill list's right border stays in its column on every row.
# 8. links     A record at 80x24 (Futian, shipped data): its first source (publisher, date,
#              title, every line of the URL) shows with no key pressed, the URL's lines end in
#              ↩; with --hyperlinks always adopt writes the URL as one OSC 8 link per line with
#              the text exact (read from pipe-pane: tmux 3.3 drops OSC 8 from the screen), and
#              with auto under tmux 3.3 writes none; scrolled and closed, the screen (with
#              attributes) is the same with links as without.
# 9. sync     Synchronized output (DEC mode 2026), read from pipe-pane: with --sync-output always
#              (and links on) every byte adopt wrote between its setup and its exit is inside a
#              CSI ? 2026 h ... CSI ? 2026 l bracket, one bracket per frame, never nested, the
#              links inside too, through keys and a resize; with never, and with auto under
#              tmux 3.3 (which ignores the mode), no 2026 sequence at all; the screens are the
#              same with the bracket as without.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
e2e_setup robust "$@"
ONLY=${ROBUST_ONLY:-hostile fatal storm sizes dumps rewrites emoji links sync}
FIXTURES=$REPO/Tests/e2e/fixtures/snapshots.py
SECONDS_START=$(date +%s)

if ! command -v tmux >/dev/null; then fail "tmux is installed"; finish; fi
if ! command -v python3 >/dev/null; then fail "python3 is installed"; finish; fi
if [ ! -x "$BIN" ]; then fail "binary exists: $BIN"; finish; fi
section() { echo "== $1"; }

# The byte patterns that must never reach a terminal (grep -P on bytes): ESC, a C1 control in
# UTF-8 (C2 80..C2 9F), a bidi embedding/override (E2 80 AA..AE) or isolate (E2 81 A6..A9).
RAW_CONTROLS='\x1b|\xc2[\x80-\x9f]|\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'
has_raw_controls() { LC_ALL=C grep -aqP "$RAW_CONTROLS" "$1"; }
clean_bytes() { ! has_raw_controls "$1"; }

# ---------------------------------------------------------------------------------------------
# 1. Hostile text in the real terminal
# ---------------------------------------------------------------------------------------------
hostile() {
    section "hostile text"
    local dir=$WORK/hostile name=hostile as_of raw=$WORK/hostile.raw
    mkdir -p "$dir"
    as_of=$(python3 "$FIXTURES" hostile "$REPO/Data" "$dir")
    # Control: the same sequences printed raw do set the title, fill a paste buffer (tmux
    # keeps OSC 52 text as a buffer with set-clipboard on) and get a cursor report typed back,
    # so the checks below can see a leak. The session also keeps the server (and the option)
    # alive between the dashboard sessions.
    tm new-session -d -s control -x 80 -y 24 \
        "sleep 0.3; printf '\\e]0;PWNED\\a\\e]52;c;cHduZWQ=\\a\\e[6n'; sleep 3600" \; \
        set-option -s set-clipboard on
    title_is() { [ "$(pane_title "$1")" = "$2" ]; }
    has_buffer() { tm list-buffers | grep -q .; }
    check "control: a raw OSC 0 sets tmux's pane title to PWNED" wait_until 5 title_is control PWNED
    check "control: a raw OSC 52 fills a tmux paste buffer" wait_until 5 has_buffer
    check "control: a raw CSI 6n is answered (a cursor report arrives as input)" \
        wait_until 5 shows control '\^\[\[[0-9]+;[0-9]+R'
    while tm delete-buffer 2>/dev/null; do :; done

    # --hyperlinks always: the record's hostile URL must still not become a link (the only
    # record visited is the hostile one, so the "no OSC at all" check below covers it).
    GATE=1 start "$name" 120 40 -- --hyperlinks always "$dir"
    wait_until 5 test -e "$WORK/$name.sh"
    tm pipe-pane -o -t "$name" "cat >>$(printf %q "$raw")"
    open_gate "$name"
    started "$name" 40 || { tm send-keys -t "$name" q; ended "$name" 0; return; }

    # intact: the frame is whole (a CSI 2J would have blanked it: the top-left corner and the
    # status bar's date on the last row, or in presentation mode 10 non-blank rows), the title
    # is not PWNED, no paste buffer appeared.
    local last height=40
    untouched() { [ "$(pane_title "$name")" != PWNED ] && ! has_buffer; }
    intact() {
        local s; s=$(screen "$name")
        sed -n 1p <<<"$s" | grep -q '^┌' && sed -n "${height}p" <<<"$s" | grep -qE "$DATE" && untouched
    }
    intact_presenting() { [ "$(screen "$name" | grep -c '[^ ]')" -ge 10 ] && untouched; }
    # visit WHAT KEYS... -- PATTERN...: press the keys, wait for the first pattern, check each.
    visit() {
        local what=$1; shift
        while [ "$1" != -- ]; do key "$name" "$1"; shift; done; shift
        if wait_until 5 shows "$name" "$1"; then
            local s p missing=(); s=$(screen "$name")
            for p in "$@"; do grep -qE -- "$p" <<<"$s" || missing+=("$p"); done
            if [ ${#missing[@]} -eq 0 ]; then pass "$what: shown visibly ($*)"
            else fail "$what: shown visibly (missing ${missing[*]})"; sed 's/^/     | /' <<<"$s"; fi
        else
            fail "$what: shown visibly ($1 never appeared)"; screen "$name" | sed 's/^/     | /'
        fi
        check "$what: frame intact, title not PWNED, no paste buffer" ${INTACT:-intact}
    }
    visit "timeline caption (event title)" -- 'EVT' 'CLR␛\[2J␛\[H!TTL␛\]0;PWNED␇!CLP␛\]52;c;cHduZWQ=␇!LNK␛\]8;;http://evil\.example/␛\\x'
    visit "search / (organisations)" / E v i l -- 'Evil CLR␛\[2J' 'Evil TTL␛\]0;PWNED␇!' \
        'Evil CLP␛\]52;c;' 'Evil DSR␛\[6n!' 'Evil C1C⟨U\+009B⟩2J⟨U\+009D⟩' 'Evil C0C␀␇␈␉␊␍␡!' \
        'Evil BID⟨U\+202E⟩txet⟨U\+202C⟩'
    visit "deployment record (organisation, note, source)" Enter -- '│Evil CLR␛\[2J␛\[H!' \
        'note N CLR␛\[2J' 'EvilPress' '2026-02-01 · T CLP␛\]52;c;cHduZWQ=␇!CLR␛\[2J' '│ http://x/LNK␛\]8;;http://evil\.example/↩'
    visit "drill-down list (organisations)" Escape -- 'Deployments \(8\)' 'Evil LNK␛\]8;;http://' \
        'Evil TTL␛\]0;PWNED␇!' 'Evil DSR␛\[6n!' 'Evil C0C␀␇␈␉␊␍␡!' 'Evil BID⟨U\+202E⟩'
    visit "problems pane ! (file name, quoted values)" '!' -- 'Problems' \
        'badTTL␛\]0;PWNED␇!BID⟨U\+202E⟩' 'unknown status "stTTL␛\]0;PWNED␇!"' \
        'unknown sector "seBID⟨U\+202E⟩txet⟨U\+202C⟩⟨U\+2066⟩iso⟨U\+2069⟩!"'
    visit "diff pane d (added organisations, changed note)" Escape d -- 'What changed' \
        '\+ nx-evil-clear .*Evil CLR␛\[2J' '\+ nx-evil-dsr .*Evil DSR␛\[6n!' \
        'note: .*→ Changed TTL␛\]0;PWNED␇!BID⟨U\+202E⟩'
    # By name (o): the hostile "zz UC" values sort last, where G shows them.
    visit "filter menu f (use cases)" Escape f o G -- 'Filter' 'UC DSR␛\[6n!' 'UC BID⟨U\+202E⟩'
    key "$name" Escape
    INTACT=intact_presenting visit "presentation mode p (event caption)" p -- 'EVT' '␛\[2J'
    key "$name" Escape
    # The claim's metric needs the room: the status bar drops it before the problem count.
    height=50; tm resize-window -t "$name" -x 500 -y 50
    visit "status bar at 500 columns (claim metric and publisher)" -- 'claimed 99 deployments: CLM' \
        'claimed 99 deployments: CLM TTL␛\]0;PWNED␇!C1C⟨U\+009B⟩2J' '\(EvilPress TTL␛\]0;PWNED␇!BID⟨U\+202E⟩'
    height=40; tm resize-window -t "$name" -x 120 -y 40
    wait_until 5 status_on_row "$name" 40 || true

    # CSI 6n: a report typed back would be input; once settled, the screen stays as it is.
    settled() { local a; a=$(screen "$name"); sleep 0.3; screen_is "$name" "$a"; }
    wait_until 5 settled || true
    last=$(screen "$name"); sleep 1
    if screen_is "$name" "$last"; then pass "no key arrived by itself (screen unchanged over 1 s)"
    else fail "no key arrived by itself (screen unchanged over 1 s)"; diff <(echo "$last") <(screen "$name") | sed 's/^/     | /'; fi
    local e; e=$(screen_escapes "$name")
    check "capture-pane -e: no OSC 52 or OSC 8 in the pane" eval '! grep -qP "\e\](52|8);" <<<"$e"'
    key "$name" q
    ended "$name" 0
    tm pipe-pane -t "$name" # stop piping

    # Every byte adopt wrote to the terminal: ncurses' own escapes only.
    note "bytes adopt wrote to the terminal: $(wc -c <"$raw")"
    raw_lacks() { ! LC_ALL=C grep -aqP "$1" "$raw"; }
    check "terminal output: some was recorded, and it shows the visible forms" \
        eval "[ -s $(printf %q "$raw") ] && grep -aq '␛\\[2J' $(printf %q "$raw")"
    check "terminal output: no OSC at all (title, clipboard, link)" raw_lacks '\x1b\]'
    check "terminal output: no CSI 6n (cursor report request)" raw_lacks '\x1b\[6n'
    check "terminal output: CSI 2J only as ncurses' clear (after CSI H)" raw_lacks '(?<!\x1b\[H)\x1b\[2J'
    check "terminal output: no BEL" raw_lacks '\x07'
    check "terminal output: no C1 control (C2 80..9F)" raw_lacks '\xc2[\x80-\x9f]'
    check "terminal output: no bidi embedding, override or isolate" raw_lacks '\xe2\x80[\xaa-\xae]|\xe2\x81[\xa6-\xa9]'

    # dump, export and validate: no raw control in stdout or stderr, the visible forms present.
    local out=$WORK/out status
    run_to() { # run_to LABEL ARGS...: stdout and stderr to $out.LABEL.{1,2}
        local label=$1; shift
        set +e; (cd "$REPO" && "$BIN" "$@" >"$out.$label.1" 2>"$out.$label.2"); status=$?; set -e
    }
    for view in "screen --width 300 --height 50" "region --region 640100 --width 120 --height 30" \
                "timeline --width 200 --height 20" "table --width 120 --height 40" "map"; do
        # shellcheck disable=SC2086
        run_to dump "dump" $view "$dir"
        check "dump $view: exit 0, no raw control byte in stdout or stderr" \
            eval "[ $status -eq 0 ] && clean_bytes $out.dump.1 && clean_bytes $out.dump.2"
    done
    run_to region dump region --region 640100 --width 120 --height 30 "$dir"
    check "dump region 640100: the organisations shown visibly (␛[2J, ⟨U+202E⟩)" \
        eval "grep -q 'Evil CLR␛\[2J' $out.region.1 && grep -q 'Evil BID⟨U+202E⟩' $out.region.1"
    run_to screen dump screen --width 500 --height 50 "$dir"
    check "dump screen at 500 columns: the claim shown visibly (␛]0;PWNED␇, ⟨U+009B⟩)" \
        grep -q 'CLM TTL␛\]0;PWNED␇!C1C⟨U+009B⟩' "$out.screen.1"
    for fmt in csv json; do
        for region in 000000 640000 640100; do
            run_to export export --format "$fmt" --region "$region" "$dir"
            check "export --format $fmt --region $region: exit 0, no raw control byte" \
                eval "[ $status -eq 0 ] && clean_bytes $out.export.1 && clean_bytes $out.export.2"
        done
    done
    run_to validate validate "$dir"
    check "validate: exit 1 (the bad file), no raw control byte in stdout or stderr" \
        eval "[ $status -eq 1 ] && clean_bytes $out.validate.1 && clean_bytes $out.validate.2"
    check "validate: the file name and values quoted visibly" \
        grep -q 'badTTL␛\]0;PWNED␇!BID⟨U+202E⟩.*unknown status "stTTL␛\]0;PWNED␇!"' "$out.validate.1"
    note "hostile snapshot $as_of: 8 payloads in 8 organisations, notes, use cases, a source" \
         "(publisher, title, url), an event, a claim, a changed note; 1 invalid file"
}

# ---------------------------------------------------------------------------------------------
# 2. Fatal errors
# ---------------------------------------------------------------------------------------------
# crash NAME STATUS HOW [VAR=VALUE...]: HOW is kill-SIG or gdb-pc0 (jump to address 0: a real
# bad-pointer fault) or gdb-sp (stack pointer on an unmapped page: a real stack overflow).
# Swift's backtracer (on unless SWIFT_BACKTRACE=enable=no) asks "Press space to interact, D to
# debug, or any other key to quit" on a terminal; the test answers with a key.
crash() {
    local name=$1 status=$2 how=$3; shift 3
    start "$name" 100 30 "$@"
    started "$name" 30 || true
    local pid; pid=$(adopt_pid "$name")
    case $how in
        kill-*) kill "-${how#kill-}" "$pid" ;;
        gdb-*)
            local set='$pc = 0'; [ "$how" = gdb-sp ] && set='$sp = 0x1000'
            gdb -p "$pid" -batch -nx -ex "set var $set" -ex detach >"$WORK/$name.gdb" 2>&1 || true
            key "$name" m # poll(2) returns; the next instruction faults
            ;;
    esac
    local t0; t0=$(now_ms)
    # Until the process is gone: answer the backtracer's question if it asks.
    while alive "$name" && [ $(($(now_ms) - t0)) -lt 20000 ]; do
        if shows "$name" 'any other key to quit'; then tm send-keys -t "$name" q; fi
        sleep 0.1
    done
    if alive "$name"; then
        fail "$name: adopt ended after $how (still running after 20 s: $(pane_modes "$name"))"
        screen "$name" | tail -5 | sed 's/^/     | /'
        kill -KILL "$(adopt_pid "$name")" 2>/dev/null || true
        return
    fi
    pass "$name: adopt ended after $how ($(($(now_ms) - t0)) ms)"
    if [[ " $* " != *" SWIFT_BACKTRACE=enable=no "* ]]; then
        scrollback_shows() { local s; s=$(tm capture-pane -p -S -2000 -t "$1"); grep -qE "$2" <<<"$s"; }
        check "$name: Swift's crash report was shown (Program crashed, the frames)" \
            scrollback_shows "$name" 'Program crashed'
    fi
    ended "$name" "$status" 'adopt-e2e: back in the shell'
}

fatal() {
    section "fatal errors"
    local nobt=SWIFT_BACKTRACE=enable=no
    crash segv 139 kill-SEGV "$nobt"
    crash abrt 134 kill-ABRT "$nobt"
    crash trap 132 kill-ILL "$nobt" # Swift's runtime traps (fatalError, overflow) are SIGILL on x86-64
    crash quit 131 kill-QUIT "$nobt"
    crash abrt-backtracer 134 kill-ABRT
    crash quit-backtracer 131 kill-QUIT
    # gdb must be able to attach (ptrace may be forbidden): tried on a process of our own.
    local probe attachable=0
    sleep 30 & probe=$!
    if command -v gdb >/dev/null && gdb -p "$probe" -batch -nx -ex detach >/dev/null 2>&1; then attachable=1; fi
    kill "$probe" 2>/dev/null || true; wait "$probe" 2>/dev/null || true
    if [ "$attachable" = 1 ]; then
        crash fault-backtracer 139 gdb-pc0
        crash overflow 139 gdb-sp "$nobt"
        crash overflow-backtracer 139 gdb-sp
    else
        echo "SKIP: real faults (gdb missing or not allowed to attach)"
    fi
}

# ---------------------------------------------------------------------------------------------
# 3 and 4. Resizes
# ---------------------------------------------------------------------------------------------
# frame_correct NAME: at 120x40 every row but the status bar is what `adopt dump screen` draws
# and the status bar starts the same (date, counts); it differs only by the live freshness note.
frame_correct() {
    local s expected; s=$(screen "$1")
    expected=$(cd "$REPO" && "$BIN" dump screen --width 120 --height 40)
    # The status bar: the same date and total (a live screen adds the snapshot's age, which
    # `dump` does not show, so the rest of the bar may differ).
    local day total live; day=$(sed -n 40p <<<"$expected" | grep -oE "^ $DATE ")
    total=$(sed -n 40p <<<"$expected" | grep -oE "[0-9]+ (deployments|dep) " | grep -oE "^[0-9]+")
    live=$(sed -n 40p <<<"$s")
    [ -n "$day" ] && [ -n "$total" ] && [ "$(head -39 <<<"$s")" = "$(head -39 <<<"$expected")" ] \
        && [[ "$live" == "$day"* ]] && grep -qE "│ $total (deployments|dep) " <<<"$live"
}
show_diff() {
    diff <(cd "$REPO" && "$BIN" dump screen --width 120 --height 40) <(screen "$1") | head -20 | sed 's/^/     | /' || true
}

# tmux passes a pane's new size to the program at most about every 250 ms (measured with
# tmux 3.3a: resizes closer together arrive 245 ms apart), so a storm of `resize-window` reaches
# adopt as a handful of SIGWINCHs. The pty driver below sets the size on the pane's terminal
# device itself (TIOCSWINSZ, what a terminal emulator does): the kernel sends SIGWINCH at once
# for every change. tmux's window stays as large as the largest size, so each frame lands in
# its top-left corner. That corner is not a faithful picture of the frame, though: ncurses
# counts on the terminal wrapping at the right margin and scrolling at the bottom one, which a
# larger terminal does not do, so frames are compared with `adopt dump screen` only at sizes
# tmux itself is set to (`tmux_frames`).
#
# pty_driver MODE NAME RAW [ARGS]: MODE is storm COUNT SECONDS MAXW MAXH (random sizes, paced
# evenly, not waiting for frames), or sweep FILE (the sizes in FILE, "W H" a line, each waited
# for: the bytes adopt wrote grow and then stay quiet for 5 ms).
pty_driver() {
    local mode=$1 name=$2 raw=$3; shift 3
    python3 - "$mode" "$(tm display-message -p -t "$name" '#{pane_tty}')" "$raw" \
        "$(adopt_pid "$name")" "$SOCKET" "$name" "$BIN" "$@" <<'PY'
import fcntl, os, random, re, struct, subprocess, sys, termios, time, unicodedata
mode, tty, raw, pid, socket, target, binary = sys.argv[1:8]
pid = int(pid)
fd = os.open(tty, os.O_RDWR | os.O_NOCTTY)

def set_size(w, h):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", h, w, 0, 0))

def alive():
    try:
        os.kill(pid, 0)
        return True
    except OSError:
        return False

start = time.monotonic()
if mode == "storm":
    count, seconds, maxw, maxh = int(sys.argv[8]), float(sys.argv[9]), int(sys.argv[10]), int(sys.argv[11])
    rng = random.Random(int(sys.argv[12]) if len(sys.argv) > 12 else None)
    for i in range(count):
        set_size(rng.randint(1, maxw), rng.randint(1, maxh))
        pause = start + seconds * (i + 1) / count - time.monotonic()
        if pause > 0:
            time.sleep(pause)
    print(count, round((time.monotonic() - start) * 1000), int(alive()))
    sys.exit(0)

sizes = [tuple(map(int, line.split())) for line in open(sys.argv[8])]
tried, drawn, undrawn, dead, slowest = 0, 0, [], False, (0.0, "")
for w, h in sizes:
    before = os.stat(raw).st_size
    began = time.monotonic()
    set_size(w, h)
    tried += 1
    grown_at, size = None, before
    while time.monotonic() < began + 2:
        now = os.stat(raw).st_size
        if now != size:
            size, grown_at = now, time.monotonic()
        elif grown_at is not None and time.monotonic() - grown_at > 0.005:
            break
        time.sleep(0.001)
    if grown_at is None:
        undrawn.append(f"{w}x{h}")
    else:
        drawn += 1
        if grown_at - began > slowest[0]:
            slowest = (grown_at - began, f"{w}x{h}")
    if tried % 25 == 0 and not alive():
        dead = True
        break
print(tried, drawn, int(dead or not alive()), round(time.monotonic() - start, 1),
      round(slowest[0] * 1000), slowest[1])
print("not redrawn: " + (" ".join(undrawn[:20]) or "(none)"))
PY
}

# tmux_frames NAME EVERY MIN_WIDTH: every EVERY-th size of $WORK/sizes.txt at least MIN_WIDTH wide,
# set with tmux (so terminal and adopt agree on it); each frame must become what `adopt dump
# screen` draws at that size within 3 s, but for the status bar's live part (after the counts).
tmux_frames() {
    python3 - "$SOCKET" "$1" "$BIN" "$2" "$3" "$WORK/sizes.txt" <<'PY'
import re, subprocess, sys, time
socket, target, binary, every, narrowest = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
sizes = [tuple(map(int, line.split())) for line in open(sys.argv[6])]
sample = [size for size in sizes[every - 1::every] if size[0] >= narrowest]
STATUS = re.compile(r"^ \d{4}-\d\d-\d\d ")
TOTAL = re.compile(r"│ (\d+) (?:deployments|dep) ")

def tmux(*args):
    return subprocess.run(["tmux", "-L", socket] + list(args), capture_output=True, text=True).stdout

def difference(w, h, dump):
    pane = tmux("capture-pane", "-p", "-t", target).split("\n")
    for r in range(h):
        want, got = dump[r] if r < len(dump) else "", pane[r] if r < len(pane) else ""
        if STATUS.match(want):
            # The date and, where both show it, the total: a live screen adds the snapshot's
            # age, which `dump` does not show, so the rest of the bar may differ.
            wt, gt = TOTAL.search(want), TOTAL.search(got)
            total = (wt.group(1), gt.group(1)) if wt and gt else ("", "")
            want = STATUS.match(want).group(0) + total[0]
            got = (STATUS.match(got) or re.match("", "")).group(0) + total[1]
        if want != got:
            return f"{w}x{h} row {r + 1}: {got!r} instead of {want!r}"
    return ""

start, wrong = time.monotonic(), []
for w, h in sample:
    dump = subprocess.run([binary, "dump", "screen", "--width", str(w), "--height", str(h)],
                          capture_output=True, text=True).stdout.split("\n")[:h]
    tmux("resize-window", "-t", target, "-x", str(w), "-y", str(h))
    deadline = time.monotonic() + 3
    while (diff := difference(w, h, dump)) and time.monotonic() < deadline:
        time.sleep(0.05)
    if diff:
        wrong.append(diff)
print(len(sample), len(wrong), round(time.monotonic() - start, 1))
for line in wrong[:5]:
    print(line)
PY
}

storm() {
    section "resize storm"
    local name=storm raw=$WORK/storm.raw
    GATE=1 start "$name" 120 40
    wait_until 5 test -e "$WORK/$name.sh"
    tm pipe-pane -o -t "$name" "cat >>$(printf %q "$raw")"
    open_gate "$name"
    started "$name" 40 || return
    local t0 t1 i w h
    # 1. Through tmux, as a user dragging the window would.
    t0=$(now_ms)
    for i in $(seq 100); do
        w=$((RANDOM % 250 + 1)) h=$((RANDOM % 80 + 1))
        tm resize-window -t "$name" -x "$w" -y "$h"
        sleep 0.01
    done
    t1=$(now_ms)
    note "tmux: 100 resize-window (1x1..250x80) in $((t1 - t0)) ms"
    # This times tmux, the driver, not adopt: on a loaded 2-core machine 100 resize-window
    # calls have taken 4 s. The storm only has to be a storm (under 10 s).
    check "storm (tmux): 100 resizes within 10 s ($((t1 - t0)) ms)" [ $((t1 - t0)) -le 10000 ]
    check "storm (tmux): still running" alive "$name"
    tm resize-window -t "$name" -x 120 -y 40
    if wait_until 5 frame_correct "$name"; then
        pass "storm (tmux): at 120x40 the frame is what adopt dump screen draws ($(($(now_ms) - t1)) ms after)"
    else
        fail "storm (tmux): at 120x40 the frame is what adopt dump screen draws"; show_diff "$name"
    fi
    # 2. On the terminal device: every change is a SIGWINCH. Paced over 2 s, then all at once.
    tm resize-window -t "$name" -x 250 -y 80
    wait_until 5 status_on_row "$name" 80 || true
    local before count ms ok
    for run in "paced 100 2" "burst 100 0"; do
        set -- $run
        before=$(stat -c %s "$raw")
        read -r count ms ok <<<"$(pty_driver storm "$name" "$raw" "$2" "$3" 250 80)"
        note "pty, $1: $count sizes (1x1..250x80) set in $ms ms; adopt wrote $(($(stat -c %s "$raw") - before)) bytes meanwhile"
        check "storm (pty, $1): $count sizes in $ms ms, still running" eval "[ $ok = 1 ] && alive $name"
        t1=$(now_ms)
        tm resize-window -t "$name" -x 120 -y 40 # tmux sets the terminal's size back: one more SIGWINCH
        if wait_until 5 frame_correct "$name"; then
            pass "storm (pty, $1): at 120x40 the frame is what adopt dump screen draws ($(($(now_ms) - t1)) ms after)"
        else
            fail "storm (pty, $1): at 120x40 the frame is what adopt dump screen draws"; show_diff "$name"
        fi
        tm resize-window -t "$name" -x 250 -y 80
    done
    tm resize-window -t "$name" -x 120 -y 40
    wait_until 5 frame_correct "$name" || true
    sleep 1 # tmux may still pass on a resize it held back
    check "storm: idle afterwards, under 0.05 s of CPU in 5 s" idle_cpu_ok "$name"
    key "$name" q
    ended "$name" 0
}

sizes() {
    section "every size"
    local name=sizes raw=$WORK/sizes.raw
    GATE=1 start "$name" 400 150
    wait_until 5 test -e "$WORK/$name.sh"
    tm pipe-pane -o -t "$name" "cat >>$(printf %q "$raw")"
    open_gate "$name"
    started "$name" 150 || return
    # Every width at three heights, every height at three widths, and a grid of the rest.
    local w h
    {
        for h in 1 24 150; do for w in $(seq 1 400); do echo "$w $h"; done; done
        for w in 1 80 400; do for h in $(seq 1 150); do echo "$w $h"; done; done
        for w in $(seq 2 13 400); do for h in $(seq 2 9 150); do echo "$w $h"; done; done
    } >"$WORK/sizes.txt"
    local result tried drawn dead took slowest slowest_size compared wrong
    result=$(pty_driver sweep "$name" "$raw" "$WORK/sizes.txt")
    read -r tried drawn dead took slowest slowest_size <<<"$(head -1 <<<"$result")"
    note "$tried sizes in $took s; a redraw seen after $drawn (the slowest began $slowest ms after, at $slowest_size)"
    tail -n +2 <<<"$result" | sed 's/^/     | /'
    check "sizes: still running after $tried sizes (every width 1..400 at heights 1, 24, 150; every height 1..150 at widths 1, 80, 400; widths 2, 15, ..., 392 x heights 2, 11, ..., 146)" \
        eval "[ $dead = 0 ] && alive $name"
    check "sizes: a redraw after each of the $tried sizes ($drawn)" [ "$drawn" = "$tried" ]
    # Control: tmux 3.3a, one column wide, leaves its cursor past the last column after a
    # character written with autowrap off (how ncurses fills the bottom-right cell); ncurses
    # then clears with ED from the column it believes, and tmux keeps a stale cell. Frames one
    # column wide are compared only where tmux keeps the cursor on the screen.
    local narrowest=1
    tm new-session -d -s quirk -x 1 -y 5 "printf '\\e[5;1H\\e[?7lZ\\e[?7h'; sleep 3600"
    cursor_x_is() { [ "$(tm display-message -p -t quirk '#{cursor_x}')" = "$1" ]; }
    if wait_until 2 cursor_x_is 1; then
        narrowest=2
        note "tmux quirk: at 1 column the cursor ends past the last column (cursor_x=1); width 1 left out of the comparison"
    fi
    tm kill-session -t quirk
    result=$(tmux_frames "$name" 40 "$narrowest")
    read -r compared wrong took <<<"$(head -1 <<<"$result")"
    note "every 40th size of at least $narrowest columns set with tmux and compared: $compared sizes in $took s"
    tail -n +2 <<<"$result" | sed 's/^/     | /'
    check "sizes: at $compared of them (every 40th, set with tmux) the frame is what adopt dump screen draws ($wrong differ)" [ "$wrong" = 0 ]
    tm resize-window -t "$name" -x 120 -y 40
    if wait_until 5 frame_correct "$name"; then pass "sizes: then at 120x40 the frame is what adopt dump screen draws"
    else fail "sizes: then at 120x40 the frame is what adopt dump screen draws"; show_diff "$name"; fi
    key "$name" q
    ended "$name" 0
}

# ---------------------------------------------------------------------------------------------
# 5. dump screen at every size
# ---------------------------------------------------------------------------------------------
dumps() {
    section "dump screen at every size"
    local result
    result=$(cd "$REPO" && python3 - "$BIN" <<'PY'
import concurrent.futures, os, subprocess, sys, time, unicodedata
binary = sys.argv[1]
sizes = [(w, h) for h in (1, 2, 5, 24, 150) for w in range(1, 401)]
sizes += [(w, h) for w in (1, 80, 400) for h in range(1, 151)]

def width(line):
    n = 0
    for ch in line:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        n += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return n

def run(size):
    w, h = size
    p = subprocess.run([binary, "dump", "screen", "--width", str(w), "--height", str(h)],
                       capture_output=True)
    if p.returncode != 0:
        return f"{w}x{h}: exit {p.returncode}: {p.stderr[-200:]!r}"
    lines = p.stdout.decode("utf-8").split("\n")
    if lines[-1] != "":
        return f"{w}x{h}: no final newline"
    lines = lines[:-1]
    if len(lines) != h:
        return f"{w}x{h}: {len(lines)} lines"
    wide = [i for i, l in enumerate(lines) if width(l) > w]
    if wide:
        return f"{w}x{h}: line {wide[0] + 1} is {width(lines[wide[0]])} columns"
    return None

start = time.time()
with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
    problems = [r for r in pool.map(run, sizes) if r]
print(len(sizes), len(problems), round(time.time() - start, 1))
for p in problems[:10]:
    print(p)
PY
)
    local tried bad took; read -r tried bad took <<<"$(head -1 <<<"$result")"
    note "adopt dump screen at $tried sizes in $took s"
    check "dump screen at $tried sizes (W 1..400 x H 1,2,5,24,150; H 1..150 x W 1,80,400): exit 0, H lines, none wider than W ($bad bad)" [ "$bad" = 0 ]
    tail -n +2 <<<"$result" | sed 's/^/     | /'
}

# ---------------------------------------------------------------------------------------------
# 6. A snapshot rewritten 100 times while the dashboard watches it
# ---------------------------------------------------------------------------------------------
rewrites() {
    section "rewrite storm"
    local name=rewrites data=$WORK/live versions=$WORK/versions frames=$WORK/frames
    mkdir -p "$data" "$versions" "$frames"
    cp "$REPO"/Data/*.json "$data/"
    local newest previous base absent
    newest=$(ls "$data"/*.json | sort | tail -1)
    previous=$(ls "$data"/*.json | sort | tail -2 | head -1)
    python3 "$FIXTURES" versions "$newest" "$versions" 100 >/dev/null
    base=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["deployments"]))' "$newest")
    absent=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["deployments"]))' "$previous")
    note "versions: $base + k deployments (k = 1..100, k in Yinchuan); without the file: $absent"

    start "$name" 120 50 TZ=UTC -- "$data"
    started "$name" 50 || return
    key "$name" m
    ningxia_is() { screen "$name" | grep -qE "Ningxia +\*?$1 "; }
    check "rewrites: table view, Ningxia 0 before" wait_until 5 ningxia_is 0

    # The sampler: capture the pane as fast as tmux answers until told to stop.
    (
        i=0
        while [ ! -e "$WORK/stop-sampling" ]; do
            tm capture-pane -p -t "$name" >"$frames/$(printf %06d $i)-${EPOCHREALTIME/./}" 2>/dev/null || true
            i=$((i + 1))
        done
    ) &
    local sampler=$!

    # The watcher reports a directory once it has been quiet for 150 ms, so most writes follow
    # each other closely (and are taken together) while every third version is left for
    # 250 ms to be loaded, and every tenth partial write too (the dashboard then sees a
    # half-written file: ⚠, and it keeps showing the last good version).
    local target=$newest k v size cut pause settle t0 modes=(0 0 0 0 0)
    t0=$(now_ms)
    for k in $(seq 1 100); do
        v=$versions/v$k.json
        size=$(stat -c %s "$v")
        cut=$((RANDOM % (size - 1) + 1))
        pause=0.0$((RANDOM % 3 + 1)) # 10..30 ms
        [ $((k % 10)) -eq 5 ] && pause=0.25
        settle=0.01
        [ $((k % 3)) -eq 0 ] && settle=0.25
        if [ "$k" -eq 50 ]; then
            rm -f "$target"; sleep 0.25; cp "$v" "$target"; modes[4]=$((modes[4] + 1)); sleep "$settle"
            continue
        fi
        case $((k % 4)) in
            0) # a writer that stops part way, then writes the whole file again
               head -c "$cut" "$v" >"$target"; sleep "$pause"; cat "$v" >"$target"; modes[0]=$((modes[0] + 1)) ;;
            1) # write a temporary file (partly, then whole), rename it into place
               head -c "$cut" "$v" >"$data/.tmp-$k"; sleep "$pause"; cat "$v" >"$data/.tmp-$k"
               mv "$data/.tmp-$k" "$target"; modes[1]=$((modes[1] + 1)) ;;
            2) # an in-place rewrite with >
               cat "$v" >"$target"; modes[2]=$((modes[2] + 1)) ;;
            3) # an appending writer: the first part, a pause, the rest
               head -c "$cut" "$v" >"$target"; sleep "$pause"; tail -c +$((cut + 1)) "$v" >>"$target"
               modes[3]=$((modes[3] + 1)) ;;
        esac
        sleep "$settle"
    done
    local t1; t1=$(now_ms)
    # "215 deployments", or "215 dep" when a status message (the colour scale widening as
    # Ningxia passes the shipped bins' ceiling) takes the room.
    final_shown() { ningxia_is 100 && screen "$name" | tail -1 | grep -qE "$((base + 100)) dep(loyments)?( |$)" \
        && ! screen "$name" | tail -1 | grep -q '⚠'; }
    if wait_until 2 final_shown; then
        pass "rewrites: the final version (Ningxia 100, $((base + 100)) deployments, no ⚠) shown $(($(now_ms) - t1)) ms after the last write"
    else
        fail "rewrites: the final version shown within 2 s of the last write"; screen "$name" | sed 's/^/     | /'
    fi
    sleep 0.3
    touch "$WORK/stop-sampling"; wait "$sampler" || true
    note "100 rewrites in $((t1 - t0)) ms: ${modes[0]} part-written then rewritten in place," \
         "${modes[1]} temp file + rename, ${modes[2]} in-place >, ${modes[3]} appended in two parts, ${modes[4]} deleted and re-created"

    # Every sampled frame: the status bar's total, the 全国 row and the Ningxia row must come
    # from one complete version: k in 0..100 (total base+k, Ningxia k, 全国 base+k) or the file
    # absent (total and 全国 = absent, Ningxia 0). A frame is drawn with one update, but ncurses
    # sends an update in many write(2) calls (about 50 when the table changes, seen with
    # strace), so a capture can land between two: the rows above already new, those below
    # still old, for a moment. That is the terminal receiving a frame, not a frame of mixed
    # data: it is counted apart when the next frame is whole again and the mix is the previous
    # frame's version below and the next one's above. A mix that lasts 50 ms or more, or is not
    # such a split, is torn.
    local verdict
    verdict=$(python3 - "$frames" "$base" "$absent" <<'PY'
import os, re, sys
frames, base, absent = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
samples = []
unreadable = 0
for n in sorted(os.listdir(frames)):
    text = open(os.path.join(frames, n), encoding="utf-8", errors="replace").read()
    lines = text.split("\n")
    status = re.search(r"│ (\d+) (?:deployments|dep) ", lines[49]) if len(lines) >= 50 else None
    ningxia = [(r, m) for r, m in ((r, re.search(r"Ningxia +\*?(\d+) ", l)) for r, l in enumerate(lines)) if m]
    country = [(r, m) for r, m in ((r, re.search(r"全国 +China +\*?(\d+) ", l)) for r, l in enumerate(lines)) if m]
    if not (lines[0].startswith("┌") and status and ningxia and country):
        unreadable += 1
        continue
    samples.append((int(n.split("-")[1]) / 1e6, int(status.group(1)), int(country[0][1].group(1)),
                    int(ningxia[0][1].group(1)), "⚠" in lines[49], ningxia[0][0], country[0][0]))

def version(total):  # the version a total belongs to: k, or -1 for the file absent
    return -1 if total == absent else total - base

def whole(s):
    _, t, c, h = s[:4]
    return (0 <= h <= 100 and t == base + h and c == t) or (h == 0 and t == absent and c == t)

torn, split, backwards, shown, newest = [], [], [], set(), 0
i = 0
while i < len(samples):
    if whole(samples[i]):
        v = version(samples[i][1])
        shown.add(v)
        if 0 <= v < newest:
            backwards.append(f"version {v} after version {newest}")
        newest = max(newest, v)
        i += 1
        continue
    j = i
    while j < len(samples) and not whole(samples[j]):
        j += 1
    t0, t, c, h, _, ningxia_row, country_row = samples[i]
    lasted = (samples[j - 1][0] - t0)
    before = version(samples[i - 1][1]) if i > 0 else None
    after = version(samples[j][1]) if j < len(samples) else None
    what = f"status bar {t}, 全国 {c}, Ningxia {h} for {j - i} frame(s), {lasted:.0f} ms; before: version {before}, after: version {after}"
    # The rows above some row from the version after, the rest from the version before.
    def values(v):  # (row, value) of Ningxia, 全国 and the status bar in version v
        return [(ningxia_row, max(v, 0)), (country_row, base + v if v >= 0 else absent),
                (49, base + v if v >= 0 else absent)]
    seen_values = {ningxia_row: h, country_row: c, 49: t}
    is_split = before is not None and after is not None and any(
        all(seen_values[r] == (new if r < cut else old)
            for (r, new), (_, old) in zip(values(after), values(before)))
        for cut in range(0, 51))
    if lasted < 50 and is_split:
        split.append(what)
    else:
        torn.append(what)
    i = j
problems = sum(1 for s in samples if s[4])
print(len(samples), len(torn), unreadable, len(shown), len(backwards), problems, len(split))
for line in torn[:5] + backwards[:5]:
    print("torn or backwards: " + line)
for line in split[:5]:
    print("caught mid-frame: " + line)
PY
)
    local sampled torn unreadable versions_seen backwards problems split
    read -r sampled torn unreadable versions_seen backwards problems split <<<"$(head -1 <<<"$verdict")"
    note "frames sampled during the storm: $sampled ($unreadable unreadable); $versions_seen states seen" \
         "(versions, and the file absent); $problems frames with ⚠ (a half-written file loaded);" \
         "$torn torn; $backwards going back; $split caught while tmux was receiving a frame"
    check "rewrites: no torn frame among $sampled sampled (status bar, 全国 and Ningxia from one version)" [ "$torn" = 0 ]
    check "rewrites: never back to an older version once a newer one was shown ($backwards)" [ "$backwards" = 0 ]
    tail -n +2 <<<"$verdict" | sed 's/^/     | /'
    check "rewrites: at least 200 frames sampled ($sampled)" [ "$sampled" -ge 200 ]
    check "rewrites: at least 20 states shown on the way ($versions_seen): the storm was seen, not just its end" [ "$versions_seen" -ge 20 ]
    check "rewrites: the half-written files were seen as problems (⚠ in $problems frames)" [ "$problems" -ge 1 ]
    check "rewrites: still running" alive "$name"
    key "$name" q
    ended "$name" 0
}

# ---------------------------------------------------------------------------------------------
# 7. Grapheme clusters terminals draw two columns wide
# ---------------------------------------------------------------------------------------------
# widths_agree FILE WIDTH: every line measures (Python's wcwidth) at most WIDTH, exactly WIDTH
# when it ends in a box border (dumps trim trailing spaces), and at least 6 lines do.
widths_agree() {
    python3 - "$1" "$2" <<'PY'
import sys, wcwidth
path, width = sys.argv[1], int(sys.argv[2])
bad, framed = [], 0
for n, line in enumerate(open(path, encoding="utf-8").read().split("\n"), 1):
    w = wcwidth.wcswidth(line)
    full = line[-1:] in "│┐┘┤"
    framed += bool(line) and full
    if w < 0 or w > width or (line and full and w != width):
        bad.append(f"line {n}: wcswidth {w}, dump width {width}: {line}")
print("\n".join(bad[:5]), file=sys.stderr)
sys.exit(1 if bad or framed < 6 else 0)
PY
}

# right_border_column NAME: the one column (wcwidth) at which every row of the drill list that
# names a fixture organisation, and its header, ends; fails when they differ.
right_border_column() {
    screen "$1" | python3 -c '
import sys, wcwidth
rows = [l for l in sys.stdin.read().split("\n") if any(k in l for k in
        ("organization", "Mobile", "Sunshine", "First", "Family", "cole ", "Coders"))]
ends = {wcwidth.wcswidth(l[: l.rindex("│") + 1]) for l in rows if "│" in l}
print(ends, file=sys.stderr)
sys.exit(0 if len(rows) >= 7 and len(ends) == 1 else 1)'
}

emoji() {
    section "grapheme clusters"
    local dir=$WORK/emoji name=emoji view view_widths widths w
    python3 "$REPO/Tests/e2e/fixtures/emoji_snapshot.py" "$dir"
    if python3 -c "import wcwidth" 2>/dev/null; then
        # The whole screen needs 80 columns to show the drill list; the region alone does not.
        for view_widths in "region 30 47 80 100 141" "screen 80 100 141"; do
            read -r view widths <<<"$view_widths"
            for w in $widths; do
                "$BIN" dump "$view" --region 440304 --width "$w" --height 30 "$dir/emoji.json" \
                    >"$dir/$view.$w" 2>"$dir/$view.$w.err"
                check "emoji: dump $view at width $w: every line's wcwidth is the dump's width" \
                    widths_agree "$dir/$view.$w" "$w"
            done
        done
    else
        note "SKIP: dump widths against wcwidth: Python's wcwidth cannot be imported ($(python3 -c 'import wcwidth' 2>&1 | tail -1))"
    fi
    if python3 -c "import wcwidth" 2>/dev/null; then
        start "$name" 100 30 -- --region 440304 "$dir/emoji.json"
        started "$name" 30 || true
        check "emoji: shows the fixture's organisations" wait_until 5 shows "$name" "Family Services"
        check "emoji: in tmux the drill list's right border stays in one column on every row" \
            right_border_column "$name"
        key "$name" q
        ended "$name" 0
    fi
}

# ---------------------------------------------------------------------------------------------
# 8. A record at 80x24: its sources on the first screen, URLs wrapped with ↩, OSC 8 links
# ---------------------------------------------------------------------------------------------
# osc8_lines RAW URI: how many OSC 8 links to URI adopt wrote (each with underlined text and
# the link's end), how many different ids they have, and their texts joined by |.
osc8_lines() {
    python3 - "$1" "$2" <<'PY'
import re, sys
raw, uri = open(sys.argv[1], "rb").read(), sys.argv[2].encode()
st = re.escape(b"\x1b\\")  # ESC \, the string terminator
links = re.findall(rb"\x1b\]8;id=(adopt-\d+);" + re.escape(uri) + st + rb"\x1b\[0;4m([^\x1b]+)\x1b\]8;;" + st, raw)
print(len(links), "ids:", len({i for i, _ in links}), b"|".join(t for _, t in links).decode())
PY
}
osc8_any() { LC_ALL=C grep -aqP '\x1b\]8;' "$1"; }

links() {
    section "record links"
    local name raw url='https://www.bastillepost.com/global/article/4583819-shenzhen-deploys-ai-powered-virtual-employees-in-government-services'
    local tmux_version; tmux_version=$(tmux -V | grep -oE '[0-9]+\.[0-9]+' | head -1)
    for mode in auto always; do
        name=links-$mode raw=$WORK/$name.raw
        GATE=1 start "$name" 80 24 -- --region 440304 --hyperlinks "$mode"
        wait_until 5 test -e "$WORK/$name.sh"
        tm pipe-pane -o -t "$name" "cat >>$(printf %q "$raw")"
        open_gate "$name"
        started "$name" 24 || { tm send-keys -t "$name" q; ended "$name" 0; continue; }
        key "$name" Enter
        check "$name: Enter opens Futian's record at 80x24" wait_until 5 shows "$name" 'Deployment record'
        # The first source whole, no key pressed: publisher, date and title, every URL line.
        check "$name: the first source is on the first screen (publisher, date, title)" \
            shows "$name" '│source 1 Bastille Post \(巴士的报\) +│'
        check "$name: ... its date before its title" shows "$name" '│ 2025-02-18 · Shenzhen deploys +│'
        check "$name: ... its URL's first line ends in the continuation mark ↩" \
            shows "$name" '│ https://www\.bastillepost\.com/↩ +│'
        check "$name: ... and its last line shows, not scrolled off" \
            shows "$name" '│  employees-in-government-services +▼│'
        if [ "$mode" = always ]; then
            # tmux 3.3 drops OSC 8 from what it shows (3.4 keeps it), so the bytes are taken
            # from what adopt wrote to the pane (pipe-pane -o, as `script` would record them).
            local found; found=$(osc8_lines "$raw" "$url")
            note "OSC 8 links written: $found"
            check "$name: adopt wrote the URL as 4 OSC 8 links, one id, one per line, the text exact" \
                [ "$found" = "4 ids: 1 https://www.bastillepost.com/|global/article/4583819-shenzhen-|deploys-ai-powered-virtual-|employees-in-government-services" ]
        elif [ "${tmux_version%%.*}" -lt 3 ] || { [ "${tmux_version%%.*}" -eq 3 ] && [ "${tmux_version#*.}" -lt 4 ]; }; then
            check "$name: under tmux $tmux_version, auto writes no OSC 8 (tmux before 3.4 strips it)" \
                eval '! osc8_any "$raw"'
        fi
        # Scrolled through and back out: what tmux shows, attributes and colours included.
        for k in Down Down Down Down Up Down Down Down Down Down Down; do key "$name" "$k"; done
        sleep 0.3; screen_escapes "$name" >"$WORK/$name.scrolled"
        key "$name" Escape; sleep 0.3; screen_escapes "$name" >"$WORK/$name.back"
        key "$name" q
        ended "$name" 0
    done
    # The links are written over what ncurses drew with the same text and attributes, and
    # ncurses' next updates are not thrown off: the screens are the same with links or without.
    check "links: scrolled through the record, the screen (with attributes) is the same with --hyperlinks always as auto" \
        cmp -s "$WORK/links-auto.scrolled" "$WORK/links-always.scrolled"
    check "links: back in the list, the same screen too (no link text left behind)" \
        cmp -s "$WORK/links-auto.back" "$WORK/links-always.back"
}

# ---------------------------------------------------------------------------------------------
# 9. Synchronized output: each frame one CSI ? 2026 h ... CSI ? 2026 l bracket
# ---------------------------------------------------------------------------------------------
# sync_brackets RAW: checks the bytes adopt wrote, from its setup (smcup) to its exit (rmcup),
# and prints "ok N frames, M links inside" or what is wrong: a begin inside a bracket, an end
# outside one, a byte between two brackets, text before the first or after the last.
sync_brackets() {
    python3 - "$1" <<'PY'
import re, sys
raw = open(sys.argv[1], "rb").read()
begin, end = b"\x1b[?2026h", b"\x1b[?2026l"
start, stop = raw.find(b"\x1b[?1049h"), raw.rfind(b"\x1b[?1049l")
if start < 0 or stop < start:
    print("no alternate screen in the capture"); sys.exit()
body = raw[start:stop]
printable = lambda b: re.sub(rb"\x1b(\[[0-?]*[ -/]*[@-~]|[()][0-9A-B]|[=>78])|[\x00-\x1f]", b"", b)
parts = re.split(rb"(\x1b\[\?2026[hl])", body)
inside, frames, links, problems = False, 0, 0, []
for i, part in enumerate(parts):
    if part == begin:
        if inside: problems.append("a begin inside a bracket")
        inside = True
        frames += 1
    elif part == end:
        if not inside: problems.append("an end outside a bracket")
        inside = False
    elif inside:
        links += len(re.findall(rb"\x1b\]8;id=", part))
    elif part:
        first, last = i == 0, i == len(parts) - 1
        if (first or last) and printable(part):
            problems.append(("before the first" if first else "after the last") + " bracket: %r" % printable(part)[:60])
        elif not first and not last:
            problems.append("between two brackets: %r" % part[:60])
if inside: problems.append("the last bracket is never closed")
print("; ".join(problems[:3]) if problems else "ok %d frames, %d links inside" % (frames, links))
PY
}
sync_any() { LC_ALL=C grep -aqP '\x1b\[\?2026[hl]' "$1"; }

sync() {
    section "synchronized output"
    local name raw
    for mode in always never auto; do
        name=sync-$mode raw=$WORK/$name.raw
        GATE=1 start "$name" 120 40 -- --region 440304 --hyperlinks always --sync-output "$mode"
        wait_until 5 test -e "$WORK/$name.sh"
        tm pipe-pane -o -t "$name" "cat >>$(printf %q "$raw")"
        open_gate "$name"
        started "$name" 40 || { tm send-keys -t "$name" q; ended "$name" 0; continue; }
        # At least five frames: the first, the record (cells and its URL's links), two resizes
        # (ncurses repaints the old screen inside get_wch, then the frame: one bracket) and back.
        key "$name" Enter
        wait_until 5 shows "$name" 'Deployment record' || true
        for k in Down Down Down Up; do key "$name" "$k"; done
        tm resize-window -t "$name" -x 100 -y 30; sleep 0.5
        tm resize-window -t "$name" -x 120 -y 40; sleep 0.5
        key "$name" Escape; sleep 0.3
        screen_escapes "$name" >"$WORK/$name.screen"
        key "$name" q
        ended "$name" 0
        case $mode in
        always)
            local found; found=$(sync_brackets "$raw")
            note "bytes written: $found"
            check "sync always: every byte of every frame (links too) inside one CSI ? 2026 h/l bracket, through keys and a resize" \
                eval '[[ "$found" =~ ^ok\ ([0-9]+)\ frames,\ ([1-9][0-9]*)\ links ]] && [ "${BASH_REMATCH[1]}" -ge 5 ]'
            ;;
        never)
            check "sync never: no CSI ? 2026 sequence written" eval '! sync_any "$raw"' ;;
        auto)
            check "sync auto under tmux $(tmux -V | cut -d' ' -f2): none written (tmux before 3.7 ignores the mode)" \
                eval '! sync_any "$raw"' ;;
        esac
    done
    check "sync: the screen (with attributes) is the same with the bracket as without" \
        cmp -s "$WORK/sync-always.screen" "$WORK/sync-never.screen"
}

for part in $ONLY; do "$part"; done
note "took $(($(date +%s) - SECONDS_START)) s"
finish
