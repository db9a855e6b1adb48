// Terraform JSON syntax: the positioned JSON reader gives the document, then block types,
// label levels and bodies are mapped to the AST with the block-type-specific exceptions of
// Terraform's JSON mapping (which strings are literal, which properties are nested blocks).
#include "terraform/json_syntax.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "terraform/hcl_file_parser.hpp"
#include "value/json_reader.hpp"

namespace iacscan::detail::tf {
namespace {

// Terraform ignores properties with this name in block bodies. They are skipped inside object
// values too: such an object may be a nested block body, and only a provider schema could
// tell, while a real attribute named "//" is too unlikely to be worth keeping.
constexpr std::string_view kCommentKey = "//";

// What a JSON object stands for. Decides which of its properties are nested blocks and how
// the strings of the others are read.
enum class BodyKind {
  generic,      // attributes only, strings are templates (locals, validation, assert, ...)
  schema,       // a provider-defined body (a dynamic block's content): `dynamic` blocks
  resource,     // resource, data: schema plus lifecycle, provisioner and connection blocks
  provisioner,  // connection blocks
  connection,   // `type` is literal
  lifecycle,    // precondition and postcondition blocks; `ignore_changes` is literal
  dynamic,      // for_each, iterator, labels and a content block
  variable,     // `type` is a type expression, `default` and `description` are literal
  output,       // precondition blocks; `description` is literal
  module,       // `source`, `version` and `providers` are literal
  provider,     // schema; `alias` and `version` are literal
  terraform,    // everything literal; backend, cloud, required_providers, provider_meta
  settings,     // inside terraform's nested blocks: everything literal; cloud's workspaces
  check,        // scoped data blocks and assert blocks
};

// How the JSON strings of one property are read.
enum class StringMode {
  template_,  // a string template, as any expression
  literal,    // the text itself, here and everywhere inside the value
  type,       // a type constraint: "list(string)"
  reference,  // a bare name written as a string: a dynamic block's iterator
};

struct BlockType {
  std::size_t labels = 0;
  BodyKind kind = BodyKind::generic;
};

// Label counts of Terraform's top-level block types. Unknown ones (Terraform rejects them)
// are read as label-less blocks so nothing in the file is lost.
BlockType top_level_block(std::string_view name) {
  if (name == "resource" || name == "data" || name == "ephemeral") {
    return {2, BodyKind::resource};
  }
  if (name == "module") return {1, BodyKind::module};
  if (name == "variable") return {1, BodyKind::variable};
  if (name == "output") return {1, BodyKind::output};
  if (name == "provider") return {1, BodyKind::provider};
  if (name == "check") return {1, BodyKind::check};
  if (name == "terraform") return {0, BodyKind::terraform};
  // `removed` takes lifecycle and provisioner blocks like a resource.
  if (name == "removed") return {0, BodyKind::resource};
  return {0, BodyKind::generic};  // locals, moved, import, ...
}

// The properties of a `kind` body that Terraform reads as nested blocks.
std::optional<BlockType> nested_block(BodyKind kind, std::string_view name) {
  const bool schema_body =
      kind == BodyKind::schema || kind == BodyKind::resource || kind == BodyKind::provider;
  if (schema_body && name == "dynamic") return BlockType{1, BodyKind::dynamic};
  switch (kind) {
    case BodyKind::resource:
      if (name == "lifecycle") return BlockType{0, BodyKind::lifecycle};
      if (name == "provisioner") return BlockType{1, BodyKind::provisioner};
      if (name == "connection") return BlockType{0, BodyKind::connection};
      break;
    case BodyKind::provisioner:
      if (name == "connection") return BlockType{0, BodyKind::connection};
      break;
    case BodyKind::lifecycle:
      if (name == "precondition" || name == "postcondition") return BlockType{};
      break;
    case BodyKind::dynamic:
      if (name == "content") return BlockType{0, BodyKind::schema};
      break;
    case BodyKind::variable:
      if (name == "validation") return BlockType{};
      break;
    case BodyKind::output:
      if (name == "precondition") return BlockType{};
      break;
    case BodyKind::terraform:
      if (name == "backend" || name == "provider_meta") return BlockType{1, BodyKind::settings};
      if (name == "cloud" || name == "required_providers") return BlockType{0, BodyKind::settings};
      break;
    case BodyKind::settings:
      if (name == "workspaces") return BlockType{0, BodyKind::settings};
      break;
    case BodyKind::check:
      if (name == "data") return BlockType{2, BodyKind::resource};
      if (name == "assert") return BlockType{};
      break;
    default:
      break;
  }
  return std::nullopt;
}

// Terraform's exceptions to "every string is a template".
StringMode string_mode(BodyKind kind, std::string_view name) {
  switch (kind) {
    case BodyKind::resource:
      if (name == "provider" || name == "depends_on") return StringMode::literal;
      break;
    case BodyKind::lifecycle:
      if (name == "ignore_changes") return StringMode::literal;
      break;
    case BodyKind::connection:
      if (name == "type") return StringMode::literal;
      break;
    case BodyKind::dynamic:
      if (name == "iterator") return StringMode::reference;
      break;
    case BodyKind::variable:
      // Every argument of a variable block is literal except its type.
      return name == "type" ? StringMode::type : StringMode::literal;
    case BodyKind::output:
      if (name == "description" || name == "sensitive" || name == "depends_on") {
        return StringMode::literal;
      }
      break;
    case BodyKind::module:
      if (name == "source" || name == "version" || name == "providers" || name == "depends_on") {
        return StringMode::literal;
      }
      break;
    case BodyKind::provider:
      if (name == "alias" || name == "version") return StringMode::literal;
      break;
    case BodyKind::terraform:
    case BodyKind::settings:
      return StringMode::literal;
    default:
      break;
  }
  return StringMode::template_;
}

Span join(const Span& first, const Span& last) {
  return Span{first.file, Range{first.range.start_line, first.range.start_column,
                                last.range.end_line, last.range.end_column}};
}

Location location(const std::string& path, const Span& span) {
  return Location{path, span.range.start_line, span.range.start_column, span.range.end_line,
                  span.range.end_column};
}

Diagnostic diagnostic(DiagnosticCode code, DiagnosticLevel level, std::string message,
                      Location where) {
  Diagnostic d;
  d.code = code;
  d.level = level;
  d.message = std::move(message);
  d.location = std::move(where);
  return d;
}

Expr literal_expr(const Value& value) {
  Expr e;
  e.kind = Expr::Kind::literal;
  e.span = value.span;
  e.literal = value;
  return e;
}

Expr string_expr(std::string text, const Span& span) {
  return literal_expr(Value::string(std::move(text), span));
}

Expr string_to_expr(const Value& value, StringMode mode) {
  switch (mode) {
    case StringMode::template_:
      return parse_template_text(value.text(), value.span);
    case StringMode::type:
    case StringMode::reference:
      if (auto parsed = parse_hcl_expression(value.text(), value.span)) return std::move(*parsed);
      break;
    case StringMode::literal:
      break;
  }
  return literal_expr(value);
}

// A JSON value as an expression: objects and arrays become object and tuple constructors,
// strings are read per `mode`.
Expr to_expr(const Value& value, StringMode mode) {
  // Type and reference strings are only ever the whole value; anything nested is literal.
  const StringMode inner = mode == StringMode::template_ ? mode : StringMode::literal;
  if (value.is_string()) return string_to_expr(value, mode);
  if (value.is_list()) {
    Expr tuple;
    tuple.kind = Expr::Kind::tuple;
    tuple.span = value.span;
    tuple.children.reserve(value.items().size());
    for (const Value& item : value.items()) tuple.children.push_back(to_expr(item, inner));
    return tuple;
  }
  if (value.is_map()) {
    Expr object;
    object.kind = Expr::Kind::object;
    object.span = value.span;
    object.children.reserve(value.entries().size() * 2);
    for (const Value::Entry& entry : value.entries()) {
      if (entry.key == kCommentKey) continue;
      // Property names of an object expression are templates too, like its strings.
      object.children.push_back(inner == StringMode::template_
                                    ? parse_template_text(entry.key, entry.key_span)
                                    : string_expr(entry.key, entry.key_span));
      object.children.push_back(to_expr(entry.value, inner));
    }
    return object;
  }
  return literal_expr(value);
}

Attribute make_attribute(const Value::Entry& entry, StringMode mode) {
  Attribute attribute;
  attribute.name = entry.key;
  attribute.name_span = entry.key_span;
  attribute.span = join(entry.key_span, entry.value.span);
  attribute.expr = to_expr(entry.value, mode);
  return attribute;
}

// Reads the file and checks that its root is an object. On failure the reason is recorded in
// `out` and nothing is returned. Duplicate keys become warnings, except repeated "//"
// comments, which Terraform allows.
std::optional<Value> read_root_object(const SourceFile& file, File& out) {
  out.file = file.id;
  out.path = file.path;
  ReadResult read = read_json(file.content, file.id);
  if (!read.ok()) {
    const ReadError error = read.error.value_or(ReadError{"unreadable file", 0, 0});
    out.diagnostics.push_back(
        diagnostic(DiagnosticCode::parse_error, DiagnosticLevel::error, error.message,
                   Location{file.path, error.line, error.column, error.line, error.column}));
    return std::nullopt;
  }
  const std::string comment_duplicate = "duplicate key \"" + std::string(kCommentKey) + "\"";
  for (const ReadError& warning : read.warnings) {
    if (warning.message.starts_with(comment_duplicate)) continue;
    out.diagnostics.push_back(diagnostic(
        DiagnosticCode::duplicate_key, DiagnosticLevel::warning, warning.message,
        Location{file.path, warning.line, warning.column, warning.line, warning.column}));
  }
  if (!read.value->is_map()) {
    out.diagnostics.push_back(diagnostic(DiagnosticCode::parse_error, DiagnosticLevel::error,
                                         "the root of a Terraform JSON file must be an object",
                                         location(file.path, read.value->span)));
    return std::nullopt;
  }
  return std::move(read.value);
}

// Builds the blocks of one .tf.json file, reporting values of the wrong shape into the file's
// diagnostics.
class ConfigurationBuilder {
 public:
  explicit ConfigurationBuilder(File& out) : out_(out) {}

