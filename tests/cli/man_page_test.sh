#!/usr/bin/env bash
# `iacscan man`: every section, every command with its flags and examples, the exit codes; every
# long flag of every command's --help is on the page (it is written from the same
# definitions). When groff or man is installed, the page is rendered with all warnings on and
# any warning fails.
source "$(dirname "$0")/lib.sh"

run man man
check_exit man 0
page="$TMP/man.out"
run man_again man
if cmp -s "$page" "$TMP/man_again.out"; then pass "the page is deterministic"; else
  fail "two runs wrote different pages"; fi

for section in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS 'EXIT STATUS' ENVIRONMENT FILES \
  'SEE ALSO'; do
  if grep -qxF ".SH $section" "$page"; then pass "section $section"; else
    fail "no section $section"; fi
done
check_contains man out '.TH IACSCAN 1'
check_contains man out 'iacscan \- '
for code in 0 1 2 3; do check_contains man out ".B $code"; done
check_contains man out '.B NO_COLOR'
check_contains man out '.I .iacscan.yaml'
check_contains man out '\fBCI\fR'
# Examples from the commands' --help footers, with minus signs escaped.
check_contains man out 'iacscan scan infra \-\-format sarif \-o iacscan.sarif'
check_contains man out 'iacscan explain s3\-bucket\-public\-acl'
# Choices come from the parser's IsMember lists.
check_contains man out '\fB\-\-fail\-on\fR \fBinfo\fR|\fBlow\fR|\fBmedium\fR|\fBhigh\fR|\fBcritical\fR'
check_contains man out '\fB\-\-progress\fR \fBauto\fR|\fBalways\fR|\fBnever\fR'

# No line may start with a control character unless it is a request ('.\"' comments too).
if grep -nE "^'" "$page" >"$TMP/quote_lines"; then fail "lines starting with a quote:"; cat "$TMP/quote_lines" >&2
else pass "no line starts with a quote"; fi
if grep -nE '^\.([^A-Z\\]|$)' "$page" | grep -vE '^[0-9]+:\.(nf|fi|br)$' >"$TMP/dot_lines"; then
  fail "text lines read as requests:"; cat "$TMP/dot_lines" >&2
else pass "every line starting with '.' is a request"; fi
# Unescaped minus signs in flags: "--" must be written "\-\-".
if grep -n -- '[^\\]--\|^--' "$page" | grep -v '^[0-9]*:\.\\"' >"$TMP/minus_lines"; then
  fail "unescaped --:"; head "$TMP/minus_lines" >&2
else pass "every -- is escaped"; fi

# Same definitions: every command has a subsection, every long flag of its --help is listed.
plain="$TMP/page.txt"
sed 's/\\-/-/g' "$page" >"$plain"
run help --help
commands=$(sed -n '/^Subcommands:/,/^$/p' "$TMP/help.out" | awk 'NF && !/:$/ {print $1}')
[[ -n $commands ]] || fail "no commands found in 'iacscan --help'"
for command in $commands; do
  grep -qxF ".SS \"iacscan $command\"" "$page" || fail "no subsection for $command"
  run "help_$command" "$command" --help
  flags=$(grep -E '^  +-' "$TMP/help_$command.out" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u |
    grep -vxF -- --help)
  for flag in $flags; do
    grep -qF -- "\\fB$flag\\fR" "$plain" || fail "$command $flag is not on the man page"
  done
  pass "$command: every flag of --help is on the page"
done

# Rendering with every warning on.
if command -v groff >/dev/null; then
  groff -man -ww -z "$page" 2>"$TMP/groff.warn"
  status=$?
  if ((status == 0)) && [[ ! -s "$TMP/groff.warn" ]]; then pass "groff -man -ww: no warnings"; else
    fail "groff -man -ww exits $status:"; head -20 "$TMP/groff.warn" >&2; fi
  # Rendered, the escaped minus signs read as ASCII hyphen-minus, ready to copy.
  groff -man -Tascii -P-c "$page" 2>/dev/null | sed 's/.\x08//g' >"$TMP/rendered.txt"
  if grep -qF -- '--fail-on' "$TMP/rendered.txt" &&
    grep -qF -- 'iacscan scan infra --format sarif -o iacscan.sarif' "$TMP/rendered.txt"; then
    pass "rendered flags and examples copy as typed"
  else
    fail "the rendered page does not show --fail-on or the sarif example as typed"
  fi
else
  echo "note: groff is not installed; structural checks only"
fi
if command -v man >/dev/null; then
  MANWIDTH=80 man --warnings -l "$page" >/dev/null 2>"$TMP/man.warn"
  status=$?
  if ((status == 0)) && [[ ! -s "$TMP/man.warn" ]]; then pass "man --warnings: no warnings"; else
    fail "man --warnings -l exits $status:"; head -20 "$TMP/man.warn" >&2; fi
fi

finish
