// File reading with an explicit size check before allocation.
#include "scan/file_reader.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace iacscan::detail {

std::optional<Diagnostic> read_source(SourceFile& file, std::size_t max_bytes) {
  auto problem = [&](DiagnosticCode code, std::string message) {
    return Diagnostic{code, std::move(message), Location{file.path, 0, 0, 0, 0}, {}};
  };
  std::error_code ec;
  const auto size = std::filesystem::file_size(file.fs_path, ec);
  if (ec) return problem(DiagnosticCode::read_error, "cannot read file: " + ec.message());
  if (size > max_bytes) {
    return problem(DiagnosticCode::limit_exceeded, "file is " + std::to_string(size) +
                                                       " bytes, over the limit of " +
                                                       std::to_string(max_bytes) + "; skipped");
  }
  std::ifstream in(file.fs_path, std::ios::binary);
  if (!in)
    return problem(DiagnosticCode::read_error,
                   std::string("cannot read file: ") + std::strerror(errno));
  file.content.resize(static_cast<std::size_t>(size));
  in.read(file.content.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    file.content.resize(static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) return problem(DiagnosticCode::read_error, "cannot read file: I/O error");
  return std::nullopt;
}

}  // namespace iacscan::detail
