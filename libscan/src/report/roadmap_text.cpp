// The roadmap report for a terminal: the stage reached, one table per stage, then the next
// steps. Lines stay within about 100 columns: titles wrap inside their column, and the evidence
// goes on its own line under the control, since paths are what people copy.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "iacscan/roadmap.hpp"
#include "report/roadmap_common.hpp"
#include "report/text_report.hpp"

namespace iacscan {
namespace {

using detail::printable;

constexpr std::size_t kLineWidth = 100;
// Titles narrower than this would wrap into a word per line: past it they start a line of
// their own below the rule id.
constexpr std::size_t kMinTitleWidth = 30;
constexpr std::string_view kControlIndent = "  ";
constexpr std::string_view kGap = "  ";
constexpr std::string_view kReasonSeparator = " — ";

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kDim = "\x1b[2m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kGreen = "\x1b[32m";
constexpr std::string_view kYellow = "\x1b[33m";

std::string paint(std::string_view text, std::string_view code, bool color) {
  if (!color) return std::string(text);
  return std::string(code) + std::string(text) + std::string(kReset);
}

std::string_view status_colour(ControlStatus status) {
  switch (status) {
    case ControlStatus::met:
      return kGreen;
    case ControlStatus::missing:
      return kRed;
    case ControlStatus::undecided:
      return kYellow;
    case ControlStatus::not_applicable:
    case ControlStatus::needs_configuration:
    case ControlStatus::not_run:
      return kDim;
  }
  return kDim;
}

// One column wide in every common terminal font (no emoji presentation), so tables align.
std::string_view status_symbol(ControlStatus status) {
  switch (status) {
    case ControlStatus::met:
      return "✓";
    case ControlStatus::missing:
      return "✗";
    case ControlStatus::undecided:
      return "?";
    case ControlStatus::needs_configuration:
      return "⚙";
    case ControlStatus::not_applicable:
      return "–";
    case ControlStatus::not_run:
      return "·";
  }
  return "·";
}

// Short forms keep the title column wide; docs/roadmap.md spells each out.
std::string_view status_word(ControlStatus status) {
  switch (status) {
    case ControlStatus::needs_configuration:
      return "needs config";
    case ControlStatus::not_applicable:
      return "n/a";
    default:
      return detail::status_words(status);
  }
}
constexpr std::size_t kStatusWidth = 2 + std::string_view("needs config").size();

// Columns a string takes: one per code point (the reports' own symbols and ordinary text are
// all one column wide; escapes were expanded by printable()).
std::size_t width_of(std::string_view text) {
  std::size_t width = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    pos += std::max<std::size_t>(detail::decode_utf8(text, pos, cp), 1);
    ++width;
  }
  return width;
}

std::string padded(std::string_view text, std::size_t width) {
  std::string out(text);
  const std::size_t used = width_of(text);
  if (used < width) out.append(width - used, ' ');
  return out;
}

// Greedy word wrap; a word longer than the width gets a line of its own rather than a break.
std::vector<std::string> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> lines;
  std::string line;
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t start = text.find_first_not_of(' ', pos);
    if (start == std::string_view::npos) break;
    const std::size_t end = std::min(text.find(' ', start), text.size());
    const std::string_view word = text.substr(start, end - start);
    if (!line.empty() && width_of(line) + 1 + width_of(word) > width) {
      lines.push_back(std::move(line));
      line.clear();
    }
    if (!line.empty()) line += ' ';
    line += word;
    pos = end;
  }
  if (!line.empty() || lines.empty()) lines.push_back(std::move(line));
  return lines;
}

// Writes `text` wrapped to the line width: the first line after what is already on the current
// line (`used` columns), the others indented by `indent` columns; each line painted on its own
// so a colour never runs into the indent.
void append_wrapped(std::string& out, std::string_view text, std::size_t used, std::size_t indent,
                    std::string_view code = {}, bool color = false) {
  const std::size_t width = kLineWidth > used ? kLineWidth - used : kMinTitleWidth;
  const std::vector<std::string> lines = wrap(text, std::max(width, kMinTitleWidth));
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) out += std::string(indent, ' ');
    out += (code.empty() ? lines[i] : paint(lines[i], code, color)) + "\n";
  }
}

