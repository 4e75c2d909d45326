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
