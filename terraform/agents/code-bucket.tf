# Private, versioned, encrypted bucket for the Lambda zips. Keys are content-addressed
# (lambdas/<name>/<sha256>.zip): a new build is a new object, and a function updates exactly when its code
# changes. Either Terraform uploads the zips (zip_path) or pnpm run deploy does and passes s3_key.

locals {
  code_bucket_name = coalesce(var.code_bucket_name, "${var.name_prefix}-lambda-code-${local.account_id}-${local.region}")

  # Where `pnpm build` writes each zip (scripts/release/src/build/lambdas.ts, lambdaZipPath): the agents
  # under agents/<name>/dist, the HTTP API under packages/api/dist.
  default_zip_paths = merge(
    { for name in keys(local.agents) : name => "agents/${name}/dist/${name}.zip" },
    { api = "packages/api/dist/api.zip" },
  )

  # Relative zip paths are resolved from the repository root, and stay relative so that the state does not
  # record one machine's directory layout.
  artifacts = {
    for name, zip_path in local.default_zip_paths : name => lookup(var.lambda_artifacts, name, {
      zip_path = zip_path, s3_key = null, source_code_hash = null
    })
  }
  zip_files = {
    for name, artifact in local.artifacts : name => (
      startswith(artifact.zip_path, "/") ? artifact.zip_path : "${path.module}/../../${artifact.zip_path}"
    ) if artifact.s3_key == null
  }

  code_keys = merge(
    { for name, artifact in local.artifacts : name => artifact.s3_key if artifact.s3_key != null },
    { for name, object in aws_s3_object.code : name => object.key },
  )
  source_code_hashes = {
    for name, artifact in local.artifacts : name => (
      artifact.source_code_hash != null ? artifact.source_code_hash : filebase64sha256(local.zip_files[name])
    )
  }
}

resource "aws_s3_bucket" "code" {
  bucket = local.code_bucket_name
  # Only build output lives here; it can always be rebuilt.
  force_destroy = true
}

resource "aws_s3_bucket_public_access_block" "code" {
  bucket                  = aws_s3_bucket.code.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "code" {
  bucket = aws_s3_bucket.code.id
  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "code" {
  bucket = aws_s3_bucket.code.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "code" {
  bucket = aws_s3_bucket.code.id
  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "code" {
  bucket = aws_s3_bucket.code.id
  rule {
    id     = "expire-replaced-builds"
    status = "Enabled"
    filter {}
    noncurrent_version_expiration {
      noncurrent_days = 30
    }
    abort_incomplete_multipart_upload {
      days_after_initiation = 1
    }
  }
  depends_on = [aws_s3_bucket_versioning.code]
}

resource "aws_s3_object" "code" {
  for_each = local.zip_files

  bucket = aws_s3_bucket.code.id
  # The same content-addressed key as scripts/build's manifest (artifactKey).
  key    = "lambdas/${each.key}/${filesha256(each.value)}.zip"
  source = each.value

  depends_on = [
    aws_s3_bucket_public_access_block.code,
    aws_s3_bucket_server_side_encryption_configuration.code,
  ]
}
