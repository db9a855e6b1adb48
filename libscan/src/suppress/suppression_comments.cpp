// Suppression comments are found by their markers rather than by a full tokenizer: a marker
// counts only where a comment opener precedes it on the line, which is what tells a comment
// from a string that happens to mention iacscan:ignore.
#include "suppress/suppression_comments.hpp"

#include <array>
#include <cstddef>

namespace iacscan::detail {
namespace {

bool is_blank(char c) {
  return c == ' ' || c == '\t' || c == '\r';
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

struct Marker {
  std::string_view text;
  std::string_view tool;
};
constexpr std::array<Marker, 6> kMarkers = {{{"iacscan:ignore", "iacscan"},
                                             {"checkov:skip=", "checkov"},
                                             {"bridgecrew:skip=", "checkov"},
                                             {"tfsec:ignore:", "tfsec"},
                                             {"trivy:ignore:", "tfsec"},
                                             {"iacscan:ignore-file", "iacscan"}}};

// Where the comment that holds position `marker` opens, or npos when the text before the
// marker is not "<code> <opener> <blanks>".
std::size_t comment_opener(std::string_view line, std::size_t marker, bool yaml) {
  std::size_t end = marker;
  while (end > 0 && is_blank(line[end - 1])) --end;
  if (end >= 1 && line[end - 1] == '#') {
    const std::size_t hash = end - 1;
    if (yaml && hash > 0 && !is_blank(line[hash - 1])) return std::string_view::npos;
    return hash;
  }
  if (!yaml && end >= 2 && (line.substr(end - 2, 2) == "//" || line.substr(end - 2, 2) == "/*"))
    return end - 2;
  return std::string_view::npos;
}

bool holds_code(std::string_view line, bool yaml) {
  const std::string_view text = trim(line);
  if (text.empty() || text.front() == '#') return false;
  return yaml || !(text.starts_with("//") || text.starts_with("/*") || text.starts_with("*"));
}

// "id[:exp:DATE]" into a rule; the date is checked later, where a bad one can be reported.
CommentRule parse_rule_spec(std::string_view spec) {
  CommentRule rule;
  const std::size_t exp = spec.find(":exp:");
  rule.id = std::string(spec.substr(0, exp));
  if (exp != std::string_view::npos) rule.expires = std::string(spec.substr(exp + 5));
  return rule;
}

// iacscan:ignore[-file] ID[,ID...] REASON
void parse_iacscan(std::string_view rest, SuppressionComment& out) {
  rest = trim(rest);
  std::size_t space = 0;
  while (space < rest.size() && !is_blank(rest[space])) ++space;
  std::string_view ids = rest.substr(0, space);
  while (!ids.empty()) {
    const std::size_t comma = ids.find(',');
    const std::string_view spec = ids.substr(0, comma);
    if (!spec.empty()) out.rules.push_back(parse_rule_spec(spec));
    if (comma == std::string_view::npos) break;
    ids.remove_prefix(comma + 1);
  }
  out.reason = std::string(trim(rest.substr(space)));
}

// checkov:skip=ID[,ID...][:REASON]
void parse_checkov(std::string_view rest, SuppressionComment& out) {
  const std::size_t colon = rest.find(':');
  std::string_view ids = trim(rest.substr(0, colon));
  if (colon != std::string_view::npos) out.reason = std::string(trim(rest.substr(colon + 1)));
  while (!ids.empty()) {
    const std::size_t comma = ids.find(',');
    const std::string_view id = trim(ids.substr(0, comma));
    if (!id.empty()) out.rules.push_back({std::string(id), {}});
    if (comma == std::string_view::npos) break;
    ids.remove_prefix(comma + 1);
  }
}

// tfsec:ignore:ID[:exp:DATE]: one id per marker, no reason.
void parse_tfsec(std::string_view rest, SuppressionComment& out) {
  std::size_t end = 0;
  while (end < rest.size() && !is_blank(rest[end])) ++end;
  const std::string_view spec = rest.substr(0, end);
  if (!spec.empty()) out.rules.push_back(parse_rule_spec(spec));
}

// The comment's text ends at the line's end, or at "*/" for a block comment.
std::string_view comment_text(std::string_view line, std::size_t start) {
  std::string_view text = line.substr(start);
  const std::size_t close = text.find("*/");
  if (close != std::string_view::npos) text = text.substr(0, close);
  while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

std::vector<SuppressionComment> find_suppression_comments(std::string_view text, bool yaml) {
  std::vector<SuppressionComment> found;
  std::vector<std::size_t> waiting;  // own-line comments whose code line is still ahead
  std::uint32_t number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t newline = text.find('\n', pos);
    if (newline == std::string_view::npos) newline = text.size();
    const std::string_view line = text.substr(pos, newline - pos);
    ++number;
    const bool code = holds_code(line, yaml);
    if (code) {
      for (std::size_t index : waiting) found[index].target_line = number;
      waiting.clear();
    }
    std::size_t line_opener = std::string_view::npos;  // set once a tfsec marker was accepted
    for (std::size_t search = 0; search < line.size();) {
      std::size_t best = std::string_view::npos;
      const Marker* marker = nullptr;
      for (const Marker& m : kMarkers) {
        const std::size_t at = line.find(m.text, search);
        // Prefer the longer marker at the same place: iacscan:ignore-file over iacscan:ignore.
        if (at < best || (at == best && marker && m.text.size() > marker->text.size())) {
          best = at;
          marker = &m;
        }
      }
      if (marker == nullptr || best == std::string_view::npos) break;
      search = best + marker->text.size();
      // Later tfsec markers share the first one's comment: "# tfsec:ignore:a tfsec:ignore:b".
      const bool shares_comment = marker->tool == "tfsec" && line_opener != std::string_view::npos;
      const std::size_t opener = shares_comment ? line_opener : comment_opener(line, best, yaml);
      if (opener == std::string_view::npos) continue;
      SuppressionComment comment;
      comment.tool = std::string(marker->tool);
      comment.line = number;
      comment.start_column = static_cast<std::uint32_t>(best + 1);
      std::string_view body = comment_text(line, best);
      if (marker->tool == "tfsec") body = body.substr(0, body.find_first_of(" \t"));
      comment.end_column = static_cast<std::uint32_t>(best + body.size());
      const std::string_view rest = body.substr(marker->text.size());
      if (marker->tool == "checkov") {
        parse_checkov(rest, comment);
      } else if (marker->tool == "tfsec") {
        parse_tfsec(rest, comment);
      } else {
        // "iacscan:ignored" or "iacscan:ignorefoo" is not a marker.
        if (!rest.empty() && !is_blank(rest.front())) continue;
        parse_iacscan(rest, comment);
      }
      if (comment.rules.empty()) continue;
      const bool own_line = trim(line.substr(0, opener)).empty();
      if (marker->text == "iacscan:ignore-file") {
        comment.scope = CommentScope::file;
      } else if (marker->tool == "checkov") {
        comment.scope = CommentScope::resource;
      } else if (own_line) {
        comment.scope = CommentScope::next;
        waiting.push_back(found.size());
      } else {
        comment.scope = CommentScope::line;
        comment.target_line = number;
      }
      found.push_back(std::move(comment));
      // A tfsec line may hold several markers; the others end at the first.
      if (marker->tool != "tfsec") break;
      line_opener = opener;
    }
    if (newline == text.size()) break;
    pos = newline + 1;
  }
  return found;
}

}  // namespace iacscan::detail
