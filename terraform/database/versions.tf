terraform {
  # 1.9+ for input validations that refer to other variables.
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 is what the offline mirror on the dev/CI machines carries.
      version = ">= 5.100, < 7"
    }
  }
}

provider "aws" {
  region = var.aws_region

  default_tags {
    tags = var.tags
  }
}
