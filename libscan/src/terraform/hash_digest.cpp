// MD5 (RFC 1321), SHA-1, SHA-256 and SHA-512 (FIPS 180-4), hex and base64.
#include "terraform/hash_digest.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <vector>

namespace iacscan::detail::tf {
namespace {

// The Merkle-Damgard padding all four digests share: a 1 bit, zeros up to the length
// field, then the message length in bits over `length_bytes` bytes.
std::string padded(std::string_view data, std::size_t block_size, std::size_t length_bytes,
                   bool little_endian_length) {
  std::string message(data);
  message.push_back(static_cast<char>(0x80));
  while (message.size() % block_size != block_size - length_bytes) message.push_back('\0');
  const std::uint64_t bits = static_cast<std::uint64_t>(data.size()) * 8;
  std::string length(length_bytes, '\0');
  for (std::size_t i = 0; i < 8; ++i) {
    const auto byte = static_cast<char>((bits >> (8 * i)) & 0xFF);
    length[little_endian_length ? i : length_bytes - 1 - i] = byte;
  }
  return message + length;
}

template <typename Word>
Word load_big_endian(const char* bytes) {
  Word word = 0;
  for (std::size_t i = 0; i < sizeof(Word); ++i)
    word = static_cast<Word>((word << 8) | static_cast<unsigned char>(bytes[i]));
  return word;
}

template <typename Word>
void store_big_endian(Word word, std::string& out) {
  for (std::size_t i = sizeof(Word); i-- > 0;)
    out.push_back(static_cast<char>((word >> (8 * i)) & 0xFF));
}

// Fractional parts of the square roots (initial state) and cube roots (round constants)
// of the first primes, FIPS 180-4 sections 4.2.3 and 5.3.5. SHA-256 uses the top 32 bits
// of the same numbers.
constexpr std::array<std::uint64_t, 8> kSha512Initial = {
    0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL, 0xa54ff53a5f1d36f1ULL,
    0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL, 0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL,
};
constexpr std::array<std::uint64_t, 80> kSha512Rounds = {
    0x428a2f98d728ae22ULL, 0x7137449123ef65cdULL, 0xb5c0fbcfec4d3b2fULL, 0xe9b5dba58189dbbcULL,
    0x3956c25bf348b538ULL, 0x59f111f1b605d019ULL, 0x923f82a4af194f9bULL, 0xab1c5ed5da6d8118ULL,
    0xd807aa98a3030242ULL, 0x12835b0145706fbeULL, 0x243185be4ee4b28cULL, 0x550c7dc3d5ffb4e2ULL,
    0x72be5d74f27b896fULL, 0x80deb1fe3b1696b1ULL, 0x9bdc06a725c71235ULL, 0xc19bf174cf692694ULL,
    0xe49b69c19ef14ad2ULL, 0xefbe4786384f25e3ULL, 0x0fc19dc68b8cd5b5ULL, 0x240ca1cc77ac9c65ULL,
    0x2de92c6f592b0275ULL, 0x4a7484aa6ea6e483ULL, 0x5cb0a9dcbd41fbd4ULL, 0x76f988da831153b5ULL,
    0x983e5152ee66dfabULL, 0xa831c66d2db43210ULL, 0xb00327c898fb213fULL, 0xbf597fc7beef0ee4ULL,
    0xc6e00bf33da88fc2ULL, 0xd5a79147930aa725ULL, 0x06ca6351e003826fULL, 0x142929670a0e6e70ULL,
    0x27b70a8546d22ffcULL, 0x2e1b21385c26c926ULL, 0x4d2c6dfc5ac42aedULL, 0x53380d139d95b3dfULL,
    0x650a73548baf63deULL, 0x766a0abb3c77b2a8ULL, 0x81c2c92e47edaee6ULL, 0x92722c851482353bULL,
    0xa2bfe8a14cf10364ULL, 0xa81a664bbc423001ULL, 0xc24b8b70d0f89791ULL, 0xc76c51a30654be30ULL,
    0xd192e819d6ef5218ULL, 0xd69906245565a910ULL, 0xf40e35855771202aULL, 0x106aa07032bbd1b8ULL,
    0x19a4c116b8d2d0c8ULL, 0x1e376c085141ab53ULL, 0x2748774cdf8eeb99ULL, 0x34b0bcb5e19b48a8ULL,
    0x391c0cb3c5c95a63ULL, 0x4ed8aa4ae3418acbULL, 0x5b9cca4f7763e373ULL, 0x682e6ff3d6b2b8a3ULL,
    0x748f82ee5defb2fcULL, 0x78a5636f43172f60ULL, 0x84c87814a1f0ab72ULL, 0x8cc702081a6439ecULL,
    0x90befffa23631e28ULL, 0xa4506cebde82bde9ULL, 0xbef9a3f7b2c67915ULL, 0xc67178f2e372532bULL,
    0xca273eceea26619cULL, 0xd186b8c721c0c207ULL, 0xeada7dd6cde0eb1eULL, 0xf57d4f7fee6ed178ULL,
    0x06f067aa72176fbaULL, 0x0a637dc5a2c898a6ULL, 0x113f9804bef90daeULL, 0x1b710b35131c471bULL,
    0x28db77f523047d84ULL, 0x32caab7b40c72493ULL, 0x3c9ebe0a15c9bebcULL, 0x431d67c49c100d4cULL,
    0x4cc5d4becb3e42b6ULL, 0x597f299cfc657e2aULL, 0x5fcb6fab3ad6faecULL, 0x6c44198c4a475817ULL,
};

// What distinguishes SHA-256 from SHA-512: word size, round count and rotation amounts.
struct Sha256Shape {
  using Word = std::uint32_t;
  static constexpr std::size_t rounds = 64;
  static constexpr int big0[3] = {2, 13, 22}, big1[3] = {6, 11, 25};
  static constexpr int small0[3] = {7, 18, 3}, small1[3] = {17, 19, 10};
  static Word constant(std::size_t i) { return static_cast<Word>(kSha512Rounds[i] >> 32); }
  static Word initial(std::size_t i) { return static_cast<Word>(kSha512Initial[i] >> 32); }
};
struct Sha512Shape {
  using Word = std::uint64_t;
  static constexpr std::size_t rounds = 80;
  static constexpr int big0[3] = {28, 34, 39}, big1[3] = {14, 18, 41};
  static constexpr int small0[3] = {1, 8, 7}, small1[3] = {19, 61, 6};
  static Word constant(std::size_t i) { return kSha512Rounds[i]; }
  static Word initial(std::size_t i) { return kSha512Initial[i]; }
};

template <typename Shape>
std::string sha2_digest(std::string_view data) {
  using Word = typename Shape::Word;
  constexpr std::size_t block = 16 * sizeof(Word);
  const std::string message = padded(data, block, 2 * sizeof(Word), false);
  std::array<Word, 8> state;
  for (std::size_t i = 0; i < 8; ++i) state[i] = Shape::initial(i);
  auto big = [](Word x, const int(&r)[3]) {
    return std::rotr(x, r[0]) ^ std::rotr(x, r[1]) ^ std::rotr(x, r[2]);
  };
  auto small = [](Word x, const int(&r)[3]) {
    return std::rotr(x, r[0]) ^ std::rotr(x, r[1]) ^ (x >> r[2]);
  };
  std::array<Word, Shape::rounds> w;
  for (std::size_t offset = 0; offset < message.size(); offset += block) {
    for (std::size_t t = 0; t < 16; ++t)
      w[t] = load_big_endian<Word>(message.data() + offset + t * sizeof(Word));
    for (std::size_t t = 16; t < Shape::rounds; ++t)
      w[t] =
          small(w[t - 2], Shape::small1) + w[t - 7] + small(w[t - 15], Shape::small0) + w[t - 16];
    auto [a, b, c, d, e, f, g, h] = state;
    for (std::size_t t = 0; t < Shape::rounds; ++t) {
      const Word choose = (e & f) ^ (~e & g);
      const Word majority = (a & b) ^ (a & c) ^ (b & c);
      const Word t1 = h + big(e, Shape::big1) + choose + Shape::constant(t) + w[t];
      const Word t2 = big(a, Shape::big0) + majority;
      h = g, g = f, f = e, e = d + t1, d = c, c = b, b = a, a = t1 + t2;
    }
    const std::array<Word, 8> add = {a, b, c, d, e, f, g, h};
    for (std::size_t i = 0; i < 8; ++i) state[i] += add[i];
  }
  std::string out;
  for (Word word : state) store_big_endian(word, out);
  return out;
}

// RFC 1321 section 3.4: T[i] = floor(2^32 * |sin(i + 1)|).
constexpr std::array<std::uint32_t, 64> kMd5Sines = {
    0xd76aa478U, 0xe8c7b756U, 0x242070dbU, 0xc1bdceeeU, 0xf57c0fafU, 0x4787c62aU, 0xa8304613U,
    0xfd469501U, 0x698098d8U, 0x8b44f7afU, 0xffff5bb1U, 0x895cd7beU, 0x6b901122U, 0xfd987193U,
    0xa679438eU, 0x49b40821U, 0xf61e2562U, 0xc040b340U, 0x265e5a51U, 0xe9b6c7aaU, 0xd62f105dU,
    0x02441453U, 0xd8a1e681U, 0xe7d3fbc8U, 0x21e1cde6U, 0xc33707d6U, 0xf4d50d87U, 0x455a14edU,
    0xa9e3e905U, 0xfcefa3f8U, 0x676f02d9U, 0x8d2a4c8aU, 0xfffa3942U, 0x8771f681U, 0x6d9d6122U,
    0xfde5380cU, 0xa4beea44U, 0x4bdecfa9U, 0xf6bb4b60U, 0xbebfbc70U, 0x289b7ec6U, 0xeaa127faU,
    0xd4ef3085U, 0x04881d05U, 0xd9d4d039U, 0xe6db99e5U, 0x1fa27cf8U, 0xc4ac5665U, 0xf4292244U,
    0x432aff97U, 0xab9423a7U, 0xfc93a039U, 0x655b59c3U, 0x8f0ccc92U, 0xffeff47dU, 0x85845dd1U,
    0x6fa87e4fU, 0xfe2ce6e0U, 0xa3014314U, 0x4e0811a1U, 0xf7537e82U, 0xbd3af235U, 0x2ad7d2bbU,
    0xeb86d391U,
};
constexpr int kMd5Shifts[4][4] = {
    {7, 12, 17, 22}, {5, 9, 14, 20}, {4, 11, 16, 23}, {6, 10, 15, 21}};

}  // namespace

std::string md5_digest(std::string_view data) {
  const std::string message = padded(data, 64, 8, true);
  std::array<std::uint32_t, 4> state = {0x67452301U, 0xefcdab89U, 0x98badcfeU, 0x10325476U};
  for (std::size_t offset = 0; offset < message.size(); offset += 64) {
    std::array<std::uint32_t, 16> x;
    for (std::size_t i = 0; i < 16; ++i) {
      x[i] = 0;
      for (std::size_t k = 4; k-- > 0;)
        x[i] = (x[i] << 8) | static_cast<unsigned char>(message[offset + i * 4 + k]);
    }
    auto [a, b, c, d] = state;
    for (std::size_t i = 0; i < 64; ++i) {
      const std::size_t round = i / 16;
      std::uint32_t mixed = 0;
      std::size_t word = 0;
      if (round == 0) {
        mixed = (b & c) | (~b & d), word = i;
      } else if (round == 1) {
        mixed = (b & d) | (c & ~d), word = (5 * i + 1) % 16;
      } else if (round == 2) {
        mixed = b ^ c ^ d, word = (3 * i + 5) % 16;
      } else {
        mixed = c ^ (b | ~d), word = (7 * i) % 16;
      }
      const std::uint32_t rotated =
          std::rotl(a + mixed + kMd5Sines[i] + x[word], kMd5Shifts[round][i % 4]);
      a = d, d = c, c = b, b = b + rotated;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
  }
  std::string out;
  for (std::uint32_t word : state)
    for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((word >> (8 * i)) & 0xFF));
  return out;
}

std::string sha1_digest(std::string_view data) {
  const std::string message = padded(data, 64, 8, false);
  std::array<std::uint32_t, 5> state = {0x67452301U, 0xEFCDAB89U, 0x98BADCFEU, 0x10325476U,
                                        0xC3D2E1F0U};
  std::array<std::uint32_t, 80> w;
  for (std::size_t offset = 0; offset < message.size(); offset += 64) {
    for (std::size_t t = 0; t < 16; ++t)
      w[t] = load_big_endian<std::uint32_t>(message.data() + offset + t * 4);
    for (std::size_t t = 16; t < 80; ++t)
      w[t] = std::rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    auto [a, b, c, d, e] = state;
    for (std::size_t t = 0; t < 80; ++t) {
      std::uint32_t f = 0, k = 0;
      if (t < 20) {
        f = (b & c) | (~b & d), k = 0x5A827999U;
      } else if (t < 40) {
        f = b ^ c ^ d, k = 0x6ED9EBA1U;
      } else if (t < 60) {
        f = (b & c) | (b & d) | (c & d), k = 0x8F1BBCDCU;
      } else {
        f = b ^ c ^ d, k = 0xCA62C1D6U;
      }
      const std::uint32_t temp = std::rotl(a, 5) + f + e + k + w[t];
      e = d, d = c, c = std::rotl(b, 30), b = a, a = temp;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d, state[4] += e;
  }
  std::string out;
  for (std::uint32_t word : state) store_big_endian(word, out);
  return out;
}

std::string sha256_digest(std::string_view data) {
  return sha2_digest<Sha256Shape>(data);
}
std::string sha512_digest(std::string_view data) {
  return sha2_digest<Sha512Shape>(data);
}

std::string hex_encode(std::string_view bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (char ch : bytes) {
    const auto byte = static_cast<unsigned char>(ch);
    out.push_back(kDigits[byte >> 4]);
    out.push_back(kDigits[byte & 0x0F]);
  }
  return out;
}

namespace {
constexpr std::string_view kBase64Alphabet =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int base64_digit(char ch) {
  const std::size_t at = kBase64Alphabet.find(ch);
  return at == std::string_view::npos ? -1 : static_cast<int>(at);
}
}  // namespace

std::string base64_encode(std::string_view bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t group = 0;
    const std::size_t count = std::min<std::size_t>(3, bytes.size() - i);
    for (std::size_t k = 0; k < 3; ++k)
      group = (group << 8) | (k < count ? static_cast<unsigned char>(bytes[i + k]) : 0U);
    for (std::size_t k = 0; k < 4; ++k)
      out.push_back(k <= count ? kBase64Alphabet[(group >> (18 - 6 * k)) & 0x3F] : '=');
  }
  return out;
}

std::optional<std::string> base64_decode(std::string_view text, std::size_t* bad_offset) {
  // Symbols with their offsets in `text`, line breaks dropped.
  std::string symbols;
  std::vector<std::size_t> offsets;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' || text[i] == '\n') continue;
    symbols.push_back(text[i]);
    offsets.push_back(i);
  }
  auto reject = [&](std::size_t symbol_index) -> std::optional<std::string> {
    if (bad_offset)
      *bad_offset = symbol_index < offsets.size() ? offsets[symbol_index] : text.size();
    return std::nullopt;
  };
  std::string out;
  for (std::size_t i = 0; i < symbols.size(); i += 4) {
    if (i + 4 > symbols.size()) return reject(symbols.size());
    std::uint32_t group = 0;
    std::size_t padding = 0;
    for (std::size_t k = 0; k < 4; ++k) {
      const char ch = symbols[i + k];
      // '=' may only end the input, as the last one or two symbols.
      const bool pad_allowed =
          i + 4 == symbols.size() && k >= 2 && (k == 3 || symbols[i + 3] == '=');
      if (ch == '=' && pad_allowed) {
        ++padding;
        group <<= 6;
        continue;
      }
      const int digit = base64_digit(ch);
      if (digit < 0 || padding > 0) return reject(i + k);
      group = (group << 6) | static_cast<std::uint32_t>(digit);
    }
    for (std::size_t k = 0; k < 3 - padding; ++k)
      out.push_back(static_cast<char>((group >> (16 - 8 * k)) & 0xFF));
  }
  return out;
}

}  // namespace iacscan::detail::tf
