// Reads a discovered file into memory, refusing files over the size limit.
#pragma once

#include <cstddef>
#include <optional>

#include "iacscan/finding.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail {

// Fills file.content; returns a read-error or limit-exceeded diagnostic on failure.
std::optional<Diagnostic> read_source(SourceFile& file, std::size_t max_bytes);

}  // namespace iacscan::detail
