// yaml-cpp node helpers for policy files.
#include "engine/yaml_node.hpp"

#include <charconv>

namespace iacscan::detail {

void fail_at(const YAML::Node& node, const std::string& message) {
  const int line = node.IsDefined() && node.Mark().line >= 0 ? node.Mark().line + 1 : 0;
  throw PolicyFileError(message, line);
}

namespace {

Value scalar_to_value(const YAML::Node& node) {
  const std::string& text = node.Scalar();
  if (node.Tag() != "?") return Value::string(text);  // quoted or explicitly tagged
  if (text == "true" || text == "True" || text == "TRUE") return Value::boolean(true);
  if (text == "false" || text == "False" || text == "FALSE") return Value::boolean(false);
  if (text.empty() || text == "~" || text == "null" || text == "Null" || text == "NULL") {
    return Value::null();
  }
  double number = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
  if (ec == std::errc() && end == text.data() + text.size()) return Value::number(number, text);
  return Value::string(text);
}

}  // namespace

Value node_to_value(const YAML::Node& node) {
  switch (node.Type()) {
    case YAML::NodeType::Scalar:
      return scalar_to_value(node);
    case YAML::NodeType::Sequence: {
      Value::List items;
      for (const YAML::Node& item : node) items.push_back(node_to_value(item));
      return Value::list(std::move(items));
    }
    case YAML::NodeType::Map: {
      Value map = Value::map({});
      for (const auto& entry : node)
        map.set(entry.first.as<std::string>(), node_to_value(entry.second));
      return map;
    }
    default:
      return Value::null();
  }
}

std::string required_string(const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node || !node.IsScalar() || node.Scalar().empty()) {
    fail_at(node ? node : map, std::string("missing or empty '") + key + "'");
  }
  return node.Scalar();
}

std::string optional_string(const YAML::Node& map, const char* key) {
  const YAML::Node node = map[key];
  if (!node) return {};
  if (!node.IsScalar()) fail_at(node, std::string("'") + key + "' must be a string");
  return node.Scalar();
}

std::vector<std::string> string_list(const YAML::Node& map, const char* key) {
  std::vector<std::string> out;
  const YAML::Node node = map[key];
  if (!node) return out;
  if (node.IsScalar()) return {node.Scalar()};
  if (!node.IsSequence()) fail_at(node, std::string("'") + key + "' must be a list of strings");
  for (const YAML::Node& item : node) {
    if (!item.IsScalar()) fail_at(item, std::string("'") + key + "' must be a list of strings");
    out.push_back(item.Scalar());
  }
  return out;
}

}  // namespace iacscan::detail
