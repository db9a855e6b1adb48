// ActionSet, the bitset over action ids behind Action / NotAction analysis: edges of 64-bit
// words, ranges, complement and iteration.
#include <doctest/doctest.h>

#include <vector>

#include "iam/action_set.hpp"

using iacscan::detail::iam::ActionId;
using iacscan::detail::iam::ActionSet;

namespace {

std::vector<ActionId> members(const ActionSet& set) {
  return {set.begin(), set.end()};
}

}  // namespace

TEST_CASE("iam action set: insert, erase, contains and count across word edges") {
  ActionSet set(130);
  CHECK(set.empty());
  CHECK(set.universe() == 130);
  for (const ActionId id : {0U, 63U, 64U, 127U, 128U, 129U}) set.insert(id);
  CHECK(set.count() == 6);
  CHECK(set.contains(63));
  CHECK(set.contains(64));
  CHECK_FALSE(set.contains(65));
  CHECK_FALSE(set.contains(1000));  // outside the universe
  CHECK(members(set) == std::vector<ActionId>{0, 63, 64, 127, 128, 129});
  set.erase(64);
  set.erase(5000);  // harmless
  CHECK(members(set) == std::vector<ActionId>{0, 63, 127, 128, 129});
}

TEST_CASE("iam action set: ranges") {
  for (const auto& bounds : std::vector<std::pair<ActionId, ActionId>>{
           {0, 0}, {0, 1}, {3, 64}, {60, 70}, {64, 128}, {1, 199}, {0, 200}, {199, 200}}) {
    // Plain variables, not a structured binding: clang 14's lambdas (CAPTURE) cannot see those.
    const ActionId first = bounds.first;
    const ActionId last = bounds.second;
    CAPTURE(first);
    CAPTURE(last);
    ActionSet range(200);
    range.insert_range(first, last);
    ActionSet one_by_one(200);
    for (ActionId id = first; id < last; ++id) one_by_one.insert(id);
    CHECK(range == one_by_one);
    CHECK(range.count() == last - first);
  }
}

TEST_CASE("iam action set: complement, union, intersection, difference") {
  ActionSet a(100);
  a.insert_range(10, 20);
  ActionSet b(100);
  b.insert_range(15, 30);
  CHECK((a | b).count() == 20);
  CHECK((a & b).count() == 5);
  CHECK((a - b).count() == 5);
  CHECK(a.intersects(b));
  CHECK(a.complement().count() == 90);
  CHECK_FALSE(a.complement().contains(10));
  CHECK(a.complement().complement() == a);
  CHECK(ActionSet::full(100).is_full());
  CHECK(ActionSet::full(100).complement().empty());
  CHECK(ActionSet(100).complement() == ActionSet::full(100));
  CHECK((a & b).is_subset_of(a));
  CHECK_FALSE(a.is_subset_of(b));
  CHECK(ActionSet(0).complement().empty());
  CHECK(members(ActionSet(0)).empty());
  CHECK(members(ActionSet::full(3)) == std::vector<ActionId>{0, 1, 2});
}
