# The module's required inputs for every test file here (terraform test reads this file; a file's own
# variables {} block and a run's override it). Made-up values in the shape terraform/database and the
# deploy give.

aurora_cluster_arn = "arn:aws:rds:us-east-1:123456789012:cluster:alex-aurora-cluster"
app_secret_arn     = "arn:aws:secretsmanager:us-east-1:123456789012:secret:alex-aurora-cluster-alex-app-20260101-AbCdEf"
alarm_topic_arn    = "arn:aws:sns:us-east-1:123456789012:alex-alarms"
vector_bucket      = "alex-vectors-123456789012"
clerk_issuer       = "https://clerk.example.com"
clerk_jwks_url     = "https://clerk.example.com/.well-known/jwks.json"
clerk_audience     = "alex-api"
cors_origins       = ["https://app.example.com", "http://localhost:3000"]

# Every Lambda's code already uploaded, so that the tests read no build output.
lambda_artifacts = {
  planner    = { s3_key = "lambdas/planner/a.zip", source_code_hash = "h" }
  tagger     = { s3_key = "lambdas/tagger/a.zip", source_code_hash = "h" }
  reporter   = { s3_key = "lambdas/reporter/a.zip", source_code_hash = "h" }
  charter    = { s3_key = "lambdas/charter/a.zip", source_code_hash = "h" }
  retirement = { s3_key = "lambdas/retirement/a.zip", source_code_hash = "h" }
  api        = { s3_key = "lambdas/api/uploaded-by-deploy.zip", source_code_hash = "api-hash" }
}
