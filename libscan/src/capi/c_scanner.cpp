// The C API's library, scanner and scanning entry points (iacscan.h).
#include <cstdlib>
#include <string>
#include <vector>

#include "capi/c_boundary.hpp"
#include "capi/c_handles.hpp"
#include "capi/c_options.hpp"
#include "capi/c_strings.hpp"
#include "core/version_info.hpp"
#include "iacscan/iacscan.h"

using iacscan::detail::c_boundary;
using iacscan::detail::set_c_error;

namespace {

iacscan_result* to_handle(iacscan::Result<iacscan::ScanResult> scanned, char** error) {
  if (!scanned) {
    set_c_error(error, scanned.error().message);
    return nullptr;
  }
  return new iacscan_result(std::move(scanned).value());
}

}  // namespace

extern "C" {

const char* iacscan_version(void) {
  return IACSCAN_VERSION_STRING;
}

int iacscan_c_abi_version(void) {
  return IACSCAN_C_ABI_VERSION;
}

void iacscan_string_free(char* text) {
  std::free(text);
}

iacscan_scanner* iacscan_scanner_new(const char* options_json, char** error) {
  return c_boundary(error, [&]() -> iacscan_scanner* {
    auto options = iacscan::detail::scan_options_from_json(options_json ? options_json : "");
    if (!options) {
      set_c_error(error, options.error().message);
      return nullptr;
    }
    auto scanner = iacscan::Scanner::create(*options);
    if (!scanner) {
      set_c_error(error, scanner.error().message);
      return nullptr;
    }
    return new iacscan_scanner(std::move(scanner).value());
  });
}

void iacscan_scanner_free(iacscan_scanner* scanner) {
  delete scanner;
}

iacscan_result* iacscan_scan_paths(const iacscan_scanner* scanner, const char* const* paths,
                                   size_t count, char** error) {
  return c_boundary(error, [&]() -> iacscan_result* {
    if (scanner == nullptr) {
      set_c_error(error, "iacscan_scan_paths: scanner is NULL");
      return nullptr;
    }
    if (paths == nullptr && count != 0) {
      set_c_error(error, "iacscan_scan_paths: paths is NULL");
      return nullptr;
    }
    std::vector<std::string> list;
    list.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      if (paths[i] == nullptr) {
        set_c_error(error, "iacscan_scan_paths: paths[" + std::to_string(i) + "] is NULL");
        return nullptr;
      }
      list.emplace_back(paths[i]);
    }
    return to_handle(scanner->scanner.scan(list), error);
  });
}

iacscan_result* iacscan_scan_buffers(const iacscan_scanner* scanner, const iacscan_source* sources,
                                     size_t count, char** error) {
  return c_boundary(error, [&]() -> iacscan_result* {
    if (scanner == nullptr) {
      set_c_error(error, "iacscan_scan_buffers: scanner is NULL");
      return nullptr;
    }
    if (sources == nullptr && count != 0) {
      set_c_error(error, "iacscan_scan_buffers: sources is NULL");
      return nullptr;
    }
    std::vector<iacscan::SourceBuffer> buffers;
    buffers.reserve(count);
    for (size_t i = 0; i < count; ++i) {
      const iacscan_source& source = sources[i];
      const std::string which = "iacscan_scan_buffers: sources[" + std::to_string(i) + "]";
      if (source.path == nullptr || source.path[0] == '\0') {
        set_c_error(error, which + ".path is NULL or empty");
        return nullptr;
      }
      if (source.data == nullptr && source.size != 0) {
        set_c_error(error, which + ".data is NULL but size is not 0");
        return nullptr;
      }
      buffers.push_back(iacscan::SourceBuffer{
          source.path, source.size == 0 ? std::string() : std::string(source.data, source.size)});
    }
    return to_handle(scanner->scanner.scan_buffers(buffers), error);
  });
}

void iacscan_result_free(iacscan_result* result) {
  delete result;
}

}  // extern "C"
