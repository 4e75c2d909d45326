# The application's database user. Every Lambda reads this secret, never the master one: the user gets data
# rights only (SELECT/INSERT/UPDATE/DELETE on the app's tables, its sequences), no DDL and no ownership, so
# an agent that handles untrusted text cannot drop or alter a table.
#
# Terraform creates the secret; `pnpm run deploy` fills it and creates the role (scripts/release/src/deploy,
# with the master secret, after the migrations): when the secret has no value yet it generates a password and
# stores {engine, host, port, dbname, username, password, dbClusterIdentifier}, then creates or updates the
# role with that password and re-applies its grants. The password therefore never passes through Terraform's
# state or plan, like the master password (an ephemeral password resource would avoid that too, but the
# provider mocks of `terraform test` cannot evaluate ephemeral resources).

resource "aws_secretsmanager_secret" "app" {
  # A prefix, not a fixed name: a destroyed secret's name stays reserved during its recovery window.
  name_prefix             = "${var.cluster_identifier}-${replace(var.app_username, "_", "-")}-"
  description             = "Aurora user ${var.app_username} of ${var.cluster_identifier} (data rights only): DATABASE_SECRET_ARN of every Lambda. Written by pnpm run deploy."
  recovery_window_in_days = 7
}
