#include "table_writer.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <sstream>
#include <string_view>
#include <vector>

#include "iam/ascii_case.hpp"

namespace iam_table_gen {
namespace {

using iacscan::detail::iam::ascii_lowercase;

class StringPool {
 public:
  std::uint32_t intern(const std::string& text) {
    const auto [it, added] = ids_.try_emplace(text, static_cast<std::uint32_t>(offsets_.size()));
    if (added) {
      offsets_.push_back(static_cast<std::uint32_t>(pool_.size()));
      pool_ += text;
    }
    return it->second;
  }
  const std::string& text() const { return pool_; }
  std::vector<std::uint32_t> offsets() const {
    std::vector<std::uint32_t> all = offsets_;
    all.push_back(static_cast<std::uint32_t>(pool_.size()));
    return all;
  }

 private:
  std::string pool_;
  std::vector<std::uint32_t> offsets_;
  std::map<std::string, std::uint32_t> ids_;
};

void write_string_literal(std::ostream& out, std::string_view name, std::string_view text) {
  out << "constexpr char " << name << "[] =\n    \"";
  std::size_t line = 0;
  for (const char c : text) {
    if (line >= 90) {
      out << "\"\n    \"";
      line = 0;
    }
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\' || c == '?') {  // '?': no trigraph can ever form
      out << '\\' << c;
      line += 2;
    } else if (byte < 0x20 || byte >= 0x7f) {
      const char digits[] = {'\\', static_cast<char>('0' + (byte >> 6)),
                             static_cast<char>('0' + ((byte >> 3) & 7)),
                             static_cast<char>('0' + (byte & 7)), '\0'};
      out << digits;
      line += 4;
    } else {
      out << c;
      ++line;
    }
  }
  out << "\";\n\n";
}

template <typename T>
void write_array(std::ostream& out, std::string_view type, std::string_view name,
                 const std::vector<T>& values) {
  out << "constexpr " << type << ' ' << name << "[] = {";
  // C++ has no empty arrays; the span below keeps the real size.
  if (values.empty()) out << '0';
  for (std::size_t i = 0; i < values.size(); ++i) {
    out << (i % 20 == 0 ? "\n    " : " ") << static_cast<std::uint64_t>(values[i]) << ',';
  }
  out << "\n};\n\n";
}

std::string span_of(std::string_view name, std::size_t size) {
  return "{" + std::string(name) + ", " + std::to_string(size) + "}";
}

}  // namespace

