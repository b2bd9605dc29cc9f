#!/bin/sh
# The seed's scripting example (runxls.bat) as a POSIX shell script: connect to the head office, check
# the return code, copy the overnight report across the tunnel, disconnect.
#
# usage: overnight-report.sh REPORT_FILE [PROFILE]
# The profile (default myprofile, see myprofile.pcf) forwards 127.0.0.1:$REPORT_PORT (default 9100) through
# the tunnel to the head office's report receiver (ForwardRoutes). Needs `vpnclient` on PATH, a running
# `tollgate vpnd`, and socat for the copy.
report=${1:?usage: overnight-report.sh REPORT_FILE [PROFILE]}
profile=${2:-myprofile}
port=${REPORT_PORT:-9100}

# connect to the home office
vpnclient connect "$profile" user admin pwd admin
rc=$?

# check return code from vpnclient call....
if [ "$rc" -ne 200 ]; then
    echo "failed to connect with error = $rc"
    exit 1
fi

# if okay continue and copy report
socat -u FILE:"$report" TCP:127.0.0.1:"$port"
copied=$?

# now disconnect the VPN connection
vpnclient disconnect
rc=$?
if [ "$copied" -ne 0 ]; then
    echo "failed to copy the report (socat status $copied)"
    exit 1
fi
if [ "$rc" -ne 201 ]; then
    echo "failed to disconnect with error = $rc"
    exit 1
fi
echo "Spreadsheet uploaded"
exit 0
