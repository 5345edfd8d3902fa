#!/bin/sh
# The security-minded audit's comparisons (README "Security-minded audit"). From the repo
# root: tests-integration/fidelity/security/run.sh [--only-diff]
# Sanic 25.12 sends no Date field and Hurtle does: every answer shows "+date: <ignored>";
# read past it.
# each sanic-diff exits 1 when answers differ (the kept items do): go on to the next
here=$(dirname "$0")
tool=${SANIC_DIFF:-../shared/tools/sanic-diff}
made=${SEC_AUDIT_DIR:-/tmp/hurtle-sec-audit}/requests
python3 "$here/make_requests.py" "$made"
"$tool" --ignore-header date "$@" "$here/app_static.py" "$here/static.http"
"$tool" --ignore-header date "$@" "$here/app_headers.py" "$made/headers.http"
"$tool" --ignore-header date "$@" "$here/app_routes.py" "$made/routes.http"
for v in none secret proxies2 realip servername realiponly secretp1 p1; do
    SEC_PROXY=$v "$tool" --ignore-header date "$@" "$here/app_proxy.py" "$made/proxy.http"
done
for f in html json text auto; do
    for d in 0 1; do
        SEC_FMT=$f SEC_DEBUG=$d "$tool" --ignore-header date "$@" "$here/app_errors.py" \
            "$made/errors.http"
    done
done
