# A bucket with a public ACL: s3-bucket-public-acl (critical), s3-bucket-access-logging (medium)
# and s3-bucket-versioning (low).
resource "aws_s3_bucket" "site" {
  bucket = "example-public-site"
  acl    = "public-read"
}
