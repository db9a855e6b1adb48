// Builds positioned Values from yaml-cpp's event API. yaml-cpp reports only where a node
// starts, so node ends are found by scanning the source from there; aliases are expanded here,
// under a node budget, because yaml-cpp's own Node API would expand "billion laughs" unbounded.
#include "value/yaml_reader.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include "value/line_index.hpp"
#include "value/yaml_scalar.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <exception>
#include <optional>
#include <sstream>
#include <system_error>
#include <utility>
#include <vector>

namespace iacscan::detail {
namespace {

// ---------------------------------------------------------------------------------------------
// Source scanning: where nodes end. All offsets index the whole input text.

bool is_blank(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}
bool is_flow_indicator(char c) noexcept {
  return c == ',' || c == '[' || c == ']' || c == '{' || c == '}';
}

std::size_t skip_space_and_comments(std::string_view text, std::size_t pos) {
  while (pos < text.size()) {
    if (is_blank(text[pos])) {
      ++pos;
    } else if (text[pos] == '#') {
      while (pos < text.size() && text[pos] != '\n') ++pos;
    } else {
      break;
    }
  }
  return pos;
}

// Where a node's content begins once its tag and anchor (`!Ref`, `&base`) are skipped.
struct NodeStart {
  std::size_t content = 0;
  std::optional<std::size_t> property_end;  // last byte of the last tag or anchor
  bool content_on_later_line = false;       // a line break separates properties and content
};

NodeStart skip_properties(std::string_view text, std::size_t pos) {
  NodeStart start;
  while (pos < text.size() && (text[pos] == '!' || text[pos] == '&')) {
    if (text.substr(pos, 2) == "!<") {  // verbatim tag: !<tag:example.com,2000:x>
      const std::size_t close = text.find('>', pos);
      pos = close == std::string_view::npos ? text.size() : close + 1;
    } else {
      while (pos < text.size() && !is_blank(text[pos]) && !is_flow_indicator(text[pos])) ++pos;
    }
    start.property_end = pos - 1;
    const std::size_t next = skip_space_and_comments(text, pos);
    start.content_on_later_line = text.substr(pos, next - pos).find('\n') != std::string::npos;
    pos = next;
  }
  start.content = pos;
  return start;
}

// The closing quote of a single- or double-quoted scalar ('' and \" do not close it).
std::size_t quoted_scalar_end(std::string_view text, std::size_t open) {
  const char quote = text[open];
  for (std::size_t pos = open + 1; pos < text.size(); ++pos) {
    if (quote == '"' && text[pos] == '\\') {
      ++pos;
    } else if (text[pos] == quote) {
      if (quote == '\'' && pos + 1 < text.size() && text[pos + 1] == '\'') {
        ++pos;
      } else {
        return pos;
      }
    }
  }
  return text.size() - 1;
}

// A plain scalar has no escapes and folding only changes whitespace, so its last byte is where
// we have seen as many non-blank bytes as the parsed value has; this also covers plain scalars
// continued over several lines.
std::optional<std::size_t> plain_scalar_end(std::string_view text, std::size_t start,
                                            std::string_view value) {
  auto remaining = static_cast<std::size_t>(
      std::count_if(value.begin(), value.end(), [](char c) { return !is_blank(c); }));
  std::optional<std::size_t> end;
  for (std::size_t pos = start; remaining > 0 && pos < text.size(); ++pos) {
    if (is_blank(text[pos])) continue;
    end = pos;
    --remaining;
  }
  return end;
}

std::size_t line_begin(std::string_view text, std::size_t pos) {
  const std::size_t newline = text.rfind('\n', pos == 0 ? 0 : pos - 1);
  return pos == 0 || newline == std::string_view::npos ? 0 : newline + 1;
}

std::size_t leading_spaces(std::string_view text, std::size_t pos) {
  std::size_t count = 0;
  while (pos + count < text.size() && text[pos + count] == ' ') ++count;
  return count;
}

// A literal (|) or folded (>) block scalar ends on the last non-blank line indented deeper than
// the line holding its indicator; its content indentation is set by the first non-blank line.
std::size_t block_scalar_end(std::string_view text, std::size_t indicator) {
  const std::size_t header_indent = leading_spaces(text, line_begin(text, indicator));
  std::size_t end = indicator;
  bool explicit_indent = false;
  for (std::size_t pos = indicator + 1; pos < text.size(); ++pos) {
    const char c = text[pos];
    if (c != '+' && c != '-' && !std::isdigit(static_cast<unsigned char>(c))) break;
    explicit_indent = explicit_indent || (c != '+' && c != '-');
    end = pos;
  }
  std::size_t content_indent = 0;
  std::size_t line = text.find('\n', indicator);
  while (line != std::string_view::npos && ++line < text.size()) {
    std::size_t stop = text.find('\n', line);
    if (stop == std::string_view::npos) stop = text.size();
    const std::size_t indent = leading_spaces(text, line);
    const std::size_t first = text.find_first_not_of(" \t\r", line + indent);
    if (first != std::string_view::npos && first < stop) {  // not a blank line
      if (content_indent == 0) {
        if (indent <= header_indent) break;
        content_indent = explicit_indent ? header_indent + 1 : indent;
      }
      if (indent < content_indent) break;
      end = stop > line && text[stop - 1] == '\r' ? stop - 2 : stop - 1;
    }
    line = stop < text.size() ? stop : std::string_view::npos;
  }
  return end;
}

std::size_t alias_end(std::string_view text, std::size_t star) {
  std::size_t pos = star + 1;
  while (pos < text.size() && !is_blank(text[pos]) && !is_flow_indicator(text[pos])) ++pos;
  return pos - 1;
}

// The closing bracket of a flow collection, searched after its last child.
std::optional<std::size_t> flow_collection_close(std::string_view text, std::size_t from,
                                                 char closer) {
  std::size_t pos = skip_space_and_comments(text, from);
  while (pos < text.size() && text[pos] == ',') pos = skip_space_and_comments(text, pos + 1);
  if (pos < text.size() && text[pos] == closer) return pos;
  return std::nullopt;
}

// Length of a null literal written at `pos` (~, null, Null, NULL), 0 when there is none.
std::size_t null_literal_length(std::string_view text, std::size_t pos) {
  for (std::string_view literal : {"null", "Null", "NULL", "~"}) {
    if (text.substr(pos, literal.size()) != literal) continue;
    const std::size_t after = pos + literal.size();
    if (after == text.size() || is_blank(text[after]) || is_flow_indicator(text[after]) ||
        text[after] == ':' || text[after] == '#') {
      return literal.size();
    }
  }
  return 0;
}

bool followed_by_mapping_colon(std::string_view text, std::size_t pos) {
  while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
  return pos < text.size() && text[pos] == ':' &&
         (pos + 1 == text.size() || is_blank(text[pos + 1]) || is_flow_indicator(text[pos + 1]));
}

// ---------------------------------------------------------------------------------------------
// Tags

enum class TagKind { none, string, standard, application };

TagKind classify_tag(const std::string& tag) {
  constexpr std::string_view kCoreTagPrefix = "tag:yaml.org,2002:";
  if (tag.empty() || tag == "?" || tag == "!") return TagKind::none;  // non-specific tags
  if (tag == "tag:yaml.org,2002:str") return TagKind::string;
  if (tag.compare(0, kCoreTagPrefix.size(), kCoreTagPrefix) == 0) return TagKind::standard;
  return TagKind::application;
}

// The value of a scalar event. yaml-cpp tags untagged plain scalars "?" and untagged quoted or
// block scalars "!"; with an explicit tag we look at the source to tell the styles apart.
Value scalar_value(const std::string& tag, const std::string& text, bool quoted_or_block,
                   Span span) {
  switch (classify_tag(tag)) {
    case TagKind::string:
      return Value::string(text, span);
    case TagKind::standard:  // !!int, !!bool, !!null ...: resolve the text
      return resolve_plain_scalar(text, span);
    case TagKind::none:
      if (tag == "!") return Value::string(text, span);
      return resolve_plain_scalar(text, span);
    case TagKind::application:
      break;
  }
  return quoted_or_block ? Value::string(text, span) : resolve_plain_scalar(text, span);
}

// ---------------------------------------------------------------------------------------------
// Anchors
//
// An anchored node is moved into a side table and its place in the tree holds a placeholder;
// aliases deep-copy from the table (charging every copied node to the budget), and once the
// document is complete each placeholder gets its node back. Anchors thus cost no copies at
// all, and only what aliases produce counts against the budget.

constexpr std::string_view kPlaceholderPrefix{"\0yaml-anchor:", 13};

Value make_placeholder(YAML::anchor_t anchor) {
  return Value::unknown(std::string{kPlaceholderPrefix} + std::to_string(anchor));
}

std::optional<YAML::anchor_t> placeholder_anchor(const Value& value) {
  if (!value.is_unknown()) return std::nullopt;
  const std::string& text = value.text();
  if (text.compare(0, kPlaceholderPrefix.size(), kPlaceholderPrefix) != 0) return std::nullopt;
  YAML::anchor_t anchor = 0;
  std::from_chars(text.data() + kPlaceholderPrefix.size(), text.data() + text.size(), anchor);
  return anchor;
}

// Thrown from event callbacks to stop yaml-cpp; `offset` indexes the input text.
struct BuildFailure {
  std::string message;
  std::size_t offset = 0;
};

std::size_t alias_budget(const ReadLimits& limits, std::size_t input_bytes) {
  if (limits.max_alias_nodes != 0) return limits.max_alias_nodes;
  constexpr std::size_t kMin = 100'000;
  constexpr std::size_t kMax = 1'000'000;  // ~200 MB of Values at worst
  return std::clamp(input_bytes * 50, kMin, kMax);
}

// ---------------------------------------------------------------------------------------------
// The event handler

class ValueBuilder final : public YAML::EventHandler {
 public:
  ValueBuilder(std::string_view text, std::size_t base, FileId file, const YamlTagHandler& tags,
               const ReadLimits& limits)
      : text_(text),
        base_(base),
        file_(file),
        tags_(tags),
        max_depth_(limits.max_depth),
        alias_budget_(alias_budget(limits, text.size())),
        lines_(text) {}

