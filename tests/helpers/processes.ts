import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** `node <args>` in the project, its stdout and stderr collected apart and together (`out`, in arrival order). */
function spawnNode(args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '', out: '' };
  child.stdout!.on('data', (d: Buffer) => { output.stdout += d.toString(); output.out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output.stderr += d.toString(); output.out += d.toString(); });
  return { child, output };
}

/** Runs `node <args>` in the project until it exits (killed after `timeoutMs`): its exit code and what it printed. */
export function runNode(args: string[], env: NodeJS.ProcessEnv, timeoutMs = 60_000): Promise<{ code: number | null; out: string; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const { child, output } = spawnNode(args, env);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, ...output });
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** All it printed so far (stdout and stderr). */
  readonly out: string;
  /** Ends it with SIGTERM and waits for it to exit (nothing if it already has). */
  stop(): Promise<void>;
}

/** `node --import tsx server/main.ts` with `env`, once it printed its start banner; fails with its output if it exits first or takes over two minutes (tsx compiling and PGlite migrating, on a slow day). */
export async function startServer(env: NodeJS.ProcessEnv): Promise<ServerProcess> {
  const { child, output } = spawnNode(['--import', 'tsx', 'server/main.ts'], env);
  const started = Date.now();
  while (!output.out.includes('Espace Pro Sud Cévennes —')) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${output.out}`);
    if (Date.now() - started > 120_000) throw new Error(`server did not start:\n${output.out}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    get out() { return output.out; },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
