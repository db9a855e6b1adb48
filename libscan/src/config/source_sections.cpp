#include "config/source_sections.hpp"

#include <cstdio>
#include <filesystem>

#include "iam/policy_file.hpp"

namespace iacscan::detail {
namespace {

std::string resolve(const std::string& base_dir, const std::string& path) {
  const std::filesystem::path given(path);
  if (base_dir.empty() || given.is_absolute()) return path;
  return (std::filesystem::path(base_dir) / given).lexically_normal().generic_string();
}

void read_paths(const Field& field, const std::string& base_dir, std::vector<std::string>& out) {
  read_each(field, out,
            [&base_dir](const Field& item) { return resolve(base_dir, read_string(item)); });
}

// A quoted HCL string: JSON's escapes, plus "$${" and "%%{" so that text is never taken for
// an interpolation or a template directive.
void append_hcl_string(const std::string& text, std::string& out) {
  out += '"';
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool opens_template = (c == '$' || c == '%') && i + 1 < text.size() && text[i + 1] == '{';
    if (opens_template) {
      out += c;
      out += c;
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (static_cast<unsigned char>(c) < 0x20) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  out += '"';
}

// Lists and maps given as YAML become the HCL expression `terraform plan -var` would take.
void append_hcl_expression(const Value& value, std::string& out) {
  switch (value.kind()) {
    case Value::Kind::list:
      out += '[';
      for (std::size_t i = 0; i < value.items().size(); ++i) {
        if (i != 0) out += ", ";
        append_hcl_expression(value.items()[i], out);
      }
      out += ']';
      return;
    case Value::Kind::map:
      out += '{';
      for (std::size_t i = 0; i < value.entries().size(); ++i) {
        if (i != 0) out += ", ";
        append_hcl_string(value.entries()[i].key, out);
        out += " = ";
        append_hcl_expression(value.entries()[i].value, out);
      }
      out += '}';
      return;
    case Value::Kind::string:
      append_hcl_string(value.text(), out);
      return;
    case Value::Kind::number:
      out += value.text();
      return;
    case Value::Kind::boolean:
      out += value.as_bool() ? "true" : "false";
      return;
    case Value::Kind::null:
    case Value::Kind::unknown:
      out += "null";
      return;
  }
}

std::string read_terraform_value(const Field& field) {
  if (field.value.is_list() || field.value.is_map()) {
    std::string expression;
    append_hcl_expression(field.value, expression);
    return expression;
  }
  return read_scalar_text(field);
}

// A CommaDelimitedList or List<...> parameter takes its items joined by commas, as the AWS CLI
// passes them.
std::string read_cloudformation_value(const Field& field) {
  if (!field.value.is_list()) return read_scalar_text(field);
  std::string joined;
  for (std::size_t i = 0; i < field.value.items().size(); ++i) {
    if (i != 0) joined += ',';
    joined += read_scalar_text(item_field(field, i));
  }
  return joined;
}

void read_named_values(const Field& field, std::map<std::string, std::string>& out,
                       std::string (*read_value)(const Field&)) {
  for (const Value::Entry& entry : read_map(field))
    out[entry.key] = read_value(entry_field(field, entry));
}

const std::vector<std::string_view> kPolicyTypes = {"scp",      "rcp",   "identity",  "resource",
                                                    "endpoint", "trust", "ai-opt-out"};

}  // namespace

void apply_policy_dirs(const Field& field, const std::string& base_dir, ScanOptions& options) {
  read_paths(field, base_dir, options.policy_dirs);
}

void apply_policy_types(const Field& field, ScanOptions& options) {
  if (!is_set(field)) return;
  // A map keeps the order it was written in, which matters: the first matching glob wins.
  std::vector<std::pair<std::string, std::string>> types;
  for (const Value::Entry& entry : read_map(field)) {
    const Field type = entry_field(field, entry);
    const bool known = type.value.is_string() && iam::parse_policy_type(type.value.text());
    types.emplace_back(entry.key, known ? type.value.text() : read_choice(type, kPolicyTypes));
  }
  options.policy_types = std::move(types);
}

void apply_terraform_section(const Field& section, const std::string& base_dir,
                             ScanOptions& options) {
  check_known_keys(section, {"var_files", "variables"});
  for (const Value::Entry& entry : read_map(section)) {
    const Field field = entry_field(section, entry);
    if (entry.key == "var_files") read_paths(field, base_dir, options.terraform_variable_files);
    if (entry.key == "variables")
      read_named_values(field, options.terraform_variables, read_terraform_value);
  }
}

void apply_cloudformation_section(const Field& section, const std::string& base_dir,
                                  ScanOptions& options) {
  check_known_keys(section, {"parameter_files", "parameters"});
  for (const Value::Entry& entry : read_map(section)) {
    const Field field = entry_field(section, entry);
    if (entry.key == "parameter_files")
      read_paths(field, base_dir, options.cloudformation_parameter_files);
    if (entry.key == "parameters")
      read_named_values(field, options.cloudformation_parameters, read_cloudformation_value);
  }
}

}  // namespace iacscan::detail
