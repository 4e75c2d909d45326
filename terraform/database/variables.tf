variable "aws_region" {
  description = "Region of the Aurora cluster; the agent Lambdas must be deployed in the same region."
  type        = string
  default     = "us-east-1"
}

variable "cluster_identifier" {
  description = "Identifier of the Aurora cluster (its instance is named \"<identifier>-instance-1\")."
  type        = string
  default     = "alex-aurora-cluster"
}

variable "database_name" {
  description = "Database created in the cluster; becomes DATABASE_NAME of every agent."
  type        = string
  default     = "alex"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.database_name))
    error_message = "database_name must start with a letter and contain only lowercase letters, digits and underscores."
  }
}

variable "master_username" {
  description = "Master user; its password is generated and kept in Secrets Manager by RDS."
  type        = string
  default     = "alexadmin"
}

variable "engine_version" {
  description = "Aurora PostgreSQL version offered for new clusters in aws_region (`pnpm run deploy --preflight` checks it and names the newest 16.x offered). 16.10 supports the Data API on Serverless v2 and a minimum of 0 ACU (auto-pause needs 16.3+ / 15.7+)."
  type        = string
  default     = "16.10"

  validation {
    condition     = can(regex("^1[56]\\.[0-9]+$", var.engine_version))
    error_message = "engine_version must be an Aurora PostgreSQL 15.x or 16.x version, e.g. 16.10."
  }
}

variable "app_username" {
  description = "The application's database user (no DDL, no ownership): every Lambda connects as it through the secret output as app_secret_arn. `pnpm run deploy` creates it, its password and its grants after the migrations."
  type        = string
  default     = "alex_app"

  validation {
    condition     = can(regex("^[a-z_][a-z0-9_]{0,62}$", var.app_username)) && var.app_username != var.master_username && !startswith(var.app_username, "pg_") && !startswith(var.app_username, "rds")
    error_message = "app_username must be a lowercase PostgreSQL identifier (letters, digits, _), not the master user and not starting with pg_ or rds."
  }
}

variable "min_capacity" {
  description = "Minimum ACUs. 0 pauses the instance when idle (cheapest; the first Data API call after a pause fails with DatabaseResumingException while it resumes); 0.5 keeps it warm."
  type        = number
  default     = 0.5

  validation {
    condition     = var.min_capacity >= 0 && var.min_capacity <= 256 && floor(var.min_capacity * 2) == var.min_capacity * 2
    error_message = "min_capacity must be between 0 and 256 in steps of 0.5."
  }
}

variable "max_capacity" {
  description = "Maximum ACUs."
  type        = number
  default     = 2

  validation {
    condition     = var.max_capacity >= 1 && var.max_capacity <= 256 && var.max_capacity >= var.min_capacity && floor(var.max_capacity * 2) == var.max_capacity * 2
    error_message = "max_capacity must be between 1 and 256 in steps of 0.5, and at least min_capacity."
  }
}

variable "seconds_until_auto_pause" {
  description = "Idle seconds before the instance pauses; used only when min_capacity is 0."
  type        = number
  default     = 3600

  validation {
    condition     = var.seconds_until_auto_pause >= 300 && var.seconds_until_auto_pause <= 86400
    error_message = "seconds_until_auto_pause must be between 300 and 86400."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster (set false before `terraform destroy`)."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Delete without a final snapshot. When false, a snapshot named \"<cluster_identifier>-final\" is taken."
  type        = bool
  default     = false
}

variable "backup_retention_days" {
  description = "Automated backup retention in days."
  type        = number
  default     = 7
}

variable "subnet_ids" {
  description = "Subnets for the cluster (at least two availability zones). Null uses every subnet of the default VPC."
  type        = list(string)
  default     = null
}

variable "vpc_id" {
  description = "VPC of subnet_ids; required when subnet_ids is given. Null uses the default VPC."
  type        = string
  default     = null

  validation {
    condition     = (var.vpc_id == null) == (var.subnet_ids == null)
    error_message = "Give both vpc_id and subnet_ids, or neither (the default VPC is used)."
  }
}

variable "allowed_cidr_blocks" {
  description = "CIDRs allowed to reach PostgreSQL on 5432 directly. Empty: the agents use only the Data API, which needs no network path."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = { project = "alex" }
}
