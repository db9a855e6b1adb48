# A tiny landing-zone corner for the roadmap CLI test: an organization trail and a GuardDuty
# detector. Which stages it meets is the landing-zone fixtures' business, not this test's.
resource "aws_cloudtrail" "org" {
  name                          = "org-trail"
  s3_bucket_name                = "org-trail-logs"
  is_multi_region_trail         = true
  is_organization_trail         = true
  include_global_service_events = true
  enable_log_file_validation    = true
}

resource "aws_guardduty_detector" "main" {
  enable = true
}
