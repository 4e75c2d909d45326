locals {
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
  region     = var.aws_region

  # Sizing from the reference deployment: the planner waits on the specialists, which each get 300 s.
  agents = {
    planner    = { timeout = 900, memory_size = 2048 }
    tagger     = { timeout = 300, memory_size = 1024 }
    reporter   = { timeout = 300, memory_size = 1024 }
    charter    = { timeout = 300, memory_size = 1024 }
    retirement = { timeout = 300, memory_size = 1024 }
  }
  specialists = ["tagger", "reporter", "charter", "retirement"]

  function_names = { for name in keys(local.agents) : name => "${var.name_prefix}-${name}" }

  # The model each agent calls: its entry in var.agent_models, else the shared var.bedrock_model_id.
  agent_model_ids = { for name in keys(local.agents) : name => lookup(var.agent_models, name, var.bedrock_model_id) }

  # --- Environment: exactly the variables each agent's src/config.ts reads (checked by
  # scripts/release/test/terraform/lambda-env.test.ts). A null value means "not given" and is left unset.

  common_env = {
    DATABASE_CLUSTER_ARN = var.aurora_cluster_arn
    DATABASE_SECRET_ARN  = var.app_secret_arn
    DATABASE_NAME        = var.database_name
    LLM_PROVIDER         = "bedrock"
    BEDROCK_MODEL_ID     = var.bedrock_model_id
    # Each agent reads its own id when given (llmConfigFromEnv in packages/llm), else BEDROCK_MODEL_ID.
    PLANNER_BEDROCK_MODEL_ID    = lookup(var.agent_models, "planner", null)
    TAGGER_BEDROCK_MODEL_ID     = lookup(var.agent_models, "tagger", null)
    REPORTER_BEDROCK_MODEL_ID   = lookup(var.agent_models, "reporter", null)
    CHARTER_BEDROCK_MODEL_ID    = lookup(var.agent_models, "charter", null)
    RETIREMENT_BEDROCK_MODEL_ID = lookup(var.agent_models, "retirement", null)
    BEDROCK_REGION              = var.bedrock_region
    LOG_LEVEL                   = var.log_level
    LOG_DEBUG_SAMPLE_RATE       = tostring(var.log_debug_sample_rate)
    MODEL_PRICES                = var.model_prices == null ? null : jsonencode(var.model_prices)
    # Tracing (var.langfuse): unset when it is null, and LANGFUSE_EXPORT_CONTENT is then "false", as by default.
    LANGFUSE_PUBLIC_KEY     = try(var.langfuse.public_key, null)
    LANGFUSE_SECRET_ARN     = try(var.langfuse.secret_arn, null)
    LANGFUSE_HOST           = try(var.langfuse.host, null)
    LANGFUSE_EXPORT_CONTENT = tostring(try(var.langfuse.export_content, false))
    # The CloudWatch namespace of the EMF metrics; the alarms and the dashboard (alarms.tf) read the same one.
    METRICS_NAMESPACE = var.metrics_namespace
  }

  agent_env = {
    planner = {
      TAGGER_FUNCTION     = local.function_names.tagger
      REPORTER_FUNCTION   = local.function_names.reporter
      CHARTER_FUNCTION    = local.function_names.charter
      RETIREMENT_FUNCTION = local.function_names.retirement
      # The invoke client waits 10 s longer than the slowest specialist may run.
      INVOKE_TIMEOUT_MS          = tostring((max([for name in local.specialists : local.agents[name].timeout]...) + 10) * 1000)
      POLYGON_API_KEY_SECRET_ARN = var.polygon_api_key_secret_arn
      POLYGON_PLAN               = var.polygon_plan
      MAX_RECEIVE_COUNT          = tostring(local.max_receive_count)
      JOB_LEASE_SECONDS          = tostring(local.job_lease_seconds)
      # Where the scheduled sweep (sweep.tf) re-sends abandoned jobs.
      JOBS_QUEUE_URL = aws_sqs_queue.jobs.url
    }
    tagger = {}
    reporter = {
      SAGEMAKER_ENDPOINT = var.sagemaker_endpoint
      VECTOR_BUCKET      = var.vector_bucket
      VECTOR_INDEX       = var.vector_index
    }
    charter = {}
    retirement = {
      RETIREMENT_PATHS = tostring(var.retirement_paths)
    }
  }

  lambda_env = {
    for name in keys(local.agents) : name => {
      for key, value in merge(local.common_env, local.agent_env[name]) : key => value if value != null
    }
  }
}
