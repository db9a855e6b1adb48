// Value: a positioned, possibly-unknown configuration value. Every loader (CloudFormation,
// Terraform, policy JSON) produces these, so rules never care how a value was spelled.
// Unknown is a first-class state: a value a deployment would only know later (an unresolved
// variable, a resource attribute known after apply), never a guess.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace iacscan::detail {

using FileId = std::uint32_t;
inline constexpr FileId kNoFile = ~FileId{0};

// 1-based line/column range; columns count bytes; end_column is inclusive.
struct Range {
  std::uint32_t start_line = 0;
  std::uint32_t start_column = 0;
  std::uint32_t end_line = 0;
  std::uint32_t end_column = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

// Where a value was written.
struct Span {
  FileId file = kNoFile;
  Range range;
  bool valid() const noexcept { return file != kNoFile && range.start_line != 0; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Where a value came from when that is not where it is used: the default of a parameter or
// variable, a module argument. Reports show it as a related location.
struct Provenance {
  Span span;
  std::string note;  // e.g. "default of parameter \"WebsiteAcl\""
};

class Value;

// A string that serialises a document (the result of Terraform's jsonencode, the json of an
// aws_iam_policy_document, a template rendered around unknown parts) keeps what a reader of
// the document needs and the text alone loses: the positioned structure it was encoded from,
// or the text with a marker where an unknown part was. The string itself may be unknown.
struct EncodedText {
  std::shared_ptr<const Value> structure;  // null when only the text is known
  std::string partial_text;                // kUnknownMarker stands for each unknown part
};

// U+E000 (private use): valid inside a JSON string, never written by AWS or Terraform.
inline constexpr std::string_view kUnknownMarker = "\xEE\x80\x80";

class Value {
 public:
  enum class Kind : std::uint8_t { null, boolean, number, string, list, map, unknown };
  struct Entry;
  using List = std::vector<Value>;
  using Map = std::vector<Entry>;  // source order; keys are unique after loading

  Value() = default;  // null without position
  static Value null(Span span = {});
  static Value boolean(bool value, Span span = {});
  // `text` keeps the number as written ("010", "1e3") for messages and exact comparisons.
  static Value number(double value, std::string text, Span span = {});
  static Value string(std::string value, Span span = {});
  static Value list(List items, Span span = {});
  static Value map(Map entries, Span span = {});
  // `reason` says why it is unknown, e.g. "variable \"acl\" has no value".
  static Value unknown(std::string reason, Span span = {});

  Kind kind() const noexcept { return kind_; }
  bool is_null() const noexcept { return kind_ == Kind::null; }
  bool is_bool() const noexcept { return kind_ == Kind::boolean; }
  bool is_number() const noexcept { return kind_ == Kind::number; }
  bool is_string() const noexcept { return kind_ == Kind::string; }
  bool is_list() const noexcept { return kind_ == Kind::list; }
  bool is_map() const noexcept { return kind_ == Kind::map; }
  bool is_unknown() const noexcept { return kind_ == Kind::unknown; }
  // True when neither this value nor anything inside it is unknown.
  bool is_fully_known() const noexcept;

  bool as_bool() const noexcept { return bool_; }
  double as_number() const noexcept { return number_; }
  // String value, number text, or unknown reason.
  const std::string& text() const noexcept { return text_; }
  const List& items() const noexcept { return items_; }
  List& items() noexcept { return items_; }
  const Map& entries() const noexcept { return entries_; }
  Map& entries() noexcept { return entries_; }

  // Map lookup by key; nullptr when absent or not a map.
  const Value* find(std::string_view key) const noexcept;
  Value* find(std::string_view key) noexcept;
  // Sets or replaces a map entry (the value must be a map).
  void set(std::string key, Value value, Span key_span = {});

  // Scalar rendering for messages: strings as-is, numbers as written, bools as true/false.
  std::string to_display_string() const;

  Span span;
  // Addresses of the resources this value was derived from ("aws_s3_bucket.logs",
  // "LogsBucket"), whether or not the value itself is known. Loaders fill it for
  // references; the graph turns it into edges.
  std::vector<std::string> refs;
  // Set when the value was resolved from somewhere else (see Provenance); shared because
  // evaluation copies values freely.
  std::shared_ptr<const Provenance> origin;
  // Unknown values only: the few values it can take, when that is known (a parameter's
  // AllowedValues, both branches of an Fn::If on an unknown condition); null when anything is
  // possible. Shared, like origin, so copying a value stays cheap.
  std::shared_ptr<const List> candidates;
  // Strings (or unknown strings) that serialise a document; see EncodedText.
  std::shared_ptr<const EncodedText> encoded;

 private:
  Kind kind_ = Kind::null;
  bool bool_ = false;
  double number_ = 0;
  std::string text_;
  List items_;
  Map entries_;
};

struct Value::Entry {
  std::string key;
  Span key_span;
  Value value;
};

}  // namespace iacscan::detail
