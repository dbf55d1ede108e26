// The search benchmark's yardstick: a bare node:http server answering one HTML
// page from memory, in a process of its own as the real server runs. What the
// app's pages reach of its throughput is what Express, Remix and the loaders
// leave. Usage: node --import tsx tests/bench/search-bare-server.ts <html file>;
// prints the port it listens on.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const html = readFileSync(process.argv[2]!);
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': html.length });
  res.end(html);
});
server.listen(0, '127.0.0.1', () => {
  process.stdout.write(`${(server.address() as { port: number }).port}\n`);
});
