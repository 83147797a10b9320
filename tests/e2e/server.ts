// A second reference server that a test starts, kills and starts again on the same database,
// for faults on the network side (the server gone and back). It serves the built app
// (REPO_ROOT/dist) on its own port, with its own temporary database, less the forms bundle:
// the server pre-compresses every file when it starts, which takes a debug build half a
// minute for the whole app, and the status pages do not need that bundle.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { closeSync, cpSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export class OwnServer {
  private child?: ChildProcess;
  /** How long the last start took until the server answered. */
  startedInMs = 0;
  readonly dir = mkdtempSync(join(tmpdir(), 'nagrik-faults-'));
  readonly db = join(this.dir, 'faults.sqlite3');
  readonly dist = join(this.dir, 'dist');

  private constructor(readonly port: number, readonly log: string) {}

  /**
   * Starts a server on a free port, with a fresh database; its output (every start) goes to
   * REPO_ROOT/target/faults-server.log, kept after the test for a failure.
   */
  static async start(): Promise<OwnServer> {
    const root = process.env.REPO_ROOT;
    if (!root) throw new Error('REPO_ROOT not set: run through cargo xtask e2e');
    const port = await freePort();
    const server = new OwnServer(port, join(root, 'target', 'faults-server.log'));
    writeFileSync(server.log, '');
    const forms = join(root, 'dist', 'complaint');
    cpSync(join(root, 'dist'), server.dist, { recursive: true, filter: (src) => src !== forms });
    await server.up();
    return server;
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process (again) on the same port and database, and waits until it answers. */
  async up() {
    const bin = process.env.NAGRIK_SERVER_BIN;
    if (!bin) throw new Error('NAGRIK_SERVER_BIN not set: run through cargo xtask e2e');
    const out = openSync(this.log, 'a');
    this.child = spawn(
      bin,
      ['serve', '--addr', `127.0.0.1:${this.port}`, '--db', this.db, '--dist', this.dist,
        '--demo-otp', '123456', '--poll-interval', '1'],
      { stdio: ['ignore', out, out] },
    );
    closeSync(out);
    const started = Date.now();
    const deadline = started + 90_000;
    for (;;) {
      if (this.child.exitCode !== null) throw new Error(`the server exited with ${this.child.exitCode}: see ${this.log}`);
      try {
        if ((await fetch(`${this.url}/api/v1/health`)).ok) {
          this.startedInMs = Date.now() - started;
          return;
        }
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`the server did not answer within 90 s: see ${this.log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Kills the process at once (SIGKILL: no graceful shutdown) and waits until it is gone. */
  async kill() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
  }

  /** The police side on this server's database (`nagrik-server officer advance`). */
  advance(reference: string, status: string) {
    execFileSync(process.env.NAGRIK_SERVER_BIN!, ['officer', 'advance', '--db', this.db, reference, status], { stdio: 'pipe' });
  }

  /** References filed on this server's database. */
  filings(): string[] {
    const script =
      'import json,sqlite3,sys\n' +
      'c=sqlite3.connect("file:"+sys.argv[1]+"?mode=ro",uri=True,timeout=10)\n' +
      'print(json.dumps([r[0] for r in c.execute("SELECT reference FROM filings")]))';
    return JSON.parse(execFileSync('python3', ['-c', script, this.db], { encoding: 'utf8' }));
  }

  async stop() {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
