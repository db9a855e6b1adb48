// The HCL tree-sitter parser: creation, the per-thread instance, and parsing a buffer.
#include "terraform/ts_parser.hpp"

#include <cstdint>
#include <new>

namespace iacscan::detail::ts {

Parser::Parser() : parser_(ts_parser_new()) {
  if (parser_ == nullptr) throw std::bad_alloc();
  // Only fails on an ABI mismatch between runtime and grammar, which the build pins.
  ts_parser_set_language(parser_, tree_sitter_hcl());
}

Parser::~Parser() {
  ts_parser_delete(parser_);
}

namespace {

Tree parse_string(TSParser* parser, std::string_view text) {
  // A previous parse that stopped early would otherwise be resumed instead of restarted.
  ts_parser_reset(parser);
  return Tree(ts_parser_parse_string(parser, nullptr, text.data(),
                                     static_cast<std::uint32_t>(text.size())));
}

}  // namespace

Tree Parser::parse(std::string_view text) {
  // No ranges: the whole text (undoes a previous ranged parse).
  ts_parser_set_included_ranges(parser_, nullptr, 0);
  return parse_string(parser_, text);
}

Tree Parser::parse(std::string_view text, const TSRange& range) {
  if (!ts_parser_set_included_ranges(parser_, &range, 1)) return nullptr;
  return parse_string(parser_, text);
}

Parser& thread_parser() {
  thread_local Parser parser;
  return parser;
}

}  // namespace iacscan::detail::ts