  void build(const Value& root) {
    out_.body.from_json = true;
    for (const Value::Entry& entry : root.entries()) {
      if (entry.key == kCommentKey) continue;
      add_blocks(entry, top_level_block(entry.key), out_.body);
    }
  }

 private:
  // The blocks a property named after a block type stands for.
  void add_blocks(const Value::Entry& property, BlockType type, Body& out) {
    Block shape;
    shape.type = property.key;
    shape.labels_span = property.key_span;
    expand(shape, property.value, type, &property.key_span, out);
  }

  // Walks one label level, or builds the block when all labels are known. A level is an
  // object (keys are labels, or the body itself) or an array of such objects, which keeps
  // the order of blocks. `opener` is the key the value was written under; a block's span
  // starts there unless it is an array element.
  void expand(const Block& shape, const Value& value, BlockType type, const Span* opener,
              Body& out) {
    if (value.is_list()) {
      for (const Value& item : value.items()) {
        if (item.is_map()) {
          expand(shape, item, type, nullptr, out);
        } else {
          report_shape(shape, item);
        }
      }
      return;
    }
    if (!value.is_map()) {
      report_shape(shape, value);
      return;
    }
    if (shape.labels.size() < type.labels) {
      for (const Value::Entry& entry : value.entries()) {
        if (entry.key == kCommentKey) continue;
        Block labelled = shape;
        labelled.labels.push_back(entry.key);
        labelled.labels_span = entry.key_span;
        expand(labelled, entry.value, type, &entry.key_span, out);
      }
      return;
    }
    Block block = shape;
    block.span = opener != nullptr ? join(*opener, value.span) : value.span;
    build_body(value, type.kind, block.body);
    out.blocks.push_back(std::move(block));
  }

