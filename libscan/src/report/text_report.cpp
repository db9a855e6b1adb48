// Text report: what `iacscan scan` prints for people. Each active or undecided finding gets a
// header line, a code frame drawn from its excerpt (reports never reopen files), its related
// places, any suppression that lapsed, the rule's title and the fix. Suppressed findings and
// those the baseline already has are only counted in the summary: they need no action.
// Source lines, messages and paths come from the scanned files, so anything a terminal would
// act on (escape sequences, bidi overrides) is shown escaped instead of passed through.
#include "report/text_report.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <vector>

#include "report/report_common.hpp"
#include "report/sarif_report.hpp"

namespace iacscan::detail {

std::size_t decode_utf8(std::string_view text, std::size_t pos, char32_t& code_point) noexcept {
  const auto byte_at = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  const unsigned char lead = byte_at(pos);
  if (lead < 0x80) {
    code_point = lead;
    return 1;
  }
  std::size_t length = 0;
  char32_t smallest = 0;  // anything below is an overlong encoding
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
    code_point = lead & 0x1Fu;
    smallest = 0x80;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    code_point = lead & 0x0Fu;
    smallest = 0x800;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    code_point = lead & 0x07u;
    smallest = 0x10000;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  for (std::size_t i = 1; i < length; ++i) {
    const unsigned char next = byte_at(pos + i);
    if ((next & 0xC0u) != 0x80u) return 0;
    code_point = (code_point << 6) | (next & 0x3Fu);
  }
  const bool surrogate = code_point >= 0xD800 && code_point <= 0xDFFF;
  if (code_point < smallest || code_point > 0x10FFFF || surrogate) return 0;
  return length;
}

namespace {

std::string hex_escape(std::string_view prefix, std::uint32_t value, int digits) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out(prefix);
  for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) out += kHex[(value >> shift) & 0xFu];
  return out;
}

}  // namespace

std::string visible_escape(char32_t code_point) {
  return code_point < 0x80 ? hex_escape("\\x", code_point, 2) : hex_escape("\\u", code_point, 4);
}

std::string visible_byte(unsigned char byte) {
  return hex_escape("\\x", byte, 2);
}

namespace {

constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kRed = "\x1b[31m";
constexpr std::string_view kYellow = "\x1b[33m";
constexpr std::string_view kCyan = "\x1b[36m";

// "     fix: " — the indent of the lines under a finding's header.
constexpr std::string_view kDetailIndent = "     ";
// A location spanning more lines (typically a whole resource) shows only its head and tail.
constexpr std::uint32_t kMaxLocatedLines = 6;
constexpr std::uint32_t kHeadLines = 3;
constexpr std::uint32_t kTailLines = 2;

// Characters a terminal acts on instead of printing (C0/C1 controls, DEL) or that reorder the
// text around them (Trojan Source bidi controls). A tab is kept: it is common in sources.
bool needs_escape(char32_t cp) {
  if (cp == U'\t') return false;
  if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) return true;
  return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x202A && cp <= 0x202E) ||
         (cp >= 0x2066 && cp <= 0x2069);
}

// One character of a source line as displayed: which bytes it covers and what is printed.
struct Cell {
  std::size_t byte = 0;   // offset of its first byte
  std::size_t bytes = 1;  // bytes it covers (1 for an invalid byte)
  std::string shown;
  std::size_t width = 1;  // columns it takes (escapes are wider than one)
};

std::vector<Cell> cells_of(std::string_view text) {
  std::vector<Cell> cells;
  for (std::size_t pos = 0; pos < text.size();) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(text, pos, cp);
    Cell cell{pos, std::max<std::size_t>(length, 1), {}, 1};
    if (length == 0) {
      cell.shown = visible_byte(static_cast<unsigned char>(text[pos]));
    } else if (needs_escape(cp)) {
      cell.shown = visible_escape(cp);
    } else {
      cell.shown = std::string(text.substr(pos, length));
    }
    if (length == 0 || needs_escape(cp)) cell.width = cell.shown.size();
    pos += cell.bytes;
    cells.push_back(std::move(cell));
  }
  return cells;
}

std::string shown_text(const std::vector<Cell>& cells) {
  std::string out;
  for (const Cell& cell : cells) out += cell.shown;
  return out;
}

std::string sanitize(std::string_view text) {
  return shown_text(cells_of(text));
}

std::string_view trim_end(std::string_view text) {
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' ||
                           text.back() == '\n')) {
    text.remove_suffix(1);
  }
  return text;
}

