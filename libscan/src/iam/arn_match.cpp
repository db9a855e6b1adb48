#include "iam/arn_match.hpp"

#include <vector>

namespace iacscan::detail::iam {
namespace {

// The pattern's parts, split at (up to) its first five colons.
std::vector<Pattern> split_pattern(const Pattern& pattern) {
  std::vector<Pattern> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < pattern.text.size() && parts.size() < 5; ++i) {
    if (pattern.text[i] == ':') {
      parts.push_back(pattern.slice(start, i));
      start = i + 1;
    }
  }
  parts.push_back(pattern.slice(start, pattern.text.size()));
  return parts;
}

bool parts_match(const std::vector<Pattern>& parts, const std::array<std::string_view, 6>& arn) {
  for (std::size_t i = 0; i < 6; ++i) {
    if (!pattern_match(parts[i], arn[i])) return false;
  }
  return true;
}

// A short pattern ending in `*` stands for the ARNs that start with it; anything else short
// is not an ARN pattern.
bool pad_short_pattern(std::vector<Pattern>& parts) {
  if (parts.size() >= 6) return true;
  const Pattern& last = parts.back();
  if (last.text.empty() || !last.is_wildcard(last.text.size() - 1) || last.text.back() != '*')
    return false;
  while (parts.size() < 6) parts.push_back(plain_pattern("*"));
  return true;
}

}  // namespace

std::optional<std::array<std::string_view, 6>> split_arn(std::string_view arn) {
  std::array<std::string_view, 6> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i < 5; ++i) {
    const std::size_t colon = arn.find(':', start);
    if (colon == std::string_view::npos) return std::nullopt;
    parts[i] = arn.substr(start, colon - start);
    start = colon + 1;
  }
  parts[5] = arn.substr(start);
  return parts;
}

std::optional<bool> arn_condition_match(const Pattern& pattern, std::string_view arn) {
  const std::vector<Pattern> parts = split_pattern(pattern);
  const auto request = split_arn(arn);
  if (parts.size() < 6 || !request) return std::nullopt;
  return parts_match(parts, *request);
}

bool resource_pattern_match(const Pattern& pattern, std::string_view resource) {
  if (pattern_matches_everything(pattern)) return true;
  const auto request = split_arn(resource);
  if (!request) return pattern_match(pattern, resource);
  std::vector<Pattern> parts = split_pattern(pattern);
  if (!pad_short_pattern(parts)) return false;
  return parts_match(parts, *request);
}

bool arn_prefix_match(const Pattern& pattern, std::string_view resource) {
  const auto request = split_arn(resource);
  std::vector<Pattern> parts = split_pattern(pattern);
  if (!request || !pad_short_pattern(parts)) return false;
  for (std::size_t i = 0; i < 5; ++i) {
    if (!pattern_match(parts[i], (*request)[i])) return false;
  }
  return true;
}

bool is_resource_pattern(const Pattern& pattern) {
  if (pattern_matches_everything(pattern)) return true;
  std::vector<Pattern> parts = split_pattern(pattern);
  return parts.front().text == "arn" && parts.size() > 1 && pad_short_pattern(parts);
}

bool resource_pattern_covers_all(const Pattern& pattern) {
  if (pattern_matches_everything(pattern)) return true;
  std::vector<Pattern> parts = split_pattern(pattern);
  if (parts.front().text != "arn" || !pad_short_pattern(parts)) return false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (!pattern_matches_everything(parts[i])) return false;
  }
  return true;
}

}  // namespace iacscan::detail::iam
