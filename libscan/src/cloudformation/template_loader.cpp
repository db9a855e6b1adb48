// CloudFormation template loading: format sniffing, template detection, Resources extraction
// through the template evaluator, suppression metadata.
#include "cloudformation/template_loader.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/metadata_skips.hpp"
#include "cloudformation/parameter_resources.hpp"
#include "cloudformation/serverless.hpp"
#include "cloudformation/short_form_tags.hpp"
#include "cloudformation/template_warnings.hpp"
#include "terraform/plan_loader.hpp"
#include "value/json_reader.hpp"
#include "value/yaml_reader.hpp"

namespace iacscan::detail {
namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// JSON templates start with '{'; everything else goes to the YAML reader.
bool looks_like_json(std::string_view text) {
  if (starts_with(text, "\xEF\xBB\xBF")) text.remove_prefix(3);
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  return first != std::string_view::npos && text[first] == '{';
}

// Offset of the first NUL byte or invalid UTF-8 sequence.
std::optional<std::size_t> find_binary_or_invalid_utf8(std::string_view text) {
  for (std::size_t pos = 0; pos < text.size();) {
    if (text[pos] == '\0') return pos;
    const std::size_t length = utf8_sequence_length(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::nullopt;
}

// `Type: AWS::...`, `"Type": "AWS::..."` (and quoted YAML spellings) anywhere in the text.
bool mentions_aws_type(std::string_view text) {
  for (std::size_t at = text.find("Type"); at != std::string_view::npos;
       at = text.find("Type", at + 4)) {
    std::size_t pos = at + 4;
    if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) ++pos;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    if (pos >= text.size() || text[pos] != ':') continue;
    ++pos;
    while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
    if (pos < text.size() && (text[pos] == '"' || text[pos] == '\'')) ++pos;
    if (starts_with(text.substr(pos), "AWS::")) return true;
  }
  return false;
}

// Decides, for a file we could not read, whether the failure is worth reporting.
bool text_looks_like_template(std::string_view text) {
  return text.find("AWSTemplateFormatVersion") != std::string_view::npos || mentions_aws_type(text);
}

bool is_template_resource_type(const Value& resource) {
  const Value* type = resource.find("Type");
  if (type == nullptr || !type->is_string()) return false;
  const std::string& name = type->text();
  return starts_with(name, "AWS::") || starts_with(name, "Custom::") ||
         starts_with(name, "Alexa::");
}

bool is_template(const Value& root) {
  if (!root.is_map()) return false;
  if (root.find("AWSTemplateFormatVersion") != nullptr) return true;
  const Value* resources = root.find("Resources");
  if (resources == nullptr || !resources->is_map()) return false;
  for (const Value::Entry& entry : resources->entries()) {
    if (is_template_resource_type(entry.value)) return true;
  }
  return false;
}

LoadedFile parse_failure(const SourceFile& file, const iam::PolicyFileRules& policy_files,
                         std::string message, std::uint32_t line, std::uint32_t column) {
  LoadedFile loaded;
  if (!text_looks_like_template(file.content) &&
      !iam::text_looks_like_policy(file.path, file.content, policy_files))
    return loaded;
  loaded.is_iac = true;
  Diagnostic diagnostic;
  diagnostic.code = DiagnosticCode::parse_error;
  diagnostic.message = std::move(message);
  diagnostic.location = Location{file.path, line, column, line, column};
  loaded.diagnostics.push_back(std::move(diagnostic));
  return loaded;
}

// Line and column of a byte offset, counting from 1.
std::pair<std::uint32_t, std::uint32_t> line_column(std::string_view text, std::size_t offset) {
  std::uint32_t line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i) {
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  }
  return {line, static_cast<std::uint32_t>(offset - line_start + 1)};
}

Span key_to_value(const Span& key, const Span& value) {
  return Span{key.file, Range{key.range.start_line, key.range.start_column, value.range.end_line,
                              value.range.end_column}};
}

bool has_string_type(const Value& declaration) {
  const Value* type = declaration.find("Type");
  return type != nullptr && type->is_string();
}

Resource make_resource(const SourceFile& file, const Value::Entry& entry, Value attributes,
                       TemplateWarnings& warnings) {
  Resource resource;
  resource.format = SourceFormat::cloudformation;
  resource.scope = file.path;
  resource.native_type = entry.value.find("Type")->text();
  resource.address = entry.key;
  resource.span = key_to_value(entry.key_span, entry.value.span);
  resource.name_span = entry.key_span;
  resource.attributes = std::move(attributes);
  resource.skips = read_skips(entry.value, warnings);
  return resource;
}

// Every entry of Resources with a string Type whose Condition is not false. All properties
// are evaluated before any is moved out, since a Ref to a bucket reads its BucketName.
void add_resources(const SourceFile& file, const Value& root, const CloudFormationContext& context,
                   LoadedFile& loaded) {
  const Value* resources = root.find("Resources");
  if (resources == nullptr || !resources->is_map()) return;
  TemplateWarnings warnings(file.path, loaded.diagnostics);
  TemplateEvaluator evaluator(root, context, warnings);
  std::vector<const Value::Entry*> kept;
  for (const Value::Entry& entry : resources->entries()) {
    if (!has_string_type(entry.value)) continue;
    if (evaluator.resource_condition(entry.key) == Truth::false_) continue;
    evaluator.resource_properties(entry.key);
    kept.push_back(&entry);
  }
  for (const Value::Entry* entry : kept) {
    loaded.resources.push_back(
        make_resource(file, *entry, evaluator.take_resource_properties(entry->key), warnings));
  }
  // SAM resources gain the plain resources the transform would generate; their Globals are
  // evaluated like Properties.
  expand_serverless(loaded.resources, root, [&evaluator](const Value& globals) {
    std::optional<Value> value = evaluator.evaluate(globals);
    return value ? std::move(*value) : Value::map({}, globals.span);
  });
}

void add_duplicate_key_warnings(const SourceFile& file, const std::vector<ReadError>& warnings,
                                LoadedFile& loaded) {
  for (const ReadError& warning : warnings) {
    Diagnostic d;
    d.code = DiagnosticCode::duplicate_key;
    d.level = DiagnosticLevel::warning;
    d.message = warning.message;
    d.location = Location{file.path, warning.line, warning.column, warning.line, warning.column};
    loaded.diagnostics.push_back(std::move(d));
  }
}

}  // namespace

