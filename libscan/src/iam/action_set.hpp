// A set of IAM actions: a bitset over the ActionIds of one ActionCatalog. What an Action or
// NotAction element allows is one of these, so policy analysis is set algebra: union across
// statements, intersection with a boundary or an SCP, complement for NotAction.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <vector>

namespace iacscan::detail::iam {

using ActionId = std::uint32_t;

class ActionSet {
 public:
  // Sets are over a universe, the ids 0 .. universe - 1 of a catalog. Combining sets of
  // different universes treats the smaller one as empty beyond its end.
  ActionSet() = default;
  explicit ActionSet(std::size_t universe);
  static ActionSet full(std::size_t universe);

  std::size_t universe() const noexcept { return universe_; }

  void insert(ActionId id);
  void insert_range(ActionId first, ActionId last);  // [first, last)
  void erase(ActionId id);
  bool contains(ActionId id) const noexcept;

  std::size_t count() const noexcept;
  bool empty() const noexcept;
  bool is_full() const noexcept { return count() == universe_; }
  bool is_subset_of(const ActionSet& other) const noexcept;
  bool intersects(const ActionSet& other) const noexcept;

  ActionSet& operator|=(const ActionSet& other);
  ActionSet& operator&=(const ActionSet& other);
  ActionSet& operator-=(const ActionSet& other);  // difference
  ActionSet complement() const;                   // what a NotAction element allows
  friend ActionSet operator|(ActionSet a, const ActionSet& b) { return a |= b; }
  friend ActionSet operator&(ActionSet a, const ActionSet& b) { return a &= b; }
  friend ActionSet operator-(ActionSet a, const ActionSet& b) { return a -= b; }
  // Same universe and same members.
  friend bool operator==(const ActionSet&, const ActionSet&) = default;

  // The members in id order (so by service, then lowercase action name).
  class const_iterator {
   public:
    using iterator_category = std::forward_iterator_tag;
    using value_type = ActionId;
    using difference_type = std::ptrdiff_t;
    using pointer = const ActionId*;
    using reference = ActionId;

    const_iterator() = default;
    ActionId operator*() const noexcept { return static_cast<ActionId>(position_); }
    const_iterator& operator++() noexcept;
    const_iterator operator++(int) noexcept {
      const_iterator before = *this;
      ++*this;
      return before;
    }
    friend bool operator==(const const_iterator& a, const const_iterator& b) noexcept {
      return a.position_ == b.position_;
    }

   private:
    friend class ActionSet;
    const_iterator(const ActionSet* set, std::size_t position) noexcept;
    void settle() noexcept;  // moves to the first member at or after position_

    const ActionSet* set_ = nullptr;
    std::size_t position_ = 0;
  };
  const_iterator begin() const noexcept { return {this, 0}; }
  const_iterator end() const noexcept { return {this, universe_}; }

 private:
  void grow_to(std::size_t universe);

  std::size_t universe_ = 0;
  std::vector<std::uint64_t> words_;  // bits past universe_ are always zero
};

}  // namespace iacscan::detail::iam
