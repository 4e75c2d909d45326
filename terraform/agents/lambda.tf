resource "aws_cloudwatch_log_group" "agent" {
  for_each = local.agents

  name              = "/aws/lambda/${local.function_names[each.key]}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "agent" {
  for_each = local.agents

  function_name = local.function_names[each.key]
  description   = "Alex ${each.key} agent"
  role          = aws_iam_role.agent[each.key].arn

  runtime       = "nodejs22.x"
  handler       = "handler.handler" # scripts/build puts the bundle at the zip root as handler.mjs
  architectures = [var.lambda_architecture]
  timeout       = each.value.timeout
  memory_size   = each.value.memory_size

  s3_bucket        = aws_s3_bucket.code.id
  s3_key           = local.code_keys[each.key]
  source_code_hash = local.source_code_hashes[each.key]

  environment {
    variables = local.lambda_env[each.key]
  }

  logging_config {
    log_format = "Text" # the agents already write one JSON object per line (createJsonLogger in @alex/runtime)
    log_group  = aws_cloudwatch_log_group.agent[each.key].name
  }

  # The log group exists (with retention) and the role can write to it before the first invocation.
  depends_on = [aws_iam_role_policy.agent]
}
