// parse_hcl_file: checks the bytes, parses with the thread's HCL parser, reports the first
// syntax error, and turns every error-free top-level block and attribute into AST.
#include "terraform/hcl_file_parser.hpp"

#include <string_view>

#include "terraform/hcl_body.hpp"
#include "terraform/hcl_expr_builder.hpp"
#include "terraform/hcl_syntax.hpp"
#include "terraform/hcl_text.hpp"
#include "terraform/ts_parser.hpp"

namespace iacscan::detail {
namespace {

using hcl::SyntaxContext;

// Far above any real .tf file; bounds the parser's memory (trees take ~10x the input) and
// keeps lengths inside tree-sitter's 32-bit offsets.
constexpr std::size_t kMaxFileBytes = std::size_t{64} << 20;

Location location(const std::string& path, const Span& span) {
  return Location{path, span.range.start_line, span.range.start_column, span.range.end_line,
                  span.range.end_column};
}

Diagnostic diagnostic(DiagnosticCode code, std::string message, Location where) {
  Diagnostic d;
  d.code = code;
  d.message = std::move(message);
  d.location = std::move(where);
  return d;
}

// The first ERROR or MISSING node in source order. Walks down one path of the tree (the
// first child with an error at each level), so deep trees cost no recursion.
TSNode first_error(SyntaxContext& context, TSNode root) {
  TSNode node = root;
  for (;;) {
    if (ts_node_is_error(node) || ts_node_is_missing(node)) return node;
    ts::Cursor& cursor = context.cursor();
    cursor.reset(node);
    TSTreeCursor* c = cursor.get();
    bool descended = false;
    if (ts_tree_cursor_goto_first_child(c)) {
      do {
        TSNode child = ts_tree_cursor_current_node(c);
        if (ts_node_has_error(child)) {
          node = child;
          descended = true;
          break;
        }
      } while (ts_tree_cursor_goto_next_sibling(c));
    }
    if (!descended) return node;
  }
}

// How a missing token reads in a message: punctuation quoted, grammar names spelled out.
std::string describe_missing(TSNode node) {
  std::string_view type = ts_node_type(node);
  if (!ts_node_is_named(node)) return "\"" + std::string(type) + "\"";
  if (type == "quoted_template_end") return "closing '\"'";
  if (type == "template_interpolation_end" || type == "template_directive_end" ||
      type == "block_end" || type == "object_end") {
    return "\"}\"";
  }
  if (type == "tuple_end") return "\"]\"";
  if (type == "heredoc_identifier") return "heredoc end marker";
  std::string words(type);
  for (char& c : words) c = c == '_' ? ' ' : c;
  return words;
}

Diagnostic syntax_error(SyntaxContext& context, const std::string& path, TSNode root) {
  TSNode error = first_error(context, root);
  Location where = location(path, context.span(error));
  if (ts_node_is_missing(error)) {
    return diagnostic(DiagnosticCode::parse_error,
                      "syntax error: missing " + describe_missing(error), std::move(where));
  }
  std::string_view text = context.text(error);
  text = text.substr(0, text.find('\n'));
  // An ERROR node can swallow the rest of the file; point at its first line only.
  where.end_line = where.start_line;
  where.end_column =
      where.start_column + static_cast<std::uint32_t>(text.empty() ? 0 : text.size() - 1);
  if (text.empty()) {
    return diagnostic(DiagnosticCode::parse_error, "syntax error: unexpected end of input",
                      std::move(where));
  }
  return diagnostic(DiagnosticCode::parse_error,
                    "syntax error: unexpected \"" + hcl::excerpt(text, 40) + "\"",
                    std::move(where));
}

// A stretch of the file covered by top-level nodes with syntax errors.
struct Damage {
  TSRange range{};
  bool active = false;
};

// Whether a line opens a top-level block: a block keyword at column 0 followed by a label or
// brace. Used only to cut damaged stretches into blocks; never applied to valid code.
bool opens_top_level_block(std::string_view line) {
  static constexpr std::string_view kKeywords[] = {"resource", "data",   "module",   "variable",
                                                   "locals",   "output", "provider", "terraform"};
  for (std::string_view keyword : kKeywords) {
    if (line.size() > keyword.size() && line.substr(0, keyword.size()) == keyword) {
      char next = line[keyword.size()];
      if (next == ' ' || next == '\t' || next == '"' || next == '{') return true;
    }
  }
  return false;
}

// Turns the top-level blocks and attributes of one file into AST, in source order.
class TopLevelLoader {
 public:
  TopLevelLoader(SyntaxContext& context, tf::Body& out) : context_(context), out_(out) {}

