#!/usr/bin/env bash
# Step 3 of the action: one scan writing SARIF, JSON, Markdown and the requested extra formats;
# outputs with the counts by severity; the findings and the roadmap in the job summary.
#
# The scan's exit code is an output (exit-code), not this script's status: the upload and the
# summary must happen before the action fails on findings. This script fails only when it
# cannot do its job (a bad input, no binary).
#
# Inputs come as environment variables, never spliced into shell code:
#   IACSCAN_BINARY       the iacscan to run
#   INPUT_PATHS          paths to scan: one per line, or separated by spaces on a single line
#   INPUT_CONFIG         --config FILE; "none" for --no-config; empty: the nearest .iacscan.yaml
#   INPUT_FAIL_ON        --fail-on SEVERITY; "never" for --soft-fail; empty: iacscan's default
#   INPUT_FORMATS        extra reports besides sarif, json and markdown: junit, text, github
#   INPUT_ACCOUNT_RULES  true, false, or empty for the configuration's account_rules
#   INPUT_ARGS           more arguments for scan and roadmap, one per line (--exclude=GLOB, ...)
#   INPUT_OUTPUT_DIR     where the reports go; empty: $RUNNER_TEMP/iacscan
#   INPUT_ROADMAP        true: also run `iacscan roadmap` (summary and roadmap-stage output)
#   INPUT_JOB_SUMMARY    true: append the reports to $GITHUB_STEP_SUMMARY
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

binary="${IACSCAN_BINARY:?IACSCAN_BINARY is not set}"
[[ -x "$binary" ]] || die "iacscan binary '$binary' is not executable"

trim() {
  local s="${1%$'\r'}"
  s="${s#"${s%%[![:space:]]*}"}"
  printf '%s' "${s%"${s##*[![:space:]]}"}"
}

# lines_to_array NAME TEXT: the non-empty trimmed lines of TEXT.
lines_to_array() {
  local -n into="$1"
  local line
  into=()
  while IFS= read -r line || [[ -n "$line" ]]; do
    line="$(trim "$line")"
    [[ -z "$line" ]] || into+=("$line")
  done <<<"$2"
}

paths=()
extra_args=()
# A path on its own line may contain spaces; on a single line, spaces separate paths.
paths_input="${INPUT_PATHS:-}"
if [[ "$paths_input" == *$'\n'* ]]; then
  lines_to_array paths "$paths_input"
else
  read -r -a paths <<<"$paths_input" || true
fi
((${#paths[@]})) || paths=(.)
for i in "${!paths[@]}"; do
  # A path that starts with "-" would be read as a flag.
  [[ "${paths[$i]}" != -* ]] || paths[i]="./${paths[$i]}"
done

lines_to_array extra_args "${INPUT_ARGS:-}"

config_args=()
case "${INPUT_CONFIG:-}" in
  "") ;;
  none) config_args=(--no-config) ;;
  *) config_args=("--config=$INPUT_CONFIG") ;;
esac

scan_only_args=()
case "${INPUT_FAIL_ON:-}" in
  "") ;;
  never) scan_only_args+=(--soft-fail) ;;
  *) scan_only_args+=("--fail-on=$INPUT_FAIL_ON") ;;
esac
if [[ -n "${INPUT_ACCOUNT_RULES:-}" ]]; then
  if is_true "$INPUT_ACCOUNT_RULES" account-rules; then
    scan_only_args+=(--account-rules)
  else
    scan_only_args+=(--no-account-rules)
  fi
fi

output_dir="${INPUT_OUTPUT_DIR:-}"
[[ -n "$output_dir" ]] || output_dir="${RUNNER_TEMP:?RUNNER_TEMP is not set}/iacscan"
mkdir -p -- "$output_dir"
output_dir="$(cd -- "$output_dir" && pwd)"

declare -A file_names=([sarif]=iacscan.sarif [json]=iacscan.json [markdown]=iacscan.md
                       [junit]=iacscan.junit.xml [text]=iacscan.txt [github]=iacscan.github.txt)
formats=(sarif json markdown)
formats_input="${INPUT_FORMATS:-}"
read -r -a requested_formats <<<"${formats_input//[$'\n\r,']/ }" || true
for format in "${requested_formats[@]}"; do
  [[ -n "${file_names[$format]:-}" ]] ||
    die "input 'formats': unknown format '$format' (known: junit, text, github, sarif, json, markdown)"
  [[ " ${formats[*]} " == *" $format "* ]] || formats+=("$format")
done

# Reports of an earlier run in the same directory must not pass for this one's.
for name in "${file_names[@]}" iacscan-roadmap.md iacscan-roadmap.json; do
  rm -f -- "$output_dir/$name"
