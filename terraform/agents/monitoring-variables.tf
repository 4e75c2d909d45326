# --- Alarms and metrics (alarms.tf, dashboard.tf) ------------------------------------------------------------

variable "alarm_topic_arn" {
  description = "SNS topic every alarm notifies when it fires and when it returns to OK (e.g. a topic with an e-mail or chat subscription, created outside this module)."
  type        = string

  # A standard topic: CloudWatch alarms cannot notify FIFO topics.
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:sns:[a-z0-9-]+:[0-9]{12}:[A-Za-z0-9_-]{1,256}$", var.alarm_topic_arn))
    error_message = "alarm_topic_arn must be the ARN of a standard SNS topic, e.g. arn:aws:sns:us-east-1:123456789012:alex-alarms."
  }
}

variable "metrics_namespace" {
  description = "CloudWatch namespace of the application's EMF metrics (METRICS_NAMESPACE of every Lambda), read by the failed-job alarm and the dashboard."
  type        = string
  default     = "AlexAgents"

  validation {
    condition     = can(regex("^[A-Za-z0-9_./#:-]{1,255}$", var.metrics_namespace)) && !startswith(var.metrics_namespace, "AWS/")
    error_message = "metrics_namespace must be 1-255 letters, digits or . - _ / # : and must not start with AWS/ (reserved for AWS services)."
  }
}

variable "failed_job_ratio_threshold" {
  description = "The failed-job alarm fires when more than this share of the jobs finished in an hour failed (JobsFailed / all finished jobs)."
  type        = number
  default     = 0.2

  validation {
    condition     = var.failed_job_ratio_threshold > 0 && var.failed_job_ratio_threshold < 1
    error_message = "failed_job_ratio_threshold must be between 0 and 1 (exclusive)."
  }
}

variable "api_5xx_threshold" {
  description = "The API alarm fires when the HTTP API answers at least this many 5xx responses in 5 minutes."
  type        = number
  default     = 5

  validation {
    condition     = var.api_5xx_threshold >= 1 && floor(var.api_5xx_threshold) == var.api_5xx_threshold
    error_message = "api_5xx_threshold must be a whole number from 1."
  }
}

# --- Logs --------------------------------------------------------------------------------------------------

variable "log_level" {
  description = "LOG_LEVEL of every agent."
  type        = string
  default     = "info"

  validation {
    condition     = contains(["debug", "info", "warn", "error"], var.log_level)
    error_message = "log_level must be debug, info, warn or error."
  }
}

variable "log_debug_sample_rate" {
  description = "Share of invocations (0-1) logged at debug level whatever log_level says (LOG_DEBUG_SAMPLE_RATE of every agent; Powertools log sampling)."
  type        = number
  default     = 0

  validation {
    condition     = var.log_debug_sample_rate >= 0 && var.log_debug_sample_rate <= 1
    error_message = "log_debug_sample_rate must be between 0 and 1."
  }
}

# --- Langfuse (optional) -----------------------------------------------------------------------------------

variable "langfuse" {
  description = <<-EOT
    Langfuse tracing; null (the default) turns it off. public_key (LANGFUSE_PUBLIC_KEY, not a secret) and
    secret_arn (LANGFUSE_SECRET_ARN, the Secrets Manager ARN of the secret key) are both required; host
    (LANGFUSE_HOST) is optional. export_content (LANGFUSE_EXPORT_CONTENT, default false) also exports prompts,
    model answers and tool data, which hold portfolio contents; off, traces carry agent and model names, tokens,
    timings, stop reasons and errors only.
  EOT
  type = object({
    public_key     = string
    secret_arn     = string
    host           = optional(string)
    export_content = optional(bool, false)
  })
  default = null

  # Terraform 1.11 evaluates both sides of ||, so each attribute is read through try(): null when langfuse is.
  validation {
    condition     = var.langfuse == null || try(length(var.langfuse.public_key) > 0 && length(var.langfuse.secret_arn) > 0, false)
    error_message = "langfuse needs both public_key and secret_arn (or set langfuse = null to turn tracing off)."
  }
  validation {
    condition     = try(var.langfuse.secret_arn, null) == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.langfuse.secret_arn))
    error_message = "langfuse.secret_arn must be a Secrets Manager ARN."
  }
  validation {
    condition     = try(var.langfuse.host, null) == null || can(regex("^https?://", var.langfuse.host))
    error_message = "langfuse.host must be a URL."
  }
}