void write_table(const Model& model, const std::string& license, std::ostream& out) {
  StringPool pool;
  std::vector<std::uint32_t> service_names, service_first_action, action_names;
  std::vector<std::uint8_t> action_levels;
  std::vector<std::uint32_t> action_first_resource, action_resources;
  std::vector<std::uint32_t> action_first_condition_key, action_condition_keys;
  std::vector<std::uint32_t> resource_type_names, resource_type_arns;
  std::vector<std::uint32_t> condition_key_names;
  std::vector<std::uint8_t> condition_key_types;

  // Names first, in id order, so that the pool reads like the table.
  for (const auto& service : model.services) service_names.push_back(pool.intern(service.name));
  std::map<std::string, std::uint32_t> condition_key_index;
  for (const auto& [lower, key] : model.condition_keys) {
    condition_key_index[lower] = static_cast<std::uint32_t>(condition_key_names.size());
    condition_key_names.push_back(pool.intern(key.key));
    condition_key_types.push_back(key.type);
  }
  for (const auto& service : model.services) {
    service_first_action.push_back(static_cast<std::uint32_t>(action_names.size()));
    for (const auto& action : service.actions) {
      action_names.push_back(pool.intern(action.name));
      action_levels.push_back(static_cast<std::uint8_t>(action.level));
      action_first_resource.push_back(static_cast<std::uint32_t>(action_resources.size()));
      action_resources.insert(action_resources.end(), action.resources.begin(),
                              action.resources.end());
      action_first_condition_key.push_back(
          static_cast<std::uint32_t>(action_condition_keys.size()));
      for (const auto& key : action.condition_keys_lower) {
        action_condition_keys.push_back(condition_key_index.at(key));
      }
    }
  }
  service_first_action.push_back(static_cast<std::uint32_t>(action_names.size()));
  action_first_resource.push_back(static_cast<std::uint32_t>(action_resources.size()));
  action_first_condition_key.push_back(static_cast<std::uint32_t>(action_condition_keys.size()));
  std::vector<std::uint32_t> actions_by_name(action_names.size());
  std::vector<std::string> lower_names;
  for (const auto& service : model.services) {
    for (const auto& action : service.actions) lower_names.push_back(ascii_lowercase(action.name));
  }
  for (std::uint32_t id = 0; id < actions_by_name.size(); ++id) actions_by_name[id] = id;
  std::stable_sort(
      actions_by_name.begin(), actions_by_name.end(),
      [&](std::uint32_t a, std::uint32_t b) { return lower_names[a] < lower_names[b]; });
  for (const auto& type : model.resource_types) {
    resource_type_names.push_back(pool.intern(type.name));
    resource_type_arns.push_back(pool.intern(type.arn));
  }
  const std::vector<std::uint32_t> offsets = pool.offsets();

  out << "// Generated by iacscan-iam-table-gen (tools/iam-table-gen) from " << model.package
      << ".\n// Do not edit; see cmake/IamData.cmake. " << model.services.size() << " services, "
      << action_names.size() << " actions, " << model.resource_types.size() << " resource types, "
      << condition_key_names.size() << " condition keys.\n//\n"
      << "// The data is third-party; its licence:\n//\n";
  std::istringstream license_lines(license);
  for (std::string line; std::getline(license_lines, line);) {
    out << (line.empty() ? "//" : "//   " + line) << '\n';
  }
  out << "\n#include \"iam/action_table.hpp\"\n\nnamespace iacscan::detail::iam {\nnamespace {\n\n";
  write_string_literal(out, "kStrings", pool.text());
  write_array(out, "std::uint32_t", "kStringOffsets", offsets);
  write_array(out, "std::uint32_t", "kServiceNames", service_names);
  write_array(out, "std::uint32_t", "kServiceFirstAction", service_first_action);
  write_array(out, "std::uint32_t", "kActionNames", action_names);
  write_array(out, "std::uint32_t", "kActionsByName", actions_by_name);
  write_array(out, "std::uint8_t", "kActionAccessLevels", action_levels);
  write_array(out, "std::uint32_t", "kActionFirstResource", action_first_resource);
  write_array(out, "std::uint32_t", "kActionResources", action_resources);
  write_array(out, "std::uint32_t", "kActionFirstConditionKey", action_first_condition_key);
  write_array(out, "std::uint32_t", "kActionConditionKeys", action_condition_keys);
  write_array(out, "std::uint32_t", "kResourceTypeNames", resource_type_names);
  write_array(out, "std::uint32_t", "kResourceTypeArns", resource_type_arns);
  write_array(out, "std::uint32_t", "kConditionKeyNames", condition_key_names);
  write_array(out, "std::uint8_t", "kConditionKeyTypes", condition_key_types);
  out << "constexpr ActionTable kTable{\n"
      << "    .package = \"" << model.package << "\",\n"
      << "    .strings = std::string_view(kStrings, " << pool.text().size() << "),\n"
      << "    .string_offsets = " << span_of("kStringOffsets", offsets.size()) << ",\n"
      << "    .service_names = " << span_of("kServiceNames", service_names.size()) << ",\n"
      << "    .service_first_action = "
      << span_of("kServiceFirstAction", service_first_action.size()) << ",\n"
      << "    .action_names = " << span_of("kActionNames", action_names.size()) << ",\n"
      << "    .actions_by_name = " << span_of("kActionsByName", actions_by_name.size()) << ",\n"
      << "    .action_access_levels = " << span_of("kActionAccessLevels", action_levels.size())
      << ",\n"
      << "    .action_first_resource = "
      << span_of("kActionFirstResource", action_first_resource.size()) << ",\n"
      << "    .action_resources = " << span_of("kActionResources", action_resources.size()) << ",\n"
      << "    .action_first_condition_key = "
      << span_of("kActionFirstConditionKey", action_first_condition_key.size()) << ",\n"
      << "    .action_condition_keys = "
      << span_of("kActionConditionKeys", action_condition_keys.size()) << ",\n"
      << "    .resource_type_names = " << span_of("kResourceTypeNames", resource_type_names.size())
      << ",\n"
      << "    .resource_type_arns = " << span_of("kResourceTypeArns", resource_type_arns.size())
      << ",\n"
      << "    .condition_key_names = " << span_of("kConditionKeyNames", condition_key_names.size())
      << ",\n"
      << "    .condition_key_types = " << span_of("kConditionKeyTypes", condition_key_types.size())
      << ",\n"
      << "};\n\n}  // namespace\n\n"
      << "const ActionTable& generated_action_table() { return kTable; }\n\n"
      << "}  // namespace iacscan::detail::iam\n";
}

}  // namespace iam_table_gen
