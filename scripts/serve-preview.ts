/**
 * Serves the built add-in and preview (dist/) on http://localhost — for `npm run preview` and the
 * end-to-end tests. Static files only, from this machine, to this machine (bound to 127.0.0.1).
 * Run: npm run preview   (PREVIEW_PORT=3001 by default)
 */
import * as fs from "node:fs";
import * as http from "node:http";
import * as path from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".map": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".json": "application/json",
};

export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serve `root` on 127.0.0.1:`port` (0 = any free port). */
export function serveStatic(root: string, port = 0): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    } catch {
      // A malformed escape (GET /%E0%A4%A) is the client's error: say so, and keep serving.
      res.writeHead(400, { "Content-Type": "text/plain" });
      res.end("Bad request");
      return;
    }
    const file = path.resolve(base, "." + (urlPath.endsWith("/") ? urlPath + "preview.html" : urlPath));
    if (!file.startsWith(base + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404, { "Content-Type": "text/plain" });
      res.end("Not found");
      return;
    }
    res.writeHead(200, { "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream", "Cache-Control": "no-store" });
    // A file that vanishes or cannot be read mid-way ends this response, never the server.
    fs.createReadStream(file)
      .on("error", () => res.destroy())
      .pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const addr = server.address();
      const p = typeof addr === "object" && addr ? addr.port : port;
      resolve({ url: `http://localhost:${p}/`, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (require.main === module) {
  const dist = path.resolve(__dirname, "..", "dist");
  if (!fs.existsSync(path.join(dist, "preview.html"))) {
    process.stderr.write("dist/preview.html is missing: run `npm run build` first (npm run preview does).\n");
    process.exit(1);
  }
  serveStatic(dist, Number(process.env.PREVIEW_PORT ?? 3001)).then((s) => {
    process.stdout.write(`Chỉ tiêu preview: ${s.url}preview.html  (Ctrl+C to stop)\n`);
  });
}
