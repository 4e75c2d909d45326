variable "aws_region" {
  description = "Region of the Lambdas and the queue; the same region as the Aurora cluster."
  type        = string
  default     = "us-east-1"
}

variable "name_prefix" {
  description = "Prefix of every name: functions are \"<prefix>-<agent>\", the queue \"<prefix>-analysis-jobs\"."
  type        = string
  default     = "alex"
}

# --- From terraform/database -------------------------------------------------------------------------------

variable "aurora_cluster_arn" {
  description = "terraform/database output aurora_cluster_arn (DATABASE_CLUSTER_ARN)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:rds:[a-z0-9-]+:[0-9]{12}:cluster:", var.aurora_cluster_arn))
    error_message = "aurora_cluster_arn must be an RDS cluster ARN."
  }
}

variable "app_secret_arn" {
  description = "terraform/database output app_secret_arn: the application user's secret (DATABASE_SECRET_ARN of every Lambda). Never the master secret, which only the deploy's migrations use."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:", var.app_secret_arn))
    error_message = "app_secret_arn must be a Secrets Manager secret ARN."
  }

  # RDS names the master user secret it manages "rds!cluster-<id>": that one may drop tables.
  validation {
    condition     = !can(regex(":secret:rds!", var.app_secret_arn))
    error_message = "app_secret_arn is the RDS-managed master secret: use terraform/database output app_secret_arn (the application user), not aurora_secret_arn."
  }
}

variable "database_name" {
  description = "terraform/database output database_name (DATABASE_NAME)."
  type        = string
  default     = "alex"
}

# --- Model ---------------------------------------------------------------------------------------------

variable "bedrock_model_id" {
  description = "Bedrock model or cross-region inference profile id (BEDROCK_MODEL_ID)."
  type        = string
  default     = "us.amazon.nova-pro-v1:0"
}

variable "agent_models" {
  description = "Bedrock model or inference profile id per agent, e.g. { planner = \"us.amazon.nova-micro-v1:0\" } (<AGENT>_BEDROCK_MODEL_ID); an agent left out uses bedrock_model_id. Each role may invoke only its agent's model."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for name in keys(var.agent_models) : contains(["planner", "tagger", "reporter", "charter", "retirement"], name)])
    error_message = "agent_models keys must be agent names: planner, tagger, reporter, charter, retirement."
  }

  validation {
    condition     = alltrue([for id in values(var.agent_models) : can(regex("^\\S+$", id))])
    error_message = "agent_models values must be model ids without spaces."
  }
}

variable "bedrock_region" {
  description = "Region the Bedrock client calls (BEDROCK_REGION); a profile id must exist in this region."
  type        = string
  default     = "us-east-1"
}

variable "model_prices" {
  description = "Model prices in dollars per million tokens replacing or adding to the published defaults (MODEL_PRICES of every agent), as a map, e.g. { \"nova-pro\" = { input = 0.8, output = 3.2 } }; null: the defaults."
  type = map(object({
    input  = number
    output = number
  }))
  default = null

  validation {
    condition     = var.model_prices == null ? true : alltrue([for price in values(var.model_prices) : price.input >= 0 && price.output >= 0])
    error_message = "model_prices must give non-negative input and output prices."
  }
}

# --- Reporter knowledge ----------------------------------------------------------------------------------

variable "vector_bucket" {
  description = "S3 Vectors bucket with the research index (VECTOR_BUCKET), created outside this module."
  type        = string
}

variable "vector_index" {
  description = "Index in vector_bucket (VECTOR_INDEX)."
  type        = string
  default     = "financial-research"
}

variable "sagemaker_endpoint" {
  description = "SageMaker embedding endpoint name (SAGEMAKER_ENDPOINT)."
  type        = string
  default     = "alex-embedding-endpoint"
}

# --- Planner ---------------------------------------------------------------------------------------------

