# The sweep of abandoned jobs: every 5 minutes EventBridge invokes the planner with {"sweep": true}. A running
# job whose lease expired (its planner crashed, timed out or lost the database and stopped renewing it) goes
# back to pending and its message is re-sent to the jobs queue, or is failed once it has been claimed
# max_receive_count times; a pending job idle for 15 minutes (its message may be lost or in the DLQ) has its
# message re-sent. A duplicate message is harmless: claims dedupe. Worst case, an abandoned job resumes
# job_lease_seconds + 5 minutes after its planner stopped.

resource "aws_cloudwatch_event_rule" "sweep" {
  name                = "${var.name_prefix}-sweep-abandoned-jobs"
  description         = "Invokes the planner with {\"sweep\": true} to resume or fail abandoned analysis jobs"
  schedule_expression = "rate(5 minutes)"
}

resource "aws_cloudwatch_event_target" "sweep" {
  rule      = aws_cloudwatch_event_rule.sweep.name
  target_id = "planner-sweep"
  arn       = aws_lambda_function.agent["planner"].arn
  input     = jsonencode({ sweep = true })
}

resource "aws_lambda_permission" "sweep" {
  statement_id  = "AllowSweepSchedule"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.agent["planner"].function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.sweep.arn
}