std::string paint(std::string_view text, std::string_view code, bool color) {
  std::string out;
  if (color) out += code;
  out += text;
  if (color) out += kReset;
  return out;
}

std::string_view severity_colour(Severity severity) {
  switch (severity) {
    case Severity::critical:
    case Severity::high:
      return kRed;
    case Severity::medium:
      return kYellow;
    case Severity::low:
    case Severity::info:
      return kCyan;
  }
  return kCyan;
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return out;
}

std::string pad_left(std::string text, std::size_t width) {
  if (text.size() < width) text.insert(0, width - text.size(), ' ');
  return text;
}

std::string shown_position(const Location& location) {
  return sanitize(position_text(location));
}

std::string related_text(const RelatedLocation& related) {
  std::string place = sanitize(related.location.path);
  if (related.location.has_position()) place += ":" + std::to_string(related.location.start_line);
  return sanitize(related.message) + " (" + place + ")";
}

// Carets under the characters of [start_column, end_column] (1-based bytes, inclusive). The
// padding copies tabs from the line so the carets land under the same screen columns.
std::string underline(const std::vector<Cell>& cells, std::uint32_t start_column,
                      std::uint32_t end_column) {
  const std::size_t first = start_column - 1;
  const std::size_t last = std::max(start_column, end_column) - 1;
  std::string padding;
  std::string carets;
  for (const Cell& cell : cells) {
    if (cell.byte + cell.bytes <= first) {
      padding += cell.shown == "\t" ? std::string("\t") : std::string(cell.width, ' ');
    } else if (cell.byte <= last) {
      carets.append(cell.width, '^');
    }
  }
  if (carets.empty()) carets = "^";  // a point at or past the end of the line
  return padding + carets;
}

bool has_frame(const Excerpt& excerpt, const Location& location) {
  return excerpt.first_line != 0 && !excerpt.lines.empty() && location.has_position();
}

// Draws the excerpt with a line-number gutter, '>' on located lines and, for a location on
// one line, carets under its columns followed by `note`. Returns whether `note` was placed.
bool append_frame(std::string& out, const Excerpt& excerpt, const Location& location,
                  std::string_view note) {
  const auto count = static_cast<std::uint32_t>(excerpt.lines.size());
  const std::uint32_t start = location.start_line;
  const std::uint32_t end = std::max(location.end_line, start);
  const std::size_t width =
      std::max<std::size_t>(3, std::to_string(excerpt.first_line + count - 1).size());
  const bool elide = end - start + 1 > kMaxLocatedLines;
  const bool one_line = end == start && location.start_column != 0;
  bool placed = false;
  for (std::uint32_t i = 0; i < count; ++i) {
    const std::uint32_t number = excerpt.first_line + i;
    if (elide && number >= start + kHeadLines && number <= end - kTailLines) {
      if (number == start + kHeadLines) out += "    " + pad_left("...", width) + " |\n";
      continue;
    }
    const bool located = number >= start && number <= end;
    const std::vector<Cell> cells = cells_of(trim_end(excerpt.lines[i]));
    out += located ? "  > " : "    ";
    out += pad_left(std::to_string(number), width) + " |";
    if (!cells.empty()) out += " " + shown_text(cells);
    out += '\n';
    if (!located || !one_line) continue;
    out += std::string(4 + width, ' ') + " | " +
           underline(cells, location.start_column, location.end_column);
    if (!note.empty()) out += " " + std::string(note);
    out += '\n';
    placed = true;
  }
  return placed;
}

// `label` and then `text`, its further lines indented to line up under the first.
void append_detail(std::string& out, std::string_view label, std::string_view text) {
  text = trim_end(text);
  if (text.empty()) return;
  const std::string indent(kDetailIndent.size() + label.size() + 2, ' ');
  out += std::string(kDetailIndent) + std::string(label) + ": ";
  std::size_t begin = 0;
  while (true) {
    const std::size_t newline = text.find('\n', begin);
    out += sanitize(trim_end(text.substr(begin, newline - begin))) + "\n";
    if (newline == std::string_view::npos) break;
    begin = newline + 1;
    out += indent;
  }
}