done
# Our options use the --name=value form and come after the paths: CLI11 lets a repeatable
# option (-o, --exclude) take the following words as more values while enough are left for
# the paths, so `-o X p1 p2` would read p1 as a report file.
report_args=()
for format in "${formats[@]}"; do
  report_args+=("--output=$format=$output_dir/${file_names[$format]}")
done

# The text report quotes the scanned files; between stop-commands markers a line in them that
# looks like a workflow command (::add-mask::, ::error::) is only printed.
stop_token="iacscan-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
errors_file="$output_dir/.iacscan-stderr"
echo "::stop-commands::$stop_token"
status=0
"$binary" scan "${paths[@]}" --no-color "${config_args[@]}" "${scan_only_args[@]}" \
  "${extra_args[@]}" "${report_args[@]}" 2>"$errors_file" || status=$?
cat -- "$errors_file"
echo "::$stop_token::"
set_output exit-code "$status"
set_output output-dir "$output_dir"

# The annotations are the point of the github format, so its commands are printed for the
# runner (the format escapes everything that comes from scanned files).
if [[ -f "$output_dir/${file_names[github]}" ]]; then
  cat -- "$output_dir/${file_names[github]}"
fi

for format in "${formats[@]}"; do
  file="$output_dir/${file_names[$format]}"
  [[ ! -f "$file" ]] || set_output "$format" "$file"
done

# Counts from the JSON report's summary. iacscan writes it with two-space indentation and one
# key per line (docs/report-schema.json), which awk can read without a JSON tool: the action
# must run wherever iacscan runs, and a bare container has neither jq, node nor python.
declare -A summary=()
json_report="$output_dir/${file_names[json]}"
if [[ -f "$json_report" ]]; then
  while IFS='=' read -r key value; do
    summary[$key]="$value"
  done < <(awk '
    /^  "summary": \{$/ { inside = 1; next }
    inside && /^  \},?$/ { exit }
    inside && /^    "[A-Za-z]+": \{$/ { group = $1; gsub(/[":]/, "", group); next }
    inside && /^    \},?$/ { group = ""; next }
    inside {
      line = $0; gsub(/[",:]/, " ", line)
      if (split(line, field, " ") == 2 && field[2] ~ /^[0-9]+$/)
        print (group == "" ? "" : group ".") field[1] "=" field[2]
    }' "$json_report")
  for key in active review suppressed activeBySeverity.{critical,high,medium,low,info}; do
    [[ -n "${summary[$key]:-}" ]] || die "no summary.$key in $json_report: is $binary too old for this action?"
  done
  for severity in critical high medium low info; do
    set_output "$severity" "${summary[activeBySeverity.$severity]}"
  done
  set_output total "${summary[active]}"
  set_output review "${summary[review]}"
  set_output suppressed "${summary[suppressed]}"
fi

roadmap_file="$output_dir/iacscan-roadmap.md"
roadmap_status=
if [[ "$status" != 2 ]] && is_true "${INPUT_ROADMAP:-true}" roadmap; then
  roadmap_status=0
  "$binary" roadmap "${paths[@]}" --no-color --format=markdown "${config_args[@]}" \
    "${extra_args[@]}" "--output=$roadmap_file" "--output=json=$output_dir/iacscan-roadmap.json" \
    2>"$errors_file.roadmap" || roadmap_status=$?
  stage="$(awk '/^  "highestStageMet": [0-9]+,?$/ { gsub(/[^0-9]/, ""); print; exit }' \
    "$output_dir/iacscan-roadmap.json" 2>/dev/null || true)"
  [[ -z "$stage" ]] || set_output roadmap-stage "$stage"
fi

html_escape() { sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g'; }

if [[ -n "${GITHUB_STEP_SUMMARY:-}" ]] && is_true "${INPUT_JOB_SUMMARY:-true}" job-summary; then
  {
    if [[ -f "$output_dir/${file_names[markdown]}" ]]; then
      cat -- "$output_dir/${file_names[markdown]}"
    else
      printf '## iacscan could not run (exit code %s)\n\n<pre>\n' "$status"
      html_escape <"$errors_file"
      printf '</pre>\n'
    fi
    if [[ -n "$roadmap_status" ]]; then
      printf '\n'
      if [[ -f "$roadmap_file" && "$roadmap_status" != 2 ]]; then
        cat -- "$roadmap_file"
      else
        printf '## iacscan roadmap could not run (exit code %s)\n\n<pre>\n' "$roadmap_status"
        html_escape <"$errors_file.roadmap"
        printf '</pre>\n'
      fi
    fi
  } >>"$GITHUB_STEP_SUMMARY"
fi
rm -f -- "$errors_file" "$errors_file.roadmap"

case "$status" in
  0) log "no active findings at or above the fail-on severity" ;;
  1) log "active findings at or above the fail-on severity: the action fails after the upload" ;;
  3) log "some files could not be read or parsed: the action fails after the upload" ;;
  *) log "iacscan could not run (exit code $status): the action fails" ;;
esac
