# One CloudWatch dashboard, "<prefix>-operations": jobs by outcome, agent durations, the DLQ, every Lambda's
# errors and throttles, and the API's 5xx. The alarms (alarms.tf) watch the same metrics.

locals {
  # Watched by an alarm too (alarms.tf), in the notation of the widgets' metrics.
  dlq_depth_metric = ["AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", aws_sqs_queue.jobs_dlq.name]
  api_5xx_metric   = ["AWS/ApiGateway", "5xx", "ApiId", aws_apigatewayv2_api.http.id]

  dashboard_widgets = [
    {
      title   = "Jobs by outcome (per hour)"
      stat    = "Sum"
      period  = 3600
      metrics = [for name in values(local.job_outcome_metrics) : [var.metrics_namespace, name, "service", "planner"]]
    },
    {
      title  = "Job and agent duration, ms (average)"
      stat   = "Average"
      period = 300
      # The planner records each job's duration and, per agent it ran, AgentDurationMs with dimensions
      # service=planner and agent=<name> (agents/planner/src/job-metrics.ts): EMF dimension sets match exactly.
      metrics = concat(
        [[var.metrics_namespace, "JobDurationMs", "service", "planner"]],
        [for name in keys(local.agents) : [var.metrics_namespace, "AgentDurationMs", "service", "planner", "agent", name] if name != "planner"],
      )
    },
    {
      title   = "Jobs DLQ depth"
      stat    = "Maximum"
      period  = 300
      metrics = [local.dlq_depth_metric]
    },
    {
      title   = "Lambda errors"
      stat    = "Sum"
      period  = 300
      metrics = [for name in values(local.all_function_names) : ["AWS/Lambda", "Errors", "FunctionName", name]]
    },
    {
      title   = "Lambda throttles"
      stat    = "Sum"
      period  = 300
      metrics = [for name in values(local.all_function_names) : ["AWS/Lambda", "Throttles", "FunctionName", name]]
    },
    {
      title   = "API 5xx"
      stat    = "Sum"
      period  = 300
      metrics = [local.api_5xx_metric]
    },
  ]
}

resource "aws_cloudwatch_dashboard" "operations" {
  dashboard_name = "${var.name_prefix}-operations"
  dashboard_body = jsonencode({
    widgets = [
      for index, widget in local.dashboard_widgets : {
        type   = "metric"
        x      = (index % 2) * 12
        y      = floor(index / 2) * 6
        width  = 12
        height = 6
        properties = {
          title   = widget.title
          region  = local.region
          view    = "timeSeries"
          stacked = false
          stat    = widget.stat
          period  = widget.period
          metrics = widget.metrics
        }
      }
    ]
  })
}
