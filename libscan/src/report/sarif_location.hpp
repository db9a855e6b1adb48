// Places in a SARIF log: artifact URIs relative to %SRCROOT%, and regions whose columns are
// UTF-16 code units with an exclusive end (iacscan's own columns count bytes, end inclusive).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string_view>

#include "iacscan/finding.hpp"

namespace iacscan::detail {

// ordered_json keeps keys in the order they are written, so the same result gives the same bytes.
using SarifJson = nlohmann::ordered_json;

inline constexpr std::string_view kSarifSourceRoot = "%SRCROOT%";

// A relative path resolves against %SRCROOT%; an absolute one becomes a file: URI of its own.
// Everything but unreserved characters and '/' is percent-encoded.
SarifJson sarif_artifact_location(std::string_view path);

// The region of a located value (location.has_position()), with the located text as snippet
// when the excerpt holds its lines. Without the excerpt, byte columns are used as they are
// (identical for ASCII lines).
SarifJson sarif_region(const Location& location, const Excerpt& excerpt);

// Whole lines from the excerpt's first context line to the end of the location, when the
// excerpt has context before the location.
std::optional<SarifJson> sarif_context_region(const Location& location, const Excerpt& excerpt);

// artifactLocation + region (+ contextRegion). A location without a position is anchored at
// line 1: the validator's SARIF2017 flags a location without a region, GitHub needs a start
// line to list an alert, and a file's length (which a whole-file region would need) is unknown
// here.
SarifJson sarif_physical_location(const Location& location, const Excerpt& excerpt);

}  // namespace iacscan::detail
