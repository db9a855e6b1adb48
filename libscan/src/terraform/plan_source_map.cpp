// Plan resources to .tf positions: match by address, then walk the planned value and the
// source value side by side, taking the source's spans.
#include "terraform/plan_source_map.hpp"

#include <optional>
#include <string>
#include <unordered_map>

#include "terraform/plan_loader.hpp"

namespace iacscan::detail::tf {
namespace {

// Beyond this many item comparisons a list is paired by position: content pairing is for
// the few blocks of a set Terraform reordered, not for thousand-element lists.
constexpr std::size_t kMaxContentPairings = 4096;

bool is_scalar(const Value& value) {
  return value.is_string() || value.is_number() || value.is_bool();
}

bool same_scalar(const Value& plan, const Value& source) {
  if (!is_scalar(plan) || !is_scalar(source)) return false;
  if (plan.is_number() && source.is_number()) return plan.as_number() == source.as_number();
  // Terraform converts "80" to 80 and back as the schema says, so compare as written.
  return plan.to_display_string() == source.to_display_string();
}

// The map a source value spells out: an object, or a nested block (the .tf loader reads
// blocks as lists of maps; a plan has single blocks as one object).
const Value* source_body(const Value& source) {
  if (source.is_map()) return &source;
  if (source.is_list() && source.items().size() == 1 && source.items()[0].is_map()) {
    return &source.items()[0];
  }
  return nullptr;
}

const Value::Entry* find_entry(const Value& map, const std::string& key) {
  for (const Value::Entry& entry : map.entries()) {
    if (entry.key == key) return &entry;
  }
  return nullptr;
}

// How much of a planned value its source spells out identically.
std::size_t likeness(const Value& plan, const Value& source) {
  if (is_scalar(plan)) return same_scalar(plan, source) ? 1 : 0;
  std::size_t score = 0;
  if (plan.is_map()) {
    if (const Value* body = source_body(source)) {
      for (const Value::Entry& entry : plan.entries()) {
        if (const Value::Entry* counterpart = find_entry(*body, entry.key)) {
          score += likeness(entry.value, counterpart->value);
        }
      }
    }
  } else if (plan.is_list() && source.is_list()) {
    const std::size_t n = std::min(plan.items().size(), source.items().size());
    for (std::size_t i = 0; i < n; ++i) score += likeness(plan.items()[i], source.items()[i]);
  }
  return score;
}

// For each planned item, the source item it comes from. Terraform keeps sets (of blocks or
// of values) sorted its own way, so items are paired by content, each planned item taking
// the most alike source item still free; position breaks ties.
std::vector<std::optional<std::size_t>> pair_items(const Value::List& plan,
                                                   const Value::List& source) {
  std::vector<std::optional<std::size_t>> pairs(plan.size());
  if (plan.size() * source.size() > kMaxContentPairings) {
    for (std::size_t i = 0; i < plan.size() && i < source.size(); ++i) pairs[i] = i;
    return pairs;
  }
  std::vector<bool> taken(source.size(), false);
  for (std::size_t i = 0; i < plan.size(); ++i) {
    std::optional<std::size_t> best;
    std::size_t best_score = 0;
    for (std::size_t j = 0; j < source.size(); ++j) {
      if (taken[j]) continue;
      const std::size_t score = likeness(plan[i], source[j]);
      if (!best || score > best_score || (score == best_score && j == i)) {
        best = j;
        best_score = score;
      }
    }
    if (best) {
      pairs[i] = best;
      taken[*best] = true;
    }
  }
  return pairs;
}

// Gives a value and everything inside it one span.
void fill(Value& value, const Span& span) {
  value.span = span;
  for (Value& item : value.items()) fill(item, span);
  for (Value::Entry& entry : value.entries()) {
    entry.key_span = span;
    fill(entry.value, span);
  }
}

class SpanMapper {
 public:
  // `unset`: where a top-level attribute the source does not set points (its name_span).
  explicit SpanMapper(const Span& unset) : unset_(unset) {}

  void map_attributes(Value& plan, const Value& source) const {
    plan.span = source.span.valid() ? source.span : unset_;
    if (plan.is_map()) map_entries(plan, source, unset_);
  }

 private:
  void map(Value& plan, const Value& source) const {
    plan.span = source.span.valid() ? source.span : unset_;
    if (plan.is_map()) {
      // Inside a nested block or object, what the source leaves out points at the block: the
      // closest place the user could set it.
      map_entries(plan, source, plan.span);
    } else if (plan.is_list()) {
      map_items(plan, source);
    }
  }

  // `absent`: the span for entries the source does not write.
  void map_entries(Value& plan, const Value& source, const Span& absent) const {
    const Value* body = source_body(source);
    for (Value::Entry& entry : plan.entries()) {
      const Value::Entry* counterpart = body != nullptr ? find_entry(*body, entry.key) : nullptr;
      if (counterpart != nullptr) {
        entry.key_span = counterpart->key_span.valid() ? counterpart->key_span : plan.span;
        map(entry.value, counterpart->value);
      } else {
        // Not written in a block or object the source spells out: a default or a computed
        // value. Inside an opaque expression: the expression produced it.
        const Span& span = body != nullptr ? absent : plan.span;
        entry.key_span = span;
        fill(entry.value, span);
      }
    }
  }

  void map_items(Value& plan, const Value& source) const {
    if (!source.is_list()) {
      for (Value& item : plan.items()) fill(item, plan.span);
      return;
    }
    const std::vector<std::optional<std::size_t>> pairs = pair_items(plan.items(), source.items());
    for (std::size_t i = 0; i < plan.items().size(); ++i) {
      if (pairs[i]) {
        map(plan.items()[i], source.items()[*pairs[i]]);
      } else {
        fill(plan.items()[i], plan.span);
      }
    }
  }

  Span unset_;
};

class SourceIndex {
 public:
  explicit SourceIndex(const std::vector<const Resource*>& sources) {
    for (const Resource* source : sources) {
      if (source == nullptr) continue;
      by_address_.emplace(source->address, source);
      by_block_.emplace(without_instance_keys(source->address), source);
    }
  }

  const Resource* find(const std::string& address) const {
    if (const Resource* exact = lookup(by_address_, address)) return exact;
    const std::string block = without_instance_keys(address);
    if (const Resource* unexpanded = lookup(by_address_, block)) return unexpanded;
    return lookup(by_block_, block);
  }

 private:
  using Index = std::unordered_map<std::string, const Resource*>;
  static const Resource* lookup(const Index& index, const std::string& key) {
    auto it = index.find(key);
    return it == index.end() ? nullptr : it->second;
  }

  Index by_address_;  // first source wins
  Index by_block_;
};

void map_resource(Resource& plan, const Resource& source) {
  const Span name = source.name_span.valid() ? source.name_span : source.span;
  if (!name.valid()) return;
  plan.span = source.span.valid() ? source.span : name;
  plan.name_span = name;
  SpanMapper(name).map_attributes(plan.attributes, source.attributes);
  if (plan.skips.empty()) plan.skips = source.skips;
}

}  // namespace

void map_plan_to_sources(std::vector<Resource>& plan_resources,
                         const std::vector<const Resource*>& source_resources) {
  if (source_resources.empty()) return;
  const SourceIndex index(source_resources);
  for (Resource& resource : plan_resources) {
    if (const Resource* source = index.find(resource.address)) map_resource(resource, *source);
  }
}

}  // namespace iacscan::detail::tf
