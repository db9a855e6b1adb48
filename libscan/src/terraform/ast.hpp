// The Terraform configuration AST: what the HCL native syntax (through tree-sitter) and the
// JSON syntax both become, so evaluation never cares how a file was written. Built once per
// file in parallel, then evaluated per module instance. Owns no tree-sitter state.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "iacscan/finding.hpp"
#include "value/value.hpp"

namespace iacscan::detail::tf {

enum class Op : std::uint8_t {
  add,
  subtract,
  multiply,
  divide,
  modulo,
  equal,
  not_equal,
  less,
  less_equal,
  greater,
  greater_equal,
  logical_and,
  logical_or,
  logical_not,
  negate,  // unary
};

// One expression node. A small closed set of kinds; the layout of `children` per kind is
// documented on each enumerator.
struct Expr {
  enum class Kind : std::uint8_t {
    literal,       // `literal` holds the value (string, number, bool, null)
    template_,     // children: parts (literal strings, interpolated expressions, template_if,
                   // template_for); a template that is exactly one interpolation yields that
                   // value unconverted, as Terraform does
    tuple,         // children: items
    object,        // children: key0, value0, key1, value1, ... (a bare identifier key is a
                   // literal string)
    variable,      // `name`: the root of a traversal (var, local, aws_s3_bucket, each, ...)
    get_attr,      // children[0]: object; `name`: attribute
    index,         // children[0]: collection; children[1]: key
    splat,         // children[0]: source; children[1]: the traversal applied to each element,
                   // written against the variable kSplatItem. `flag`: full splat `[*]`
                   // (false: legacy attribute-only `.*`)
    call,          // `name`: function; children: arguments. `flag`: the last argument is
                   // expanded (`f(list...)`)
    conditional,   // children: condition, then, else
    binary,        // `op`; children: left, right
    unary,         // `op`; children: operand
    for_,          // `name`: key variable (empty when only one is declared), `name2`: value
                   // variable. children: collection, key expression (object `for` only, else a
                   // null literal), value expression, condition (only when `has_condition`).
                   // `flag`: object result `{ for ... }`; `grouping`: `...` after the value
    template_if,   // children: condition, then (a template_), else (a template_, maybe empty)
    template_for,  // `name`/`name2` as for_; children: collection, body (a template_)
  };

  Kind kind = Kind::literal;
  Op op = Op::add;
  bool flag = false;
  bool grouping = false;
  bool has_condition = false;
  bool parenthesized = false;  // written in ( ): keeps a conditional from being re-associated
  Span span;
  Value literal;
  std::string name;
  std::string name2;
  std::vector<Expr> children;
};

// The variable a splat's per-element traversal starts from; not a valid HCL identifier.
inline constexpr const char* kSplatItem = "*splat*";

struct Attribute {
  std::string name;
  Span name_span;
  Span span;  // the whole `name = expr`
  Expr expr;
};

struct Block;

struct Body {
  std::vector<Attribute> attributes;  // source order; names unique (the last wins)
  std::vector<Block> blocks;          // source order
  // JSON syntax only: an object-valued property may be a nested block or a map attribute and
  // only a provider schema could tell. Such attributes are marked so evaluation can treat
  // them as either.
  bool from_json = false;

  const Attribute* attribute(std::string_view name) const noexcept {
    for (const Attribute& a : attributes)
      if (a.name == name) return &a;
    return nullptr;
  }
};

struct Block {
  std::string type;                 // "resource", "variable", "dynamic", "ingress", ...
  std::vector<std::string> labels;  // "aws_s3_bucket", "logs"
  Span span;                        // the whole block
  Span labels_span;                 // type keyword through last label; where findings about
                                    // the block as a whole point
  Body body;
};

// One parsed file: its top-level blocks (a .tf / .tf.json file) or attributes (a .tfvars
// file), plus what went wrong reading it.
struct File {
  FileId file = kNoFile;
  std::string path;  // display path of the source
  Body body;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace iacscan::detail::tf
