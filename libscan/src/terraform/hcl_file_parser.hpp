// HCL native syntax to the Terraform AST: whole files (.tf, .tfvars), single expressions
// (`--var` values of a complex type) and template strings (the JSON syntax's strings).
// Parsing is tree-sitter's HCL grammar; nothing here exposes it.
#pragma once

#include <optional>
#include <string_view>

#include "source/source_file.hpp"
#include "terraform/ast.hpp"

namespace iacscan::detail::tf {

// Parses one file. Syntax errors give one diagnostic (the first error) and every top-level
// block or attribute that parsed cleanly is kept. Thread-safe: each thread parses with its
// own parser.
File parse_hcl_file(const SourceFile& file);

// Parses `text` as one expression; nullopt when it is not one. Every node gets `span`.
std::optional<Expr> parse_hcl_expression(std::string_view text, const Span& span);

// Parses `text` as the inside of a string template ("${...}", "%{if}..."), as Terraform
// reads every string of the JSON syntax; a string that fails to parse is its literal text.
// Every node gets `span`.
Expr parse_template_text(std::string_view text, const Span& span);

}  // namespace iacscan::detail::tf
