// A test HTTP server in its own process (a server in the test's process would deadlock against
// the synchronous fetch worker). It prints its port, records every request it receives, and
// answers by path:
//   /status/<code>      that status, body "status <code>: " followed by 200 "x"
//   /slow/<ms>          200 after <ms>
//   /hang               never answers
//   /__received         the recorded requests as JSON (for the test to read)
//   anything else       200 with a JSON echo of the request
import http from "node:http";

const received = [];

const server = http.createServer((req, res) => {
  const chunks = [];
  req.on("data", (c) => chunks.push(c));
  req.on("end", () => {
    const url = new URL(req.url, "http://localhost");
    if (url.pathname === "/__received") {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(received));
      return;
    }
    const headers = {};
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers[req.rawHeaders[i].toLowerCase()] = req.rawHeaders[i + 1];
    const body = Buffer.concat(chunks);
    const record = { method: req.method, path: req.url, headers, bodyBase64: body.toString("base64"), at: Date.now() };
    received.push(record);
    const [, route, arg] = url.pathname.split("/");
    if (route === "status") {
      res.writeHead(Number(arg), { "Content-Type": "text/plain", "X-Echo": "status" });
      res.end(`status ${arg}: ${"x".repeat(200)}`);
    } else if (route === "slow") {
      setTimeout(() => {
        res.writeHead(200, { "Content-Type": "text/plain" });
        res.end(`slow ${arg}`);
      }, Number(arg));
    } else if (route === "hang") {
      // never answers
    } else {
      res.setHeader("Content-Type", "application/json; charset=utf-8");
      res.setHeader("Set-Cookie", ["a=1", "b=2"]);
      res.writeHead(200);
      res.end(JSON.stringify({ method: req.method, path: req.url, body: body.toString("utf8") }));
    }
  });
});

server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