  // The document's root with every anchored node back in place.
  Value finish() {
    Value root = root_ ? std::move(*root_) : Value::null();
    if (has_placeholders_) restore_anchors(root);
    return root;
  }

  std::vector<ReadError> take_warnings() { return std::move(warnings_); }

  std::pair<std::uint32_t, std::uint32_t> line_column(std::size_t offset) const {
    return lines_.at(std::min(offset, text_.size()));
  }
  std::size_t offset(const YAML::Mark& mark) const {
    return mark.pos < 0 ? text_.size()
                        : std::min(base_ + static_cast<std::size_t>(mark.pos), text_.size());
  }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::size_t start = offset(mark);
    const NodeStart node = skip_properties(text_, start);
    Node built{Value::null(), "", start, start};
    if (const auto literal = written_null_length(node)) {
      built.end = node.content + literal - 1;
      built.key_text = std::string{text_.substr(node.content, literal)};
      built.value.span = span(node.content, built.end);
    } else {
      // Nothing written: yaml-cpp's mark is then the next token, so point at the indicator
      // (the ':' or '-') or the property that introduced the empty value.
      const std::size_t at = node.property_end ? *node.property_end : empty_value_position();
      built.start = std::min(start, at);
      built.end = at;
      built.value.span = span(at, at);
    }
    complete(std::move(built), "", anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    const std::size_t start = offset(mark);
    const std::size_t end = alias_end(text_, start);
    const Anchored* target = anchor < anchors_.size() ? &anchors_[anchor] : nullptr;
    if (target == nullptr || !target->complete) {
      throw BuildFailure{"alias refers to a node that contains it", start};
    }
    alias_start_ = start;
    Value copy = expand(target->value, stack_.size() + 1);
    copy.span = span(start, end);  // the copy is used here; its children keep their own spans
    last_end_ = end;
    attach(Node{std::move(copy), target->key_text, start, end});
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const std::size_t start = offset(mark);
    const NodeStart node = skip_properties(text_, start);
    const std::size_t end = scalar_end(node, start, value);
    const Span content_span = span(std::min(node.content, end), end);
    Value built = scalar_value(tag, value, is_quoted_or_block(node, value), content_span);
    complete(Node{std::move(built), value, start, end}, tag, anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open_collection(mark, tag, anchor, false);
  }
  void OnSequenceEnd() override { close_collection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open_collection(mark, tag, anchor, true);
  }
  void OnMapEnd() override { close_collection(); }

 private:
  // A finished node on its way into its parent.
  struct Node {
    Value value;
    std::string key_text;   // how the node reads as a map key (scalars: as written)
    std::size_t start = 0;  // first byte, including tag and anchor
    std::size_t end = 0;    // last byte
  };
  struct PendingKey {
    std::string text;
    Span span;
  };
  // A collection being filled.
  struct Frame {
    Value value;
    std::string tag;
    YAML::anchor_t anchor = 0;
    std::size_t start = 0;    // first byte, including tag and anchor
    std::size_t content = 0;  // '[', '{' or the first child
    std::optional<std::size_t> last_end;
    std::optional<PendingKey> key;  // maps: the key whose value comes next
  };
  struct Anchored {
    Value value;
    std::string key_text;
    bool complete = false;
  };

  Span span(std::size_t start, std::size_t end) const {
    const auto [start_line, start_column] = line_column(start);
    const auto [end_line, end_column] = line_column(end);
    return Span{file_, Range{start_line, start_column, end_line, end_column}};
  }

  bool expecting_key() const {
    return !stack_.empty() && stack_.back().value.is_map() && !stack_.back().key;
  }

  // A null literal at the node's content counts only if it belongs to this node: when the value
  // is empty, yaml-cpp's mark points at the next key, which may itself be spelled "null".
  std::size_t written_null_length(const NodeStart& node) const {
    if (node.content_on_later_line && node.property_end) return 0;
    const std::size_t length = null_literal_length(text_, node.content);
    if (length == 0) return 0;
    if (!expecting_key() && followed_by_mapping_colon(text_, node.content + length)) return 0;
    return length;
  }

  // The ':' after the key of an empty map value, or the '-' of an empty sequence item.
  std::size_t empty_value_position() const {
    if (!stack_.empty() && stack_.back().value.is_list() && !stack_.back().last_end) {
      return stack_.back().content;  // the first item's '-'
    }
    const std::size_t pos = skip_space_and_comments(text_, last_end_ + 1);
    if (pos < text_.size() && (text_[pos] == ':' || text_[pos] == '-')) return pos;
    return std::min(last_end_, text_.size());
  }

  bool is_quoted_or_block(const NodeStart& node, const std::string& value) const {
    if (node.content >= text_.size() || (value.empty() && node.content_on_later_line)) {
      return false;
    }
    const char c = text_[node.content];
    return c == '"' || c == '\'' || c == '|' || c == '>';
  }

  std::size_t scalar_end(const NodeStart& node, std::size_t start, const std::string& value) {
    const std::size_t fallback = node.property_end ? *node.property_end : start;
    // An empty tagged scalar (`!GetAZs` at the end of a line) ends with its tag.
    if (node.content >= text_.size() || (value.empty() && node.content_on_later_line)) {
      return text_.empty() ? 0 : std::min(fallback, text_.size() - 1);
    }
    switch (text_[node.content]) {
      case '"':
      case '\'':
        return quoted_scalar_end(text_, node.content);
      case '|':
      case '>':
        return block_scalar_end(text_, node.content);
      default:
        return plain_scalar_end(text_, node.content, value).value_or(fallback);
    }
  }

  void open_collection(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       bool is_map) {
    const std::size_t start = offset(mark);
    if (stack_.size() + 1 > max_depth_) {
      throw BuildFailure{"nesting deeper than " + std::to_string(max_depth_) + " levels", start};
    }
    Frame frame;
    frame.value = is_map ? Value::map({}) : Value::list({});
    frame.tag = tag;
    frame.anchor = anchor;
    frame.start = start;
    frame.content = skip_properties(text_, start).content;
    stack_.push_back(std::move(frame));
  }

  void close_collection() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    const bool is_map = frame.value.is_map();
    if (is_map && frame.key) {  // a key without a value reads as key: null
      frame.value.entries().push_back(
          Value::Entry{std::move(frame.key->text), frame.key->span, Value::null(frame.key->span)});
    }
    if (is_map) drop_shadowed_keys(frame.value.entries(), warnings_);
    const std::size_t end = collection_end(frame, is_map ? '}' : ']');
    frame.value.span = span(std::min(frame.content, end), end);
    std::string key_text = frame.value.to_display_string();
    complete(Node{std::move(frame.value), std::move(key_text), frame.start, end}, frame.tag,
             frame.anchor);
  }

