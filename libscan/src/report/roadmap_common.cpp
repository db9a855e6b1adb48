#include "report/roadmap_common.hpp"

#include <cstdint>
#include <map>

#include "report/text_report.hpp"

namespace iacscan::detail {

std::string_view roadmap_stage_name(int number) noexcept {
  // The 2021 edition of the roadmap (Summit Route), which merged the 2020 edition's stages 8
  // and 9; docs/roadmap.md.
  static constexpr std::array<std::string_view, kRoadmapStageCount> kNames = {
      "Inventory",
      "Have backups",
      "Visibility and initial remediation",
      "Detection",
      "Secure IAM access",
      "Reduce attack surface and mitigate compromises",
      "Reproducibility and ownership",
      "Enhance detection and least privilege refinement",
      "Secure network communications",
      "Incident preparation",
  };
  if (number < 1 || number > kRoadmapStageCount) return {};
  return kNames[static_cast<std::size_t>(number - 1)];
}

bool counts_against_stage(ControlStatus status) noexcept {
  return status == ControlStatus::missing || status == ControlStatus::undecided;
}

int scope_rank(RuleScope scope) noexcept {
  switch (scope) {
    case RuleScope::account:
      return 0;
    case RuleScope::org_config:
      return 1;
    case RuleScope::resource:
      return 2;
  }
  return 2;
}

std::string_view scope_name(RuleScope scope) noexcept {
  switch (scope) {
    case RuleScope::account:
      return "account";
    case RuleScope::org_config:
      return "org-config";
    case RuleScope::resource:
      return "resource";
  }
  return "resource";
}

std::string_view status_words(ControlStatus status) noexcept {
  switch (status) {
    case ControlStatus::met:
      return "met";
    case ControlStatus::missing:
      return "missing";
    case ControlStatus::not_applicable:
      return "not applicable";
    case ControlStatus::needs_configuration:
      return "needs configuration";
    case ControlStatus::undecided:
      return "undecided";
    case ControlStatus::not_run:
      return "not run";
  }
  return "not run";
}

StatusCounts count_statuses(const std::vector<RoadmapControl>& controls) {
  StatusCounts counts;
  for (const RoadmapControl& control : controls) {
    ++counts.by_status[static_cast<std::size_t>(control.status)];
  }
  return counts;
}

std::string describe_counts(const StatusCounts& counts) {
  std::string out;
  for (ControlStatus status : kStatusOrder) {
    const std::size_t n = counts.of(status);
    if (n == 0) continue;
    if (!out.empty()) out += ", ";
    out += std::to_string(n) + " " + std::string(status_words(status));
  }
  return out.empty() ? "no controls" : out;
}

int next_stage_number(const Roadmap& roadmap) noexcept {
  return roadmap.highest_stage_met < kRoadmapStageCount ? roadmap.highest_stage_met + 1 : 0;
}

std::string describe_progress(const Roadmap& roadmap) {
  const int reached = roadmap.highest_stage_met;
  const int next = next_stage_number(roadmap);
  if (next == 0) return "All ten stages are met.";
  if (reached == 0) return "Stage 1 is not met yet.";
  const std::string upcoming = "; stage " + std::to_string(next) + " is next.";
  if (reached == 1) return "Stage 1 is met" + upcoming;
  if (reached == 2) return "Stages 1 and 2 are met" + upcoming;
  return "Stages 1 to " + std::to_string(reached) + " are met" + upcoming;
}

std::vector<std::pair<std::string, std::vector<std::string>>> configuration_hints(
    const std::vector<RoadmapControl>& controls) {
  std::map<std::string, std::vector<std::string>> by_key;
  for (const RoadmapControl& control : controls) {
    for (const std::string& key : control.missing_config) by_key[key].push_back(control.rule_id);
  }
  return {by_key.begin(), by_key.end()};
}

namespace {

// Characters that would move the cursor, recolour the terminal or reorder the text around them
// (Trojan Source bidi controls) rather than print.
bool acts_instead_of_printing(char32_t cp) noexcept {
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

std::string hex_escape(std::string_view prefix, std::uint32_t value, int digits) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out(prefix);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xFu];
  return out;
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(text, pos, cp);
    if (length == 0) {
      out += hex_escape("\\x", static_cast<unsigned char>(text[pos]), 2);
      ++pos;
      continue;
    }
    if (acts_instead_of_printing(cp)) {
      out += cp < 0x80 ? hex_escape("\\x", cp, 2) : hex_escape("\\u", cp, 4);
    } else {
      out += text.substr(pos, length);
    }
    pos += length;
  }
  return out;
}

}  // namespace iacscan::detail
