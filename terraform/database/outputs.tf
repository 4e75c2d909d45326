output "aurora_cluster_arn" {
  description = "Cluster ARN: the agents' DATABASE_CLUSTER_ARN (input aurora_cluster_arn of terraform/agents)."
  value       = aws_rds_cluster.aurora.arn
}

output "aurora_secret_arn" {
  description = "ARN of the RDS-managed master user secret: the agents' DATABASE_SECRET_ARN."
  value       = aws_rds_cluster.aurora.master_user_secret[0].secret_arn
}

output "database_name" {
  description = "Database name: the agents' DATABASE_NAME."
  value       = aws_rds_cluster.aurora.database_name
}

output "aurora_cluster_endpoint" {
  description = "Writer endpoint, for direct connections from allowed_cidr_blocks only."
  value       = aws_rds_cluster.aurora.endpoint
}

output "engine_version_actual" {
  description = "Running engine version; copy it into engine_version after an automatic minor upgrade."
  value       = aws_rds_cluster.aurora.engine_version_actual
}