  void build_body(const Value& object, BodyKind kind, Body& body) {
    body.from_json = true;
    for (const Value::Entry& entry : object.entries()) {
      if (entry.key == kCommentKey) continue;
      if (const auto nested = nested_block(kind, entry.key)) {
        add_blocks(entry, *nested, body);
      } else {
        body.attributes.push_back(make_attribute(entry, string_mode(kind, entry.key)));
      }
    }
  }

  void report_shape(const Block& shape, const Value& value) {
    std::string name = shape.type;
    for (const std::string& label : shape.labels) name += " \"" + label + "\"";
    out_.diagnostics.push_back(
        diagnostic(DiagnosticCode::parse_error, DiagnosticLevel::error,
                   "block " + name + ": expected a JSON object or an array of objects",
                   location(out_.path, value.span)));
  }

  File& out_;
};

}  // namespace

File parse_json_configuration(const SourceFile& file) {
  File out;
  std::optional<Value> root = read_root_object(file, out);
  if (root) ConfigurationBuilder(out).build(*root);
  return out;
}

File parse_json_variables(const SourceFile& file) {
  File out;
  std::optional<Value> root = read_root_object(file, out);
  if (!root) return out;
  for (const Value::Entry& entry : root->entries()) {
    if (entry.key == kCommentKey) continue;
    out.body.attributes.push_back(make_attribute(entry, StringMode::literal));
  }
  return out;
}

}  // namespace iacscan::detail::tf
