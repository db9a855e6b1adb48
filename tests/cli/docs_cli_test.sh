#!/usr/bin/env bash
# docs/cli.md is written by hand, so this test keeps it honest against the binary: every
# command of `iacscan --help` has a section, every flag and every value choice of a command's
# --help is in that section (or in a shared section the command's section links to), every
# environment variable and exit status of the generated man page is documented, and the page's
# own links resolve. A flag added to the CLI fails this test until docs/cli.md describes it.
source "$(dirname "$0")/lib.sh"

DOC="$ROOT/docs/cli.md"
DOC_DIR="$(dirname "$DOC")"
if [[ ! -f $DOC ]]; then
  fail "$DOC does not exist"
  finish
fi

# GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens.
slug() { tr '[:upper:]' '[:lower:]' <<<"$1" | sed -E 's/[^a-z0-9 _-]//g; s/ /-/g'; }

# section <heading text>: the lines under "## <heading text>" up to the next "## " heading.
section() {
  awk -v heading="## $1" '
    $0 == heading { inside = 1; next }
    inside && /^## / { exit }
    inside { print }' "$DOC"
}

# section_by_anchor <anchor>: the section whose heading has that anchor.
section_by_anchor() {
  local heading
  while IFS= read -r heading; do
    if [[ $(slug "$heading") == "$1" ]]; then
      section "$heading"
      return
    fi
  done < <(sed -n 's/^## //p' "$DOC")
}

# Does the text on stdin document the flag? It must start a code span ("`--format ...`",
# "`-f, ...`"), or follow the short name at the start of one ("`-f, --format ...`").
documents_flag() { grep -qE -- "\`(-[A-Za-z], )?$1([^A-Za-z0-9-]|\$)"; }

# The command's section plus every section it links to (#anchor): where its flags may be.
scope_of() {
  local own; own=$(section "\`iacscan $1\`")
  printf '%s\n' "$own"
  local anchor
  for anchor in $(grep -oE '\]\(#[a-z0-9_-]+\)' <<<"$own" | sed -E 's/^\]\(#//; s/\)$//' | sort -u); do
    section_by_anchor "$anchor"
  done
}

# Commands: the "Subcommands:" block of the program's --help.
run help --help
check_exit help 0
commands=$(awk '/^Subcommands:/ { inside = 1; next } inside && /^$/ { exit }
                inside { print $1 }' "$TMP/help.out")
[[ -n $commands ]] || fail "no commands found in 'iacscan --help'"
for flag in --help --version; do
  documents_flag "$flag" <"$DOC" || fail "program flag $flag is not in docs/cli.md"
done

for command in $commands; do
  if ! grep -qxF "## \`iacscan $command\`" "$DOC"; then
    fail "command '$command' has no section '## \`iacscan $command\`' in docs/cli.md"
    continue
  fi
  run "help_$command" "$command" --help
  check_exit "help_$command" 0
  scope=$(scope_of "$command")
  # Option lines of CLI11's help: "  -f,--format TEXT:{text,sarif}=text  Report format".
  option_lines=$(grep -E '^  +-' "$TMP/help_$command.out")
  flags=$( (grep -oE -- '--[a-z][a-z0-9-]*' <<<"$option_lines"
            grep -oE -- '(^|[ ,])-[A-Za-z]([ ,]|$)' <<<"$option_lines" | tr -d ' ,') |
          grep -vxE -- '-h|--help' | sort -u)
  missing=0
  for flag in $flags; do
    if ! documents_flag "$flag" <<<"$scope"; then
      fail "iacscan $command $flag is not documented in its section of docs/cli.md"
      missing=$((missing + 1))
    fi
  done
  # Choices, from option and positional lines alike: "TEXT:{ignore,report}", ":{bash,zsh}".
  choices=$(grep -oE ':\{[^}]+\}' "$TMP/help_$command.out" | tr -d ':{}' | tr ',' '\n' | sort -u)
  for choice in $choices; do
    if ! grep -qwF -- "$choice" <<<"$scope"; then
      fail "iacscan $command: the value '$choice' is not in its section of docs/cli.md"
      missing=$((missing + 1))
    fi
  done
  ((missing)) || pass "$command: $(wc -w <<<"$flags") flags and $(wc -w <<<"$choices") values documented"
done

# The man page's ENVIRONMENT and EXIT STATUS sections, which the CLI writes from its own tables.
run man man
check_exit man 0
man_section() {
  awk -v name=".SH $1" '$0 == name { inside = 1; next } inside && /^\.SH / { exit }
                        inside { print }' "$TMP/man.out"
}
variables=$(man_section ENVIRONMENT | grep -oE '(\\fB|^\.B )[A-Z_][A-Z0-9_]*' |
            sed -E 's/^(\\fB|\.B )//' | sort -u)
[[ -n $variables ]] || fail "no environment variables found in the man page"
environment=$(section Environment)
for variable in $variables; do
  grep -qF -- "\`$variable\`" <<<"$environment" ||
    fail "environment variable $variable (man page) is not in docs/cli.md's Environment section"
done
pass "environment: $(wc -w <<<"$variables") variables checked"
codes=$(man_section "EXIT STATUS" | sed -n 's/^\.B \([0-9][0-9]*\)$/\1/p')
[[ -n $codes ]] || fail "no exit codes found in the man page"
exit_codes=$(section "Exit codes")
for code in $codes; do
  grep -qE "^\| $code \|" <<<"$exit_codes" ||
    fail "exit code $code (man page) has no row in docs/cli.md's Exit codes table"
done
pass "exit codes: $(wc -w <<<"$codes") checked"

# Links: every #anchor names a heading of the page, every relative file exists.
anchors=$(sed -n 's/^##* //p' "$DOC" | while IFS= read -r heading; do slug "$heading"; done)
for link in $(grep -oE '\]\([^)]+\)' "$DOC" | sed -E 's/^\]\(//; s/\)$//' | sort -u); do
  case $link in
    http://* | https://*) ;;
    '#'*) grep -qxF -- "${link#\#}" <<<"$anchors" || fail "docs/cli.md links to missing anchor $link" ;;
    *) [[ -e "$DOC_DIR/${link%%#*}" ]] || fail "docs/cli.md links to missing file ${link%%#*}" ;;
  esac
done
pass "links checked"

finish
