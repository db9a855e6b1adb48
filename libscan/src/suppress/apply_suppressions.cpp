// Every suppression becomes a Declaration with its rule specs resolved to loaded rule ids, so
// that matching a finding is the same test whatever spelling the suppression was written in.
#include "suppress/apply_suppressions.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

#include "config/closest_match.hpp"
#include "engine/evaluator.hpp"
#include "scan/findings.hpp"
#include "source/path_glob.hpp"
#include "suppress/suppression_comments.hpp"
#include "suppress/suppression_date.hpp"
#include "suppress/suppression_rules.hpp"

namespace iacscan::detail {
namespace {

enum class Origin { comment, metadata, config };

struct Spec {
  std::string written;           // the id as written, for messages
  std::string expires;           // validated "YYYY-MM-DD", or empty
  bool all_rules = false;        // "*"
  std::vector<std::string> ids;  // loaded rule ids it names
  bool valid = false;            // names a loaded (or disabled) rule and has a valid date
  bool used = false;
};

struct Declaration {
  Origin origin = Origin::comment;
  Suppression info;  // expires stays empty here; each spec has its own
  std::vector<Spec> specs;
  // comments
  FileId file = kNoFile;
  CommentScope scope = CommentScope::line;
  std::uint32_t line = 0;
  std::uint32_t target_line = 0;
  // config
  const ConfiguredSuppression* config = nullptr;
};

bool is_yaml_file(const SourceFile& file) {
  if (file.kind != SourceKind::cloudformation_candidate) return false;
  const std::string_view path = file.path;
  return !path.ends_with(".json");
}

std::string origin_name(std::string_view tool, Origin origin) {
  const std::string suffix = origin == Origin::comment ? "comment" : "metadata";
  if (tool == "iacscan") return suffix;
  return std::string(tool) + "-" + suffix;
}

// tfsec and Trivy ids as users write them: any case, and Trivy's AVD ids with or without the
// "AVD-" prefix that recent Trivy releases drop (AVD-AWS-0089, AWS-0089, avd-aws-0089).
std::string normalized(std::string_view tool, std::string_view id) {
  if (tool != "tfsec") return std::string(id);
  std::string out;
  for (char c : id) out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (out.starts_with("avd-")) out.erase(0, 4);
  return out;
}

class Resolver {
 public:
  Resolver(const PolicySet& policies, std::vector<Diagnostic>& diagnostics)
      : policies_(policies), diagnostics_(diagnostics) {
    for (const Rule& rule : policies.rules) {
      ids_.push_back(rule.info.id);
      for (const auto& [tool, others] : rule.info.equivalents) {
        // tfsec's long ids and Trivy's AVD ids are both accepted after tfsec:/trivy:ignore.
        const std::string key = tool == "trivy" ? "tfsec" : tool;
        for (const std::string& other : others)
          foreign_[{key, normalized(key, other)}].push_back(rule.info.id);
      }
    }
  }

  // Fills spec.ids / valid; reports what makes a spec unusable.
  void resolve(std::string_view tool, Spec& spec, const Location& where) {
    if (!spec.expires.empty() && !is_valid_date(spec.expires)) {
      report(where, "suppression of \"" + spec.written + "\" has the expiry date \"" +
                        spec.expires + "\", which is not a date in the form YYYY-MM-DD; it " +
                        "suppresses nothing");
      return;
    }
    if (tool != "iacscan") {
      const auto found = foreign_.find({std::string(tool), normalized(tool, spec.written)});
      if (found != foreign_.end()) spec.ids = found->second;
      spec.valid = !spec.ids.empty();  // another tool's check iacscan lacks: not our business
      return;
    }
    if (spec.written == "*") {
      spec.all_rules = spec.valid = true;
      return;
    }
    if (std::find(ids_.begin(), ids_.end(), spec.written) != ids_.end()) {
      spec.ids = {spec.written};
      spec.valid = true;
      return;
    }
    if (std::binary_search(policies_.disabled.begin(), policies_.disabled.end(), spec.written))
      return;  // turned off in the configuration: nothing to match, nothing to report
    std::string message = "suppression names \"" + spec.written + "\", which is not a rule";
    std::vector<std::string_view> ids(ids_.begin(), ids_.end());
    if (auto suggestion = closest_match(spec.written, ids))
      message += "; did you mean \"" + *suggestion + "\"?";
    else
      message += " (iacscan rules lists them)";
    report(where, message + "; it suppresses nothing");
  }