  // Flow collections end at their closing bracket, block collections with their last child.
  std::size_t collection_end(const Frame& frame, char closer) const {
    const bool bracketed = frame.content < text_.size() &&
                           (text_[frame.content] == '[' || text_[frame.content] == '{');
    const std::size_t after_children = frame.last_end.value_or(frame.content);
    if (bracketed) {
      if (const auto close = flow_collection_close(text_, after_children + 1, closer)) {
        return *close;
      }
    }
    return std::min(after_children, text_.size() == 0 ? 0 : text_.size() - 1);
  }

  void complete(Node node, const std::string& tag, YAML::anchor_t anchor) {
    if (tags_ && classify_tag(tag) == TagKind::application) {
      node.value = tags_(tag, std::move(node.value), span(node.start, node.end));
    }
    last_end_ = node.end;
    if (anchor != 0) remember_anchor(anchor, node);
    attach(std::move(node));
  }

  void remember_anchor(YAML::anchor_t anchor, Node& node) {
    if (anchors_.size() <= anchor) anchors_.resize(anchor + 1);
    Anchored& slot = anchors_[anchor];
    slot.key_text = node.key_text;
    slot.complete = true;
    if (expecting_key()) {  // keys become plain strings, so keep a copy of the node itself
      slot.value = node.value;
      return;
    }
    slot.value = std::move(node.value);
    node.value = make_placeholder(anchor);
    has_placeholders_ = true;
  }

