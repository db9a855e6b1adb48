// RAII ownership of tree-sitter objects (parser, tree, cursor) for the HCL grammar.
// Tree-sitter types stay inside libscan/src/terraform/: nothing outside this directory may
// include this header.
#pragma once

#include <tree_sitter/api.h>

#include <memory>
#include <string_view>

extern "C" const TSLanguage* tree_sitter_hcl(void);

namespace iacscan::detail::ts {

struct TreeDeleter {
  void operator()(TSTree* tree) const noexcept { ts_tree_delete(tree); }
};
using Tree = std::unique_ptr<TSTree, TreeDeleter>;

// One HCL parser. Creating a parser allocates, so use thread_parser() rather than one per file.
class Parser {
 public:
  Parser();
  ~Parser();
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;

  // Parses `text` from scratch; null only if tree-sitter gives up (it has no timeout set).
  // `text` must be shorter than 4 GiB (tree-sitter lengths are 32-bit).
  Tree parse(std::string_view text);
  // Parses only `range` of `text`; nodes keep their positions in the whole text.
  Tree parse(std::string_view text, const TSRange& range);

 private:
  TSParser* parser_;
};

// The calling thread's parser, created on first use and reused for every later file.
Parser& thread_parser();

// A tree cursor; reset() re-roots it at any node while keeping its allocated stack, so one
// cursor serves a whole file.
class Cursor {
 public:
  explicit Cursor(TSNode root) : cursor_(ts_tree_cursor_new(root)) {}
  ~Cursor() { ts_tree_cursor_delete(&cursor_); }
  Cursor(const Cursor&) = delete;
  Cursor& operator=(const Cursor&) = delete;

  TSTreeCursor* get() noexcept { return &cursor_; }
  void reset(TSNode node) noexcept { ts_tree_cursor_reset(&cursor_, node); }

 private:
  TSTreeCursor cursor_;
};

}  // namespace iacscan::detail::ts