 private:
  void report(const Location& where, std::string message) {
    Diagnostic d;
    d.code = DiagnosticCode::invalid_suppression;
    d.level = DiagnosticLevel::warning;
    d.message = std::move(message);
    d.location = where;
    diagnostics_.push_back(std::move(d));
  }

  const PolicySet& policies_;
  std::vector<Diagnostic>& diagnostics_;
  std::vector<std::string> ids_;
  std::map<std::pair<std::string, std::string>, std::vector<std::string>> foreign_;
};

Spec make_spec(std::string written, std::string expires) {
  Spec spec;
  spec.written = std::move(written);
  spec.expires = std::move(expires);
  return spec;
}

void gather_comments(const SourceSet& sources, Resolver& resolver, std::vector<Declaration>& out) {
  for (FileId id = 0; id < sources.size(); ++id) {
    const SourceFile& file = sources.at(id);
    const bool yaml = is_yaml_file(file);
    if (!yaml && file.kind != SourceKind::terraform_hcl) continue;
    if (file.content.find(':') == std::string::npos) continue;
    for (SuppressionComment& comment : find_suppression_comments(file.content, yaml)) {
      Declaration d;
      d.origin = Origin::comment;
      d.info.kind = SuppressionKind::in_source;
      d.info.origin = origin_name(comment.tool, Origin::comment);
      d.info.justification = std::move(comment.reason);
      d.info.location =
          Location{file.path, comment.line, comment.start_column, comment.line, comment.end_column};
      d.file = id;
      d.scope = comment.scope;
      d.line = comment.line;
      d.target_line = comment.target_line;
      for (CommentRule& rule : comment.rules) {
        d.specs.push_back(make_spec(std::move(rule.id), std::move(rule.expires)));
        resolver.resolve(comment.tool, d.specs.back(), d.info.location);
      }
      out.push_back(std::move(d));
    }
  }
}

using SpanKey = std::tuple<FileId, std::uint32_t, std::uint32_t>;
SpanKey key_of(const Span& span) {
  return {span.file, span.range.start_line, span.range.start_column};
}

// One declaration per Metadata entry, however many resources share it (a SAM function's
// generated role carries its function's skips).
void gather_metadata(const ResourceGraph& graph, const SourceSet& sources, Resolver& resolver,
                     std::vector<Declaration>& out, std::map<SpanKey, std::size_t>& by_span) {
  for (const Resource& resource : graph.resources) {
    for (const Skip& skip : resource.skips) {
      if (by_span.count(key_of(skip.span))) continue;
      Declaration d;
      d.origin = Origin::metadata;
      d.info.kind = SuppressionKind::in_source;
      d.info.origin = origin_name(skip.tool, Origin::metadata);
      d.info.justification = skip.reason;
      d.info.location = sources.location(skip.span);
      d.specs.push_back(make_spec(skip.id, {}));
      resolver.resolve(skip.tool, d.specs.back(), d.info.location);
      by_span.emplace(key_of(skip.span), out.size());
      out.push_back(std::move(d));
    }
  }
}

void gather_config(const ScanOptions& options, Resolver& resolver, std::vector<Declaration>& out) {
  for (const ConfiguredSuppression& entry : options.suppressions) {
    Declaration d;
    d.origin = Origin::config;
    d.info.kind = SuppressionKind::external;
    d.info.origin = "config";
    d.info.justification = entry.reason;
    d.info.location = entry.location;
    d.config = &entry;
    d.specs.push_back(make_spec(entry.rule, entry.expires));
    resolver.resolve("iacscan", d.specs.back(), d.info.location);
    out.push_back(std::move(d));
  }
}

// `*` globs over resource addresses; '.' is an ordinary character.
bool address_match(std::string_view pattern, std::string_view address) {
  if (pattern.empty()) return address.empty();
  if (pattern.front() == '*') {
    for (std::size_t skip = 0; skip <= address.size(); ++skip)
      if (address_match(pattern.substr(1), address.substr(skip))) return true;
    return false;
  }
  return !address.empty() && pattern.front() == address.front() &&
         address_match(pattern.substr(1), address.substr(1));
}

bool config_covers(const ConfiguredSuppression& entry, const Finding& finding) {
  if (!entry.paths.empty() &&
      std::none_of(entry.paths.begin(), entry.paths.end(), [&](const std::string& glob) {
        return path_glob_match(glob, finding.location.path);
      }))
    return false;
  if (!entry.resources.empty() &&
      std::none_of(entry.resources.begin(), entry.resources.end(),
                   [&](const std::string& p) { return address_match(p, finding.resource); }))
    return false;
  return true;
}

bool comment_covers(const Declaration& d, const Finding& finding, const SuppressionSubject& s) {
  const bool in_location_file = d.file == s.location_file;
  const bool in_resource_file = d.file == s.resource_file;
  switch (d.scope) {
    case CommentScope::file:
      return in_location_file || in_resource_file;
    case CommentScope::resource:
      return in_resource_file && d.line >= s.resource_first_line && d.line <= s.resource_last_line;
    case CommentScope::line:
    case CommentScope::next:
      return d.target_line != 0 &&
             ((in_location_file && d.target_line == finding.location.start_line) ||
              (in_resource_file && d.target_line == s.resource_name_line));
  }
  return false;
}

bool covers(const Declaration& d, const Finding& finding, const SuppressionSubject& s,
            const std::map<SpanKey, std::size_t>& metadata_index, std::size_t self) {
  switch (d.origin) {
    case Origin::comment:
      return comment_covers(d, finding, s);
    case Origin::config:
      return config_covers(*d.config, finding);
    case Origin::metadata:
      if (s.skips == nullptr) return false;
      return std::any_of(s.skips->begin(), s.skips->end(), [&](const Skip& skip) {
        const auto found = metadata_index.find(key_of(skip.span));
        return found != metadata_index.end() && found->second == self;
      });
  }
  return false;
}

bool names(const Spec& spec, const std::string& rule_id) {
  if (!spec.valid) return false;
  if (spec.all_rules) return true;
  return std::find(spec.ids.begin(), spec.ids.end(), rule_id) != spec.ids.end();
}

std::string where(const Location& location) {
  std::string text = location.path;
  if (location.start_line != 0) text += ":" + std::to_string(location.start_line);
  return text;
}

std::string describe(const Declaration& d) {
  std::string ids;
  for (const Spec& spec : d.specs) ids += (ids.empty() ? "" : ",") + spec.written;
  switch (d.origin) {
    case Origin::comment:
      if (d.info.origin == "checkov-comment") return "checkov:skip=" + ids;
      if (d.info.origin == "tfsec-comment") return "tfsec:ignore:" + ids;
      return (d.scope == CommentScope::file ? "iacscan:ignore-file " : "iacscan:ignore ") + ids;
    case Origin::metadata:
      return "Metadata skip of " + ids;
    case Origin::config:
      return "configuration suppression of " + ids;
  }
  return ids;
}

void mark(std::vector<Finding>& findings, const std::vector<SuppressionSubject>& subjects,
          std::vector<Declaration>& declarations,
          const std::map<SpanKey, std::size_t>& metadata_index, const std::string& today) {
  for (std::size_t i = 0; i < findings.size(); ++i) {
    Finding& finding = findings[i];
    for (std::size_t index = 0; index < declarations.size(); ++index) {
      Declaration& d = declarations[index];
      Spec* spec = nullptr;
      for (Spec& candidate : d.specs)
        if (names(candidate, finding.rule_id)) spec = &candidate;
      if (spec == nullptr || !covers(d, finding, subjects[i], metadata_index, index)) continue;
      spec->used = true;
      Suppression suppression = d.info;
      suppression.expires = spec->expires;
      const bool expired = !spec->expires.empty() && spec->expires < today;
      (expired ? finding.expired_suppressions : finding.suppressions)
          .push_back(std::move(suppression));
    }
    if (!finding.suppressed() && !finding.expired_suppressions.empty()) {
      const Suppression& lapsed = finding.expired_suppressions.front();
      finding.message +=
          " (the suppression at " + where(lapsed.location) + " expired on " + lapsed.expires + ")";
    }
  }
}

const RuleInfo* loaded_rule(const PolicySet& policies, std::string_view id) {
  for (const Rule& rule : policies.rules)
    if (rule.info.id == id) return &rule.info;
  return nullptr;
}

Finding meta_finding(const RuleInfo& rule, const Declaration& d, std::string subject,
                     const SuppressionInputs& inputs) {
  Finding f;
  f.rule_id = rule.id;
  f.severity = rule.severity;
  f.stage = rule.stage;
  f.message = render_message(rule.message, "", "", subject, "");
  f.location = d.info.location;
  if (d.file != kNoFile) f.excerpt = make_excerpt(inputs.sources.at(d.file).content, f.location);
  // The suppression's text identifies it across line moves; its position does not.
  f.fingerprint = fingerprint_of({f.rule_id, f.location.path, d.info.origin, subject});
  return f;
}

// Whether any rule a spec names ran in this scan: a suppression of a rule that did not run
// (an account rule without --account-rules, an org-config rule without its facts) cannot have
// matched anything, which says nothing about whether it is stale.
bool any_rule_ran(const Spec& spec, const SuppressionInputs& inputs) {
  if (spec.all_rules) return true;
  for (const std::string& id : spec.ids) {
    for (const Rule& rule : inputs.policies.rules)
      if (rule.info.id == id && rule_runs(rule, &inputs.options)) return true;
  }
  return false;
}

void report_declarations(std::vector<Finding>& findings,
                         const std::vector<Declaration>& declarations,
                         const SuppressionInputs& inputs) {
  const RuleInfo* no_reason = loaded_rule(inputs.policies, kSuppressionWithoutReasonRule);
  const RuleInfo* unused = inputs.options.report_unused_suppressions
                               ? loaded_rule(inputs.policies, kUnusedSuppressionRule)
                               : nullptr;
  for (const Declaration& d : declarations) {
    const bool effective =
        std::any_of(d.specs.begin(), d.specs.end(), [](const Spec& s) { return s.valid; });
    if (!effective) continue;
    if (no_reason != nullptr && d.info.justification.empty())
      findings.push_back(meta_finding(*no_reason, d, describe(d), inputs));
    if (unused == nullptr) continue;
    for (const Spec& spec : d.specs) {
      if (!spec.valid || spec.used || !any_rule_ran(spec, inputs)) continue;
      Declaration single = d;
      single.specs = {spec};
      findings.push_back(meta_finding(*unused, d, describe(single), inputs));
    }
  }
}

}  // namespace

std::string suppression_today(const ScanOptions& options) {
  if (!options.today.empty()) return options.today;
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[16];
  std::strftime(text, sizeof text, "%Y-%m-%d", &utc);
  return text;
}

void apply_suppressions(std::vector<Finding>& findings,
                        const std::vector<SuppressionSubject>& subjects,
                        const SuppressionInputs& inputs, std::vector<Diagnostic>& diagnostics) {
  Resolver resolver(inputs.policies, diagnostics);
  std::vector<Declaration> declarations;
  std::map<SpanKey, std::size_t> metadata_index;
  gather_comments(inputs.sources, resolver, declarations);
  gather_metadata(inputs.graph, inputs.sources, resolver, declarations, metadata_index);
  gather_config(inputs.options, resolver, declarations);
  if (declarations.empty()) return;
  mark(findings, subjects, declarations, metadata_index, suppression_today(inputs.options));
  report_declarations(findings, declarations, inputs);
}

}  // namespace iacscan::detail
