/** Where a page's files are served from, e.g. `/kiosk/` for `kiosk/dist`. */
export interface Site {
  base: string;
  /** The text of a built file, by its path inside the dist folder. */
  read: (path: string) => string;
}

const ENTRY = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;
// Static `import … from "x"`, `export … from "x"` and bare `import "x"`; a dynamic `import("x")`
// has a parenthesis before its quote and is left out, as the page does not wait for it.
const STATIC_IMPORT = /\b(?:from|import)\s*["']([^"']+\.js)["']/g;

function matches(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1]!);
}

/** The path inside the dist folder of an address written in `from` (a dist path, or the page). */
function distPath(address: string, from: string, base: string): string | null {
  const origin = 'http://site';
  const url = new URL(address, new URL(base + from, origin));
  if (url.origin !== origin || !url.pathname.startsWith(base)) return null;
  return url.pathname.slice(base.length);
}

/**
 * The JavaScript a page loads before it can run: its module scripts and modulepreload links, and
 * every chunk those import statically, each once, in the order found.
 */
export function firstRouteFiles(site: Site, page = 'index.html'): string[] {
  const html = site.read(page);
  const found = new Set<string>();
  const queue = [...matches(html, ENTRY), ...matches(html, PRELOAD)]
    .map((address) => distPath(address, page, site.base))
    .filter((path) => path !== null);
  while (queue.length) {
    const path = queue.shift()!;
    if (found.has(path)) continue;
    found.add(path);
    for (const address of matches(site.read(path), STATIC_IMPORT)) {
      const next = distPath(address, path, site.base);
      if (next) queue.push(next);
    }
  }
  return [...found];
}
