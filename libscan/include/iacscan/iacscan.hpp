// Umbrella header: everything a consumer of the iacscan library needs.
#pragma once

#include "iacscan/baseline.hpp"
#include "iacscan/config.hpp"
#include "iacscan/finding.hpp"
#include "iacscan/location.hpp"
#include "iacscan/options.hpp"
#include "iacscan/report.hpp"
#include "iacscan/result.hpp"
#include "iacscan/roadmap.hpp"
#include "iacscan/rule.hpp"
#include "iacscan/rule_docs.hpp"
#include "iacscan/scan_result.hpp"
#include "iacscan/scanner.hpp"
#include "iacscan/severity.hpp"
#include "iacscan/version.hpp"
