# Analysis jobs: the API sends {job_id}; the planner consumes them through the event source mapping.

resource "aws_sqs_queue" "jobs_dlq" {
  name                      = "${var.name_prefix}-${local.job_queue.dead_letter_queue_name_suffix}"
  message_retention_seconds = 1209600 # 14 days, the maximum: a moved message keeps its original enqueue time
  sqs_managed_sse_enabled   = true
}

resource "aws_sqs_queue" "jobs" {
  name = "${var.name_prefix}-${local.job_queue.queue_name_suffix}"

  # How the numbers fit together (a job is claimed in the database under a lease, see sweep.tf):
  #   lease (job_lease_seconds, 120 s, renewed by the planner's heartbeat every 40 s)
  #     << planner timeout (900 s) < visibility timeout (default 5400 s).
  # - A planner that crashes, times out or loses the database stops renewing; its job's lease expires within
  #   120 s and the next sweep (every 5 minutes) or delivery takes the job over.
  # - A redelivery while a claim is live (a duplicate message) is reported as a batch item failure and comes
  #   back after the visibility timeout, when the first attempt is certainly over (900 s < visibility).
  # - Longer than the planner's timeout as Lambda requires and, by default, 6 x it as AWS advises for SQS
  #   event sources: a throttled batch retried by the poller must not reappear and run twice. A job handed
  #   back after a transient failure is retried by the sweep after 15 minutes rather than after this timeout.
  visibility_timeout_seconds = var.queue_visibility_timeout_seconds
  message_retention_seconds  = 86400 # a job not started within a day is stale
  receive_wait_time_seconds  = 20
  sqs_managed_sse_enabled    = true

  redrive_policy = jsonencode(local.jobs_redrive_policy)
}

locals {
  # The queue's numbers live in one file that the planner and the local stack read too.
  job_queue = jsondecode(file("${path.module}/job-queue.json"))
  # After 3 failed receives a job goes to the DLQ, where nothing consumes it: inspect and redrive by hand.
  # The planner reads the same number (MAX_RECEIVE_COUNT) to know its final attempt, and the sweep fails a
  # job claimed that many times instead of resuming it.
  max_receive_count = local.job_queue.max_receive_count
  # A claim holds this long without renewal; the planner renews it every third of it while it runs. Far
  # below the planner's 900 s timeout, so an abandoned job is free again within 2 minutes.
  job_lease_seconds = local.job_queue.job_lease_seconds
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
  batch_size              = local.job_queue.batch_size
  function_response_types = ["ReportBatchItemFailures"]

  scaling_config {
    maximum_concurrency = var.planner_max_concurrency
  }
}