  void attach(Node node) {
    if (stack_.empty()) {
      if (!root_) root_ = std::move(node.value);
      return;
    }
    Frame& parent = stack_.back();
    parent.last_end = node.end;
    if (parent.value.is_list()) {
      parent.value.items().push_back(std::move(node.value));
    } else if (!parent.key) {
      parent.key = PendingKey{std::move(node.key_text), node.value.span};
    } else {
      parent.value.entries().push_back(
          Value::Entry{std::move(parent.key->text), parent.key->span, std::move(node.value)});
      parent.key.reset();
    }
  }

  // Deep copy for an alias at nesting `level`, resolving placeholders of nested anchors.
  Value expand(const Value& value, std::size_t level) {
    if (++alias_nodes_ > alias_budget_) {
      throw BuildFailure{
          "alias expansion exceeds limit of " + std::to_string(alias_budget_) + " nodes",
          alias_start_};
    }
    if (const auto anchor = placeholder_anchor(value))
      return expand(anchors_[*anchor].value, level);
    if (!value.is_list() && !value.is_map()) return value;
    if (level > max_depth_) {
      throw BuildFailure{"nesting deeper than " + std::to_string(max_depth_) + " levels",
                         alias_start_};
    }
    Value copy = value.is_list() ? Value::list({}, value.span) : Value::map({}, value.span);
    copy.refs = value.refs;
    copy.origin = value.origin;
    if (value.is_list()) {
      copy.items().reserve(value.items().size());
      for (const Value& item : value.items()) copy.items().push_back(expand(item, level + 1));
    } else {
      copy.entries().reserve(value.entries().size());
      for (const Value::Entry& e : value.entries()) {
        copy.entries().push_back(Value::Entry{e.key, e.key_span, expand(e.value, level + 1)});
      }
    }
    return copy;
  }

