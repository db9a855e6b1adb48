// "Did you mean ...?": the known name closest to a misspelt one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iacscan::detail {

// The candidate nearest to `word` by edit distance (insertions, deletions, substitutions and
// swaps of neighbours, ignoring case), when it is near enough to be a plausible typo: about a
// third of the word's length, at least one edit. Ties go to the earlier candidate.
std::optional<std::string> closest_match(std::string_view word,
                                         const std::vector<std::string_view>& candidates);

}  // namespace iacscan::detail
