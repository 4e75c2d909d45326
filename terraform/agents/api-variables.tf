# --- HTTP API (api.tf, api-gateway.tf, api-iam.tf) ----------------------------------------------------------
# Clerk signs the session tokens; API Gateway's JWT authorizer checks signature, expiry, issuer and audience
# before the Lambda runs, and the Lambda checks them again (CLERK_*), with the authorized parties (azp).

variable "clerk_issuer" {
  description = "Clerk issuer, https://<your-clerk-domain> (CLERK_ISSUER; the JWT authorizer's issuer)."
  type        = string

  validation {
    condition     = can(regex("^https://[^/]+$", var.clerk_issuer))
    error_message = "clerk_issuer must be https://<your-clerk-domain>, without a path or trailing slash."
  }
}

variable "clerk_jwks_url" {
  description = "Clerk JWKS URL, <clerk_issuer>/.well-known/jwks.json (CLERK_JWKS_URL)."
  type        = string

  validation {
    condition     = can(regex("^https://", var.clerk_jwks_url))
    error_message = "clerk_jwks_url must be an https URL."
  }
}

variable "clerk_audience" {
  description = "The aud claim the API accepts (CLERK_AUDIENCE; the JWT authorizer's audience). Clerk session tokens carry no aud unless you add one: see guides/2-deploying-to-aws.md."
  type        = string

  validation {
    condition     = length(trimspace(var.clerk_audience)) > 0 && !strcontains(var.clerk_audience, ",")
    error_message = "clerk_audience must be one non-empty audience."
  }
}

variable "clerk_authorized_parties" {
  description = "Origins allowed in the token's azp claim (CLERK_AUTHORIZED_PARTIES); empty: azp is not checked."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for origin in var.clerk_authorized_parties : can(regex("^https?://[^/,*]+$", origin))])
    error_message = "clerk_authorized_parties must be origins such as https://app.example.com (no path, no wildcard)."
  }
}

variable "cors_origins" {
  description = "Browser origins allowed to call the API (CORS_ORIGINS and API Gateway's CORS), e.g. [\"https://app.example.com\"]."
  type        = list(string)

  validation {
    condition     = length(var.cors_origins) > 0 && alltrue([for origin in var.cors_origins : can(regex("^https?://[^/,*]+$", origin))])
    error_message = "cors_origins must list at least one origin such as https://app.example.com (no path, no wildcard)."
  }
}

variable "api_throttling_burst_limit" {
  description = "Requests the API's stage accepts in a burst, for all callers together (the reference: 100)."
  type        = number
  default     = 100

  validation {
    condition     = var.api_throttling_burst_limit >= 1 && var.api_throttling_burst_limit <= 5000 && floor(var.api_throttling_burst_limit) == var.api_throttling_burst_limit
    error_message = "api_throttling_burst_limit must be an integer from 1 to 5000 (the account's default burst)."
  }
}

variable "api_throttling_rate_limit" {
  description = "Steady requests per second the API's stage accepts, for all callers together (the reference: 100)."
  type        = number
  default     = 100

  validation {
    condition     = var.api_throttling_rate_limit > 0 && var.api_throttling_rate_limit <= 10000
    error_message = "api_throttling_rate_limit must be above 0 and at most 10000 (the account's default rate)."
  }
}
