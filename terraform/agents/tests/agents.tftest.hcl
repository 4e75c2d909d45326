# Applies the module against a mocked AWS provider (no credentials, no network, nothing created): checks
# that the graph evaluates and that the settings are the ones the agents and the queue rely on. The Bedrock
# models and their IAM are in models.tftest.hcl.

mock_provider "aws" {
  source = "./tests/mocks"
}

# Built zips for most Lambdas (Terraform uploads them) and one uploaded by the deploy.
variables {
  lambda_artifacts = {
    planner    = { zip_path = "terraform/agents/tests/fixtures/agent-bundle.bin" }
    tagger     = { zip_path = "terraform/agents/tests/fixtures/agent-bundle.bin" }
    reporter   = { zip_path = "terraform/agents/tests/fixtures/agent-bundle.bin" }
    charter    = { zip_path = "terraform/agents/tests/fixtures/agent-bundle.bin" }
    retirement = { s3_key = "lambdas/retirement/uploaded-by-deploy.zip", source_code_hash = "given-by-the-build" }
    api        = { zip_path = "terraform/agents/tests/fixtures/agent-bundle.bin" }
  }
}

run "required_inputs_only" {
  command = apply

  assert {
    condition     = aws_lambda_function.agent["planner"].timeout == 900 && aws_lambda_function.agent["planner"].memory_size == 2048
    error_message = "The planner runs 900 s with 2048 MB."
  }
  assert {
    condition     = alltrue([for name in ["tagger", "reporter", "charter", "retirement"] : aws_lambda_function.agent[name].timeout == 300 && aws_lambda_function.agent[name].memory_size == 1024])
    error_message = "Each specialist runs 300 s with 1024 MB."
  }
  assert {
    condition     = alltrue([for fn in aws_lambda_function.agent : fn.runtime == "nodejs22.x" && fn.handler == "handler.handler"])
    error_message = "Every agent runs handler.handler on nodejs22.x."
  }
  assert {
    condition     = aws_lambda_function.agent["planner"].environment[0].variables["INVOKE_TIMEOUT_MS"] == "310000"
    error_message = "The planner waits 10 s longer than a specialist's timeout."
  }
  assert {
    condition     = alltrue([for fn in aws_lambda_function.agent : { for key, value in fn.environment[0].variables : key => value if startswith(key, "LANGFUSE_") } == { LANGFUSE_EXPORT_CONTENT = "false" }])
    error_message = "Without langfuse, every agent gets LANGFUSE_EXPORT_CONTENT = \"false\" and no other Langfuse variable."
  }
  assert {
    condition     = !contains(keys(aws_lambda_function.agent["planner"].environment[0].variables), "POLYGON_API_KEY_SECRET_ARN")
    error_message = "POLYGON_API_KEY_SECRET_ARN is left unset when not given."
  }
  assert {
    condition     = alltrue([for fn in aws_lambda_function.agent : !contains(keys(fn.environment[0].variables), "MODEL_PRICES") && fn.environment[0].variables["LOG_DEBUG_SAMPLE_RATE"] == "0"])
    error_message = "MODEL_PRICES is left unset (the published defaults apply) and debug sampling is off by default."
  }
  assert {
    condition     = aws_lambda_function.agent["planner"].source_code_hash == filebase64sha256("${path.module}/tests/fixtures/agent-bundle.bin")
    error_message = "source_code_hash is computed from zip_path when the build gives none."
  }
  assert {
    condition     = aws_s3_object.code["planner"].key == "lambdas/planner/${filesha256("${path.module}/tests/fixtures/agent-bundle.bin")}.zip"
    error_message = "Terraform uploads a zip under the build's content-addressed key lambdas/<agent>/<sha256>.zip."
  }
  assert {
    condition     = !contains(keys(aws_s3_object.code), "retirement")
    error_message = "A zip already uploaded (s3_key) is not uploaded again."
  }
  assert {
    condition     = aws_lambda_function.agent["retirement"].s3_key == "lambdas/retirement/uploaded-by-deploy.zip" && aws_lambda_function.agent["retirement"].source_code_hash == "given-by-the-build"
    error_message = "An uploaded zip's key and hash from the build are used as given."
  }
  assert {
    condition     = aws_sqs_queue.jobs.visibility_timeout_seconds > aws_lambda_function.agent["planner"].timeout
    error_message = "The jobs queue's visibility timeout exceeds the planner's timeout."
  }
  assert {
    condition     = aws_sqs_queue.jobs.visibility_timeout_seconds > aws_lambda_function.agent["planner"].timeout && aws_lambda_function.agent["planner"].timeout > tonumber(aws_lambda_function.agent["planner"].environment[0].variables["JOB_LEASE_SECONDS"])
    error_message = "Visibility timeout > planner timeout > job lease."
  }
  assert {
    condition     = aws_lambda_function.agent["planner"].environment[0].variables["JOBS_QUEUE_URL"] == aws_sqs_queue.jobs.url
    error_message = "The planner's sweep re-sends jobs to the jobs queue."
  }
  assert {
    condition     = aws_cloudwatch_event_rule.sweep.schedule_expression == "rate(5 minutes)" && aws_cloudwatch_event_target.sweep.arn == aws_lambda_function.agent["planner"].arn && jsondecode(aws_cloudwatch_event_target.sweep.input).sweep == true
    error_message = "EventBridge invokes the planner with {\"sweep\": true} every 5 minutes."
  }
  assert {
    condition     = aws_lambda_permission.sweep.principal == "events.amazonaws.com" && aws_lambda_permission.sweep.source_arn == aws_cloudwatch_event_rule.sweep.arn && aws_lambda_permission.sweep.action == "lambda:InvokeFunction"
    error_message = "Only the sweep rule may invoke the planner through EventBridge."
  }
  assert {
    condition     = jsondecode(aws_sqs_queue.jobs.redrive_policy).maxReceiveCount == 3
    error_message = "A job goes to the DLQ after 3 receives."
  }
  assert {
    condition     = aws_sqs_queue.jobs_dlq.message_retention_seconds == 1209600
    error_message = "The DLQ keeps messages 14 days."
  }
  assert {
    condition     = aws_lambda_event_source_mapping.planner_jobs.batch_size == 1 && contains(aws_lambda_event_source_mapping.planner_jobs.function_response_types, "ReportBatchItemFailures")
    error_message = "The planner takes one job per invocation and reports batch item failures."
  }
}

