#!/usr/bin/env python3
"""The partner report and the network map in a real browser (headless Chromium).

    report_browser_check.py LEARNCITY_BINARY INDEX_DIR CORPUS_DIR OUT_DIR

Makes Sơn La's report (Vietnamese), Hamburg's (English) and the network map
with the built binary, then for each page:
- validates the HTML with `tidy -errors` (no error, no warning);
- checks that it asks for nothing but its source links (no src=, <link>,
  <script>, url(), @import; every href an http(s) link);
- renders it with `chromium --headless` at 1280 and 390 px wide: the
  screenshot is not blank, and a script injected into a copy of the page (the
  shipped page has none) reports that no text overflows its card or section;
- checks the map: one marker per partner with coordinates, each at the place
  an independent Equal Earth implementation puts the city of `cities.jsonl`.
Leaves the screenshots in OUT_DIR (docs/images/report-son-la.png comes from
here). Prints one line per check and "N passed, N failed"; exits 1 on failure.
"""
import json
import math
import os
import re
import shutil
import struct
import subprocess
import sys
import zlib

BINARY, INDEX, CORPUS, OUT = sys.argv[1:5]
os.makedirs(OUT, exist_ok=True)
passed, failed = 0, 0
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def check(condition, what, detail=""):
    global passed, failed
    if condition:
        passed += 1
        print(f"ok   {what}")
    else:
        failed += 1
        print(f"FAIL {what} {detail}")


def equal_earth(lon, lat):
    """Šavrič, Patterson, Jenny (2018), written here from the paper, independently of the Swift code."""
    a1, a2, a3, a4 = 1.340264, -0.081106, 0.000893, 0.003796
    m = math.sqrt(3) / 2
    lam, phi = math.radians(lon), math.radians(lat)
    theta = math.asin(m * math.sin(phi))
    x = 2 * math.sqrt(3) * lam * math.cos(theta) / (3 * (9 * a4 * theta ** 8 + 7 * a3 * theta ** 6 + 3 * a2 * theta ** 2 + a1))
    y = a4 * theta ** 9 + a3 * theta ** 7 + a2 * theta ** 3 + a1 * theta
    return x, y


def png_is_not_blank(path):
    """True when the PNG has many distinct pixel rows (a blank page has one)."""
    data = open(path, "rb").read()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, idat, width = 8, b"", 0
    while position < len(data):
        length, kind = struct.unpack(">I4s", data[position:position + 8])
        chunk = data[position + 8:position + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
        if kind == b"IDAT":
            idat += chunk
        position += 12 + length
    raw = zlib.decompress(idat)
    channels = {2: 3, 6: 4}.get(colour, 3)
    stride = width * channels + 1
    rows = {raw[i:i + stride][1:] for i in range(0, len(raw), stride * 8)}
    return len(rows) > 20


def run(*arguments):
    result = subprocess.run([BINARY, *arguments, "--index", INDEX], capture_output=True, text=True, timeout=120)
    check(result.returncode == 0, f"learncity {' '.join(arguments)}", result.stderr)


PROBE = """<script>
window.addEventListener('load', function () {
  var problems = [];
  document.querySelectorAll('.card, header, section, footer').forEach(function (box) {
    var outer = box.getBoundingClientRect();
    box.querySelectorAll('h1, h2, h3, p, li, a, span, code, div').forEach(function (el) {
      if (el.closest('.scroll')) return;
      var r = el.getBoundingClientRect();
      if (r.width > 0 && (r.right > outer.right + 1 || r.left < outer.left - 1)) problems.push((el.className || el.tagName) + ': ' + el.textContent.slice(0, 40));
    });
  });
  if (document.documentElement.scrollWidth > window.innerWidth + 1) problems.push('page wider than the window: ' + document.documentElement.scrollWidth);
  var markers = [];
  document.querySelectorAll('circle.marker').forEach(function (c) {
    markers.push({city: c.dataset.city, style: c.getAttribute('class'), x: +c.getAttribute('cx'), y: +c.getAttribute('cy')});
  });
  var out = document.createElement('pre'); out.id = 'lc-probe';
  out.textContent = JSON.stringify({problems: problems, markers: markers, cards: document.querySelectorAll('.card').length,
    viewBox: (document.querySelector('svg.map') || {getAttribute: function () { return ''; }}).getAttribute('viewBox')});
  document.body.appendChild(out);
});
</script>"""


def chromium(*arguments):
    return subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                           "--no-first-run", "--disable-extensions", *arguments], capture_output=True, text=True, timeout=120)


