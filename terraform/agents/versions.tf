terraform {
  # 1.9+ for input validations that refer to other variables.
  required_version = ">= 1.9"

  required_providers {
    aws = {
      source = "hashicorp/aws"
      # 5.100 is what the offline mirror on the dev/CI machines carries. S3 Vectors resources need 6.x,
      # which is why the vector bucket is an input here rather than a resource.
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

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
