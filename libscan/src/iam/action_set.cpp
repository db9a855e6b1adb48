#include "iam/action_set.hpp"

#include <algorithm>
#include <bit>

namespace iacscan::detail::iam {
namespace {

constexpr std::size_t kBits = 64;

std::size_t words_for(std::size_t universe) {
  return (universe + kBits - 1) / kBits;
}

// The bits of [first, last) that fall in word `word`.
std::uint64_t range_mask(std::size_t word, std::size_t first, std::size_t last) {
  const std::size_t low = std::max(first, word * kBits) - word * kBits;
  const std::size_t high = std::min(last, (word + 1) * kBits) - word * kBits;  // > low
  const std::uint64_t upto_high =
      high == kBits ? ~std::uint64_t{0} : (std::uint64_t{1} << high) - 1;
  return upto_high & ~((std::uint64_t{1} << low) - 1);
}

}  // namespace

ActionSet::ActionSet(std::size_t universe) : universe_(universe), words_(words_for(universe)) {}

ActionSet ActionSet::full(std::size_t universe) {
  ActionSet set(universe);
  set.insert_range(0, static_cast<ActionId>(universe));
  return set;
}

void ActionSet::insert(ActionId id) {
  if (id >= universe_) grow_to(std::size_t{id} + 1);
  words_[id / kBits] |= std::uint64_t{1} << (id % kBits);
}

void ActionSet::insert_range(ActionId first, ActionId last) {
  if (first >= last) return;
  if (last > universe_) grow_to(last);
  for (std::size_t word = first / kBits; word <= (last - 1) / kBits; ++word) {
    words_[word] |= range_mask(word, first, last);
  }
}

void ActionSet::erase(ActionId id) {
  if (id < universe_) words_[id / kBits] &= ~(std::uint64_t{1} << (id % kBits));
}

bool ActionSet::contains(ActionId id) const noexcept {
  return id < universe_ && (words_[id / kBits] >> (id % kBits) & 1) != 0;
}

std::size_t ActionSet::count() const noexcept {
  std::size_t total = 0;
  for (const std::uint64_t word : words_) total += static_cast<std::size_t>(std::popcount(word));
  return total;
}

bool ActionSet::empty() const noexcept {
  return std::all_of(words_.begin(), words_.end(), [](std::uint64_t w) { return w == 0; });
}

bool ActionSet::is_subset_of(const ActionSet& other) const noexcept {
  for (std::size_t i = 0; i < words_.size(); ++i) {
    const std::uint64_t theirs = i < other.words_.size() ? other.words_[i] : 0;
    if ((words_[i] & ~theirs) != 0) return false;
  }
  return true;
}

bool ActionSet::intersects(const ActionSet& other) const noexcept {
  const std::size_t common = std::min(words_.size(), other.words_.size());
  for (std::size_t i = 0; i < common; ++i) {
    if ((words_[i] & other.words_[i]) != 0) return true;
  }
  return false;
}

ActionSet& ActionSet::operator|=(const ActionSet& other) {
  if (other.universe_ > universe_) grow_to(other.universe_);
  for (std::size_t i = 0; i < other.words_.size(); ++i) words_[i] |= other.words_[i];
  return *this;
}

ActionSet& ActionSet::operator&=(const ActionSet& other) {
  if (other.universe_ > universe_) grow_to(other.universe_);
  for (std::size_t i = 0; i < words_.size(); ++i) {
    words_[i] &= i < other.words_.size() ? other.words_[i] : 0;
  }
  return *this;
}

ActionSet& ActionSet::operator-=(const ActionSet& other) {
  const std::size_t common = std::min(words_.size(), other.words_.size());
  for (std::size_t i = 0; i < common; ++i) words_[i] &= ~other.words_[i];
  return *this;
}

ActionSet ActionSet::complement() const {
  ActionSet result = full(universe_);
  result -= *this;
  return result;
}

void ActionSet::grow_to(std::size_t universe) {
  universe_ = universe;
  words_.resize(words_for(universe), 0);
}

ActionSet::const_iterator::const_iterator(const ActionSet* set, std::size_t position) noexcept
    : set_(set), position_(position) {
  settle();
}

ActionSet::const_iterator& ActionSet::const_iterator::operator++() noexcept {
  ++position_;
  settle();
  return *this;
}

void ActionSet::const_iterator::settle() noexcept {
  const std::size_t end = set_->universe_;
  while (position_ < end) {
    const std::uint64_t rest = set_->words_[position_ / kBits] >> (position_ % kBits);
    if (rest != 0) {
      position_ += static_cast<std::size_t>(std::countr_zero(rest));
      return;
    }
    position_ = (position_ / kBits + 1) * kBits;  // the next word
  }
  position_ = end;
}

}  // namespace iacscan::detail::iam
