// Secret detection heuristics. Names are judged word by word so that the same rule reads
// DB_PASSWORD, dbPassword and db-password alike; values are judged by what they cannot be.
#include "engine/secret_patterns.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "value/value.hpp"

namespace iacscan::detail::secrets {
namespace {

bool is_upper(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower(char c) {
  return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
  return c >= '0' && c <= '9';
}
bool is_alnum(char c) {
  return is_upper(c) || is_lower(c) || is_digit(c);
}

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

template <std::size_t N>
bool one_of(std::string_view word, const std::array<std::string_view, N>& words) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

// Words that are a secret on their own.
constexpr std::array<std::string_view, 15> kSecretWords = {
    "password",   "passwd", "pwd",    "pass",        "passphrase", "secret",    "secrets",  "token",
    "credential", "creds",  "apikey", "credentials", "privatekey", "secretkey", "authtoken"};
// Endings that make a run-together word a secret (PGPASSWORD, clientsecret, apitoken); short
// words (pass, pwd) only count whole, or BYPASS and compass would.
constexpr std::array<std::string_view, 6> kSecretEndings = {"password", "passwd", "passphrase",
                                                            "secret",   "token",  "apikey"};
// Words before "key" that make it a secret key.
constexpr std::array<std::string_view, 3> kKeyQualifiers = {"api", "private", "secret"};
// Words that may follow the secret word and still name the secret itself (its form), not
// something about it (its ARN, its length, where it is kept).
constexpr std::array<std::string_view, 16> kFormWords = {
    "key",    "value", "string", "text", "plain", "plaintext", "pem", "raw", "b64",
    "base64", "base",  "hex",    "data", "json",  "encoded",   "wo"};  // Terraform's write-only
                                                                       // arguments: password_wo
constexpr std::array<std::string_view, 14> kFlagValues = {
    "true",     "false",  "yes",     "no",   "on",   "off",       "enabled",
    "disabled", "enable", "disable", "none", "null", "undefined", "nil"};

bool is_secret_word(const std::vector<std::string>& words, std::size_t i) {
  const std::string& w = words[i];
  if (one_of(w, kSecretWords)) return true;
  if (w == "key" && i > 0 && one_of(std::string_view(words[i - 1]), kKeyQualifiers)) return true;
  for (std::string_view ending : kSecretEndings) {
    if (w.size() > ending.size() && w.ends_with(ending)) return true;
  }
  return false;
}

// secret_key, SecretAccessKey, AWS_SECRET_ACCESS_KEY, awssecretkey.
bool ends_as_secret_access_key(const std::vector<std::string>& words) {
  std::string joined;
  for (const std::string& w : words) joined += w;
  return joined.ends_with("secretkey") || joined.ends_with("secretaccesskey");
}

bool all_digits(std::string_view text) {
  return !text.empty() && std::all_of(text.begin(), text.end(), is_digit);
}

bool is_number(std::string_view text) {
  if (!text.empty() && (text.front() == '-' || text.front() == '+')) text.remove_prefix(1);
  bool digit = false;
  bool dot = false;
  for (char c : text) {
    if (is_digit(c)) {
      digit = true;
    } else if (c == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digit;
}

std::string_view trim(std::string_view text) {
  const std::size_t first = text.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  const std::size_t last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

bool is_documentation_example(std::string_view text) {
  return text.find("EXAMPLE") != std::string_view::npos;
}

// An SSM parameter path or a file path: where a secret is kept, not the secret.
bool is_path(std::string_view text) {
  return text.size() > 1 && text.front() == '/' &&
         text.find_first_of(" \t") == std::string_view::npos;
}

// `name = value`, `name: value`, `"name": "value"`, `export NAME='value'`, `--name=value`.
// Group 1: the character before the name (a `$` makes it a use, not an assignment); 2: the
// name; 3: the value, quotes included.
const re2::RE2& assignment_pattern() {
  static const re2::RE2 pattern(
      R"((?m)(^|[^A-Za-z0-9_.])([A-Za-z_][A-Za-z0-9_.\-]*)["']?[ \t]*[:=][ \t]*)"
      R"(("[^"\n]*"|'[^'\n]*'|[^\s"',;&|)}\]#]+))");
  return pattern;
}

const re2::RE2& private_key_pattern() {
  static const re2::RE2 pattern(R"(-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----)");
  return pattern;
}

std::size_t offset_in(std::string_view text, const re2::StringPiece& piece) {
  return static_cast<std::size_t>(piece.data() - text.data());
}

int base64_digit(char c) {
  if (is_upper(c)) return c - 'A';
  if (is_lower(c)) return c - 'a' + 26;
  if (is_digit(c)) return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

// Valid UTF-8 without control characters other than tab, newline and carriage return.
bool is_printable_text(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t') return false;
      if (c == 0x7f) return false;
      ++i;
      continue;
    }
    const std::size_t length = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 0;
    if (length == 0 || i + length > text.size()) return false;
    for (std::size_t k = 1; k < length; ++k) {
      if ((static_cast<unsigned char>(text[i + k]) & 0xc0) != 0x80) return false;
    }
    i += length;
  }
  return true;
}

}  // namespace

std::string_view describe(SecretKind kind) {
  switch (kind) {
    case SecretKind::aws_access_key_id:
      return "AWS access key id";
    case SecretKind::aws_secret_access_key:
      return "AWS secret access key";
    case SecretKind::private_key:
      return "private key";
    case SecretKind::password:
      return "secret";
  }
  return "secret";
}

std::string redact(std::string_view secret, std::size_t keep_end) {
  constexpr std::size_t kShown = 4;
  if (secret.size() <= kShown * 2 + keep_end) return std::string(secret.size(), '*');
  return std::string(secret.substr(0, kShown)) +
         std::string(secret.size() - kShown - keep_end, '*') +
         std::string(secret.substr(secret.size() - keep_end));
}

std::vector<std::string> name_words(std::string_view name) {
  std::vector<std::string> words;
  std::string word;
  auto flush = [&] {
    if (!word.empty()) words.push_back(lower(word));
    word.clear();
  };
  for (std::size_t i = 0; i < name.size(); ++i) {
    const char c = name[i];
    if (!is_alnum(c)) {
      flush();
      continue;
    }
    if (!word.empty()) {
      const char prev = word.back();
      const bool next_lower = i + 1 < name.size() && is_lower(name[i + 1]);
      const bool camel = is_lower(prev) && is_upper(c);
      const bool acronym_end = is_upper(prev) && is_upper(c) && next_lower;  // APIKey → API Key
      const bool digits = is_digit(prev) != is_digit(c);
      if (camel || acronym_end || digits) flush();
    }
    word += c;
  }
  flush();
  return words;
}

bool is_secret_name(std::string_view name) {
  const std::vector<std::string> words = name_words(name);
  if (ends_as_secret_access_key(words)) return true;  // "access" between secret and key
  for (std::size_t i = words.size(); i-- > 0;) {
    if (!is_secret_word(words, i)) continue;
    for (std::size_t j = i + 1; j < words.size(); ++j) {
      if (!one_of(std::string_view(words[j]), kFormWords) && !all_digits(words[j])) return false;
    }
    return true;
  }
  return false;
}

bool is_secret_access_key_name(std::string_view name) {
  return ends_as_secret_access_key(name_words(name));
}

bool looks_like_secret_value(std::string_view value) {
  value = trim(value);
  if (value.empty()) return false;
  if (value.find(kUnknownMarker) != std::string_view::npos) return false;
  if (one_of(std::string_view(lower(value)), kFlagValues) || is_number(value)) return false;
  if (value.starts_with("arn:") || value.find("{{resolve:") != std::string_view::npos) return false;
  // References and placeholders: $VAR, ${VAR}, %VAR%, {{ var }}, <your-token>, `cmd`.
  if (value.find_first_of("$%`") == 0 || value.starts_with("{{") || value.starts_with("<"))
    return false;
  if (is_path(value)) return false;
  // "********", "xxxxxxxx": a mask or a placeholder.
  return !std::all_of(value.begin(), value.end(),
                      [&](char c) { return std::tolower(c) == std::tolower(value.front()); });
}

bool is_aws_access_key_id(std::string_view text) {
  if (text.size() != 20 || !(text.starts_with("AKIA") || text.starts_with("ASIA"))) return false;
  if (is_documentation_example(text)) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return is_upper(c) || is_digit(c); });
}

