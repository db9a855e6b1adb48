# A suppression that has expired (the finding counts again, SARIF lists it under
# properties.expiredSuppressions) and one without a reason (a finding of its own).
resource "aws_security_group" "admin" {
  name        = "admin"
  description = "Administration"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"] # iacscan:ignore sg-ingress-admin-ports-open-world:exp:2021-03-31 Until the VPN is up
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # iacscan:ignore sg-egress-unrestricted
  }
}
