# Applies the module against a mocked AWS provider (no credentials, no network, nothing created).

mock_provider "aws" {
  mock_data "aws_vpc" {
    defaults = { id = "vpc-0123456789abcdef0" }
  }
  mock_data "aws_subnets" {
    defaults = { ids = ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"] }
  }
  mock_resource "aws_secretsmanager_secret" {
    defaults = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-aurora-cluster-alex-app-20260101-AbCdEf" }
  }
  mock_resource "aws_rds_cluster" {
    defaults = {
      arn      = "arn:aws:rds:us-east-1:123456789012:cluster:alex-aurora-cluster"
      endpoint = "alex-aurora-cluster.cluster-abc.us-east-1.rds.amazonaws.com"
      port     = 5432
      master_user_secret = [{
        secret_arn    = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-abc-AbCdEf"
        kms_key_id    = "alias/aws/secretsmanager"
        secret_status = "active"
      }]
    }
  }
}

run "defaults" {
  command = apply

  assert {
    condition     = aws_rds_cluster.aurora.engine == "aurora-postgresql" && aws_rds_cluster.aurora.engine_mode == "provisioned"
    error_message = "Aurora PostgreSQL in provisioned mode (Serverless v2)."
  }
  assert {
    condition     = aws_rds_cluster.aurora.enable_http_endpoint && aws_rds_cluster.aurora.manage_master_user_password
    error_message = "The Data API is on and RDS manages the master password in Secrets Manager."
  }
  assert {
    condition     = aws_rds_cluster.aurora.storage_encrypted && aws_rds_cluster.aurora.deletion_protection
    error_message = "Storage is encrypted and the cluster is protected from deletion by default."
  }
  assert {
    condition     = aws_rds_cluster.aurora.serverlessv2_scaling_configuration[0].min_capacity == 0.5 && aws_rds_cluster.aurora.serverlessv2_scaling_configuration[0].max_capacity == 2
    error_message = "0.5-2 ACU by default."
  }
  assert {
    condition     = aws_rds_cluster_instance.aurora.instance_class == "db.serverless"
    error_message = "The instance is db.serverless."
  }
  assert {
    condition     = output.database_name == "alex" && startswith(output.aurora_secret_arn, "arn:aws:secretsmanager:")
    error_message = "Outputs give the database name and the managed secret's ARN."
  }
  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.postgres) == 0
    error_message = "No direct ingress unless allowed_cidr_blocks is set."
  }
}

run "application_user" {
  command = apply

  assert {
    condition     = aws_rds_cluster.aurora.engine_version == "16.10"
    error_message = "The default engine is Aurora PostgreSQL 16.10, a 16.x minor offered for new clusters (16.6 no longer is)."
  }
  assert {
    condition     = output.app_secret_arn == aws_secretsmanager_secret.app.arn && output.app_secret_arn != output.aurora_secret_arn && output.app_username == "alex_app"
    error_message = "The application user alex_app has its own secret, output apart from the master secret."
  }
  assert {
    condition     = output.aurora_cluster_endpoint == "alex-aurora-cluster.cluster-abc.us-east-1.rds.amazonaws.com" && output.aurora_cluster_port == 5432 && output.database_name == "alex"
    error_message = "The outputs give the deploy what it stores in the app secret besides the password: host, port, database."
  }
  assert {
    condition     = startswith(aws_secretsmanager_secret.app.name_prefix, "alex-aurora-cluster-alex-app-")
    error_message = "The app secret is named after the cluster and the user."
  }
}

run "rejects_an_app_user_that_is_the_master_user_or_not_an_identifier" {
  command = plan

  variables {
    app_username = "alexadmin"
  }

  expect_failures = [var.app_username]
}

run "rejects_an_app_user_with_uppercase_or_a_dash" {
  command = plan

  variables {
    app_username = "Alex-App"
  }

  expect_failures = [var.app_username]
}

run "scales_to_zero" {
  command = plan

  variables {
    min_capacity = 0
  }

  assert {
    condition     = aws_rds_cluster.aurora.serverlessv2_scaling_configuration[0].seconds_until_auto_pause == 3600
    error_message = "With min_capacity 0 the instance pauses after an idle hour."
  }
}

run "rejects_a_subnet_list_without_its_vpc" {
  command = plan

  variables {
    subnet_ids = ["subnet-0123456789abcdef0"]
  }

  expect_failures = [var.vpc_id]
}
