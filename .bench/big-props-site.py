#!/usr/bin/env python3
"""A stand-in Next.js server whose /big page carries 10 MB of props, for the explorer's
frame-time and memory figures (README, Performance). It answers what the explorer asks of any
server: / (its __NEXT_DATA__ gives the build ID), the build manifest (the routes), /big as a
document and /_next/data/big/big.json as a client transition.

    python3 .bench/big-props-site.py 3999
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

BUILD_ID = "big"
CITIES = ["Tokyo 東京", "Zürich", "São Paulo", "Reykjavík", "Lagos", "Montréal", "Kraków", "Seoul 서울"]


def order(i):
    return {
        "id": i,
        "customer": {
            "name": f"Customer {i}",
            "email": f"customer{i}@example.com",
            "address": {"street": f"{i % 900 + 1} Main Street", "city": CITIES[i % len(CITIES)], "zip": f"{10000 + i % 89999}"},
        },
        "items": [
            {"sku": f"SKU-{i}-{k}", "title": f"Item {k} of order {i}, a reasonably long product title", "quantity": k + 1, "price": round(9.99 + k * 3.5 + i % 7, 2)}
            for k in range(5)
        ],
        "paid": i % 3 != 0,
        "notes": None if i % 4 else "Leave at the door <please> & ring twice",
    }


PROPS = {"orders": [order(i) for i in range(13_200)], "generatedFor": "explorer frame-time measurement"}
PAGE_PROPS = json.dumps(PROPS, ensure_ascii=False, separators=(",", ":"))


def next_data(page, props_json):
    return ('{"props":{"pageProps":' + props_json + ',"__N_SSP":true},"page":"' + page
            + '","query":{},"buildId":"' + BUILD_ID + '","isFallback":false,"gssp":true,"scriptLoader":[]}')


def document(page, props_json):
    script_safe = next_data(page, props_json).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return ('<!DOCTYPE html><html><head><meta charSet="utf-8"/></head><body><div id="__next"><h1>' + page
            + '</h1></div><script id="__NEXT_DATA__" type="application/json">' + script_safe + '</script></body></html>')


RESPONSES = {
    "/": ("text/html; charset=utf-8", document("/", "{}")),
    "/big": ("text/html; charset=utf-8", document("/big", PAGE_PROPS)),
    f"/_next/data/{BUILD_ID}/big.json": ("application/json", '{"pageProps":' + PAGE_PROPS + ',"__N_SSP":true}'),
    f"/_next/data/{BUILD_ID}/index.json": ("application/json", '{"pageProps":{},"__N_SSP":true}'),
    f"/_next/static/{BUILD_ID}/_buildManifest.js": (
        "application/javascript", 'self.__BUILD_MANIFEST = {"/":[],"/big":[],sortedPages:["/","/big"]};self.__BUILD_MANIFEST_CB && self.__BUILD_MANIFEST_CB()'),
}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        found = RESPONSES.get(self.path.split("?")[0])
        status, (kind, text) = (200, found) if found else (404, ("text/plain", "not found"))
        body = text.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "private, no-cache, no-store, max-age=0, must-revalidate")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 3999
    print(f"props: {len(PAGE_PROPS.encode()) / 1_000_000:.1f} MB on http://127.0.0.1:{port}/big", flush=True)
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
