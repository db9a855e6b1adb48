# Buckets of the workload: one public by mistake, one suppressed inline, one suppressed by the
# configuration.
resource "aws_s3_bucket" "assets" {
  bucket = "workload-assets"
}

resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read"
}

# iacscan:ignore s3-bucket-versioning Rebuilt from the CI artefacts on every deploy
resource "aws_s3_bucket" "site" {
  bucket = "workload-site"
}

resource "aws_s3_bucket" "logs" {
  bucket = "workload-logs"
}

resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-west-1a"
  size              = 10
}
