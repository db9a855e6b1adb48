// Fn::Cidr on evaluated arguments: [ip block, count, subnet bits] → a list of CIDR strings.
#include <charconv>
#include <cmath>
#include <optional>
#include <utility>
#include <variant>

#include "cloudformation/cidr.hpp"
#include "cloudformation/evaluator.hpp"
#include "cloudformation/functions.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

// A small whole number written as a number or a string ("6").
std::optional<unsigned> small_number(const Value& value) {
  double number = 0;
  if (value.is_number()) {
    number = value.as_number();
  } else if (value.is_string()) {
    unsigned whole = 0;
    const std::string& text = value.text();
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), whole);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) {
      return std::nullopt;
    }
    number = whole;
  } else {
    return std::nullopt;
  }
  if (number < 0 || number > 65536 || number != std::floor(number)) return std::nullopt;
  return static_cast<unsigned>(number);
}

}  // namespace

Value fn_cidr(const Value& argument, const Span& use, TemplateEvaluator& evaluator) {
  if (!argument.is_list() || argument.items().size() != 3) {
    return malformed(evaluator, use, "Fn::Cidr takes [ip block, count, subnet bits]");
  }
  const Value block = evaluator.argument(argument.items()[0], "Fn::Cidr");
  const Value count = evaluator.argument(argument.items()[1], "Fn::Cidr");
  const Value bits = evaluator.argument(argument.items()[2], "Fn::Cidr");
  for (const Value* input : {&block, &count, &bits}) {
    if (input->is_unknown()) {
      return unknown_from("Fn::Cidr of an unknown value: " + input->text(), use,
                          {&block, &count, &bits});
    }
  }
  const auto how_many = small_number(count);
  const auto subnet_bits = small_number(bits);
  if (!block.is_string() || !how_many || !subnet_bits) {
    return malformed(evaluator, use, "Fn::Cidr takes a CIDR block string and two whole numbers",
                     {&block, &count, &bits});
  }
  auto result = cidr_subnets(block.text(), *how_many, *subnet_bits);
  if (const std::string* error = std::get_if<std::string>(&result)) {
    return malformed(evaluator, use, "Fn::Cidr: " + *error, {&block, &count, &bits});
  }
  Value::List subnets;
  for (std::string& subnet : std::get<std::vector<std::string>>(result)) {
    subnets.push_back(Value::string(std::move(subnet), use));
  }
  Value out = Value::list(std::move(subnets), use);
  for (const Value* input : {&block, &count, &bits}) add_refs(out.refs, *input);
  return out;
}

}  // namespace iacscan::detail