def probe(page, width):
    probed = page.replace(".html", f".probe-{width}.html")
    html = open(page, encoding="utf-8").read()
    open(probed, "w", encoding="utf-8").write(html.replace("</body>", PROBE + "</body>"))
    result = chromium("--dump-dom", "--virtual-time-budget=3000", f"--window-size={width},2000", "file://" + probed)
    found = re.search(r'<pre id="lc-probe">(.*?)</pre>', result.stdout, re.S)
    os.remove(probed)
    if not found:
        return None
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">"))


# The probe must be able to fail: a card with a long unbreakable line overflows.
broken = os.path.join(OUT, "probe-self-test.html")
open(broken, "w", encoding="utf-8").write('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>t</title>'
    '<style>.card{width:200px;border:1px solid}</style></head><body><ol><li class="card"><p style="white-space:nowrap">'
    + "overflowing " * 30 + '</p></li></ol></body></html>')
self_test = probe(broken, 1280)
check(self_test is not None and self_test["problems"], "the overflow probe reports an overflowing card", self_test)

cities = {}
for line in open(os.path.join(CORPUS, "cities.jsonl"), encoding="utf-8"):
    if line.strip():
        city = json.loads(line)
        cities[city["id"]] = city

pages = {
    "report-son-la": ["report", "--out", os.path.join(OUT, "report-son-la.html"), "Sơn La"],
    "report-hamburg": ["report", "--lang", "en", "--out", os.path.join(OUT, "report-hamburg.html"), "Hamburg"],
    "map": ["map", "--out", os.path.join(OUT, "map.html")],
}
for name, arguments in pages.items():
    run(*arguments)
    page = os.path.join(OUT, name + ".html")
    html = open(page, encoding="utf-8").read()

    tidy = subprocess.run(["tidy", "-errors", "-q", page], capture_output=True, text=True)
    check(tidy.returncode == 0 and not tidy.stderr.strip(), f"{name}: tidy finds no error or warning", tidy.stderr[:500])

    requests = re.findall(r'\bsrc\s*=|<link\b|<script\b|url\(|@import', html, re.I)
    hrefs = re.findall(r'href="([^"]*)"', html)
    check(not requests and all(h.startswith(("http://", "https://")) for h in hrefs),
          f"{name}: no request but {len(hrefs)} source links", requests[:3])
    check(f'lang="{"en" if name != "report-son-la" else "vi"}"' in html, f"{name}: page language")

    for width in (1280, 390):
        shot = os.path.join(OUT, f"{name}-{width}.png")
        chromium(f"--window-size={width},2400", f"--screenshot={shot}", "file://" + page)
        check(os.path.exists(shot) and png_is_not_blank(shot), f"{name} at {width} px: the screenshot is not blank")
        result = probe(page, width)
        check(result is not None, f"{name} at {width} px: the page rendered and the probe ran")
        if result is None:
            continue
        check(not result["problems"], f"{name} at {width} px: no text overflows its card", result["problems"][:5])

        if width != 1280:
            continue
        markers = result["markers"]
        _, _, vw, vh = (float(v) for v in result["viewBox"].split())
        max_x, max_y = equal_earth(180, 0)[0], equal_earth(0, 90)[1]
        misplaced = []
        for marker in markers:
            city = cities.get(marker["city"])
            if not city:
                misplaced.append(marker["city"] + " not in cities.jsonl")
                continue
            x, y = equal_earth(city["lon"], city["lat"])
            ex, ey = (x / max_x + 1) / 2 * vw, (1 - y / max_y) / 2 * vh
            if abs(ex - marker["x"]) > 0.6 or abs(ey - marker["y"]) > 0.6:
                misplaced.append(f'{marker["city"]}: at {marker["x"]},{marker["y"]}, expected {ex:.1f},{ey:.1f}')
        check(markers and not misplaced, f"{name}: {len(markers)} markers at their Equal Earth places", misplaced[:3])
        if name.startswith("report"):
            partners = re.findall(r'<li class="card" data-partner="([^"]+)"', html)
            with_coordinates = [p for p in partners if "lat" in cities.get(p, {})]
            partner_markers = [m["city"] for m in markers if "partner" in m["style"]]
            check(result["cards"] == len(partners) > 0 and sorted(partner_markers) == sorted(with_coordinates),
                  f"{name}: one marker per partner ({len(partner_markers)})", (partner_markers, with_coordinates))
            source = [m for m in markers if "source" in m["style"]]
            check(len(source) == 1, f"{name}: the city itself is marked once")

shutil.copy(os.path.join(OUT, "report-son-la-1280.png"), os.path.join(OUT, "report-son-la.png"))
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
