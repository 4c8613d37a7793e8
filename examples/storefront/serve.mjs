// Serves examples/storefront/dist: `npm run example:serve` (PORT, default 5173), then open
// http://localhost:5173/?api=http://localhost:3000 (the API's origin; the default embedded run allows
// any localhost origin through CORS).
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dist');
const port = Number(process.env.PORT ?? 5173);
const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
};

createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
  const file = path.join(dist, pathname === '/' ? 'index.html' : pathname);
  if (!file.startsWith(dist + path.sep) || !statSync(file, { throwIfNoEntry: false })?.isFile()) {
    res.writeHead(404).end('Not found');
    return;
  }
  res.writeHead(200, {
    'Content-Type': `${TYPES[path.extname(file)] ?? 'application/octet-stream'}; charset=utf-8`,
  });
  createReadStream(file).pipe(res);
}).listen(port, () =>
  process.stdout.write(`Storefront: http://localhost:${port}/?api=http://localhost:3000\n`),
);