variable "polygon_api_key_secret_arn" {
  description = "Secrets Manager ARN of the Polygon API key (POLYGON_API_KEY_SECRET_ARN); null: stored prices are used."
  type        = string
  default     = null

  validation {
    condition     = var.polygon_api_key_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.polygon_api_key_secret_arn))
    error_message = "polygon_api_key_secret_arn must be a Secrets Manager ARN."
  }
}

variable "polygon_plan" {
  description = "Polygon plan (POLYGON_PLAN)."
  type        = string
  default     = "free"

  validation {
    condition     = contains(["free", "paid"], var.polygon_plan)
    error_message = "polygon_plan must be free or paid."
  }
}

# --- Retirement ------------------------------------------------------------------------------------------

variable "retirement_paths" {
  description = "Monte Carlo paths per retirement simulation (RETIREMENT_PATHS)."
  type        = number
  default     = 10000

  validation {
    condition     = var.retirement_paths >= 100 && var.retirement_paths <= 200000 && floor(var.retirement_paths) == var.retirement_paths
    error_message = "retirement_paths must be an integer from 100 to 200000."
  }
}

# --- Code and operations -----------------------------------------------------------------------------------

variable "lambda_artifacts" {
  description = <<-EOT
    The zips built by pnpm build, by Lambda (an agent name or "api"); a Lambda left out uses
    agents/<agent>/dist/<agent>.zip, or packages/api/dist/api.zip for the API.
    zip_path: the zip, relative to the repository root; Terraform uploads it to the code bucket under
    lambdas/<name>/<sha256>.zip. s3_key: a zip already uploaded to the code bucket (pnpm run deploy does
    this); nothing is uploaded then. source_code_hash: base64 SHA-256 of the zip (from the build manifest);
    computed from zip_path when omitted, so it is required with s3_key alone.
  EOT
  type = map(object({
    zip_path         = optional(string)
    s3_key           = optional(string)
    source_code_hash = optional(string)
  }))
  default = {}

  validation {
    condition     = alltrue([for name in keys(var.lambda_artifacts) : contains(["planner", "tagger", "reporter", "charter", "retirement", "api"], name)])
    error_message = "lambda_artifacts keys must be Lambda names: planner, tagger, reporter, charter, retirement, api."
  }

  validation {
    condition     = alltrue([for a in values(var.lambda_artifacts) : a.zip_path != null || (a.s3_key != null && a.source_code_hash != null)])
    error_message = "Each lambda_artifacts entry needs zip_path, or s3_key together with source_code_hash."
  }
}

variable "lambda_architecture" {
  description = "Lambda architecture. The bundles are pure JavaScript, so arm64 (Graviton, about 20% cheaper per GB-second) is the default."
  type        = string
  default     = "arm64"

  validation {
    condition     = contains(["arm64", "x86_64"], var.lambda_architecture)
    error_message = "lambda_architecture must be arm64 or x86_64."
  }
}

variable "log_retention_days" {
  description = "CloudWatch log retention of every Lambda's log group and of the HTTP API's access logs."
  type        = number
  default     = 14
}

variable "queue_visibility_timeout_seconds" {
  description = "Visibility timeout of the jobs queue. Default 5400 s = 6 x the planner's 900 s timeout, AWS's guidance for SQS event sources."
  type        = number
  default     = 5400

  validation {
    condition     = var.queue_visibility_timeout_seconds > 900 && var.queue_visibility_timeout_seconds <= 43200
    error_message = "queue_visibility_timeout_seconds must exceed the planner's 900 s timeout and be at most 43200."
  }
}

variable "planner_max_concurrency" {
  description = "Most planner invocations the SQS event source runs at once (2-1000): bounds Bedrock, Aurora and sub-agent load."
  type        = number
  default     = 5

  validation {
    condition     = var.planner_max_concurrency >= 2 && var.planner_max_concurrency <= 1000
    error_message = "planner_max_concurrency must be between 2 and 1000."
  }
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = { project = "alex" }
}

variable "code_bucket_name" {
  description = "Name of the code bucket this module creates; null: \"<prefix>-lambda-code-<account>-<region>\"."
  type        = string
  default     = null
}
