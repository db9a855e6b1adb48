teams = {
  finance   = "private"
  marketing = "public-read"
}
