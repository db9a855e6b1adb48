// Data: the service name keys AWS Organizations accepts in an AI services opt-out policy, as
// listed in the AWS Organizations User Guide ("AI services opt-out policy syntax and
// examples", list read 2026-11). AWS adds services over time; a key missing here is reported
// as a warning ("unknown-service"), never an error, so a stale list never fails a build.
#include <algorithm>

#include "iam/ai_opt_out.hpp"

namespace iacscan::detail::iam {

const std::vector<std::string_view>& ai_opt_out_service_keys() {
  static const std::vector<std::string_view> keys = [] {
    std::vector<std::string_view> k = {
        "default",
        "aidevops",
        "aiops",
        "awssupplychain",
        "chimesdkvoiceanalytics",
        "cloudwatch",
        "codeguruprofiler",
        "codewhisperer",
        "comprehend",
        "connectamd",
        "connectoptimization",
        "contactlens",
        "frauddetector",
        "guardduty",
        "lex",
        "polly",
        "quicksightq",
        "rekognition",
        "securitylake",
        "supplychain",
        "textract",
        "transcribe",
        "translate",
    };
    std::sort(k.begin(), k.end());
    return k;
  }();
  return keys;
}

}  // namespace iacscan::detail::iam