bool is_aws_secret_access_key(std::string_view text) {
  if (text.size() != 40 || is_documentation_example(text)) return false;
  bool upper = false, lower_case = false, digit = false;
  for (char c : text) {
    if (base64_digit(c) < 0) return false;
    upper = upper || is_upper(c);
    lower_case = lower_case || is_lower(c);
    digit = digit || is_digit(c);
  }
  return upper && lower_case && digit;
}

std::vector<SecretHit> find_aws_access_key_ids(std::string_view text) {
  std::vector<SecretHit> hits;
  for (std::size_t at = 0; at + 20 <= text.size(); ++at) {
    if (text[at] != 'A' || text.compare(at + 2, 2, "IA") != 0 ||
        (text[at + 1] != 'K' && text[at + 1] != 'S'))
      continue;
    if (at > 0 && is_alnum(text[at - 1])) continue;
    if (at + 20 < text.size() && is_alnum(text[at + 20])) continue;
    if (!is_aws_access_key_id(text.substr(at, 20))) continue;
    hits.push_back(SecretHit{SecretKind::aws_access_key_id, at, 20, {}});
    at += 19;
  }
  return hits;
}

std::vector<SecretHit> find_secret_assignments(std::string_view text) {
  std::vector<SecretHit> hits;
  const re2::RE2& pattern = assignment_pattern();
  std::array<re2::StringPiece, 4> groups;
  const re2::StringPiece input(text.data(), text.size());
  std::size_t at = 0;
  while (at < text.size() &&
         pattern.Match(input, at, text.size(), re2::RE2::UNANCHORED, groups.data(), 4)) {
    at = offset_in(text, groups[0]) + std::max<std::size_t>(groups[0].size(), 1);
    const std::string_view before(groups[1].data(), groups[1].size());
    const std::string_view name(groups[2].data(), groups[2].size());
    std::string_view value(groups[3].data(), groups[3].size());
    std::size_t value_at = offset_in(text, groups[3]);
    if (before == "$" || before == "{") continue;  // $PASSWORD, ${token}: a use
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'')) {
      value = value.substr(1, value.size() - 2);
      ++value_at;
    }
    if (value.starts_with("=")) continue;  // a comparison (==), not an assignment
    if (is_secret_access_key_name(name) && is_aws_secret_access_key(value)) {
      hits.push_back(
          SecretHit{SecretKind::aws_secret_access_key, value_at, value.size(), std::string(name)});
    } else if (is_secret_name(name) && looks_like_secret_value(value)) {
      hits.push_back(SecretHit{SecretKind::password, value_at, value.size(), std::string(name)});
    }
  }
  return hits;
}

