# A root module that creates one bucket per team through a local module. The ACLs come from
# terraform.tfvars; iacscan evaluates the module once per for_each key, so the finding names
# the instance (module.team_bucket["marketing"]) and points into the module, with this call
# and the tfvars line as related locations.
variable "teams" {
  description = "Team name to the canned ACL of its bucket"
  type        = map(string)
  default     = {}
}

locals {
  prefix = "corp-${terraform.workspace}"
}

module "team_bucket" {
  source   = "./modules/bucket"
  for_each = var.teams

  name = "${local.prefix}-${each.key}"
  acl  = each.value
}

output "bucket_arns" {
  value = { for team, bucket in module.team_bucket : team => bucket.arn }
}
