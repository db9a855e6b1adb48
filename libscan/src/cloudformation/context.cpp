// Builds the CloudFormationContext of a scan: parameter files in the AWS CLI's list shape or
// the {"Parameters": {...}} shape (CodePipeline template configuration), then --parameter
// values. Files are read here, once, so a bad one stops the scan before any template loads.
#include <fstream>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

#include "cloudformation/context.hpp"
#include "value/json_reader.hpp"
#include "value/yaml_reader.hpp"

namespace iacscan::detail {
namespace {

Error file_error(const std::string& path, const std::string& message, const Span& at = {}) {
  Error error{ErrorCode::invalid_option, "parameters file " + path, {}};
  error.location.path = path;
  if (at.valid()) {
    error.location.start_line = at.range.start_line;
    error.location.start_column = at.range.start_column;
    error.message +=
        ":" + std::to_string(at.range.start_line) + ":" + std::to_string(at.range.start_column);
  }
  error.message += ": " + message;
  return error;
}

// Parameter values are strings to CloudFormation; numbers and booleans are accepted as
// written, and a list (for CommaDelimitedList parameters) is joined with commas.
std::optional<std::string> as_parameter_text(const Value& value) {
  if (value.is_string() || value.is_number() || value.is_bool()) return value.to_display_string();
  if (!value.is_list()) return std::nullopt;
  std::string joined;
  for (const Value& item : value.items()) {
    if (!(item.is_string() || item.is_number() || item.is_bool())) return std::nullopt;
    if (!joined.empty()) joined += ',';
    joined += item.to_display_string();
  }
  return joined;
}

using Given = std::map<std::string, GivenParameter, std::less<>>;

std::optional<Error> add_value(Given& out, const std::string& path, const std::string& key,
                               const Value& value) {
  const std::optional<std::string> text = as_parameter_text(value);
  if (!text) {
    return file_error(path,
                      "value of parameter \"" + key + "\" must be a string, a number, " +
                          "a boolean or a list of those",
                      value.span);
  }
  out[key] = GivenParameter{*text, "in " + path, nullptr};
  return std::nullopt;
}

// [{"ParameterKey": "Env", "ParameterValue": "prod"}, ...]; entries that only say
// UsePreviousValue carry no value we could know, so they are skipped.
std::optional<Error> read_list_shape(Given& out, const std::string& path, const Value& root) {
  for (const Value& entry : root.items()) {
    const Value* key = entry.find("ParameterKey");
    if (key == nullptr || !key->is_string()) {
      return file_error(path, "entry without a string \"ParameterKey\"", entry.span);
    }
    const Value* value = entry.find("ParameterValue");
    if (value == nullptr) continue;
    if (auto error = add_value(out, path, key->text(), *value)) return error;
  }
  return std::nullopt;
}

std::optional<Error> read_map_shape(Given& out, const std::string& path, const Value& map) {
  for (const Value::Entry& e : map.entries()) {
    if (auto error = add_value(out, path, e.key, e.value)) return error;
  }
  return std::nullopt;
}

std::optional<std::string> read_whole_file(const std::string& path, std::size_t max_bytes) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text;
  char buffer[4096];
  while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
    text.append(buffer, static_cast<std::size_t>(in.gcount()));
    if (text.size() > max_bytes) return std::nullopt;
  }
  if (in.bad()) return std::nullopt;
  return text;
}

std::optional<Error> read_parameter_file(Given& out, const std::string& path,
                                         std::size_t max_bytes) {
  const std::optional<std::string> text = read_whole_file(path, max_bytes);
  if (!text) return Error{ErrorCode::io, "cannot read parameters file " + path, {path}};
  const std::size_t first = text->find_first_not_of(" \t\r\n");
  const bool json =
      first != std::string::npos && (text->at(first) == '{' || text->at(first) == '[');
  ReadResult read = json ? read_json(*text, 0) : read_yaml(*text, 0, YamlTagHandler{});
  if (!read.ok()) {
    const ReadError e = read.error.value_or(ReadError{"unreadable", 0, 0});
    return file_error(path, e.message, Span{0, Range{e.line, e.column, e.line, e.column}});
  }
  const Value& root = *read.value;
  if (root.is_list()) return read_list_shape(out, path, root);
  const Value* parameters = root.find("Parameters");
  if (parameters != nullptr && parameters->is_map()) return read_map_shape(out, path, *parameters);
  return file_error(path,
                    "expected [{\"ParameterKey\": ..., \"ParameterValue\": ...}, ...] or "
                    "{\"Parameters\": {...}}");
}

}  // namespace

Result<CloudFormationContext> make_cloudformation_context(const ScanOptions& options) {
  CloudFormationContext context;
  for (const std::string& path : options.cloudformation_parameter_files) {
    if (auto error = read_parameter_file(context.parameters, path, options.max_file_bytes)) {
      return *error;
    }
  }
  for (const auto& [key, value] : options.cloudformation_parameters) {
    context.parameters[key] = GivenParameter{value, "given on the command line", nullptr};
  }
  return context;
}

}  // namespace iacscan::detail
