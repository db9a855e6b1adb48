# The same website in Terraform, provider v4 style: the ACL is its own resource.
variable "assets_acl" {
  description = "Canned ACL of the assets bucket"
  type        = string
}

resource "aws_s3_bucket" "assets" {
  bucket = "site-assets-prod"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read"
}

resource "aws_s3_bucket" "uploads" {
  bucket = "site-uploads-prod"
}

# The ACL comes from a variable with no value: iacscan does not guess, so no finding.
resource "aws_s3_bucket_acl" "uploads" {
  bucket = aws_s3_bucket.uploads.id
  acl    = var.assets_acl
}
