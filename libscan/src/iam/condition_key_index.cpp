#include "iam/condition_key_index.hpp"

#include <algorithm>

#include "iam/ascii_case.hpp"

namespace iacscan::detail::iam {
namespace {

// "${TagKey}" and "<key>" are the variable parts AWS writes in condition keys.
std::size_t variable_end(std::string_view key, std::size_t at) {
  if (key.substr(at, 2) == "${") {
    const std::size_t close = key.find('}', at);
    return close == std::string_view::npos ? at : close + 1;
  }
  if (key[at] == '<') {
    const std::size_t close = key.find('>', at);
    return close == std::string_view::npos ? at : close + 1;
  }
  return at;
}

// The literal parts of a key, or one part when it has no variable.
std::vector<std::string> literal_parts(std::string_view lower_key) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < lower_key.size();) {
    const std::size_t end = variable_end(lower_key, i);
    if (end != i) {
      parts.emplace_back();
      i = end;
    } else {
      parts.back() += lower_key[i++];
    }
  }
  return parts;
}

std::string_view service_prefix(std::string_view key) {
  const std::size_t colon = key.find(':');
  return colon == std::string_view::npos ? std::string_view() : key.substr(0, colon);
}

}  // namespace

bool ConditionKeyIndex::Template::matches(std::string_view lower_key) const {
  // Each variable part takes at least one character; taking the earliest place for every
  // middle literal leaves the most room for the rest, so no backtracking is needed.
  if (!lower_key.starts_with(parts.front())) return false;
  std::size_t pos = parts.front().size();
  for (std::size_t i = 1; i + 1 < parts.size(); ++i) {
    const std::size_t found = parts[i].empty() ? pos + 1 : lower_key.find(parts[i], pos + 1);
    if (found == std::string_view::npos) return false;
    pos = found + parts[i].size();
  }
  const std::string& last = parts.back();
  return lower_key.size() >= pos + 1 + last.size() && lower_key.ends_with(last);
}

ConditionKeyIndex::ConditionKeyIndex(const ActionTable& table) {
  const auto& names = table.condition_key_names;
  lower_keys_.reserve(names.size());
  for (std::uint32_t i = 0; i < names.size(); ++i) {
    const std::uint32_t id = names[i];
    const auto offset = table.string_offsets[id];
    lower_keys_.push_back(
        ascii_lowercase(table.strings.substr(offset, table.string_offsets[id + 1] - offset)));
    std::vector<std::string> parts = literal_parts(lower_keys_.back());
    if (parts.size() == 1) continue;
    // A template whose service prefix is itself variable ("agent.${Domain}.buildkite.dev:x")
    // goes in the bucket every lookup searches.
    const std::string_view first = parts.front();
    const std::string prefix(first.find(':') == std::string_view::npos ? std::string_view()
                                                                       : service_prefix(first));
    auto at = std::lower_bound(buckets_.begin(), buckets_.end(), prefix,
                               [](const Bucket& b, const std::string& p) { return b.prefix < p; });
    if (at == buckets_.end() || at->prefix != prefix) at = buckets_.insert(at, Bucket{prefix, {}});
    at->templates.push_back({i, std::move(parts)});
  }
}

const ConditionKeyIndex::Bucket* ConditionKeyIndex::bucket(std::string_view prefix) const {
  const auto at = std::lower_bound(
      buckets_.begin(), buckets_.end(), prefix,
      [](const Bucket& b, std::string_view p) { return std::string_view(b.prefix) < p; });
  return at != buckets_.end() && at->prefix == prefix ? &*at : nullptr;
}

std::optional<std::uint32_t> ConditionKeyIndex::find(std::string_view key) const {
  const std::string lower = ascii_lowercase(key);
  const auto exact = std::lower_bound(lower_keys_.begin(), lower_keys_.end(), lower);
  if (exact != lower_keys_.end() && *exact == lower) {
    return static_cast<std::uint32_t>(exact - lower_keys_.begin());
  }
  // Templates of the key's own service prefix, then those whose prefix is variable.
  const std::string_view prefix = service_prefix(lower);
  std::optional<std::uint32_t> found;
  for (const Bucket* candidates : {prefix.empty() ? nullptr : bucket(prefix), bucket({})}) {
    if (candidates == nullptr) continue;
    for (const Template& t : candidates->templates) {
      if ((!found || t.key < *found) && t.matches(lower)) {
        found = t.key;
        break;
      }
    }
  }
  return found;
}

}  // namespace iacscan::detail::iam
