import { Writable } from 'node:stream';
import { main } from '../../bin/cli/main.js';

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const sink = (append: (s: string) => void) =>
    new Writable({
      write(chunk, _encoding, done) {
        append(String(chunk));
        done();
      },
    });
  const code = await main(['node', 'claimflow', ...args], {
    stdout: sink((s) => (stdout += s)) as unknown as typeof process.stdout,
    stderr: sink((s) => (stderr += s)) as unknown as typeof process.stderr,
  });
  return { code, stdout, stderr };
}
