// A PostgreSQL server of a test's own, for tests that stop and start the database under a running app. The
// machine's shared server must never be stopped, so these tests initdb into a temporary directory and run
// pg_ctl on a free port. initdb refuses to run as root, so as root the binaries run as the `postgres` user.
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { runMigrations } from '../../libs/database/src/migrate';
import { freePort } from './free-port';

const run = promisify(execFile);
const BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const OS_USER = 'postgres';

/** A port nobody listens on right now. */
export class PrivatePostgres {
  private constructor(
    readonly dir: string,
    readonly port: number,
  ) {}

  /** initdb into a fresh temporary directory, start on a free port (or `port`), create and migrate `database`. */
  static async start(options: { port?: number; database?: string } = {}): Promise<PrivatePostgres> {
    const dir = mkdtempSync(join(tmpdir(), 'permitdesk-pg-'));
    if (process.getuid?.() === 0) {
      chownSync(dir, ...ownerOf(OS_USER));
    }
    const server = new PrivatePostgres(dir, options.port ?? (await freePort()));
    await server.pg('initdb', [
      '-D',
      server.dataDir,
      '-A',
      'trust',
      '-U',
      'postgres',
      '--no-sync',
      '-E',
      'UTF8',
    ]);
    await server.resume();
    const database = options.database ?? 'permitdesk';
    const admin = new Client({ connectionString: server.url('postgres') });
    await admin.connect();
    try {
      await admin.query(`CREATE DATABASE "${database}"`);
    } finally {
      await admin.end();
    }
    await runMigrations(server.url(database));
    return server;
  }

  get dataDir(): string {
    return join(this.dir, 'data');
  }

  url(database = 'permitdesk'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  /** Starts (again) on the same port and data directory; returns once it accepts connections. */
  async resume(): Promise<void> {
    const options = `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`;
    await this.pg('pg_ctl', [
      '-D',
      this.dataDir,
      '-o',
      options,
      '-l',
      join(this.dir, 'server.log'),
      '-w',
      '-t',
      '30',
      'start',
    ]);
  }

  /** Stops at once (fast shutdown: open connections are terminated, as in an outage or a failover). */
  async stop(): Promise<void> {
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '30', 'stop']);
  }

  /**
   * Freezes the server (SIGSTOP to the postmaster and its backends): sockets stay open and connects are accepted
   * by the kernel, but nothing answers, as with a hung host or a network that drops packets. thaw() resumes it.
   */
  freeze(): void {
    for (const pid of this.pids()) {
      process.kill(pid, 'SIGSTOP');
    }
  }

  thaw(): void {
    for (const pid of this.pids()) {
      process.kill(pid, 'SIGCONT');
    }
  }

  /** The postmaster (first line of postmaster.pid) and the processes it started. */
  private pids(): number[] {
    const postmaster = Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const children = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .filter((pid) => {
        try {
          // /proc/<pid>/stat: pid (comm) state ppid ...; comm may hold spaces, so read after the last ')'.
          const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
          return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
        } catch {
          return false;
        }
      })
      .map(Number);
    return [postmaster, ...children];
  }

  /** Stops if running and removes the data directory. */
  async destroy(): Promise<void> {
    try {
      this.thaw();
    } catch {
      // not running
    }
    await this.pg('pg_ctl', ['-D', this.dataDir, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private async pg(binary: string, args: string[]): Promise<void> {
    const command = join(BIN, binary);
    if (process.getuid?.() === 0) {
      await run('runuser', ['-u', OS_USER, '--', command, ...args], { cwd: this.dir });
    } else {
      await run(command, args, { cwd: this.dir });
    }
  }
}

/** The uid and gid of an OS user, from /etc/passwd (name:x:uid:gid:...). */
function ownerOf(user: string): [number, number] {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((entry) => entry.startsWith(`${user}:`));
  if (!line) {
    throw new Error(`No OS user ${user} to run PostgreSQL as`);
  }
  const [, , uid, gid] = line.split(':');
  return [Number(uid), Number(gid)];
}
