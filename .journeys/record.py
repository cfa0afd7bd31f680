#!/usr/bin/env python3
"""Records what Chromium, running Next.js's own client, does on a Next.js app: one HAR file per
journey, with what the router showed after each step, for the navigator's journey tests.

    record.py JOURNEYS.json OUT_DIR --url http://localhost:PORT --variant root [--only s01-...]

JOURNEYS.json lists the journeys (Tests/BrowserTests/Journeys/shop.json); each runs in a fresh
browser context against the server at --url, which must serve the journey's variant. OUT_DIR gets
`<journey>.har.gz` (Playwright's HAR, JavaScript and CSS bodies replaced by a note, but the
manifests, whole) with `log._journey`: per step, what was done and what the router showed after it
(URL, route, props, whether the document survived: a client transition), and `site-<variant>.har.gz`,
the build's client files the explorer reads to learn the site (the entry document, the manifests,
the main chunk, every page's chunk).

Needs Playwright (pip install playwright) and Debian's chromium (apt-get install chromium).
Talk to an app with a middleware as http://localhost:PORT: its redirects name that host.
"""
import argparse
import gzip
import json
import os
import re
import sys
import time
import urllib.request

import asyncio

from playwright.async_api import async_playwright

QUIET_MS = 2000  # Next.js prefetches links in view ~0.75 s after load: wait for a longer silence.
STEP_LIMIT_S = 20
# A tab that does not answer within this is hung: Next.js's client can loop on answers it cached.
ANSWER_S = 5

# What the router shows after a step; `null` fields when the page is not a Next.js page (an error
# page of the browser, another site).
STATE = """() => {
  const router = window.next && window.next.router
  const route = router && router.route
  const info = router && router.components && router.components[route]
  return {
    href: location.href,
    asPath: router ? router.asPath : null,
    route: route || null,
    isFallback: router ? router.isFallback : null,
    props: info && info.props ? JSON.parse(JSON.stringify(info.props)) : null,
    marker: window.__journeyMarker === undefined ? null : window.__journeyMarker,
    historyLength: history.length,
    text: document.body ? document.body.innerText.slice(0, 500) : null,
    html: document.documentElement ? document.documentElement.outerHTML : null,
  }
}"""

KEPT_SCRIPTS = re.compile(r"/_next/static/[^/]+/_(buildManifest|ssgManifest|clientMiddlewareManifest)\.js$")


def iso_now():
    """Now as HAR writes `startedDateTime`, so that a step's requests can be told by their start."""
    now = time.time()
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(now)) + ".%03dZ" % int(now % 1 * 1000)


async def settle(page, inflight):
    """Waits until no request has been in flight for QUIET_MS, at most STEP_LIMIT_S. A request that
    has had no end for 5 s (an aborted background check Chromium never reports) does not count."""
    deadline = time.time() + STEP_LIMIT_S
    quiet_since = time.time()
    while time.time() < deadline:
        if any(time.time() - since < 5 for since in inflight.values()):
            quiet_since = time.time()
        elif (time.time() - quiet_since) * 1000 >= QUIET_MS:
            return True
        await asyncio.sleep(0.1)
    return False


async def answer(page, script, argument=None):
    """`script` evaluated in the page; raises TimeoutError when the tab does not answer."""
    return await asyncio.wait_for(page.evaluate(script, argument), ANSWER_S)


async def state(page):
    try:
        return await answer(page, STATE)
    except asyncio.TimeoutError:
        return {"href": page.url, "hung": True}
    except Exception as error:  # the browser's own error page, a navigation in progress
        return {"href": page.url, "error": str(error).splitlines()[0]}


def strip(har_path, journey, steps):
    with open(har_path) as f:
        har = json.load(f)
    for entry in har["log"]["entries"]:
        content = entry["response"].get("content", {})
        mime = content.get("mimeType", "")
        url = entry["request"]["url"]
        if ("javascript" in mime or "css" in mime) and not KEPT_SCRIPTS.search(url.split("?")[0]) and "text" in content:
            content["text"] = "[stripped by record.py: %d bytes]" % content.get("size", 0)
            content.pop("encoding", None)
    har["log"]["_journey"] = {"name": journey["name"], "variant": journey["variant"], "steps": steps}
    return har


