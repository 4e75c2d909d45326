output "aurora_cluster_arn" {
  description = "Cluster ARN: the agents' DATABASE_CLUSTER_ARN (input aurora_cluster_arn of terraform/agents)."
  value       = aws_rds_cluster.aurora.arn
}

output "aurora_secret_arn" {
  description = "ARN of the RDS-managed master user secret: for migrations only (pnpm run deploy reads it); no Lambda gets it."
  value       = aws_rds_cluster.aurora.master_user_secret[0].secret_arn
}

output "app_secret_arn" {
  description = "ARN of the application user's secret: the agents' and the API's DATABASE_SECRET_ARN (input app_secret_arn of terraform/agents)."
  value       = aws_secretsmanager_secret.app.arn
}

output "app_username" {
  description = "The application's database user; pnpm run deploy creates it and grants it data rights after the migrations."
  value       = var.app_username
}

output "database_name" {
  description = "Database name: the agents' DATABASE_NAME."
  value       = aws_rds_cluster.aurora.database_name
}

output "aurora_cluster_port" {
  description = "Port of the writer endpoint; pnpm run deploy stores it in the app secret."
  value       = aws_rds_cluster.aurora.port
}

output "aurora_cluster_endpoint" {
  description = "Writer endpoint, for direct connections from allowed_cidr_blocks only; pnpm run deploy stores it in the app secret."
  value       = aws_rds_cluster.aurora.endpoint
}

output "engine_version_actual" {
  description = "Running engine version; copy it into engine_version after an automatic minor upgrade."
  value       = aws_rds_cluster.aurora.engine_version_actual
}
