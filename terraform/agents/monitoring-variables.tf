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

# --- Langfuse (optional; tracing is on only when the public key and the secret are both given) -------------

variable "langfuse_public_key" {
  description = "Langfuse public key (LANGFUSE_PUBLIC_KEY); not a secret."
  type        = string
  default     = null
}

variable "langfuse_secret_arn" {
  description = "Secrets Manager ARN of the Langfuse secret key (LANGFUSE_SECRET_ARN)."
  type        = string
  default     = null

  validation {
    condition     = var.langfuse_secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.langfuse_secret_arn))
    error_message = "langfuse_secret_arn must be a Secrets Manager ARN."
  }
}

variable "langfuse_host" {
  description = "Langfuse host URL (LANGFUSE_HOST)."
  type        = string
  default     = null

  validation {
    condition     = var.langfuse_host == null || can(regex("^https?://", var.langfuse_host))
    error_message = "langfuse_host must be a URL."
  }
}

variable "langfuse_export_content" {
  description = "Export prompts, model answers and tool data (they hold portfolio contents) to Langfuse as well (LANGFUSE_EXPORT_CONTENT). Off: traces carry agent and model names, tokens, timings, stop reasons and errors only."
  type        = bool
  default     = false
}
