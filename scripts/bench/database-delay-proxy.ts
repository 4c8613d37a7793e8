/**
 * `npm run bench:checkout -- --database-delay-ms N`: a TCP proxy in front of the benchmark's PostgreSQL
 * that holds every chunk N ms in each direction, in order, as a database on another host would (a
 * round trip then costs about 2N ms plus the timer's granularity). Its own process, so that forwarding
 * takes no CPU from the load generator.
 *
 * Usage: node -r ts-node/register/transpile-only database-delay-proxy.ts LISTEN_PORT TARGET_HOST TARGET_PORT DELAY_MS
 */
import * as net from 'node:net';

const [listenPort, targetHost, targetPort, delayMs] = process.argv.slice(2);
const delay = Number(delayMs);

function forward(from: net.Socket, to: net.Socket): void {
  from.on('data', (chunk) => setTimeout(() => to.write(chunk), delay));
  from.on('end', () => setTimeout(() => to.end(), delay));
  from.on('error', () => to.destroy());
  from.on('close', () => setTimeout(() => to.destroy(), delay));
}

net
  .createServer((client) => {
    client.setNoDelay(true);
    const server = net.connect(Number(targetPort), targetHost);
    server.setNoDelay(true);
    forward(client, server);
    forward(server, client);
  })
  .listen(Number(listenPort), '127.0.0.1', () => process.stdout.write(`listening ${listenPort}\n`));
