#include "package_reader.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "global_condition_keys.hpp"
#include "iam/access_level.hpp"
#include "iam/ascii_case.hpp"
#include "iam/condition_key_type.hpp"

namespace iam_table_gen {

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw GenerationError("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

namespace {

namespace fs = std::filesystem;
using iacscan::detail::iam::AccessLevel;
using iacscan::detail::iam::ascii_lowercase;
using iacscan::detail::iam::ConditionKeyType;
using nlohmann::json;

json read_json(const fs::path& path) {
  try {
    return json::parse(read_text(path));
  } catch (const json::exception& e) {
    throw GenerationError(path.string() + ": " + e.what());
  }
}

// A JSON value of the expected kind, or a message naming the file and the member.
const json& member(const json& object, std::string_view name, json::value_t kind,
                   std::string_view where) {
  const auto it = object.find(std::string(name));
  if (it == object.end() || it->type() != kind) {
    throw GenerationError(std::string(where) + ": member \"" + std::string(name) +
                          "\" missing or of an unexpected type");
  }
  return *it;
}

std::vector<std::string> string_list(const json& list, std::string_view where) {
  std::vector<std::string> out;
  for (const json& item : list) {
    if (!item.is_string()) throw GenerationError(std::string(where) + ": expected strings");
    out.push_back(item.get<std::string>());
  }
  return out;
}

// ---- the package's vocabularies ----

// "Write", "Tagging, Write", "Permissions management, Write": the package lists every
// classification AWS gives an action; the reference's single level is the most specific one.
AccessLevel parse_access_level(std::string_view written, std::string_view where) {
  bool seen[iacscan::detail::iam::kAccessLevels.size()] = {};
  std::size_t start = 0;
  while (start <= written.size()) {
    std::size_t end = written.find(',', start);
    if (end == std::string_view::npos) end = written.size();
    std::string_view part = written.substr(start, end - start);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
    bool known = false;
    for (AccessLevel level : iacscan::detail::iam::kAccessLevels) {
      if (ascii_lowercase(part) == ascii_lowercase(access_level_name(level))) {
        seen[static_cast<std::size_t>(level)] = true;
        known = true;
      }
    }
    if (!known) {
      throw GenerationError(std::string(where) + ": unknown access level \"" +
                            std::string(written) + "\"");
    }
    start = end + 1;
  }
  for (AccessLevel level : {AccessLevel::permissions_management, AccessLevel::tagging,
                            AccessLevel::write, AccessLevel::read, AccessLevel::list}) {
    if (seen[static_cast<std::size_t>(level)]) return level;
  }
  throw GenerationError(std::string(where) + ": empty access level");
}

// "String", "ArrayOfARN", "Bool", ...
std::uint8_t parse_condition_key_type(std::string_view written, std::string_view where) {
  ConditionKeyType type;
  std::string_view base = written;
  if (base.starts_with("ArrayOf")) {
    type.multivalued = true;
    base.remove_prefix(std::string_view("ArrayOf").size());
  }
  for (auto value : iacscan::detail::iam::kConditionValueTypes) {
    if (ascii_lowercase(base) == ascii_lowercase(condition_value_type_name(value))) {
      type.value = value;
      return encode_condition_key_type(type);
    }
  }
  throw GenerationError(std::string(where) + ": unknown condition key type \"" +
                        std::string(written) + "\"");
}

class ModelReader {
 public:
  explicit ModelReader(fs::path package_dir) : dir_(std::move(package_dir)) {}

  Model read() {
    const json package = read_json(dir_ / "package.json");
    model_.package =
        member(package, "name", json::value_t::string, "package.json").get<std::string>() + "@" +
        member(package, "version", json::value_t::string, "package.json").get<std::string>();
    // Global keys first: their spelling and type win over a service's copy.
    const fs::path globals = dir_ / "dist/cjs/globalConditionKeys.js";
    for (auto& [key, type] : parse_global_condition_keys(read_text(globals))) {
      add_condition_key({key, parse_condition_key_type(type, globals.string() + " " + key)});
    }
    std::vector<std::string> names =
        string_list(read_json(dir_ / "data/services.json"), "services.json");
    for (auto& name : names) name = ascii_lowercase(name);
    std::sort(names.begin(), names.end());
    names.erase(std::unique(names.begin(), names.end()), names.end());
    for (const auto& name : names) read_service_condition_keys(name);
    read_condition_patterns();
    for (const auto& name : names) model_.services.push_back(read_service(name));
    return std::move(model_);
  }

 private:
  fs::path data_file(std::string_view folder, std::string_view service) const {
    return dir_ / "data" / folder / (std::string(service) + ".json");
  }

  // The first spelling and type win; globals come first, then services in name order.
  void add_condition_key(ConditionKey key) {
    model_.condition_keys.try_emplace(ascii_lowercase(key.key), std::move(key));
  }

  void read_service_condition_keys(const std::string& service) {
    const fs::path file = data_file("conditionKeys", service);
    const json keys = read_json(file);
    for (const auto& [lower_key, entry] : keys.items()) {
      const std::string where = file.string() + " " + lower_key;
      add_condition_key(
          {member(entry, "key", json::value_t::string, where).get<std::string>(),
           parse_condition_key_type(
               member(entry, "type", json::value_t::string, where).get<std::string>(), where)});
    }
  }

  // conditionPatterns.json maps regexes ("iam:ResourceTag/.+?") to the templated key they
  // stand for. Today every template is also a service key; a pattern whose template is not
  // becomes a key of its own, with ".+?" as the variable part.
  void read_condition_patterns() {
    const fs::path file = dir_ / "data/conditionPatterns.json";
    const json patterns = read_json(file);
    for (const auto& [service, entries] : patterns.items()) {
      for (const auto& [regex, template_key] : entries.items()) {
        if (!template_key.is_string()) throw GenerationError(file.string() + ": " + regex);
        if (model_.condition_keys.contains(ascii_lowercase(template_key.get<std::string>())))
          continue;
        add_condition_key({key_from_pattern(regex, file), parse_condition_key_type("String", "")});
      }
    }
  }

  static std::string key_from_pattern(const std::string& regex, const fs::path& file) {
    std::string key;
    for (std::size_t i = 0; i < regex.size(); ++i) {
      if (regex.compare(i, 3, ".+?") == 0) {
        key += "${Name}";
        i += 2;
      } else if (std::string_view("[]()|\\^$*+?{}").find(regex[i]) != std::string_view::npos) {
        throw GenerationError(file.string() + ": unsupported pattern " + regex);
      } else {
        key += regex[i];
      }
    }
    return key;
  }

  std::vector<std::string> collect_keys(const json& list, const std::string& where) {
    std::vector<std::string> keys = string_list(list, where);
    // A key an action names without the service defining it is still a key IAM accepts.
    for (const auto& key : keys) add_condition_key({key, parse_condition_key_type("String", "")});
    return keys;
  }

  Service read_service(const std::string& name) {
    Service service{name, {}};
    std::map<std::string, std::uint32_t> resource_index;  // by lowercase name
    const fs::path types_file = data_file("resourceTypes", name);
    const json types = read_json(types_file);
    for (const auto& [lower_name, entry] : types.items()) {
      const std::string where = types_file.string() + " " + lower_name;
      ResourceType type{member(entry, "key", json::value_t::string, where).get<std::string>(),
                        member(entry, "arn", json::value_t::string, where).get<std::string>(),
                        {}};
      if (const auto keys = entry.find("conditionKeys"); keys != entry.end()) {
        type.condition_keys = collect_keys(*keys, where);
      }
      resource_index[ascii_lowercase(type.name)] =
          static_cast<std::uint32_t>(model_.resource_types.size());
      model_.resource_types.push_back(std::move(type));
    }

    const fs::path actions_file = data_file("actions", name);
    const json actions = read_json(actions_file);
    for (const auto& [lower_name, entry] : actions.items()) {
      const std::string where = actions_file.string() + " " + lower_name;
      Action action;
      action.name = member(entry, "name", json::value_t::string, where).get<std::string>();
      action.level = parse_access_level(
          member(entry, "accessLevel", json::value_t::string, where).get<std::string>(), where);
      for (const auto& key :
           collect_keys(member(entry, "conditionKeys", json::value_t::array, where), where)) {
        action.condition_keys_lower.insert(ascii_lowercase(key));
      }
      for (const json& row : member(entry, "resourceTypes", json::value_t::array, where)) {
        const std::string type_name =
            member(row, "name", json::value_t::string, where).get<std::string>();
        auto found = resource_index.find(ascii_lowercase(type_name));
        if (found == resource_index.end()) {  // named by an action, absent from the table
          found = resource_index
                      .emplace(ascii_lowercase(type_name),
                               static_cast<std::uint32_t>(model_.resource_types.size()))
                      .first;
          model_.resource_types.push_back({type_name, "", {}});
        }
        const bool required = row.value("required", false);
        action.resources.push_back(found->second << 1 | (required ? 1U : 0U));
        if (const auto keys = row.find("conditionKeys"); keys != row.end()) {
          for (const auto& key : collect_keys(*keys, where)) {
            action.condition_keys_lower.insert(ascii_lowercase(key));
          }
        }
        for (const auto& key : model_.resource_types[found->second].condition_keys) {
          action.condition_keys_lower.insert(ascii_lowercase(key));
        }
      }
      service.actions.push_back(std::move(action));
    }
    std::sort(service.actions.begin(), service.actions.end(), [](const Action& a, const Action& b) {
      return ascii_lowercase(a.name) < ascii_lowercase(b.name);
    });
    for (std::size_t i = 1; i < service.actions.size(); ++i) {
      if (ascii_lowercase(service.actions[i - 1].name) ==
          ascii_lowercase(service.actions[i].name)) {
        throw GenerationError(actions_file.string() + ": duplicate action " +
                              service.actions[i].name);
      }
    }
    return service;
  }

  fs::path dir_;
  Model model_;
};

}  // namespace

Model read_package(const std::filesystem::path& package_dir) {
  return ModelReader(package_dir).read();
}

}  // namespace iam_table_gen
