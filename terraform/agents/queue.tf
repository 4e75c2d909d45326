# Analysis jobs: the API sends {job_id}; the planner consumes them through the event source mapping.

resource "aws_sqs_queue" "jobs_dlq" {
  name                      = "${var.name_prefix}-analysis-jobs-dlq"
  message_retention_seconds = 1209600 # 14 days, the maximum: a moved message keeps its original enqueue time
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "jobs" {
  name = "${var.name_prefix}-analysis-jobs"

  # Longer than the planner's 900 s timeout (Lambda refuses a mapping otherwise) and, by default, 6 x it as
  # AWS advises for SQS event sources: a batch whose invocation is throttled and retried by the poller must
  # not reappear and run twice. The price is that a failed job is retried only after this timeout.
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  message_retention_seconds  = 86400 # a job not started within a day is stale
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode(local.jobs_redrive_policy)
}

locals {
  # After 3 failed receives a job goes to the DLQ, where nothing consumes it: inspect and redrive by hand.
  # The planner reads the same number (MAX_RECEIVE_COUNT) to know its final attempt.
  max_receive_count = 3
  jobs_redrive_policy = {
    deadLetterTargetArn = aws_sqs_queue.jobs_dlq.arn
    maxReceiveCount     = local.max_receive_count
  }
}

resource "aws_sqs_queue_redrive_allow_policy" "jobs_dlq" {
  queue_url = aws_sqs_queue.jobs_dlq.id
  redrive_allow_policy = jsonencode({
    redrivePermission = "byQueue"
    sourceQueueArns   = [aws_sqs_queue.jobs.arn]
  })
}

resource "aws_lambda_event_source_mapping" "planner_jobs" {
  event_source_arn = aws_sqs_queue.jobs.arn
  function_name    = aws_lambda_function.agent["planner"].arn

  # One job per invocation: each job gets the planner's whole 900 s and 2 GB, and a slow job cannot make
  # the other jobs of its batch time out with it.
  batch_size              = 1
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.planner_max_concurrency
  }
}
