// placeholder; replaced by the real CLI
