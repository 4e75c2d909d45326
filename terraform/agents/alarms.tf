# CloudWatch alarms. Each notifies var.alarm_topic_arn when it fires and again when it returns to OK, and
# treats missing data as not breaching: no traffic is not an incident.
#
#   <prefix>-jobs-dlq-not-empty      a job failed every receive and sits in the DLQ (nothing consumes it)
#   <prefix>-planner-errors          the planner Lambda failed (crash, timeout, unhandled error)
#   <prefix>-failed-job-ratio        too many of the last hour's finished jobs ended failed
#   <prefix>-<lambda>-throttles      one per Lambda (5 agents + api): invocations refused for concurrency
#   <prefix>-api-5xx                 the HTTP API answered server errors

locals {
  alarm_actions = [var.alarm_topic_arn]

  # Every Lambda of this module, by short name, for the per-function throttle alarms and the dashboard.
  all_function_names = merge(local.function_names, { api = local.api_function_name })

  # The application's job outcome counts (one per finished job), emitted by the planner.
  job_outcome_metrics = {
    complete = "JobsComplete"
    partial  = "JobsPartial"
    failed   = "JobsFailed"
  }

  # The alarms on one AWS metric, by name after the prefix ("<prefix>-<key>"): the metric in the dashboard's
  # notation [namespace, name, dimension, value], and when it fires: on the Sum over 5 minutes above 0 unless
  # statistic, comparison and threshold say otherwise. The throttle alarms (one per Lambda) and the failed-job
  # ratio (metric math) follow.
  metric_alarms = {
    jobs-dlq-not-empty = {
      description = "A job failed ${local.max_receive_count} receives and is in ${aws_sqs_queue.jobs_dlq.name}: inspect it, fix the cause, then redrive (guides/3-operations.md)."
      metric      = local.dlq_depth_metric
      statistic   = "Maximum"
    }
    planner-errors = {
      description = "The planner Lambda ${local.function_names.planner} ended with an error (its job is retried, then dead-lettered): read its log group."
      metric      = ["AWS/Lambda", "Errors", "FunctionName", local.function_names.planner]
    }
    # The HTTP API's own 5xx count: the app's errors and integration failures (a crashed or timed-out API
    # Lambda is a 500/503/504 from API Gateway).
    api-5xx = {
      description = "The HTTP API ${aws_apigatewayv2_api.http.name} answered at least ${var.api_5xx_threshold} server errors in 5 minutes: read /aws/lambda/${local.api_function_name} and the access logs."
      metric      = local.api_5xx_metric
      comparison  = "GreaterThanOrEqualToThreshold"
      threshold   = var.api_5xx_threshold
    }
  }
}

resource "aws_cloudwatch_metric_alarm" "metric" {
  for_each = local.metric_alarms

  alarm_name        = "${var.name_prefix}-${each.key}"
  alarm_description = each.value.description

  namespace   = each.value.metric[0]
  metric_name = each.value.metric[1]
  dimensions  = { (each.value.metric[2]) = each.value.metric[3] }
  statistic   = lookup(each.value, "statistic", "Sum")
  # 5 minutes: SQS publishes queue metrics no more often.
  period              = 300
  evaluation_periods  = 1
  comparison_operator = lookup(each.value, "comparison", "GreaterThanThreshold")
  threshold           = lookup(each.value, "threshold", 0)
  treat_missing_data  = "notBreaching"

  alarm_actions = local.alarm_actions
  ok_actions    = local.alarm_actions
}

# These alarms were resources of their own before local.metric_alarms: moved keeps the deployed ones. Without
# it Terraform would create each anew and delete the old alarm of the same name, in either order: maybe none.
moved {
  from = aws_cloudwatch_metric_alarm.jobs_dlq
  to   = aws_cloudwatch_metric_alarm.metric["jobs-dlq-not-empty"]
}
moved {
  from = aws_cloudwatch_metric_alarm.planner_errors
  to   = aws_cloudwatch_metric_alarm.metric["planner-errors"]
}
moved {
  from = aws_cloudwatch_metric_alarm.api_5xx
  to   = aws_cloudwatch_metric_alarm.metric["api-5xx"]
}

# A specialist failure returns {ok:false} and the planner records it, so Lambda Errors never see it: the
# job outcome metrics do. JobsFailed / (JobsComplete + JobsPartial + JobsFailed) over an hour; an outcome
# with no job in a period counts 0, and an hour without any finished job has no value (not breaching).
resource "aws_cloudwatch_metric_alarm" "failed_job_ratio" {
  alarm_name          = "${var.name_prefix}-failed-job-ratio"
  alarm_description   = "More than ${var.failed_job_ratio_threshold * 100}% of the jobs finished in the last hour failed: see alex jobs and the planner's logs."
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.failed_job_ratio_threshold
  treat_missing_data  = "notBreaching"

  metric_query {
    id          = "ratio"
    expression  = "FILL(failed, 0) / (FILL(complete, 0) + FILL(partial, 0) + FILL(failed, 0))"
    label       = "Failed job ratio"
    return_data = true
  }

  dynamic "metric_query" {
    for_each = local.job_outcome_metrics
    content {
      id = metric_query.key
      metric {
        namespace   = var.metrics_namespace
        metric_name = metric_query.value
        dimensions  = { service = "planner" }
        stat        = "Sum"
        period      = 3600
      }
    }
  }

  alarm_actions = local.alarm_actions
  ok_actions    = local.alarm_actions
}

resource "aws_cloudwatch_metric_alarm" "throttles" {
  for_each = local.all_function_names

  alarm_name        = "${each.value}-throttles"
  alarm_description = "Lambda refused invocations of ${each.value} for lack of concurrency: raise the account's concurrency or lower planner_max_concurrency."

  namespace           = "AWS/Lambda"
  metric_name         = "Throttles"
  dimensions          = { FunctionName = each.value }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0
  treat_missing_data  = "notBreaching"

  alarm_actions = local.alarm_actions
  ok_actions    = local.alarm_actions
}
