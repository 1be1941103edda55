#!/usr/bin/env python3
"""Rewrite a combined access log (gen_access_log.py's output) as nginx `log_format ... escape=json` lines,
one JSON object per line with every value a string, as nginx writes them.

usage: to_json_access_log.py < access.log > access.json.log
"""
import json
import re
import sys

LINE = re.compile(r'^(\S+) \S+ (\S+) \[([^\]]+)\] "(\S+) (\S+) (\S+)" (\d{3}) (\S+) "([^"]*)" "([^"]*)"$')


def main():
    out = sys.stdout
    for line in sys.stdin:
        m = LINE.match(line.rstrip("\n"))
        if not m:
            continue
        addr, user, time, method, uri, proto, status, size, referer, agent = m.groups()
        record = {
            "time_local": time, "remote_addr": addr, "remote_user": "" if user == "-" else user,
            "request_method": method, "request_uri": uri, "server_protocol": proto,
            "status": status, "body_bytes_sent": "0" if size == "-" else size,
            "request_time": "0.004", "http_referer": "" if referer == "-" else referer, "http_user_agent": agent,
        }
        out.write(json.dumps(record, separators=(",", ":")) + "\n")


if __name__ == "__main__":
    main()
