// Baselines (docs/baselines.md): the active findings' fingerprints as versioned JSON, and the
// comparison of a later scan against them. Fingerprints leave the line out, so a finding keeps
// its place in the baseline when lines above it move; the rest of each entry is only there to
// report a finding that has gone (and to make the file readable in a review).
#include "iacscan/baseline.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <tuple>
#include <utility>
#include <vector>

namespace iacscan {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kFormatName = "iacscan-baseline";
constexpr std::int64_t kFormatVersion = 1;

auto report_order(const Finding& f) {
  return std::tie(f.location.path, f.location.start_line, f.location.start_column, f.rule_id,
                  f.fingerprint, f.resource, f.attribute, f.message);
}

bool held_against_scan(const Finding& f) {
  return f.kind == FindingKind::fail && !f.suppressed();
}

Json entry_of(const Finding& f) {
  Json entry = Json::object();
  entry["fingerprint"] = f.fingerprint;
  entry["rule_id"] = f.rule_id;
  entry["severity"] = to_string(f.severity);
  entry["path"] = f.location.path;
  entry["start_line"] = f.location.start_line;
  entry["resource"] = f.resource;
  entry["attribute"] = f.attribute;
  entry["message"] = f.message;
  return entry;
}

Error malformed(std::string what) {
  return Error{ErrorCode::invalid_option, "not a valid iacscan baseline: " + std::move(what), {}};
}

// One entry of the file, checked field by field so the message can name what is wrong.
Result<Finding> parse_entry(const Json& entry, std::size_t index) {
  const std::string where = "findings[" + std::to_string(index) + "]";
  if (!entry.is_object()) return malformed(where + " is not an object");
  Finding f;
  const auto text = [&](std::string_view key, std::string& out, bool required) -> bool {
    const auto it = entry.find(key);
    if (it == entry.end()) return !required;
    if (!it->is_string()) return false;
    out = it->get<std::string>();
    return !required || !out.empty();
  };
  if (!text("fingerprint", f.fingerprint, true))
    return malformed(where + ": \"fingerprint\" must be a non-empty string");
  if (!text("rule_id", f.rule_id, true))
    return malformed(where + ": \"rule_id\" must be a non-empty string");
  std::string severity;
  if (!text("severity", severity, true) || !parse_severity(severity))
    return malformed(where + ": \"severity\" must be info, low, medium, high or critical");
  f.severity = *parse_severity(severity);
  const std::pair<std::string_view, std::string*> optional_texts[] = {{"path", &f.location.path},
                                                                      {"resource", &f.resource},
                                                                      {"attribute", &f.attribute},
                                                                      {"message", &f.message}};
  for (const auto& [key, out] : optional_texts) {
    if (!text(key, *out, false))
      return malformed(where + ": \"" + std::string(key) + "\" must be a string");
  }
  if (const auto line = entry.find("start_line"); line != entry.end()) {
    if (!line->is_number_unsigned() ||
        line->get<std::uint64_t>() > std::numeric_limits<std::uint32_t>::max())
      return malformed(where + ": \"start_line\" must be a line number");
    f.location.start_line = line->get<std::uint32_t>();
  }
  f.baseline_state = BaselineState::absent;
  return f;
}

Result<std::vector<Finding>> parse_baseline(std::string_view text) {
  // No exceptions: a parse failure is a discarded value, reported below.
  const Json json = Json::parse(text, nullptr, false);
  if (json.is_discarded()) return malformed("the file is not JSON");
  if (!json.is_object()) return malformed("the file is not a JSON object");
  const auto format = json.find("format");
  if (format == json.end() || *format != kFormatName)
    return malformed("\"format\" is not \"" + std::string(kFormatName) + "\"");
  const auto version = json.find("version");
  if (version == json.end() || !version->is_number_integer())
    return malformed("\"version\" is missing or not an integer");
  if (version->get<std::int64_t>() != kFormatVersion) {
    return Error{ErrorCode::invalid_option,
                 "baseline format version " + version->dump() +
                     " is not supported; this iacscan reads version " +
                     std::to_string(kFormatVersion) + " (write a new one with --write-baseline)",
                 {}};
  }
  const auto findings = json.find("findings");
  if (findings == json.end() || !findings->is_array())
    return malformed("\"findings\" is missing or not an array");
  std::vector<Finding> entries;
  entries.reserve(findings->size());
  for (std::size_t i = 0; i < findings->size(); ++i) {
    auto entry = parse_entry((*findings)[i], i);
    if (!entry) return entry.error();
    entries.push_back(std::move(*entry));
  }
  return entries;
}

}  // namespace

std::string render_baseline(const ScanResult& result) {
  std::vector<const Finding*> recorded;
  for (const Finding& f : result.findings) {
    if (held_against_scan(f)) recorded.push_back(&f);
  }
  std::stable_sort(recorded.begin(), recorded.end(), [](const Finding* a, const Finding* b) {
    return report_order(*a) < report_order(*b);
  });
  Json findings = Json::array();
  for (const Finding* f : recorded) findings.push_back(entry_of(*f));
  Json json = Json::object();
  json["format"] = kFormatName;
  json["version"] = kFormatVersion;
  json["findings"] = std::move(findings);
  return json.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

Result<std::size_t> apply_baseline(ScanResult& result, std::string_view baseline_json) {
  auto parsed = parse_baseline(baseline_json);
  if (!parsed) return parsed.error();
  std::vector<Finding>& entries = *parsed;

  // Baseline entries by fingerprint, in file order; matching consumes them front to back.
  std::map<std::string_view, std::vector<std::size_t>> unmatched;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    unmatched[entries[i].fingerprint].push_back(i);
  }
  std::vector<bool> matched(entries.size(), false);
  const auto match = [&](Finding& f) {
    const auto it = unmatched.find(f.fingerprint);
    if (it == unmatched.end() || it->second.empty()) {
      f.baseline_state = BaselineState::new_finding;
      return;
    }
    matched[it->second.front()] = true;
    it->second.erase(it->second.begin());
    f.baseline_state = BaselineState::unchanged;
  };
  // Findings held against the scan claim baseline entries first, so that a suppressed copy of
  // the same finding never leaves an active one new.
  for (Finding& f : result.findings) {
    if (held_against_scan(f)) match(f);
  }
  for (Finding& f : result.findings) {
    if (!held_against_scan(f)) match(f);
  }

  std::map<std::string_view, int> stage_of_rule;
  for (const RuleInfo& rule : result.rules) stage_of_rule.emplace(rule.id, rule.stage);
  result.absent_findings.clear();
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (matched[i]) continue;
    Finding& gone = entries[i];
    if (const auto stage = stage_of_rule.find(gone.rule_id); stage != stage_of_rule.end())
      gone.stage = stage->second;
    result.absent_findings.push_back(std::move(gone));
  }
  std::stable_sort(
      result.absent_findings.begin(), result.absent_findings.end(),
      [](const Finding& a, const Finding& b) { return report_order(a) < report_order(b); });

  return static_cast<std::size_t>(
      std::count_if(result.findings.begin(), result.findings.end(), ScanResult::is_active));
}

}  // namespace iacscan