  void restore_anchors(Value& value) {
    while (const auto anchor = placeholder_anchor(value)) {
      value = std::move(anchors_[*anchor].value);
    }
    if (value.is_list()) {
      for (Value& item : value.items()) restore_anchors(item);
    } else if (value.is_map()) {
      for (Value::Entry& e : value.entries()) restore_anchors(e.value);
    }
  }

  std::string_view text_;
  std::size_t base_;  // bytes before what yaml-cpp sees (a UTF-8 BOM)
  FileId file_;
  const YamlTagHandler& tags_;
  std::size_t max_depth_;
  std::size_t alias_budget_;
  LineIndex lines_;

  std::vector<Frame> stack_;
  std::optional<Value> root_;
  std::vector<Anchored> anchors_;  // by yaml-cpp anchor id
  bool has_placeholders_ = false;
  std::size_t last_end_ = 0;  // last byte of the most recently finished node
  std::size_t alias_nodes_ = 0;
  std::size_t alias_start_ = 0;
  std::vector<ReadError> warnings_;
};

ReadError error_at(const ValueBuilder& builder, std::string message, std::size_t offset) {
  const auto [line, column] = builder.line_column(offset);
  return ReadError{std::move(message), line, column};
}

}  // namespace

ReadResult read_yaml(std::string_view text, FileId file, const YamlTagHandler& tags,
                     const ReadLimits& limits) {
  const std::size_t base = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
  ValueBuilder builder(text, base, file, tags, limits);
  try {
    std::istringstream input{std::string{text.substr(base)}};
    YAML::Parser parser(input);
    parser.HandleNextDocument(builder);  // only the first document
    Value root = builder.finish();
    return ReadResult{std::move(root), std::nullopt, builder.take_warnings()};
  } catch (const BuildFailure& failure) {
    return ReadResult::failed(error_at(builder, failure.message, failure.offset));
  } catch (const YAML::DeepRecursion& e) {
    // yaml-cpp's own recursion guard fires before ours and says only "bad file".
    return ReadResult::failed(error_at(builder, "nesting too deep", builder.offset(e.mark)));
  } catch (const YAML::Exception& e) {
    if (e.mark.pos < 0 && e.mark.line >= 0) {
      return ReadResult::failed(ReadError{e.msg, static_cast<std::uint32_t>(e.mark.line) + 1,
                                          static_cast<std::uint32_t>(e.mark.column) + 1});
    }
    return ReadResult::failed(error_at(builder, e.msg, builder.offset(e.mark)));
  } catch (const std::exception& e) {
    // Anything else (e.g. a tag handler giving up, or memory) is still just a read failure.
    return ReadResult::failed(ReadError{e.what(), 0, 0});
  }
}

}  // namespace iacscan::detail
