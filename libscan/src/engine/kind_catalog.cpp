// Loading kind files and projecting native attributes onto canonical ones.
#include "engine/kind_catalog.hpp"

#include <yaml-cpp/yaml.h>

#include "engine/attribute_path.hpp"
#include "engine/yaml_node.hpp"

namespace iacscan::detail {
namespace {

std::vector<AttributeMapping> parse_attributes(const YAML::Node& node) {
  std::vector<AttributeMapping> out;
  if (!node) return out;
  if (!node.IsMap()) fail_at(node, "'attributes' must be a map");
  for (const auto& entry : node) {
    AttributeMapping m;
    m.name = entry.first.as<std::string>();
    const YAML::Node spec = entry.second;
    if (!spec.IsMap()) fail_at(spec, "attribute mapping must be a map with 'path'");
    m.path = split_path(required_string(spec, "path"));
    if (const YAML::Node values = spec["values"]) {
      if (!values.IsMap()) fail_at(values, "'values' must map native to canonical spellings");
      for (const auto& v : values) m.values[v.first.as<std::string>()] = v.second.as<std::string>();
    }
    m.each = parse_attributes(spec["each"]);
    out.push_back(std::move(m));
  }
  return out;
}

Value project_one(const Value& native, const AttributeMapping& m, bool& found) {
  Resolved r = resolve_path(native, m.path);
  found = r.found;
  if (!r.found) return {};
  Value v = std::move(r.value);
  if (v.is_string() && !m.values.empty()) {
    auto it = m.values.find(v.text());
    if (it != m.values.end()) {
      Value mapped = Value::string(it->second, v.span);
      mapped.refs = std::move(v.refs);
      mapped.origin = std::move(v.origin);
      v = std::move(mapped);
    }
  }
  if (!m.each.empty() && !v.is_unknown()) {
    Value::List items;
    auto add = [&](const Value& element) {
      items.push_back(element.is_unknown() ? element : KindCatalog::project(element, m.each));
      if (!element.is_unknown()) items.back().span = element.span;
    };
    if (v.is_list()) {
      for (const Value& element : v.items()) add(element);
    } else {
      add(v);
    }
    Span span = v.span;
    v = Value::list(std::move(items), span);
  }
  return v;
}

}  // namespace

void KindCatalog::add_file(const std::string& text) {
  YAML::Node root;
  try {
    root = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    throw PolicyFileError(e.msg, e.mark.line >= 0 ? e.mark.line + 1 : 0);
  }
  if (!root.IsMap()) throw PolicyFileError("a kind file must be a YAML map", 1);
  const std::string kind = required_string(root, "kind");
  const YAML::Node sources = root["sources"];
  if (!sources || !sources.IsSequence()) fail_at(root, "missing 'sources' list");
  for (const YAML::Node& source : sources) {
    auto mapping = std::make_unique<SourceMapping>();
    mapping->kind = kind;
    mapping->native_type = required_string(source, "type");
    mapping->attributes = parse_attributes(source["attributes"]);
    if (const YAML::Node fold = source["fold"]) {
      mapping->fold = std::make_unique<FoldSpec>();
      mapping->fold->via = required_string(fold, "via");
      mapping->fold->match = optional_string(fold, "match");
    }
    if (by_type_.count(mapping->native_type)) {
      fail_at(source["type"], "type mapped twice: " + mapping->native_type);
    }
    by_type_[mapping->native_type] = std::move(mapping);
  }
}

const SourceMapping* KindCatalog::find(const std::string& native_type) const {
  auto it = by_type_.find(native_type);
  return it == by_type_.end() ? nullptr : it->second.get();
}

Value KindCatalog::project(const Value& native, const std::vector<AttributeMapping>& attributes) {
  Value out = Value::map({});
  out.span = native.span;
  for (const AttributeMapping& m : attributes) {
    bool found = false;
    Value v = project_one(native, m, found);
    if (found) out.set(m.name, std::move(v));
  }
  return out;
}

}  // namespace iacscan::detail