run "optional_inputs_given" {
  command = apply

  variables {
    polygon_api_key_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex/polygon-AbCdEf"
    langfuse = {
      public_key = "pk-lf-123"
      secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex/langfuse-AbCdEf"
      host       = "https://us.cloud.langfuse.com"
    }
    model_prices          = { "nova-pro" = { input = 0.8, output = 3.2 } }
    log_debug_sample_rate = 0.05
  }

  assert {
    condition     = alltrue([for fn in aws_lambda_function.agent : jsondecode(fn.environment[0].variables["MODEL_PRICES"]) == { "nova-pro" = { input = 0.8, output = 3.2 } } && fn.environment[0].variables["LOG_DEBUG_SAMPLE_RATE"] == "0.05"])
    error_message = "Every agent gets the price overrides as JSON and the debug sample rate."
  }

  assert {
    condition     = aws_lambda_function.agent["planner"].environment[0].variables["POLYGON_API_KEY_SECRET_ARN"] == var.polygon_api_key_secret_arn
    error_message = "The planner gets the Polygon secret ARN when given."
  }
  assert {
    condition = alltrue([for fn in aws_lambda_function.agent : { for key, value in fn.environment[0].variables : key => value if startswith(key, "LANGFUSE_") } == {
      LANGFUSE_PUBLIC_KEY     = "pk-lf-123"
      LANGFUSE_SECRET_ARN     = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex/langfuse-AbCdEf"
      LANGFUSE_HOST           = "https://us.cloud.langfuse.com"
      LANGFUSE_EXPORT_CONTENT = "false"
    }])
    error_message = "Every agent gets the Langfuse settings when given, with content export off by default."
  }
  assert {
    condition = alltrue([
      for name in ["planner", "tagger", "reporter", "charter", "retirement"] :
      toset(flatten([for s in data.aws_iam_policy_document.agent[name].statement : s.resources if contains(s.actions, "secretsmanager:GetSecretValue")])) == toset(concat([var.app_secret_arn, var.langfuse.secret_arn], name == "planner" ? [var.polygon_api_key_secret_arn] : []))
    ])
    error_message = "Every agent role may read the app secret and the Langfuse secret; only the planner's also the Polygon secret."
  }
  assert {
    condition     = !contains(keys(aws_lambda_function.agent["reporter"].environment[0].variables), "POLYGON_API_KEY_SECRET_ARN")
    error_message = "Only the planner gets the Polygon secret."
  }
}

