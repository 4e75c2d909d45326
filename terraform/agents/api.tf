# The HTTP API's Lambda (packages/api, a Hono app): it reads and writes the user's rows over the Data API and
# sends {job_id} to the jobs queue. API Gateway (api-gateway.tf) is its only caller.

locals {
  api_function_name = "${var.name_prefix}-api"

  # Exactly the variables packages/api/src/config.ts reads (checked by
  # scripts/release/test/terraform/lambda-env.test.ts); none of the agents' model or tracing settings.
  api_env_given = {
    DATABASE_CLUSTER_ARN     = var.aurora_cluster_arn
    DATABASE_SECRET_ARN      = var.app_secret_arn
    DATABASE_NAME            = var.database_name
    LOG_LEVEL                = var.log_level
    JOBS_QUEUE_URL           = aws_sqs_queue.jobs.url
    CLERK_JWKS_URL           = var.clerk_jwks_url
    CLERK_ISSUER             = var.clerk_issuer
    CLERK_AUDIENCE           = var.clerk_audience
    CLERK_AUTHORIZED_PARTIES = length(var.clerk_authorized_parties) > 0 ? join(",", var.clerk_authorized_parties) : null
    CORS_ORIGINS             = join(",", var.cors_origins)
    METRICS_NAMESPACE        = var.metrics_namespace
  }
  api_env = { for key, value in local.api_env_given : key => value if value != null }
}

resource "aws_cloudwatch_log_group" "api" {
  name              = "/aws/lambda/${local.api_function_name}"
  retention_in_days = var.log_retention_days
}

resource "aws_lambda_function" "api" {
  function_name = local.api_function_name
  description   = "Alex HTTP API"
  role          = aws_iam_role.api.arn

  runtime       = "nodejs22.x"
  handler       = "handler.handler" # the same build as the agents: handler.mjs at the zip root
  architectures = [var.lambda_architecture]
  # API Gateway gives up on an integration after 30 s; the API only reads, writes and enqueues.
  timeout     = 30
  memory_size = 512

  s3_bucket        = aws_s3_bucket.code.id
  s3_key           = local.code_keys["api"]
  source_code_hash = local.source_code_hashes["api"]

  environment {
    variables = local.api_env
  }

  logging_config {
    log_format = "Text" # the API writes one JSON object per line, like the agents
    log_group  = aws_cloudwatch_log_group.api.name
  }

  depends_on = [aws_iam_role_policy.api]
}
