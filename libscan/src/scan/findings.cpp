// Finding post-processing.
#include "scan/findings.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "engine/account_evaluator.hpp"
#include "suppress/apply_suppressions.hpp"

namespace iacscan::detail {

// FNV-1a: tiny, stable across platforms and releases, enough to tell findings apart.
std::string fingerprint_of(const std::vector<std::string_view>& parts) {
  std::uint64_t hash = 14695981039346656037ull;
  for (std::string_view part : parts) {
    for (char c : part) {
      hash ^= static_cast<unsigned char>(c);
      hash *= 1099511628211ull;
    }
    hash ^= 0xff;  // separator, so ("ab","c") and ("a","bc") differ
    hash *= 1099511628211ull;
  }
  char out[17];
  std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(hash));
  return out;
}

namespace {

auto order_key(const Finding& f) {
  return std::tie(f.location.path, f.location.start_line, f.location.start_column, f.rule_id,
                  f.resource, f.attribute, f.message);
}

SuppressionSubject suppression_subject(const RawFinding& raw, const Resource& resource) {
  SuppressionSubject subject;
  subject.location_file = raw.span.file;
  if (raw.resource == kWholeSet) return subject;
  subject.resource_file = resource.span.file;
  const Span& name = resource.name_span.valid() ? resource.name_span : resource.span;
  subject.resource_name_line = name.range.start_line;
  subject.resource_first_line = resource.span.range.start_line;
  subject.resource_last_line = resource.span.range.end_line;
  subject.skips = &resource.skips;
  if (subject.location_file == kNoFile) subject.location_file = subject.resource_file;
  return subject;
}

}  // namespace

Excerpt make_excerpt(const std::string& content, const Location& location) {
  Excerpt excerpt;
  if (!location.has_position()) return excerpt;
  constexpr std::uint32_t kContext = 2;
  constexpr std::uint32_t kMaxLocated = 8;
  const std::uint32_t first = location.start_line > kContext ? location.start_line - kContext : 1;
  const std::uint32_t last_located = std::max(location.start_line, location.end_line);
  const std::uint32_t last = std::min(last_located, location.start_line + kMaxLocated - 1);
  std::uint32_t line = 1;
  std::size_t pos = 0;
  while (line < first && pos < content.size()) {
    const std::size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) return excerpt;
    pos = nl + 1;
    ++line;
  }
  excerpt.first_line = first;
  for (; line <= last && pos <= content.size(); ++line) {
    std::size_t nl = content.find('\n', pos);
    if (nl == std::string::npos) nl = content.size();
    std::string text = content.substr(pos, nl - pos);
    if (!text.empty() && text.back() == '\r') text.pop_back();
    excerpt.lines.push_back(std::move(text));
    if (nl == content.size()) break;
    pos = nl + 1;
  }
  return excerpt;
}

std::vector<Finding> finalize_findings(std::vector<RawFinding> raw, const PolicySet& policies,
                                       const ResourceGraph& graph, const SourceSet& sources,
                                       const std::string& whole_set_path,
                                       const ScanOptions& options,
                                       std::vector<Diagnostic>& diagnostics) {
  std::vector<Finding> out;
  out.reserve(raw.size());
  std::vector<SuppressionSubject> subjects;
  subjects.reserve(raw.size());
  Resource whole_set;
  whole_set.native_type = kScannedSetType;
  for (RawFinding& r : raw) {
    const Rule& rule = policies.rules[r.rule];
    const Resource& resource = r.resource == kWholeSet ? whole_set : graph.resources[r.resource];
    Finding f;
    f.rule_id = rule.info.id;
    f.severity = rule.info.severity;
    f.stage = rule.info.stage;
    f.message = std::move(r.message);
    f.resource = resource.address;
    f.resource_type = resource.native_type;
    f.attribute = std::move(r.attribute);
    f.location = r.span.valid() || r.resource != kWholeSet ? sources.location(r.span)
                                                           : Location{whole_set_path};
    if (r.origin && r.origin->span.valid()) {
      f.related.push_back(RelatedLocation{sources.location(r.origin->span), r.origin->note});
    }
    for (const Provenance& call : resource.related) {
      if (call.span.valid())
        f.related.push_back(RelatedLocation{sources.location(call.span), call.note});
    }
    if (r.span.file < sources.size())
      f.excerpt = make_excerpt(sources.at(r.span.file).content, f.location);
    const Location owner =
        r.resource == kWholeSet
            ? Location{whole_set_path}
            : sources.location(resource.name_span.valid() ? resource.name_span : resource.span);
    f.kind = r.review ? FindingKind::review : FindingKind::fail;
    std::vector<std::string_view> identity = {f.rule_id, owner.path, f.resource, f.attribute};
    if (r.review) identity.push_back("review");  // a review and a later failure differ
    f.fingerprint = fingerprint_of(identity);
    out.push_back(std::move(f));
    subjects.push_back(suppression_subject(r, resource));
  }
  apply_suppressions(out, subjects, {sources, policies, graph, options}, diagnostics);
  std::sort(out.begin(), out.end(),
            [](const Finding& a, const Finding& b) { return order_key(a) < order_key(b); });
  return out;
}

void finalize_diagnostics(std::vector<Diagnostic>& diagnostics, const SourceSet& sources) {
  std::unordered_map<std::string, FileId> by_path;
  for (FileId id = 0; id < sources.size(); ++id) by_path.emplace(sources.at(id).path, id);
  for (Diagnostic& d : diagnostics) {
    auto it = by_path.find(d.location.path);
    if (it != by_path.end() && d.location.has_position()) {
      d.excerpt = make_excerpt(sources.at(it->second).content, d.location);
    }
  }
  std::sort(diagnostics.begin(), diagnostics.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.location, a.message) < std::tie(b.location, b.message);
  });
}

}  // namespace iacscan::detail