ReadResult read_template(const SourceFile& file) {
  if (looks_like_json(file.content)) return read_json(file.content, file.id);
  return read_yaml(file.content, file.id, cloudformation_tag_handler());
}

LoadedFile load_cloudformation_file(const SourceFile& file) {
  static const CloudFormationContext no_parameters_given;
  return load_cloudformation_file(file, no_parameters_given);
}

LoadedFile load_cloudformation_file(const SourceFile& file, const CloudFormationContext& context,
                                    const iam::PolicyFileRules& policy_files) {
  if (const auto bad = find_binary_or_invalid_utf8(file.content)) {
    const auto [line, column] = line_column(file.content, *bad);
    return parse_failure(file, policy_files, "binary or non-UTF-8 file", line, column);
  }
  ReadResult read = read_template(file);
  if (!read.ok()) {
    const ReadError error = read.error.value_or(ReadError{"unreadable file", 0, 0});
    return parse_failure(file, policy_files, error.message, error.line, error.column);
  }
  const Value& root = *read.value;
  // JSON candidates include Terraform plans (`terraform show -json`) and standalone policies:
  // same reader, own loaders.
  if (tf::looks_like_terraform_plan(root)) return tf::load_terraform_plan(file, root);
  LoadedFile loaded;
  if (!is_template(root)) {
    if (!looks_like_json(file.content)) return loaded;
    loaded = iam::load_policy_file(file, root, policy_files);
    if (loaded.is_iac) add_duplicate_key_warnings(file, read.warnings, loaded);
    return loaded;
  }
  loaded.is_iac = true;
  add_duplicate_key_warnings(file, read.warnings, loaded);
  add_resources(file, root, context, loaded);
  add_parameter_resources(file, root, loaded);
  return loaded;
}

}  // namespace iacscan::detail
