// Instance expansion for count and for_each.
#include "terraform/instance_keys.hpp"

#include <cmath>

#include "terraform/value_ops.hpp"

namespace iacscan::detail::tf {
namespace {

Expansion unknown_expansion(InstanceKey::Mode mode, const Value& why) {
  Expansion e;
  e.mode = mode;
  e.known = false;
  InstanceKey key;
  key.mode = mode;
  key.known = false;
  key.key = Value::unknown(why.is_unknown() ? why.text() : "instance key not known", why.span);
  key.key.refs = why.refs;
  key.value = key.key;
  e.keys.push_back(std::move(key));
  return e;
}

}  // namespace

std::string quote_key(const std::string& key) {
  std::string out = "\"";
  for (char c : key) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  out += '"';
  return out;
}

Expansion expand_instances(const Body& body, Evaluator& evaluator, std::size_t limit) {
  if (const Attribute* count = body.attribute("count")) {
    Value n = evaluator.evaluate(count->expr);
    if (!n.is_fully_known()) return unknown_expansion(InstanceKey::Mode::count, n);
    auto number = to_number(n);
    if (!number || *number < 0 || *number != std::floor(*number)) {
      Expansion e = unknown_expansion(InstanceKey::Mode::count, n);
      e.problem = "count must be a whole number, not " + n.to_display_string();
      return e;
    }
    if (*number > static_cast<double>(limit)) {
      Expansion e = unknown_expansion(InstanceKey::Mode::count, n);
      e.problem = "count of " + format_number(*number) + " is over the limit of " +
                  std::to_string(limit) + " instances; evaluated as one unknown instance";
      return e;
    }
    Expansion e;
    e.mode = InstanceKey::Mode::count;
    for (std::size_t i = 0; i < static_cast<std::size_t>(*number); ++i) {
      InstanceKey key;
      key.mode = e.mode;
      key.suffix = "[" + std::to_string(i) + "]";
      key.key = make_number(static_cast<double>(i), count->expr.span);
      e.keys.push_back(std::move(key));
    }
    return e;
  }
  if (const Attribute* for_each = body.attribute("for_each")) {
    Value collection = evaluator.evaluate(for_each->expr);
    if (collection.is_unknown() || is_error(collection)) {
      return unknown_expansion(InstanceKey::Mode::each, collection);
    }
    Expansion e;
    e.mode = InstanceKey::Mode::each;
    std::size_t size =
        collection.is_map() ? collection.entries().size() : collection.items().size();
    if (size > limit) {
      Expansion over = unknown_expansion(InstanceKey::Mode::each, collection);
      over.problem = "for_each over " + std::to_string(size) + " elements is over the limit of " +
                     std::to_string(limit) + " instances; evaluated as one unknown instance";
      return over;
    }
    if (collection.is_map()) {
      for (const Value::Entry& entry : collection.entries()) {
        InstanceKey key;
        key.mode = e.mode;
        key.suffix = "[" + quote_key(entry.key) + "]";
        key.key = Value::string(entry.key, entry.key_span);
        key.value = entry.value;
        e.keys.push_back(std::move(key));
      }
      return e;
    }
    if (collection.is_list()) {
      // A set of strings: each.key and each.value are the element. Keys must be known.
      for (const Value& item : collection.items()) {
        if (!item.is_fully_known()) return unknown_expansion(InstanceKey::Mode::each, item);
      }
      for (const Value& item : make_set(collection.items())) {
        auto text = to_string(item);
        if (!text) {
          Expansion bad = unknown_expansion(InstanceKey::Mode::each, collection);
          bad.problem = "for_each over a set needs strings";
          return bad;
        }
        InstanceKey key;
        key.mode = e.mode;
        key.suffix = "[" + quote_key(*text) + "]";
        key.key = Value::string(*text, item.span);
        key.value = key.key;
        e.keys.push_back(std::move(key));
      }
      return e;
    }
    if (collection.is_null()) {
      Expansion bad = unknown_expansion(InstanceKey::Mode::each, collection);
      bad.problem = "for_each is null";
      return bad;
    }
    Expansion bad = unknown_expansion(InstanceKey::Mode::each, collection);
    bad.problem =
        "for_each needs a map or a set of strings, not a " + std::string(type_name(collection));
    return bad;
  }
  Expansion e;
  e.keys.push_back(InstanceKey{});
  return e;
}

std::vector<std::pair<std::string, Value>> instance_bindings(const InstanceKey& key) {
  std::vector<std::pair<std::string, Value>> out;
  if (key.mode == InstanceKey::Mode::count) {
    Value::Map entries;
    entries.push_back(Value::Entry{"index", key.key.span, key.key});
    out.emplace_back("count", Value::map(std::move(entries), key.key.span));
  } else if (key.mode == InstanceKey::Mode::each) {
    Value::Map entries;
    entries.push_back(Value::Entry{"key", key.key.span, key.key});
    entries.push_back(Value::Entry{"value", key.value.span, key.value});
    out.emplace_back("each", Value::map(std::move(entries), key.key.span));
  }
  return out;
}

int bind_instance(Evaluator& evaluator, const InstanceKey& key) {
  int bound = 0;
  for (auto& [name, value] : instance_bindings(key)) {
    evaluator.bind(std::move(name), std::move(value));
    ++bound;
  }
  return bound;
}

}  // namespace iacscan::detail::tf
