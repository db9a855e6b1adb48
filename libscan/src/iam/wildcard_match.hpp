// IAM's wildcards: `*` matches any run of characters (the empty one too), `?` any one
// character, everything else itself. Case-sensitive as written: IAM folds case for actions
// and condition keys but not for resource ARNs, so callers fold when IAM does.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace iacscan::detail::iam {

bool has_wildcard(std::string_view pattern);

// At most pattern length times text length steps, whatever the stars: only the last `*` is
// ever backtracked to.
bool wildcard_match(std::string_view pattern, std::string_view text);

// One pattern matched against many texts (an Action element against a service's actions):
// the pattern is taken apart once, and a pattern without `?` is matched by comparing its
// literal head and tail and finding its middle pieces in order, which rejects most texts
// after a character or two.
class WildcardPattern {
 public:
  explicit WildcardPattern(std::string_view pattern);
  bool matches(std::string_view text) const;
  // What every match starts with: the pattern up to its first wildcard.
  std::string_view literal_prefix() const;

 private:
  struct Piece {
    std::size_t offset = 0;
    std::size_t length = 0;
  };
  std::string_view piece(Piece p) const {
    return std::string_view(pattern_).substr(p.offset, p.length);
  }

  std::string pattern_;  // pieces are offsets into it, so copies stay valid
  bool has_question_mark_ = false;
  bool has_star_ = false;
  Piece head_;                 // before the first `*`
  Piece tail_;                 // after the last `*`
  std::vector<Piece> middle_;  // the non-empty pieces between stars
};

}  // namespace iacscan::detail::iam
