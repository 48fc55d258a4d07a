import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';

// Whatever happens to the test, no Redis server it started outlives it.
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) {
    child.kill('SIGKILL');
  }
});

/** One RESP command over a fresh connection; resolves with the first reply line, rejects when nothing listens. */
function command(port: number, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let reply = '';
    socket.setTimeout(2000, () => socket.destroy(new Error(`Redis on port ${port} did not answer`)));
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.end();
        const line = reply.slice(0, reply.indexOf('\r\n'));
        if (line.startsWith('-')) {
          reject(new Error(line.slice(1)));
        } else {
          resolve(line);
        }
      }
    });
    socket.connect(port, '127.0.0.1', () => {
      socket.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
    });
  });
}

/**
 * A Redis server of the test's own (`redis-server` as a child process, no persistence, a temp directory), for
 * tests that empty, stop or restart Redis: never the machine's shared Redis. `stop()` kills it (like a crash or an
 * outage), `start()` brings it back on the same port, empty, so clients that keep reconnecting find it again.
 *
 *   const redis = await PrivateRedis.start();   // REDIS_URL: redis.url
 *   await redis.flushall(); await redis.stop(); await redis.start(); await redis.close();
 */
export class PrivateRedis {
  private child: ChildProcess | null = null;
  private output = '';

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  /** Starts a server on a free port (or the given one) and resolves once it answers PING. */
  static async start(port?: number): Promise<PrivateRedis> {
    const redis = new PrivateRedis(
      port ?? (await freePort()),
      mkdtempSync(join(tmpdir(), 'permitdesk-redis-')),
    );
    await redis.start();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get isRunning(): boolean {
    return this.child !== null && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** (Re)starts the server on its port, empty; a no-op while it runs. */
  async start(): Promise<void> {
    if (this.isRunning) {
      return;
    }
    this.output = '';
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
        '--daemonize',
        'no',
        '--dir',
        this.dir,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    running.add(child);
    child.on('exit', () => running.delete(child));
    this.child = child;
    const started = Date.now();
    for (;;) {
      if (child.exitCode !== null) {
        throw new Error(`redis-server exited with ${child.exitCode}: ${this.output}`);
      }
      try {
        if ((await command(this.port, 'PING')) === '+PONG') {
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() - started > 10_000) {
        child.kill('SIGKILL');
        throw new Error(`redis-server did not answer on port ${this.port} within 10 s: ${this.output}`);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Kills the server (SIGKILL: an outage, nothing saved) and resolves once it is gone; a no-op when stopped. */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.isRunning) {
      return;
    }
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGKILL');
    await exited;
  }

  /** Stops and starts it again on the same port: a Redis restart without persistence. */
  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** Empties every database of this server (`FLUSHALL`). */
  async flushall(): Promise<void> {
    await command(this.port, 'FLUSHALL');
  }

  /** Any command, e.g. `send('DBSIZE')`; resolves with the reply line (`:12`, `+OK`). */
  send(...args: string[]): Promise<string> {
    return command(this.port, ...args);
  }

  /** Stops the server and removes its directory. */
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