run "langfuse_without_a_host_exports_content_when_asked" {
  command = plan

  variables {
    langfuse = {
      public_key     = "pk-lf-123"
      secret_arn     = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex/langfuse-AbCdEf"
      export_content = true
    }
  }

  assert {
    condition     = alltrue([for fn in aws_lambda_function.agent : { for key, value in fn.environment[0].variables : key => value if startswith(key, "LANGFUSE_") } == { LANGFUSE_PUBLIC_KEY = var.langfuse.public_key, LANGFUSE_SECRET_ARN = var.langfuse.secret_arn, LANGFUSE_EXPORT_CONTENT = "true" }])
    error_message = "LANGFUSE_HOST is left unset when langfuse has no host, and export_content = true reaches every agent."
  }
}

# A langfuse object without one of its required attributes is refused by the variable's type ("attribute
# \"secret_arn\" is required"), which terraform test reports as an error of the run, not as an expected
# failure; a null attribute gets as far as the validation.
run "rejects_langfuse_without_its_secret" {
  command = plan

  variables {
    langfuse = { public_key = "pk-lf-123", secret_arn = null }
  }

  expect_failures = [var.langfuse]
}

run "rejects_langfuse_without_its_public_key" {
  command = plan

  variables {
    langfuse = { public_key = "", secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex/langfuse-AbCdEf" }
  }

  expect_failures = [var.langfuse]
}

run "rejects_a_langfuse_secret_that_is_not_a_secrets_manager_arn" {
  command = plan

  variables {
    langfuse = { public_key = "pk-lf-123", secret_arn = "alex/langfuse" }
  }

  expect_failures = [var.langfuse]
}

run "rejects_a_langfuse_host_that_is_not_a_url" {
  command = plan

  variables {
    langfuse = {
      public_key = "pk-lf-123"
      secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex/langfuse-AbCdEf"
      host       = "us.cloud.langfuse.com"
    }
  }

  expect_failures = [var.langfuse]
}

run "lambdas_use_the_application_database_user" {
  command = apply

  assert {
    condition     = alltrue([for fn in concat(values(aws_lambda_function.agent), [aws_lambda_function.api]) : fn.environment[0].variables["DATABASE_SECRET_ARN"] == var.app_secret_arn])
    error_message = "Every Lambda, the API included, reads the application user's secret."
  }
  assert {
    condition = alltrue([
      for name in ["planner", "tagger", "reporter", "charter", "retirement"] :
      toset(flatten([for s in data.aws_iam_policy_document.agent[name].statement : s.resources if contains(s.actions, "secretsmanager:GetSecretValue")])) == toset([var.app_secret_arn])
    ])
    error_message = "Without Polygon or Langfuse secrets, each agent role may read exactly the app secret."
  }
  assert {
    condition     = toset(flatten([for s in data.aws_iam_policy_document.api.statement : s.resources if contains(s.actions, "secretsmanager:GetSecretValue")])) == toset([var.app_secret_arn])
    error_message = "The API role may read exactly the app secret."
  }
  assert {
    condition     = !strcontains(jsonencode(data.aws_iam_policy_document.agent), "rds!") && !strcontains(jsonencode(data.aws_iam_policy_document.api), "rds!")
    error_message = "No policy names an RDS-managed master secret."
  }
}

run "each_role_has_exactly_its_agents_statements" {
  command = plan

  assert {
    condition = alltrue([for name, sids in {
      planner    = "OwnLogGroup,AuroraDataApi,ReadSecrets,InvokeModel,InvokeSpecialists,ConsumeJobs,ResendAbandonedJobs"
      tagger     = "OwnLogGroup,AuroraDataApi,ReadSecrets,InvokeModel"
      reporter   = "OwnLogGroup,AuroraDataApi,ReadSecrets,InvokeModel,EmbedQuery,QueryResearchIndex"
      charter    = "OwnLogGroup,AuroraDataApi,ReadSecrets,InvokeModel"
      retirement = "OwnLogGroup,AuroraDataApi,ReadSecrets,InvokeModel"
    } : join(",", [for s in data.aws_iam_policy_document.agent[name].statement : s.sid]) == sids])
    error_message = "Every role has the four common statements; only the planner may invoke the specialists and use the jobs queue, only the reporter may query the embedding endpoint and the research index."
  }
}

run "rejects_the_master_secret_as_the_app_secret" {
  command = plan

  variables {
    app_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-abc-AbCdEf"
  }

  expect_failures = [var.app_secret_arn]
}

run "rejects_an_uploaded_zip_without_its_hash" {
  command = plan

  variables {
    lambda_artifacts = {
      planner = { s3_key = "lambdas/planner/abc.zip" }
    }
  }

  expect_failures = [var.lambda_artifacts]
}

run "rejects_a_visibility_timeout_below_the_planner_timeout" {
  command = plan

  variables {
    queue_visibility_timeout_seconds = 900
  }

  expect_failures = [var.queue_visibility_timeout_seconds]
}
