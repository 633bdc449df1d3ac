/** The floor for any gateway: a minimal reverse proxy on the same runtime (Bun.serve + fetch). */
const target = process.env.TARGET_URL!;
const port = Number(process.env.PORT);
Bun.serve({
  port,
  hostname: "127.0.0.1",
  fetch: (req) => {
    const url = new URL(req.url);
    return fetch(target + url.pathname + url.search, { method: req.method, headers: req.headers, body: req.body });
  },
});