std::vector<SecretHit> find_private_keys(std::string_view text) {
  std::vector<SecretHit> hits;
  const re2::RE2& pattern = private_key_pattern();
  re2::StringPiece match;
  const re2::StringPiece input(text.data(), text.size());
  std::size_t at = 0;
  while (at < text.size() &&
         pattern.Match(input, at, text.size(), re2::RE2::UNANCHORED, &match, 1)) {
    const std::size_t begin = offset_in(text, match);
    hits.push_back(SecretHit{SecretKind::private_key, begin, match.size(), {}});
    at = begin + match.size();
  }
  return hits;
}

std::vector<SecretHit> find_credentials(std::string_view text) {
  std::vector<SecretHit> hits = find_aws_access_key_ids(text);
  for (auto&& more : {find_secret_assignments(text), find_private_keys(text)})
    hits.insert(hits.end(), more.begin(), more.end());
  std::stable_sort(hits.begin(), hits.end(),
                   [](const SecretHit& a, const SecretHit& b) { return a.offset < b.offset; });
  return hits;
}

std::optional<std::string> decode_base64_text(std::string_view text) {
  std::string out;
  std::uint32_t group = 0;
  int bits = 0;
  std::size_t digits = 0;
  std::size_t padding = 0;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    const int d = base64_digit(c);
    if (d < 0 || padding > 0) return std::nullopt;
    ++digits;
    group = (group << 6) | static_cast<std::uint32_t>(d);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((group >> bits) & 0xff);
    }
  }
  // Whole groups of four only: a word of letters is not an encoding.
  if (digits < 8 || (digits + padding) % 4 != 0 || padding > 2) return std::nullopt;
  if (!is_printable_text(out)) return std::nullopt;
  return out;
}

}  // namespace iacscan::detail::secrets
