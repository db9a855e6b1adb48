#!/usr/bin/env bash
# `iacscan completion bash|zsh`. The bash script is sourced in a non-interactive bash and
# driven the way bash drives it (COMP_WORDS, COMP_CWORD) to complete a command, a flag, a
# flag's value and paths; the zsh script is checked with `zsh -n` when zsh is installed, by its
# structure otherwise. Every long flag in every command's --help must be in both scripts: they
# are written from the same definitions as the parser.
source "$(dirname "$0")/lib.sh"

run bash completion bash
check_exit bash 0
run zsh completion zsh
check_exit zsh 0
run fish completion fish
check_exit fish 2
run bash_again completion bash
if cmp -s "$TMP/bash.out" "$TMP/bash_again.out"; then pass "the bash script is deterministic"; else
  fail "two runs wrote different bash scripts"; fi

if bash -n "$TMP/bash.out"; then pass "bash -n accepts the bash script"; else
  fail "bash -n rejects the bash script"; fi

# candidates WORD...: what the completion offers for the last word, one per line.
candidates() {
  bash --norc --noprofile -c '
    script=$1; shift
    source "$script" || exit 1
    COMP_WORDS=("$@")
    COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
    _iacscan
    printf "%s\n" "${COMPREPLY[@]}"' candidates "$TMP/bash.out" "$@"
}
# (The candidates are captured first: with pipefail, `... | grep -q` fails when grep stops
# reading early.)
offers() {  # offers <candidate> <words...>
  local expected=$1; shift
  local offered; offered=$(candidates "$@")
  if grep -qxF -- "$expected" <<<"$offered"; then pass "[$*] offers $expected"; else
    fail "[$*] does not offer $expected but: $(tr '\n' ' ' <<<"$offered")"; fi
}
does_not_offer() {  # does_not_offer <candidate> <words...>
  local unexpected=$1; shift
  local offered; offered=$(candidates "$@")
  if grep -qxF -- "$unexpected" <<<"$offered"; then fail "[$*] offers $unexpected"; else
    pass "[$*] does not offer $unexpected"; fi
}

# Commands, flags and flag values.
offers scan iacscan sc
offers roadmap iacscan ''
offers completion iacscan ''
offers --version iacscan --v
offers --fail-on iacscan scan --fail
offers --progress iacscan roadmap --pro
does_not_offer --fail-on iacscan roadmap --fail
offers sarif iacscan scan --format ''
offers sarif iacscan scan -f s
offers markdown iacscan roadmap --format m
does_not_offer sarif iacscan roadmap --format ''
offers high iacscan scan --fail-on h
offers critical iacscan scan --fail-on ''
offers high iacscan scan --fail-on = h      # bash split --fail-on=h at '=' (its default)
offers --fail-on=high iacscan scan --fail-on=h  # ... or did not
offers never iacscan scan --progress n
offers report iacscan scan --unknowns r
offers zsh iacscan completion ''
does_not_offer zsh iacscan completion bash ''

# Paths: files for arguments and FILE values, only directories for DIR values.
mkdir -p "$TMP/tree/stacks"
touch "$TMP/tree/main.tf" "$TMP/tree/prod.tfvars"
offers "$TMP/tree/main.tf" iacscan scan "$TMP/tree/m"
offers "$TMP/tree/stacks" iacscan scan --no-color "$TMP/tree/s"
offers "$TMP/tree/main.tf" iacscan scan --format sarif "$TMP/tree/m"
offers "$TMP/tree/prod.tfvars" iacscan scan --var-file "$TMP/tree/p"
offers "$TMP/tree/prod.tfvars" iacscan scan -o "$TMP/tree/p"
offers "$TMP/tree/stacks" iacscan scan --policy-dir "$TMP/tree/"
does_not_offer "$TMP/tree/main.tf" iacscan scan --policy-dir "$TMP/tree/"
does_not_offer "$TMP/tree/main.tf" iacscan scan --jobs "$TMP/tree/m"
# init's one argument is a directory.
offers "$TMP/tree/stacks" iacscan init --force "$TMP/tree/s"

# The zsh script.
if command -v zsh >/dev/null; then
  if zsh -n "$TMP/zsh.out"; then pass "zsh -n accepts the zsh script"; else
    fail "zsh -n rejects the zsh script"; fi
else
  echo "note: zsh is not installed; checking the zsh script's structure only"
fi
check_contains zsh out '#compdef iacscan'
check_contains zsh out '_arguments -C'
check_contains zsh out "_describe -t commands 'iacscan command' commands"
check_contains zsh out "'(-f --format)'{-f+,--format=}'[Report format]:format:("
check_contains zsh out "'*:paths:_files'"
check_contains zsh out "--policy-dir=[Also load rules from DIR]:dir:_files -/'"
check_contains zsh out "'1:shell:(bash zsh)'"
check_contains zsh out '(scan) _iacscan_scan && ret=0 ;;'
check_contains zsh out 'compdef _iacscan iacscan'
if [[ $(head -1 "$TMP/zsh.out") == '#compdef iacscan' ]]; then pass "#compdef is the first line"
else fail "the zsh script does not start with #compdef"; fi
# Without zsh, bash's parser still catches unbalanced quotes: this script's syntax is common
# to both shells.
if bash -n "$TMP/zsh.out"; then pass "the zsh script's quoting is balanced (bash -n)"; else
  fail "bash -n rejects the zsh script"; fi

# Same definitions: every long flag of every command's --help is in both scripts.
commands=$(candidates iacscan '')
for command in $commands; do
  run "help_$command" "$command" --help
  # Option lines of CLI11's help: "  -f,--format TEXT:{...}  Report format".
  flags=$(grep -E '^  +-' "$TMP/help_$command.out" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u)
  [[ -n $flags ]] || fail "no flags found in '$command --help'"
  for flag in $flags; do
    # bash: a word of a list or a case pattern ('--a --b', '-f' | '--format').
    grep -qE -- "[' ]$flag[' ]" "$TMP/bash.out" || fail "$command $flag missing from the bash script"
    # zsh: an _arguments spec, '--config=[...]' or {-f+,--format=}'[...]'.
    grep -qE -- "$flag(=?\\[|[=+]?[,}])" "$TMP/zsh.out" ||
      fail "$command $flag missing from the zsh script"
    grep -qxF -- "$flag" <<<"$(candidates iacscan "$command" "$flag")" ||
      fail "$command: '$flag' is not completed"
  done
  pass "$command: $(wc -w <<<"$flags") flags in both scripts"
done

finish
