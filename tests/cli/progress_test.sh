#!/usr/bin/env bash
# Progress on stderr ("iacscan: files N/M", redrawn with \r and erased when loading ends):
# shown on a terminal (a pseudo-terminal from util-linux `script`), never when stderr is piped,
# in CI (CI, GITHUB_ACTIONS), with TERM=dumb, with --progress never, or when the report itself
# goes to stderr; --progress always shows it in a pipe too. The report never changes.
source "$(dirname "$0")/lib.sh"
cd "$ROOT" || exit 1

PROGRESS='iacscan: files [0-9]+/[0-9]+'
# Variables that turn progress off; cleared so that the suite also passes inside CI.
CLEAN_ENV=(env -u CI -u CONTINUOUS_INTEGRATION -u GITHUB_ACTIONS -u GITLAB_CI -u BUILDKITE
  -u JENKINS_URL -u TF_BUILD -u TEAMCITY_VERSION TERM=xterm)

shows() {  # shows <name>: the output has a progress line
  if grep -qE "$PROGRESS" "$TMP/$1"; then pass "$1 shows progress"; else
    fail "$1 shows no progress"; head -c 600 "$TMP/$1" | cat -A >&2; fi
}
hides() {
  if grep -qE "$PROGRESS" "$TMP/$1"; then fail "$1 shows progress"; else pass "$1 shows none"; fi
}

# on_terminal <name> [ENV=VALUE...] -- <iacscan args>: runs under a pseudo-terminal (stdout and
# stderr both on it) and keeps what the terminal received.
on_terminal() {
  local name=$1; shift
  local settings=()
  while [[ $1 != -- ]]; do settings+=("$1"); shift; done
  shift
  local command
  printf -v command '%q ' "${CLEAN_ENV[@]}" "${settings[@]}" "$BIN" "$@"
  script -qec "$command" /dev/null </dev/null >"$TMP/$name" 2>&1
  echo $? >"$TMP/$name.rc"
}

if command -v script >/dev/null; then
  on_terminal tty -- scan examples --no-config -j 1
  shows tty
  # Redrawn in place, then erased with spaces before the report starts.
  if grep -qaE $'\r'"$PROGRESS" "$TMP/tty" && grep -qaE $'\r {10,}\r' "$TMP/tty"; then
    pass "the line is drawn after \\r and erased"
  else
    fail "no \\r-drawn, erased progress line"
  fi
  on_terminal tty_roadmap -- roadmap examples --no-config
  shows tty_roadmap
  on_terminal tty_ci CI=true -- scan examples --no-config
  hides tty_ci
  on_terminal tty_actions GITHUB_ACTIONS=true -- scan examples --no-config
  hides tty_actions
  on_terminal tty_ci_false CI=false -- scan examples --no-config
  shows tty_ci_false
  on_terminal tty_dumb TERM=dumb -- scan examples --no-config
  hides tty_dumb
  on_terminal tty_never -- scan examples --no-config --progress never
  hides tty_never
  on_terminal tty_ci_always CI=true -- scan examples --no-config --progress always
  shows tty_ci_always
  on_terminal tty_report_on_stderr -- scan examples --no-config -o /dev/stderr
  hides tty_report_on_stderr
else
  echo "note: util-linux script is not installed; terminal checks skipped"
fi

# Not a terminal: nothing on stderr unless asked for.
"${CLEAN_ENV[@]}" "$BIN" scan examples --no-config >"$TMP/piped.out" 2>"$TMP/piped.err"
hides piped.err
"${CLEAN_ENV[@]}" "$BIN" scan examples --no-config --progress always >"$TMP/always.out" \
  2>"$TMP/always.err"
shows always.err
if cmp -s "$TMP/piped.out" "$TMP/always.out"; then pass "the report is the same with progress"
else fail "progress changed the report"; fi
# The report on stderr: progress would land inside it.
"${CLEAN_ENV[@]}" "$BIN" scan examples --no-config --progress always -o /dev/stderr \
  >/dev/null 2>"$TMP/report_on_stderr.err"
hides report_on_stderr.err
"${CLEAN_ENV[@]}" "$BIN" scan examples --no-config --progress always -o json=/dev/stderr \
  >/dev/null 2>"$TMP/extra_report_on_stderr.err"
hides extra_report_on_stderr.err
check_contains piped out 'examples/'  # lib.sh's helpers read $TMP/<name>.<out|err>

run bad_mode scan examples --progress sometimes
check_exit bad_mode 2

finish
