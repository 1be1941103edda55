"""What the bench scripts share (footprint.py, daemon_latency.py): one HTTP GET against a daemon on loopback."""
import http.client
import urllib.parse


def fetch(url, timeout=30.0):
    """(status, body) of a GET of url."""
    u = urllib.parse.urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=timeout)
    try:
        conn.request("GET", u.path or "/")
        resp = conn.getresponse()
        return resp.status, resp.read().decode("utf-8", "replace")
    finally:
        conn.close()