// "a.tf, b.tf +3 more": up to two files, fewer when they would not fit in `width` columns (but
// always one, since a path is only useful whole).
std::string files_summary(const std::vector<std::string>& files, std::size_t width) {
  std::string out;
  std::size_t shown = 0;
  for (; shown < std::min(files.size(), detail::kEvidenceFilesShown); ++shown) {
    const std::string file = printable(files[shown]);
    const std::size_t rest = files.size() - shown - 1;
    const std::size_t more = rest == 0 ? 0 : (" +" + std::to_string(rest) + " more").size();
    if (shown > 0 && width_of(out) + 2 + width_of(file) + more > width) break;
    out += (shown > 0 ? ", " : "") + file;
  }
  if (files.size() > shown) out += " +" + std::to_string(files.size() - shown) + " more";
  return out;
}

std::string join(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

// The lines under a control: where the proof is, which key to set, why it is missing. A short
// reason shares the evidence line.
void append_control_notes(std::string& out, const RoadmapControl& control, std::size_t indent,
                          bool color) {
  const std::string pad(indent, ' ');
  const std::string where =
      control.files.empty()
          ? ""
          : "in " + files_summary(control.files, kLineWidth - std::min(kLineWidth, indent + 3));
  const std::string why =
      detail::counts_against_stage(control.status) ? printable(control.detail) : std::string();
  if (!where.empty() && !why.empty() &&
      indent + width_of(where) + width_of(kReasonSeparator) + width_of(why) <= kLineWidth) {
    out += pad + where + std::string(kReasonSeparator) + paint(why, kDim, color) + "\n";
  } else {
    if (!where.empty()) out += pad + where + "\n";
    if (!why.empty()) {
      out += pad;
      append_wrapped(out, why, indent, indent, kDim, color);
    }
  }
  if (!control.missing_config.empty()) {
    out += pad + "set " + printable(join(control.missing_config, ", ")) + " in .iacscan.yaml\n";
  }
}

// "✓ met" in its colour, padded to the status column; returns the columns written.
std::size_t append_status(std::string& out, ControlStatus status, bool color) {
  const std::string cell =
      std::string(status_symbol(status)) + " " + std::string(status_word(status));
  out += std::string(kControlIndent) + paint(cell, status_colour(status), color);
  out += std::string(kStatusWidth - width_of(cell), ' ') + std::string(kGap);
  return kControlIndent.size() + kStatusWidth + kGap.size();
}

void append_control(std::string& out, const RoadmapControl& control, std::size_t id_width,
                    bool color) {
  const std::size_t id_column = append_status(out, control.status, color);
  const std::string id = printable(control.rule_id);
  out += padded(id, id_width) + std::string(kGap);
  const std::size_t title_column = id_column + std::max(width_of(id), id_width) + kGap.size();
  if (kLineWidth - std::min(title_column, kLineWidth) >= kMinTitleWidth) {
    append_wrapped(out, printable(control.title), title_column, title_column);
  } else {
    // An unusually long rule id: the title goes under it rather than into a sliver of a column.
    out += "\n" + std::string(id_column, ' ');
    append_wrapped(out, printable(control.title), id_column, id_column);
  }
  append_control_notes(out, control, id_column, color);
}

// Controls with nothing to judge in the scan share one line of ids: in a landing zone most
// resource rules are in that state, and a row each would bury the ones that matter.
void append_not_applicable(std::string& out, const std::vector<std::string>& ids, bool color) {
  if (ids.empty()) return;
  const std::size_t id_column = append_status(out, ControlStatus::not_applicable, color);
  append_wrapped(out, join(ids, ", "), id_column, id_column, kDim, color);
}

void append_stage(std::string& out, const RoadmapStage& stage, bool color) {
  const std::string title = "Stage " + std::to_string(stage.number) + "  " + stage.name + ": ";
  const std::string verdict = stage.met ? "MET" : "NOT MET";
  out += paint(title, kBold, color) + paint(verdict, stage.met ? kGreen : kRed, color) + " ";
  const std::string counts =
      stage.controls.empty()
          ? "(iacscan has no check for this stage)"
          : "(" + detail::describe_counts(detail::count_statuses(stage.controls)) + ")";
  append_wrapped(out, counts, width_of(title) + width_of(verdict) + 1, kControlIndent.size());
  if (stage.controls.empty()) return;
  std::vector<const RoadmapControl*> rows;
  std::vector<std::string> not_applicable;
  std::size_t id_width = 0;
  for (const RoadmapControl& control : stage.controls) {
    if (control.status == ControlStatus::not_applicable) {
      not_applicable.push_back(printable(control.rule_id));
      continue;
    }
    rows.push_back(&control);
    id_width = std::max(id_width, width_of(printable(control.rule_id)));
  }
  if (!rows.empty()) {
    // Titles name the problem a rule looks for; under "met" that reads as a contradiction
    // unless the column says so.
    const std::string header = std::string(kControlIndent) + padded("status", kStatusWidth) +
                               std::string(kGap) + padded("rule", id_width) + std::string(kGap) +
                               "problem it looks for";
    out += paint(header, kDim, color) + "\n";
  }
  for (const RoadmapControl* control : rows) append_control(out, *control, id_width, color);
  append_not_applicable(out, not_applicable, color);
}

void append_next_steps(std::string& out, const Roadmap& roadmap, bool color) {
  const int next = detail::next_stage_number(roadmap);
  if (next == 0) {
    out += "All ten stages are met.\n";
    return;
  }
  out += paint("Next steps to reach stage " + std::to_string(next) + ":", kBold, color) + "\n";
  const std::size_t shown = std::min(roadmap.next_steps.size(), detail::kNextStepsShown);
  constexpr std::size_t kStepIndent = 5;  // under the text after "  1. "
  for (std::size_t i = 0; i < shown; ++i) {
    const RoadmapControl& step = roadmap.next_steps[i];
    const std::string number = "  " + std::to_string(i + 1) + ". ";
    const std::string id = printable(step.rule_id);
    std::string qualifier = " (" + std::string(to_string(step.severity));
    if (step.status != ControlStatus::missing)
      qualifier += ", " + std::string(status_word(step.status));
    qualifier += "): ";
    out += number + paint(id, kBold, color) + qualifier;
    append_wrapped(out, printable(step.title), width_of(number + id + qualifier), kStepIndent);
    append_control_notes(out, step, kStepIndent, color);
  }
  if (roadmap.next_steps.size() > shown) {
    out += "  ... and " + std::to_string(roadmap.next_steps.size() - shown) +
           " more in the stage " + std::to_string(next) + " table above\n";
  }
  const auto hints = detail::configuration_hints(roadmap.next_configuration);
  if (!hints.empty()) {
    out += "To judge more of stage " + std::to_string(next) + ", set in .iacscan.yaml:\n";
    for (const auto& [key, rule_ids] : hints) {
      out += "  " + printable(key) + " (" + printable(join(rule_ids, ", ")) + ")\n";
    }
  }
  out += "Run `iacscan explain RULE-ID` for why a control matters and how to meet it.\n";
}

std::size_t not_run_count(const Roadmap& roadmap) {
  std::size_t n = 0;
  for (const RoadmapStage& stage : roadmap.stages) {
    n += detail::count_statuses(stage.controls).of(ControlStatus::not_run);
  }
  return n;
}

}  // namespace

std::string render_roadmap_text(const Roadmap& roadmap, bool color) {
  std::string out = paint("Roadmap stage reached: " + std::to_string(roadmap.highest_stage_met) +
                              " of " + std::to_string(roadmap.stages.size()),
                          kBold, color) +
                    "\n";
  out += detail::describe_progress(roadmap) + " " + std::to_string(roadmap.files_scanned) +
         (roadmap.files_scanned == 1 ? " file" : " files") + " scanned.\n";
  if (!roadmap.complete) {
    out += paint(
               "warning: scan incomplete (some files could not be parsed): controls they "
               "define may show as missing",
               kYellow, color) +
           "\n";
  }
  if (const std::size_t n = not_run_count(roadmap); n > 0) {
    out += "note: " + std::to_string(n) +
           (n == 1 ? " control did not run (disabled, or account rules off) and does not count\n"
                   : " controls did not run (disabled, or account rules off) and do not count\n");
  }
  for (const RoadmapStage& stage : roadmap.stages) {
    out += "\n";
    append_stage(out, stage, color);
  }
  out += "\n";
  append_next_steps(out, roadmap, color);
  return out;
}

}  // namespace iacscan
