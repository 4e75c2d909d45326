# The HTTP API against a mocked AWS provider (no credentials, no network, nothing created): the Lambda, the
# JWT authorizer and routes, throttling and access logs, and the exact IAM policy of the API's role.

mock_provider "aws" {
  source = "./tests/mocks"
}

run "api" {
  command = apply

  assert {
    condition = (
      aws_lambda_function.api.function_name == "alex-api" && aws_lambda_function.api.runtime == "nodejs22.x" &&
      aws_lambda_function.api.handler == "handler.handler" && aws_lambda_function.api.timeout == 30 &&
      aws_lambda_function.api.memory_size == 512
    )
    error_message = "The API Lambda alex-api runs handler.handler on nodejs22.x for 30 s with 512 MB."
  }
  assert {
    condition     = aws_lambda_function.api.s3_bucket == aws_s3_bucket.code.id && aws_lambda_function.api.s3_key == "lambdas/api/uploaded-by-deploy.zip" && aws_lambda_function.api.source_code_hash == "api-hash"
    error_message = "The API's code comes from the code bucket like the agents'."
  }
  assert {
    condition = aws_lambda_function.api.environment[0].variables == tomap({
      DATABASE_CLUSTER_ARN = var.aurora_cluster_arn
      DATABASE_SECRET_ARN  = var.app_secret_arn
      DATABASE_NAME        = "alex"
      LOG_LEVEL            = "info"
      JOBS_QUEUE_URL       = aws_sqs_queue.jobs.url
      CLERK_JWKS_URL       = var.clerk_jwks_url
      CLERK_ISSUER         = var.clerk_issuer
      CLERK_AUDIENCE       = var.clerk_audience
      CORS_ORIGINS         = "https://app.example.com,http://localhost:3000"
      METRICS_NAMESPACE    = "AlexAgents"
    })
    error_message = "The API gets the database, the jobs queue, Clerk's settings and the CORS origins; no CLERK_AUTHORIZED_PARTIES unless given."
  }
  assert {
    condition = (
      aws_apigatewayv2_authorizer.clerk.authorizer_type == "JWT" &&
      aws_apigatewayv2_authorizer.clerk.jwt_configuration[0].issuer == var.clerk_issuer &&
      aws_apigatewayv2_authorizer.clerk.jwt_configuration[0].audience == toset([var.clerk_audience]) &&
      aws_apigatewayv2_authorizer.clerk.identity_sources == toset(["$request.header.Authorization"])
    )
    error_message = "The JWT authorizer checks the bearer token against clerk_issuer and clerk_audience."
  }
  assert {
    condition = (
      aws_apigatewayv2_route.api.route_key == "ANY /api/{proxy+}" &&
      aws_apigatewayv2_route.api.authorization_type == "JWT" &&
      aws_apigatewayv2_route.api.authorizer_id == aws_apigatewayv2_authorizer.clerk.id
    )
    error_message = "ANY /api/{proxy+} goes through the JWT authorizer."
  }
  assert {
    condition = (
      aws_apigatewayv2_route.health.route_key == "GET /health" &&
      aws_apigatewayv2_route.health.authorization_type == "NONE" &&
      aws_apigatewayv2_route.health.authorizer_id == null
    )
    error_message = "GET /health needs no token."
  }
  assert {
    condition = alltrue([
      for route in [aws_apigatewayv2_route.api, aws_apigatewayv2_route.health] :
      route.target == "integrations/${aws_apigatewayv2_integration.api.id}"
    ]) && aws_apigatewayv2_integration.api.integration_uri == aws_lambda_function.api.invoke_arn && aws_apigatewayv2_integration.api.payload_format_version == "2.0"
    error_message = "Both routes invoke the API Lambda with v2 payloads."
  }
  assert {
    condition = (
      aws_apigatewayv2_stage.default.default_route_settings[0].throttling_burst_limit == 100 &&
      aws_apigatewayv2_stage.default.default_route_settings[0].throttling_rate_limit == 100
    )
    error_message = "The stage throttles at burst 100, rate 100 by default."
  }
  assert {
    condition = (
      aws_apigatewayv2_stage.default.access_log_settings[0].destination_arn == aws_cloudwatch_log_group.api_access.arn &&
      jsondecode(aws_apigatewayv2_stage.default.access_log_settings[0].format).authorizerError == "$context.authorizer.error" &&
      aws_cloudwatch_log_group.api_access.retention_in_days == var.log_retention_days
    )
    error_message = "Access logs go to their own log group, with retention."
  }
  assert {
    condition     = aws_apigatewayv2_api.http.cors_configuration[0].allow_origins == toset(var.cors_origins) && !aws_apigatewayv2_api.http.cors_configuration[0].allow_credentials
    error_message = "API Gateway allows exactly cors_origins, without credentials."
  }
  assert {
    condition = (
      aws_lambda_permission.api_gateway.principal == "apigateway.amazonaws.com" &&
      aws_lambda_permission.api_gateway.function_name == aws_lambda_function.api.function_name &&
      aws_lambda_permission.api_gateway.source_arn == "${aws_apigatewayv2_api.http.execution_arn}/*/*"
    )
    error_message = "Only this HTTP API may invoke the API Lambda."
  }
  assert {
    condition     = output.api_url == "https://abc123.execute-api.us-east-1.amazonaws.com"
    error_message = "api_url is the API's endpoint, without a trailing slash."
  }

  # The role's policy, statement by statement: exactly these actions on exactly these resources.
  assert {
    condition = {
      for s in data.aws_iam_policy_document.api.statement : s.sid => { actions = toset(s.actions), resources = toset(s.resources) }
      } == {
      OwnLogGroup = {
        actions   = toset(["logs:CreateLogStream", "logs:PutLogEvents"])
        resources = toset(["${aws_cloudwatch_log_group.api.arn}:*"])
      }
      AuroraDataApi = {
        actions   = toset(["rds-data:ExecuteStatement", "rds-data:BeginTransaction", "rds-data:CommitTransaction", "rds-data:RollbackTransaction"])
        resources = toset([var.aurora_cluster_arn])
      }
      ReadDatabaseSecret = {
        actions   = toset(["secretsmanager:GetSecretValue"])
        resources = toset([var.app_secret_arn])
      }
      SendJobs = {
        actions   = toset(["sqs:SendMessage"])
        resources = toset([aws_sqs_queue.jobs.arn])
      }
    }
    error_message = "The API role may use the Data API on the cluster, read the database secret, send to the jobs queue and write its own logs, and nothing else."
  }
  assert {
    condition = alltrue([
      for s in data.aws_iam_policy_document.api.statement :
      s.effect == null || s.effect == "Allow"
    ]) && length(data.aws_iam_policy_document.api.statement) == 4
    error_message = "The API's policy has four Allow statements, none with conditions or denies to reason about."
  }
  assert {
    condition     = aws_iam_role_policy.api.role == aws_iam_role.api.id && aws_lambda_function.api.role == aws_iam_role.api.arn
    error_message = "The API runs under its own role."
  }
}

run "authorized_parties_given" {
  command = apply

  variables {
    clerk_authorized_parties = ["https://app.example.com", "https://www.example.com"]
  }

  assert {
    condition     = aws_lambda_function.api.environment[0].variables["CLERK_AUTHORIZED_PARTIES"] == "https://app.example.com,https://www.example.com"
    error_message = "The authorized parties reach the API as a comma list."
  }
}

run "rejects_throttling_out_of_range" {
  command = plan

  variables {
    api_throttling_burst_limit = 0
    api_throttling_rate_limit  = -1
  }

  expect_failures = [var.api_throttling_burst_limit, var.api_throttling_rate_limit]
}

run "rejects_an_issuer_with_a_trailing_slash_and_a_wildcard_origin" {
  command = plan

  variables {
    clerk_issuer = "https://clerk.example.com/"
    cors_origins = ["*"]
  }

  expect_failures = [var.clerk_issuer, var.cors_origins]
}
