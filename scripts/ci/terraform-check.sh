#!/usr/bin/env bash
# Checks every Terraform root module under terraform/ offline: `fmt -check`, `init` against a local provider
# mirror, `validate`, and `terraform test` (the tests mock the AWS provider: no credentials, nothing created).
# Each module is checked in a temporary copy, so no .terraform/ directory or lock file is left in the repo.
#
# Prints one SKIPPED line and exits 0 only when terraform or the provider mirror is missing on the machine
# (neither can be fetched here: the machines reach npm and Debian only). Set TF_PLUGIN_MIRROR to choose the
# mirror directory (the one that contains registry.terraform.io/).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
say() { printf 'terraform-check: %s\n' "$*"; }

# No version check against HashiCorp's servers, no prompts.
export CHECKPOINT_DISABLE=1 TF_IN_AUTOMATION=1 TF_INPUT=0
# A TF_CLI_CONFIG_FILE naming a missing file only adds a warning to every command.
if [[ -n "${TF_CLI_CONFIG_FILE:-}" && ! -f "${TF_CLI_CONFIG_FILE}" ]]; then unset TF_CLI_CONFIG_FILE; fi

if ! command -v terraform >/dev/null 2>&1; then
  say "SKIPPED: terraform is not installed on this machine"
  exit 0
fi

# The mirror is a directory laid out as <dir>/registry.terraform.io/hashicorp/aws/<version>/<os_arch>/.
find_mirror() {
  local dir binary
  if [[ -n "${TF_PLUGIN_MIRROR:-}" ]]; then
    printf '%s\n' "${TF_PLUGIN_MIRROR}"
    return
  fi
  for dir in /opt/tf-plugins "${HOME:-/root}/.terraform.d/plugins" /usr/local/share/terraform/plugins \
    /usr/share/terraform/plugins; do
    if [[ -d "${dir}/registry.terraform.io/hashicorp/aws" ]]; then
      printf '%s\n' "${dir}"
      return
    fi
  done
  binary="$(find / \( -path /proc -o -path /sys -o -path /dev -o -path "${root}" \) -prune -o \
    -type f -name 'terraform-provider-aws_*' -path '*/registry.terraform.io/hashicorp/aws/*' -print 2>/dev/null |
    head -n 1 || true)"
  if [[ -n "${binary}" ]]; then printf '%s\n' "${binary%%/registry.terraform.io/*}"; fi
}

mirror="$(find_mirror)"
if [[ -n "${TF_PLUGIN_MIRROR:-}" && ! -d "${mirror}/registry.terraform.io/hashicorp/aws" ]]; then
  say "FAILED: TF_PLUGIN_MIRROR=${TF_PLUGIN_MIRROR} has no registry.terraform.io/hashicorp/aws/"
  exit 1
fi
if [[ -z "${mirror}" ]]; then
  say "SKIPPED: no local mirror of the hashicorp/aws provider on this machine (set TF_PLUGIN_MIRROR)"
  exit 0
fi

modules=()
for dir in "${root}"/terraform/*/; do
  compgen -G "${dir}*.tf" >/dev/null && modules+=("$(basename "${dir}")")
done
if [[ ${#modules[@]} -eq 0 ]]; then
  say "FAILED: no root modules under terraform/"
  exit 1
fi

say "$(terraform version | head -n 1), provider mirror ${mirror}"

if ! terraform fmt -check -recursive -diff "${root}/terraform"; then
  say "FAILED: terraform fmt -check (run: terraform fmt -recursive terraform)"
  exit 1
fi

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT

# Runs one terraform step in a module's copy; prints the output, or the whole log on failure.
step() {
  local module="$1" label="$2" log="${work}/${1}-${2}.log"
  shift 2
  if terraform -chdir="${work}/terraform/${module}" "$@" -no-color >"${log}" 2>&1; then
    return 0
  fi
  cat "${log}"
  say "FAILED: ${module}: terraform ${label}"
  exit 1
}

for module in "${modules[@]}"; do
  # Same layout as the repository, so paths relative to the repo root inside the module still resolve.
  mkdir -p "${work}/terraform/${module}"
  tar -C "${root}/terraform/${module}" --exclude=.terraform --exclude=.terraform.lock.hcl --exclude='*.tfstate*' \
    -cf - . | tar -C "${work}/terraform/${module}" -xf -

  step "${module}" init init -backend=false -input=false -plugin-dir="${mirror}"
  step "${module}" validate validate
  printf '[%s] %s' "${module}" "$(cat "${work}/${module}-validate.log")"
  printf '\n'
  if compgen -G "${work}/terraform/${module}/tests/*.tftest.hcl" >/dev/null; then
    step "${module}" test test
    printf '[%s] terraform test ok (%s)\n' "${module}" "$(grep -o '[0-9]* passed, [0-9]* failed' "${work}/${module}-test.log" | tail -n 1)"
  fi
done

say "ok: fmt, init, validate and test for ${modules[*]}"
