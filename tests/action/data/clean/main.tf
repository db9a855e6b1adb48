# Terraform without resources: nothing to find.
variable "environment" {
  type    = string
  default = "test"
}

output "environment" {
  value = var.environment
}
