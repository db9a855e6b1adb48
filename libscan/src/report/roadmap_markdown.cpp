// The roadmap report in GitHub-flavoured Markdown, for a pull-request comment or a job summary:
// the stage reached and a summary table up front, the next steps, then each stage's controls
// folded in <details> (the next stage's unfolded) so the comment stays short.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "iacscan/roadmap.hpp"
#include "report/roadmap_common.hpp"

namespace iacscan {
namespace {

using detail::printable;

std::string_view status_emoji(ControlStatus status) {
  switch (status) {
    case ControlStatus::met:
      return "✅";
    case ControlStatus::missing:
      return "❌";
    case ControlStatus::undecided:
      return "❔";
    case ControlStatus::needs_configuration:
      return "⚙️";
    case ControlStatus::not_applicable:
      return "➖";
    case ControlStatus::not_run:
      return "⬜";
  }
  return "⬜";
}

// Plain text: every character Markdown or GitHub's HTML handling could act on is
// backslash-escaped (CommonMark allows that for any ASCII punctuation), and `|` too, since it
// would end a table cell.
std::string text(std::string_view raw) {
  static constexpr std::string_view kSpecial = "\\`*_[]<>|~&#!";
  std::string out;
  for (char c : printable(raw)) {
    if (kSpecial.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A code span. Backslash escapes do not work inside one, so the fence is one backtick longer
// than the longest run inside; in a table `|` must still be written `\|` (GFM splits cells
// before it parses code spans).
std::string code(std::string_view raw, bool in_table) {
  const std::string content = printable(raw);
  std::size_t longest = 0;
  std::size_t run = 0;
  std::string body;
  for (char c : content) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
    if (c == '|' && in_table) body += '\\';
    body += c;
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string rule_link(const RoadmapControl& control, bool in_table) {
  const std::string id = code(control.rule_id, in_table);
  // Our own URI: https, no spaces or parentheses, so it needs no escaping.
  if (control.help_uri.empty()) return id;
  return "[" + id + "](" + control.help_uri + ")";
}

std::string files_summary(const std::vector<std::string>& files, bool in_table) {
  std::string out;
  const std::size_t shown = std::min(files.size(), detail::kEvidenceFilesShown);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += ", ";
    out += code(files[i], in_table);
  }
  if (files.size() > shown) out += " +" + std::to_string(files.size() - shown) + " more";
  return out;
}

std::string codes(const std::vector<std::string>& items, bool in_table) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += ", ";
    out += code(item, in_table);
  }
  return out;
}

// The evidence cell: the files that prove the status, the keys to set, why it is missing.
std::string evidence_cell(const RoadmapControl& control) {
  std::vector<std::string> parts;
  if (!control.files.empty()) parts.push_back(files_summary(control.files, true));
  if (!control.missing_config.empty())
    parts.push_back("set " + codes(control.missing_config, true));
  if (!control.detail.empty() && detail::counts_against_stage(control.status)) {
    parts.push_back("<em>" + text(control.detail) + "</em>");
  }
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : "<br>") + part;
  return out;
}

void append_intro(std::string& out, const Roadmap& roadmap) {
  const int reached = roadmap.highest_stage_met;
  out += "## AWS Security Maturity Roadmap: stage " + std::to_string(reached) + " of " +
         std::to_string(roadmap.stages.size()) + "\n\n";
  if (!roadmap.complete) {
    out +=
        "> [!WARNING]\n> The scan is incomplete: some files could not be parsed, and "
        "controls they define may show as missing.\n\n";
  }
  out += detail::describe_progress(roadmap);
  out += " iacscan scanned " + std::to_string(roadmap.files_scanned) +
         (roadmap.files_scanned == 1 ? " file" : " files") + ".\n\n";
}

void append_summary_table(std::string& out, const Roadmap& roadmap) {
  out += "| Stage | Name | Met |";
  for (ControlStatus status : detail::kStatusOrder)
    out += " " + std::string(status_emoji(status)) + " |";
  out += "\n|---:|---|:---:|";
  for (std::size_t i = 0; i < detail::kStatusOrder.size(); ++i) out += "---:|";
  out += "\n";
  for (const RoadmapStage& stage : roadmap.stages) {
    const detail::StatusCounts counts = detail::count_statuses(stage.controls);
    out += "| " + std::to_string(stage.number) + " | " + text(stage.name) + " | " +
           (stage.met ? "✅" : "❌") + " |";
    for (ControlStatus status : detail::kStatusOrder) {
      out += " " + std::to_string(counts.of(status)) + " |";
    }
    out += "\n";
  }
  out += "\n";
  std::string legend;
  for (ControlStatus status : detail::kStatusOrder) {
    if (!legend.empty()) legend += " · ";
    legend += std::string(status_emoji(status)) + " " + std::string(detail::status_words(status));
  }
  out += legend + "\n\n";
}

void append_next_steps(std::string& out, const Roadmap& roadmap) {
  const int next = detail::next_stage_number(roadmap);
  if (next == 0) return;
  out += "### Next steps to reach stage " + std::to_string(next) + "\n\n";
  const std::size_t shown = std::min(roadmap.next_steps.size(), detail::kNextStepsShown);
  for (std::size_t i = 0; i < shown; ++i) {
    const RoadmapControl& step = roadmap.next_steps[i];
    out += std::to_string(i + 1) + ". " + std::string(status_emoji(step.status)) + " " +
           rule_link(step, false) + " (" + std::string(to_string(step.severity)) +
           "): " + text(step.title);
    if (!step.files.empty()) out += " — in " + files_summary(step.files, false);
    out += "\n";
    if (!step.detail.empty()) out += "   <br>*" + text(step.detail) + "*\n";
  }
  if (roadmap.next_steps.size() > shown) {
    out += "\n…and " + std::to_string(roadmap.next_steps.size() - shown) + " more in the stage " +
           std::to_string(next) + " table below.\n";
  }
  const auto hints = detail::configuration_hints(roadmap.next_configuration);
  if (!hints.empty()) {
    out += "\nTo judge more of stage " + std::to_string(next) + ", set in `.iacscan.yaml`:\n\n";
    for (const auto& [key, rule_ids] : hints) {
      out += "- " + code(key, false) + " (" + codes(rule_ids, false) + ")\n";
    }
  }
  out += "\n";
}

void append_stage(std::string& out, const RoadmapStage& stage, int next) {
  const std::string counts = stage.controls.empty()
                                 ? "iacscan has no check for this stage"
                                 : detail::describe_counts(detail::count_statuses(stage.controls));
  // The stage to work on next starts unfolded; the others would bury it.
  out += stage.number == next ? "<details open>" : "<details>";
  out += "<summary><b>Stage " + std::to_string(stage.number) + " · " + text(stage.name) +
         "</b>: " + (stage.met ? "✅ met" : "❌ not met") + " (" + counts + ")</summary>\n\n";
  if (stage.controls.empty()) {
    out += "Nothing to judge: a stage without controls counts as met.\n\n</details>\n\n";
    return;
  }
  out += "| Status | Rule | Problem it looks for | Evidence |\n|---|---|---|---|\n";
  for (const RoadmapControl& control : stage.controls) {
    out += "| " + std::string(status_emoji(control.status)) + " " +
           std::string(detail::status_words(control.status)) + " | " + rule_link(control, true) +
           " | " + text(control.title) + " | " + evidence_cell(control) + " |\n";
  }
  out += "\n</details>\n\n";
}

}  // namespace

std::string render_roadmap_markdown(const Roadmap& roadmap) {
  std::string out;
  append_intro(out, roadmap);
  append_summary_table(out, roadmap);
  append_next_steps(out, roadmap);
  out += "### Stages\n\n";
  const int next = detail::next_stage_number(roadmap);
  for (const RoadmapStage& stage : roadmap.stages) append_stage(out, stage, next);
  // One trailing newline, as a file should end.
  while (out.size() > 1 && out.ends_with("\n\n")) out.pop_back();
  return out;
}

}  // namespace iacscan