async def record(browser, journey, origin, base, out):
    har_path = "%s/%s.har" % (out, journey["name"])
    context = await browser.new_context(record_har_path=har_path, record_har_content="embed", locale="en-US")
    page = await context.new_page()
    inflight = {}
    page.on("request", lambda r: inflight.__setitem__(r, time.time()))
    page.on("requestfinished", lambda r: inflight.pop(r, None))
    page.on("requestfailed", lambda r: inflight.pop(r, None))
    steps = []
    for index, step in enumerate(journey["steps"]):
        kind, value = next(iter(step.items()))
        outcome = None
        started = iso_now()
        try:
            if kind == "load":
                url = origin + (base if value == "/" and base else base + value)
                try:
                    response = await page.goto(url, wait_until="load", timeout=STEP_LIMIT_S * 1000)
                    outcome = "status %s" % (response.status if response else "none")
                except Exception as error:
                    outcome = "error: " + str(error).splitlines()[0]
            elif kind == "push":
                await answer(page, """p => { window.__push = window.next.router.push(p).then(
                    r => 'resolved ' + r, e => 'rejected ' + (e && e.message)) }""", value)
            elif kind == "click":
                await page.click('a[href="%s"]' % (base + value), timeout=5000)
            elif kind in ("back", "forward"):
                await answer(page, "k => history[k]()", kind)
            elif kind == "cookie":
                await context.add_cookies([{"name": value[0], "value": value[1], "url": origin + "/"}])
        except asyncio.TimeoutError:
            outcome = "the tab did not answer"
        except Exception as error:
            outcome = "error: " + str(error).splitlines()[0]
        settled = await settle(page, inflight)
        after = await state(page)
        if kind == "push" and not after.get("hung"):
            try:
                after["push"] = await answer(page, "() => window.__push && Promise.race([window.__push, new Promise(r => setTimeout(() => r('pending'), 50))])")
            except Exception:
                after["push"] = None
        steps.append({"step": step, "outcome": outcome, "settled": settled, "startedAt": started, "endedAt": iso_now(), "after": after})
        print("  %-8s %-22s → %s %s%s" % (kind, json.dumps(value), after.get("href"), "" if settled else "(still busy) ", "(hung)" if after.get("hung") else ""), flush=True)
        if after.get("hung"):
            break  # nothing more can be done in this tab
        try:
            await answer(page, "i => { window.__journeyMarker = i }", index)
        except Exception:
            pass
    if steps and steps[-1]["after"].get("hung"):
        # A hung renderer would keep the context from closing: crash it on purpose.
        try:
            await asyncio.wait_for(page.goto("chrome://crash"), 3)
        except Exception:
            pass
    await context.close()
    har = strip(har_path, journey, steps)
    with gzip.open(har_path + ".gz", "wt") as f:
        json.dump(har, f, separators=(",", ":"))
    os.remove(har_path)


def fetch(url):
    request = urllib.request.Request(url, headers={"accept": "*/*"})
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, list(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, list(error.headers.items()), error.read()


# What the explorer reads of the client's main chunk (Next.js's own code, MIT): the proxy's
# matchers in `getMiddleware`, the trailing-slash branch, the version. Only those excerpts are kept.
MAIN_EXCERPTS = [
    (re.compile(r"getMiddleware"), 0, 600),
    (re.compile(r"/\\\.\[\^/\]\+\\/\?\$/\.test\("), 60, 60),
    (re.compile(r'var [A-Za-z_$][\w$]*="\d{2}\.\d+\.\d+[^"]*";'), 0, 40),
]


def excerpts(text):
    parts = []
    for pattern, before, after in MAIN_EXCERPTS:
        for found in pattern.finditer(text):
            parts.append(text[max(0, found.start() - before):found.end() + after])
    return "/* excerpts of Next.js's client main chunk (MIT, Vercel, Inc.): what the explorer reads */\n" + "\n/* … */\n".join(parts)


def site_files(origin, base, variant, out):
    """The entry document and the client files the explorer reads to learn the site, as a HAR."""
    entry = origin + (base or "/")
    status, headers, body = fetch(entry)
    html = body.decode("utf-8", "replace")
    build_id = json.loads(re.search(r'<script id="__NEXT_DATA__"[^>]*>(.*?)</script>', html).group(1))["buildId"]
    urls = [entry]
    urls += [origin + src for src in re.findall(r'src="([^"]*/_next/static/chunks/main-[^"]+)"', html)]
    static = "%s%s/_next/static/%s/" % (origin, base, build_id)
    urls += [static + "_buildManifest.js", static + "_ssgManifest.js"]
    _, _, manifest = fetch(static + "_buildManifest.js")
    urls += ["%s%s/_next/%s" % (origin, base, f) for f in sorted(set(re.findall(r'"(static/chunks/pages/[^"]+\.js)"', manifest.decode())))]
    entries = []
    for url in urls:
        status, headers, body = fetch(url)
        if "/chunks/main-" in url:
            body = excerpts(body.decode("utf-8", "replace")).encode()
        entries.append({
            "startedDateTime": "1970-01-01T00:00:00.000Z", "time": 0,
            "request": {"method": "GET", "url": url, "httpVersion": "HTTP/1.1", "headers": [], "queryString": [], "cookies": [], "headersSize": -1, "bodySize": 0},
            "response": {"status": status, "statusText": "", "httpVersion": "HTTP/1.1", "headers": [{"name": k, "value": v} for k, v in headers], "cookies": [],
                         "content": {"size": len(body), "mimeType": dict((k.lower(), v) for k, v in headers).get("content-type", ""), "text": body.decode("utf-8", "replace")},
                         "redirectURL": "", "headersSize": -1, "bodySize": len(body)},
            "cache": {}, "timings": {"send": 0, "wait": 0, "receive": 0},
        })
    har = {"log": {"version": "1.2", "creator": {"name": "record.py", "version": "1"}, "pages": [], "entries": entries,
                   "_site": {"variant": variant, "buildId": build_id}}}
    with gzip.open("%s/site-%s.har.gz" % (out, variant), "wt") as f:
        json.dump(har, f, separators=(",", ":"))
    print("site-%s: %d files, build %s" % (variant, len(entries), build_id))


async def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("journeys")
    parser.add_argument("out")
    parser.add_argument("--url", required=True)
    parser.add_argument("--variant", required=True)
    parser.add_argument("--only", action="append")
    arguments = parser.parse_args()
    spec = json.load(open(arguments.journeys))
    base = spec["variants"][arguments.variant]["base"]
    origin = arguments.url.rstrip("/")
    os.makedirs(arguments.out, exist_ok=True)
    site_files(origin, base, arguments.variant, arguments.out)
    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path="/usr/bin/chromium", headless=True)
        print("Chromium", browser.version, flush=True)
        for journey in spec["journeys"]:
            if journey["variant"] != arguments.variant or (arguments.only and journey["name"] not in arguments.only):
                continue
            print(journey["name"], flush=True)
            await record(browser, journey, origin, base, arguments.out)
        await browser.close()


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
