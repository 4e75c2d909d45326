# The Bedrock model of each agent against a mocked AWS provider (no credentials, no network, nothing
# created): the model id each function reads and the model ARNs each role may invoke, with one shared model
# and with a model per agent.

mock_provider "aws" {
  source = "./tests/mocks"
}

run "one_shared_model_by_default" {
  command = apply

  assert {
    condition = alltrue([
      for name in ["planner", "tagger", "reporter", "charter", "retirement"] :
      toset(flatten([for s in data.aws_iam_policy_document.agent[name].statement : [for arn in s.resources : arn if startswith(arn, "arn:aws:bedrock:")]])) == toset([
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-pro-v1:0",
        "arn:aws:bedrock:*::foundation-model/amazon.nova-pro-v1:0",
      ])
    ])
    error_message = "Without agent_models every role may invoke exactly the shared profile and its foundation model."
  }
  assert {
    condition = alltrue([
      for fn in aws_lambda_function.agent :
      fn.environment[0].variables["BEDROCK_MODEL_ID"] == "us.amazon.nova-pro-v1:0" && length([for key in keys(fn.environment[0].variables) : key if endswith(key, "_BEDROCK_MODEL_ID")]) == 0
    ])
    error_message = "Without agent_models every function reads the shared BEDROCK_MODEL_ID and no per-agent id."
  }
}

run "a_model_per_agent" {
  command = apply

  variables {
    bedrock_model_id = "us.amazon.nova-lite-v1:0"
    agent_models = {
      planner  = "us.amazon.nova-micro-v1:0"
      reporter = "anthropic.claude-3-5-sonnet-20240620-v1:0"
    }
  }

  # Each role's Bedrock ARNs, across all its statements: exactly its own model's, nothing else.
  assert {
    condition = {
      for name in ["planner", "tagger", "reporter", "charter", "retirement"] :
      name => toset(flatten([for s in data.aws_iam_policy_document.agent[name].statement : [for arn in s.resources : arn if startswith(arn, "arn:aws:bedrock:")]]))
      } == {
      planner = toset([
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-micro-v1:0",
        "arn:aws:bedrock:*::foundation-model/amazon.nova-micro-v1:0",
      ])
      tagger = toset([
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0",
        "arn:aws:bedrock:*::foundation-model/amazon.nova-lite-v1:0",
      ])
      reporter = toset(["arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"])
      charter = toset([
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0",
        "arn:aws:bedrock:*::foundation-model/amazon.nova-lite-v1:0",
      ])
      retirement = toset([
        "arn:aws:bedrock:us-east-1:123456789012:inference-profile/us.amazon.nova-lite-v1:0",
        "arn:aws:bedrock:*::foundation-model/amazon.nova-lite-v1:0",
      ])
    }
    error_message = "Each role may invoke exactly its agent's configured model (agent_models, else bedrock_model_id)."
  }
  assert {
    condition = alltrue([
      for name in ["planner", "tagger", "reporter", "charter", "retirement"] :
      toset(one([for s in data.aws_iam_policy_document.agent[name].statement : s.actions if s.sid == "InvokeModel"])) == toset(["bedrock:InvokeModel"])
    ])
    error_message = "Model access is bedrock:InvokeModel only (Converse needs nothing else; nothing streams)."
  }
  assert {
    condition = alltrue([
      for fn in aws_lambda_function.agent :
      fn.environment[0].variables["BEDROCK_MODEL_ID"] == "us.amazon.nova-lite-v1:0" && fn.environment[0].variables["PLANNER_BEDROCK_MODEL_ID"] == "us.amazon.nova-micro-v1:0" && fn.environment[0].variables["REPORTER_BEDROCK_MODEL_ID"] == "anthropic.claude-3-5-sonnet-20240620-v1:0" && !contains(keys(fn.environment[0].variables), "TAGGER_BEDROCK_MODEL_ID")
    ])
    error_message = "Functions get the shared BEDROCK_MODEL_ID and the per-agent ids given, and no others."
  }
}

run "rejects_a_model_for_an_unknown_agent" {
  command = plan

  variables {
    agent_models = { planer = "us.amazon.nova-micro-v1:0" }
  }

  expect_failures = [var.agent_models]
}

run "rejects_a_model_id_with_spaces" {
  command = plan

  variables {
    agent_models = { planner = "nova micro" }
  }

  expect_failures = [var.agent_models]
}
