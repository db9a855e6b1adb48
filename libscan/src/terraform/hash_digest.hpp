// Message digests and the byte encodings Terraform prints them in, for the hash, file and
// encoding functions. The digests are implemented here from their specifications (RFC 1321
// for MD5, FIPS 180-4 for SHA-1 and SHA-2) so the scanner needs no crypto library: nothing
// here protects anything, it only reproduces the values Terraform computes.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace iacscan::detail::tf {

// Raw digests: 16, 20, 32 and 64 bytes.
std::string md5_digest(std::string_view data);
std::string sha1_digest(std::string_view data);
std::string sha256_digest(std::string_view data);
std::string sha512_digest(std::string_view data);

// Lowercase hexadecimal, two digits per byte.
std::string hex_encode(std::string_view bytes);

// RFC 4648 standard alphabet with padding.
std::string base64_encode(std::string_view bytes);

// Decodes like Go's base64.StdEncoding (which Terraform uses): padding is required, CR and
// LF are skipped anywhere. nullopt for malformed input, with `bad_offset` (when given) set
// to the offset of the first byte that made it so.
std::optional<std::string> base64_decode(std::string_view text, std::size_t* bad_offset = nullptr);

}  // namespace iacscan::detail::tf