  void load(TSNode root) {
    for_each_item(root, [&](TSNode item) {
      if (ts_node_has_error(item)) {
        add_damage(item);
      } else {
        recover_damage();
        load_item(item);
      }
    });
    recover_damage();
  }

 private:
  // Calls f for each top-level node: the children of the root's body, and anything else
  // directly under the root (ERROR nodes after a stray brace).
  template <class F>
  void for_each_item(TSNode root, F&& f) {
    hcl::Children parts(context_, root);
    for (TSNode part : parts) {
      if (hcl::is(part, hcl::symbols().body)) {
        hcl::Children items(context_, part);
        for (TSNode item : items) f(item);
      } else {
        f(part);
      }
    }
  }

  void add_damage(TSNode item) {
    if (!damage_.active) {
      damage_.range.start_byte = ts_node_start_byte(item);
      damage_.range.start_point = ts_node_start_point(item);
      damage_.active = true;
    }
    damage_.range.end_byte = ts_node_end_byte(item);
    damage_.range.end_point = ts_node_end_point(item);
  }

  // Tree-sitter's error recovery can pull the blocks after an error into the broken one (a
  // missing value makes the next "}" close an object, and the next resource becomes nested).
  // So a damaged stretch is cut at lines that open top-level blocks and each piece is parsed
  // alone; the error-free blocks among them are loaded like any other.
  void recover_damage() {
    if (!damage_.active) return;
    damage_.active = false;
    const TSRange whole = damage_.range;
    std::string_view source = context_.source();
    TSRange piece = whole;
    bool cut = false;
    std::uint32_t row = whole.start_point.row;
    for (std::size_t pos = whole.start_byte;;) {
      std::size_t newline = source.find('\n', pos);
      if (newline == std::string_view::npos || newline + 1 >= whole.end_byte) break;
      pos = newline + 1;
      ++row;
      if (!opens_top_level_block(source.substr(pos, 16))) continue;
      piece.end_byte = static_cast<std::uint32_t>(pos);
      piece.end_point = TSPoint{row, 0};
      load_piece(piece);
      piece.start_byte = piece.end_byte;
      piece.start_point = piece.end_point;
      cut = true;
    }
    // Nothing to cut at: a reparse of the same stretch would only fail the same way.
    if (!cut) return;
    piece.end_byte = whole.end_byte;
    piece.end_point = whole.end_point;
    load_piece(piece);
  }

  void load_piece(const TSRange& range) {
    ts::Tree tree = ts::thread_parser().parse(context_.source(), range);
    if (!tree) return;
    for_each_item(ts_tree_root_node(tree.get()), [&](TSNode item) {
      if (!ts_node_has_error(item)) load_item(item);
    });
  }

  void load_item(TSNode item) {
    const hcl::Symbols& sym = hcl::symbols();
    if (hcl::is(item, sym.block)) {
      out_.blocks.push_back(hcl::build_block(context_, item, 1));
    } else if (hcl::is(item, sym.attribute)) {
      tf::Attribute attribute;
      if (hcl::build_attribute(context_, item, 1, attribute)) {
        out_.attributes.push_back(std::move(attribute));
      }
    }
  }

