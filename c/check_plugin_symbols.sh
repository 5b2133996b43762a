#!/bin/bash
# check_plugin_symbols.sh PLUGIN.so: the plugin SDK promise, read from the
# plugin's dynamic symbol table (docs/plugins.md): it defines exactly one
# exported symbol, vaccel_plugin_descriptor, and imports no vaccel_*
# symbol (everything from the runtime comes through the host table).
# No toolchain symbol is tolerated: with the version script of
# c/plugin_exports.map, even _init/_fini and ASan's __odr_asan.* stay local.
set -euo pipefail

so=$1
[[ -f $so ]] || { echo "FAIL: $so: no such file"; exit 1; }

# nm prints "ADDR TYPE NAME[@VERSION]" (defined) or "TYPE NAME" (undefined).
defined=$(nm -D --defined-only "$so" | awk '{ sub(/@.*/, "", $3); print $3 }' | sort)
imported=$(nm -D --undefined-only "$so" | awk '{ sub(/@.*/, "", $2); print $2 }' | sort)

status=0
if [[ $defined != vaccel_plugin_descriptor ]]; then
	echo "FAIL: $so exports more or other than vaccel_plugin_descriptor:"
	printf '  %s\n' $defined
	status=1
fi
bad=$(grep '^vaccel_' <<<"$imported" || true)
if [[ -n $bad ]]; then
	echo "FAIL: $so imports vaccel symbols (use vaccel_plugin_host instead):"
	printf '  %s\n' $bad
	status=1
fi
[[ $status == 0 ]] && echo "ok: $so exports only vaccel_plugin_descriptor and imports no vaccel_* symbol"
exit $status