void append_finding(std::string& out, const Finding& finding, const RuleInfo* rule, bool color) {
  if (finding.kind == FindingKind::review)
    out += "  " + paint("REVIEW", kYellow, color);  // undecided: not a failure
  else
    out +=
        "  " + paint(upper(to_string(finding.severity)), severity_colour(finding.severity), color);
  out += "  " + paint(sanitize(finding.rule_id), kBold, color);
  out += "  " + sanitize(trim_end(finding.message));
  if (finding.stage > 0) out += "   [stage " + std::to_string(finding.stage) + "]";
  out += '\n';

  std::size_t unplaced = 0;  // first related location not yet shown
  if (has_frame(finding.excerpt, finding.location)) {
    const std::string note = finding.related.empty() ? "" : related_text(finding.related[0]);
    if (append_frame(out, finding.excerpt, finding.location, note) && !note.empty()) unplaced = 1;
  } else if (finding.location.has_position()) {
    append_detail(out, "at", shown_position(finding.location));
  }
  for (std::size_t i = unplaced; i < finding.related.size(); ++i) {
    append_detail(out, "note", related_text(finding.related[i]));
  }
  // The finding counts again because of these: say which suppression to renew or remove.
  for (const Suppression& lapsed : finding.expired_suppressions) {
    append_detail(out, "expired", describe_lapsed(lapsed));
  }
  if (rule == nullptr) return;
  append_detail(out, "rule", rule->title);
  append_detail(out, "fix", rule->remediation);
  if (has_rule_page(*rule)) append_detail(out, "docs", rule_help_uri(rule->id));
}

// One line per diagnostic, like a compiler's; a code frame, when there is one, ends with a
// blank line so that it is not read as belonging to the next diagnostic.
void append_diagnostic(std::string& out, const Diagnostic& diagnostic, bool color) {
  const bool is_error = diagnostic.level == DiagnosticLevel::error;
  out += shown_position(diagnostic.location) + ": " +
         paint(to_string(diagnostic.code), is_error ? kRed : kYellow, color) + ": " +
         sanitize(trim_end(diagnostic.message)) + "\n";
  if (!has_frame(diagnostic.excerpt, diagnostic.location)) return;
  append_frame(out, diagnostic.excerpt, diagnostic.location, "");
  out += '\n';
}

// "3 findings (1 critical, 2 high) in 12 files", then what the report left out or could not
// see: suppressed findings, findings the baseline has, baseline findings now fixed, and files
// that could not be parsed. Each only when there is one.
std::string summary_line(const ScanResult& result) {
  const FindingCounts counts = count_findings(result);
  std::string out = counts.active == 0 ? std::string("No findings")
                                       : plural(counts.active, "finding") + " (" +
                                             severity_breakdown(counts) + ")";
  if (counts.review > 0) out += ", " + plural(counts.review, "undecided check") + " to review";
  out += " in " + plural(result.files_scanned, "file");
  const auto add = [&out](const std::string& part) { out += " \u00b7 " + part; };
  if (counts.suppressed > 0) add(std::to_string(counts.suppressed) + " suppressed");
  if (counts.unchanged > 0) add(std::to_string(counts.unchanged) + " unchanged from the baseline");
  if (counts.absent > 0) add(std::to_string(counts.absent) + " fixed since the baseline");
  const std::size_t unparsed = unparsed_file_count(result);
  if (unparsed > 0) add(plural(unparsed, "file") + " could not be parsed");
  return out + "\n";
}

}  // namespace

std::string render_text_report(const ScanResult& result, const ReportOptions& options) {
  const RuleIndex rules(result.rules);

  // Files in the order their first finding arrives; findings are sorted, so this is path order.
  std::vector<std::string_view> paths;
  std::map<std::string_view, std::vector<const Finding*>> by_path;
  for (const Finding& finding : result.findings) {
    const Disposition disposition = disposition_of(finding);
    if (disposition != Disposition::active && disposition != Disposition::review) continue;
    auto& group = by_path[finding.location.path];
    if (group.empty()) paths.push_back(finding.location.path);
    group.push_back(&finding);
  }

  std::string out;
  for (std::string_view path : paths) {
    out += paint(sanitize(path), kBold, options.color) + "\n";
    for (const Finding* finding : by_path[path]) {
      append_finding(out, *finding, rules.find(finding->rule_id), options.color);
    }
    out += '\n';
  }
  for (const Diagnostic& diagnostic : result.diagnostics) {
    append_diagnostic(out, diagnostic, options.color);
  }
  if (!result.diagnostics.empty() && !out.ends_with("\n\n")) out += '\n';
  return out + summary_line(result);
}

}  // namespace iacscan::detail