  SyntaxContext& context_;
  tf::Body& out_;
  Damage damage_;
};

}  // namespace

namespace tf {

File parse_hcl_file(const SourceFile& file) {
  File out;
  out.file = file.id;
  out.path = file.path;
  std::string_view source = file.content;
  if (source.size() > kMaxFileBytes) {
    out.diagnostics.push_back(diagnostic(DiagnosticCode::limit_exceeded,
                                         "file larger than 64 MiB, not parsed",
                                         Location{file.path, 0, 0, 0, 0}));
    return out;
  }
  if (!hcl::is_text(source)) {
    out.diagnostics.push_back(diagnostic(DiagnosticCode::parse_error, "binary or non-UTF-8 file",
                                         Location{file.path, 0, 0, 0, 0}));
    return out;
  }
  ts::Tree tree = ts::thread_parser().parse(source);
  if (!tree) {
    out.diagnostics.push_back(
        diagnostic(DiagnosticCode::parse_error, "parser failed", Location{file.path, 0, 0, 0, 0}));
    return out;
  }
  TSNode root = ts_tree_root_node(tree.get());
  SyntaxContext context(source, file.id, root);
  if (ts_node_has_error(root)) out.diagnostics.push_back(syntax_error(context, file.path, root));
  TopLevelLoader(context, out.body).load(root);
  if (const auto& deep = context.depth_exceeded()) {
    out.diagnostics.push_back(diagnostic(
        DiagnosticCode::limit_exceeded,
        "nesting deeper than " + std::to_string(hcl::kMaxDepth) + " levels at line " +
            std::to_string(deep->range.start_line) + ": the value there is treated as unknown",
        location(file.path, *deep)));
  }
  return out;
}

namespace {

void set_spans(Expr& expr, const Span& span) {
  expr.span = span;
  expr.literal.span = span;
  for (Expr& child : expr.children) set_spans(child, span);
}

// Parses `source` (an attribute `x = ...`) and returns the expression of its attribute.
std::optional<Expr> parse_attribute_expression(const std::string& source, const Span& span) {
  if (source.size() > kMaxFileBytes) return std::nullopt;
  ts::Tree tree = ts::thread_parser().parse(source);
  if (!tree) return std::nullopt;
  TSNode root = ts_tree_root_node(tree.get());
  if (ts_node_has_error(root)) return std::nullopt;
  SyntaxContext context(source, span.file, root);
  TSNode body = ts_node_named_child(root, 0);
  if (ts_node_is_null(body) || !hcl::is(body, hcl::symbols().body)) return std::nullopt;
  TSNode attribute = ts_node_named_child(body, 0);
  if (ts_node_is_null(attribute) || !hcl::is(attribute, hcl::symbols().attribute)) {
    return std::nullopt;
  }
  Attribute parsed;
  if (!hcl::build_attribute(context, attribute, 1, parsed)) return std::nullopt;
  set_spans(parsed.expr, span);
  return std::move(parsed.expr);
}

}  // namespace

std::optional<Expr> parse_hcl_expression(std::string_view text, const Span& span) {
  std::string source = "x = ";
  source.append(text);
  source += '\n';
  return parse_attribute_expression(source, span);
}

Expr parse_template_text(std::string_view text, const Span& span) {
  if (text.find("${") != std::string_view::npos || text.find("%{") != std::string_view::npos) {
    // A heredoc keeps the text's bytes as they are (no escapes to undo); its value ends with
    // the newline before the closing marker, removed again below.
    std::string marker = "IACSCAN_EOT";
    while (text.find(marker) != std::string_view::npos) marker += "_";
    std::string source = "x = <<" + marker + "\n";
    source.append(text);
    source += "\n" + marker + "\n";
    if (auto parsed = parse_attribute_expression(source, span)) {
      Expr& e = *parsed;
      Expr* last = nullptr;
      if (e.kind == Expr::Kind::literal) last = &e;
      if (e.kind == Expr::Kind::template_ && !e.children.empty()) last = &e.children.back();
      if (last && last->kind == Expr::Kind::literal && last->literal.is_string()) {
        std::string value = last->literal.text();
        if (!value.empty() && value.back() == '\n') value.pop_back();
        last->literal = Value::string(std::move(value), span);
        if (last != &e && last->literal.text().empty()) e.children.pop_back();
      }
      return e;
    }
  }
  Expr literal;
  literal.span = span;
  literal.literal = Value::string(std::string(text), span);
  return literal;
}

}  // namespace tf
}  // namespace iacscan::detail
