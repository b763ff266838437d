#!/usr/bin/env bash
# Checks FrontEnd against torchaudio (needs /usr/bin/python3 with torchaudio; skipped otherwise)
# and prints the largest difference per configuration.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
mvn -B -o -q -pl core test -Dtest=TorchaudioParityTest -Dsurefire.failIfNoSpecifiedTests=false
