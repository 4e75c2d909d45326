# One execution role per agent, each allowed only what that agent calls. No statement uses a wildcard action.

locals {
  # A cross-region inference profile id ("us.amazon.nova-pro-v1:0") names the foundation model after its
  # geography prefix. Bedrock authorizes the call on the profile in the calling region AND on the foundation
  # model in whichever destination region serves it, so the model ARN keeps a region wildcard.
  bedrock_model_bases = {
    for name, id in local.agent_model_ids : name => replace(id, "/^(us|eu|apac|us-gov|jp|au|ca|global)\\./", "")
  }
  # Per agent, exactly the ARNs of its own model (local.agent_model_ids).
  bedrock_resources = {
    for name, id in local.agent_model_ids : name => local.bedrock_model_bases[name] != id ? [
      "arn:${local.partition}:bedrock:${var.bedrock_region}:${local.account_id}:inference-profile/${id}",
      "arn:${local.partition}:bedrock:*::foundation-model/${local.bedrock_model_bases[name]}",
      ] : [
      "arn:${local.partition}:bedrock:${var.bedrock_region}::foundation-model/${id}",
    ]
  }

  # Secrets every agent reads: the application user's database credentials (never the master secret) and,
  # when tracing is configured, Langfuse's key.
  common_secret_arns = compact([var.app_secret_arn, try(var.langfuse.secret_arn, null)])

  # Built from names, not from aws_lambda_function (which depends on these policies).
  function_arns = {
    for name, function_name in local.function_names :
    name => "arn:${local.partition}:lambda:${local.region}:${local.account_id}:function:${function_name}"
  }

  # SageMaker ARNs use the lowercased endpoint name.
  sagemaker_endpoint_arn = "arn:${local.partition}:sagemaker:${local.region}:${local.account_id}:endpoint/${lower(var.sagemaker_endpoint)}"
  vector_index_arn       = "arn:${local.partition}:s3vectors:${local.region}:${local.account_id}:bucket/${var.vector_bucket}/index/${var.vector_index}"

  # What each role may do beyond the statements every agent has, in policy order.
  agent_statements = {
    planner = [
      {
        sid       = "InvokeSpecialists"
        actions   = ["lambda:InvokeFunction"]
        resources = [for name in local.specialists : local.function_arns[name]]
      },
      {
        sid       = "ConsumeJobs"
        actions   = ["sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "sqs:ChangeMessageVisibility"]
        resources = [aws_sqs_queue.jobs.arn]
      },
      # The scheduled sweep re-sends abandoned jobs to the jobs queue, and only to it.
      {
        sid       = "ResendAbandonedJobs"
        actions   = ["sqs:SendMessage"]
        resources = [aws_sqs_queue.jobs.arn]
      },
    ]
    tagger = []
    reporter = [
      {
        sid       = "EmbedQuery"
        actions   = ["sagemaker:InvokeEndpoint"]
        resources = [local.sagemaker_endpoint_arn]
      },
      {
        sid       = "QueryResearchIndex"
        actions   = ["s3vectors:QueryVectors", "s3vectors:GetVectors"]
        resources = [local.vector_index_arn]
      },
    ]
    charter    = []
    retirement = []
  }
}

data "aws_iam_policy_document" "lambda_assume" {
  statement {
    sid     = "LambdaAssumeRole"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "agent" {
  for_each = local.agents

  name               = "${local.function_names[each.key]}-role"
  description        = "Execution role of the ${local.function_names[each.key]} Lambda"
  assume_role_policy = data.aws_iam_policy_document.lambda_assume.json
}

data "aws_iam_policy_document" "agent" {
  for_each = local.agents

  statement {
    sid       = "OwnLogGroup"
    actions   = ["logs:CreateLogStream", "logs:PutLogEvents"]
    resources = ["${aws_cloudwatch_log_group.agent[each.key].arn}:*"]
  }

  statement {
    sid = "AuroraDataApi"
    actions = [
      "rds-data:ExecuteStatement",
      "rds-data:BatchExecuteStatement",
      "rds-data:BeginTransaction",
      "rds-data:CommitTransaction",
      "rds-data:RollbackTransaction",
    ]
    resources = [var.aurora_cluster_arn]
  }

  statement {
    sid       = "ReadSecrets"
    actions   = ["secretsmanager:GetSecretValue"]
    resources = each.key == "planner" ? compact(concat(local.common_secret_arns, [var.polygon_api_key_secret_arn])) : local.common_secret_arns
  }

  # Converse needs bedrock:InvokeModel; nothing streams, so no InvokeModelWithResponseStream. Each role may
  # call only its own agent's model.
  statement {
    sid       = "InvokeModel"
    actions   = ["bedrock:InvokeModel"]
    resources = local.bedrock_resources[each.key]
  }

  dynamic "statement" {
    for_each = local.agent_statements[each.key]
    content {
      sid       = statement.value.sid
      actions   = statement.value.actions
      resources = statement.value.resources
    }
  }
}

resource "aws_iam_role_policy" "agent" {
  for_each = local.agents

  name   = "${local.function_names[each.key]}-policy"
  role   = aws_iam_role.agent[each.key].id
  policy = data.aws_iam_policy_document.agent[each.key].json
}
