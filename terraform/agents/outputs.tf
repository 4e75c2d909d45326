output "jobs_queue_url" {
  description = "URL of the analysis jobs queue (where the API sends {job_id})."
  value       = aws_sqs_queue.jobs.url
}

output "jobs_queue_arn" {
  description = "ARN of the analysis jobs queue."
  value       = aws_sqs_queue.jobs.arn
}

output "jobs_dlq_url" {
  description = "URL of the dead-letter queue: jobs that failed 3 receives."
  value       = aws_sqs_queue.jobs_dlq.url
}

output "jobs_dlq_arn" {
  description = "ARN of the dead-letter queue."
  value       = aws_sqs_queue.jobs_dlq.arn
}

output "function_names" {
  description = "Lambda function name by agent."
  value       = { for name, fn in aws_lambda_function.agent : name => fn.function_name }
}

output "function_arns" {
  description = "Lambda function ARN by agent."
  value       = { for name, fn in aws_lambda_function.agent : name => fn.arn }
}

output "role_arns" {
  description = "Execution role ARN by agent."
  value       = { for name, role in aws_iam_role.agent : name => role.arn }
}

output "code_bucket" {
  description = "Bucket holding the Lambda zips."
  value       = aws_s3_bucket.code.id
}

output "api_url" {
  description = "Base URL of the HTTP API (no trailing slash): the frontend's NEXT_PUBLIC_API_URL; routes are /api/... and /health."
  value       = aws_apigatewayv2_api.http.api_endpoint
}

output "api_function_name" {
  description = "Name of the API Lambda."
  value       = aws_lambda_function.api.function_name
}

output "api_role_arn" {
  description = "Execution role ARN of the API Lambda."
  value       = aws_iam_role.api.arn
}

output "alarm_names" {
  description = "Name of every CloudWatch alarm (each notifies alarm_topic_arn)."
  value = [
    for alarm in concat(
      values(aws_cloudwatch_metric_alarm.metric),
      [aws_cloudwatch_metric_alarm.failed_job_ratio],
      values(aws_cloudwatch_metric_alarm.throttles),
    ) : alarm.alarm_name
  ]
}

output "dashboard_name" {
  description = "The CloudWatch dashboard of jobs, agents, the DLQ, Lambda errors and throttles, and API 5xx."
  value       = aws_cloudwatch_dashboard.operations.dashboard_name
}
