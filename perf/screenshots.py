"""`make screenshots`: full-page PNGs of the readers' pages at a phone's width (390 px) and a
desktop's (1366 px), in Vietnamese and in English, into var/screenshots/, with the site served as
`make serve` serves it from a scratch database of the demo content (perf/demo_served.py).

Debian's Chromium through Playwright, as the browser tests drive it. SCREENSHOTS_REUSE=1 keeps the
last run's database."""

import sys

from demo_served import ROOT, chromium_path, prepare, reader_pages, reuse_requested, scratch_site, served
from playwright.sync_api import sync_playwright

OUTPUT = ROOT / "var/screenshots"
SIZES = [(390, 844), (1366, 900)]  # a phone, a desktop
SITE = scratch_site("screenshots", port=8082, redis_db=8)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def shoot(browser, base: str, language: str, pages: dict[str, str], width: int, height: int) -> list[str]:
    """One language's pages at one width; what went wrong (HTTP status, console errors)."""
    context = browser.new_context(locale=language, viewport={"width": width, "height": height})
    page = context.new_page()
    errors, failures = [], []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    for name, path in pages.items():
        response = page.goto(base + path, wait_until="networkidle")
        # A reader scrolling down sees every picture; a full-page shot does not scroll, so the
        # pictures below the fold (loading="lazy") are loaded first.
        page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')")
        page.wait_for_function("[...document.images].every(img => img.complete)")
        file = OUTPUT / f"{language}-{name}-{width}.png"
        page.screenshot(path=file, full_page=True)
        print(f"{file.relative_to(ROOT)}  {path}")
        if response.status != 200 or errors:
            failures.append(f"{language} {name} at {width} px: HTTP {response.status} {errors}")
        errors.clear()
    context.close()
    return failures


def main() -> int:
    prepare(SITE, reuse=reuse_requested("screenshots"))
    pages = reader_pages(SITE)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    failures = []
    with served(SITE) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for width, height in SIZES:
            for language, named in pages.items():
                failures += shoot(browser, base, language, named, width, height)
        browser.close()
    print("\n".join(failures) or f"{len(list(OUTPUT.glob('*.png')))} screenshots, no error.")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
