/**
 * `npm run bench`: how fast the 835 reader goes and how much memory it needs,
 * streamed (as the remittance Lambda reads S3) against whole-file reading.
 *
 * Builds a large synthetic 835 in the OS temp directory (seeded random
 * remittances from test/support, repeated as separate interchanges with their
 * own control numbers), then reads it in child processes and prints MB/s,
 * claims/s and peak RSS. Target (docs/remittance-835.md): streaming peak RSS
 * stays flat as the file grows (it holds one claim at a time), the whole-file
 * reader's grows with the file.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { write835 } from '../lambdas/core/x12/835/write-835.js';
import { RemittanceGenerator } from '../test/support/remittance-generator.js';
import { Random } from '../test/support/random.js';

const sizes = (process.env.BENCH_835_COPIES ?? '20,200').split(',').map(Number);
const dir = mkdtempSync(join(tmpdir(), 'claimflow-bench-'));

function template(): string {
  const generator = new RemittanceGenerator(new Random(835), { hostility: 0 });
  const remittances = Array.from({ length: 400 }, () => generator.remittance());
  return write835(remittances, { senderQualifier: 'ZZ', senderId: 'BENCHPAYER', receiverQualifier: 'ZZ', receiverId: 'BENCHPROV', controlNumber: 1, createdAt: new Date('2026-11-01T00:00:00Z') });
}

async function build(copies: number, text: string): Promise<string> {
  const file = join(dir, `bench-${copies}.835`);
  const out = createWriteStream(file);
  for (let i = 1; i <= copies; i++) {
    const control = String(i).padStart(9, '0');
    const copy = text.replace(/(ISA(?:\*[^*]*){12}\*)000000001/, `$1${control}`).replace(/IEA\*(\d+)\*000000001/, `IEA*$1*${control}`);
    if (!out.write(copy)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
  return file;
}

function run(file: string, whole: boolean): Record<string, number | string> {
  const args = ['--import', 'tsx', join('bench', 'stream-835-child.ts'), file, ...(whole ? ['--whole'] : [])];
  return JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 }).trim()) as Record<string, number | string>;
}

try {
  const text = template();
  console.log(`835 reader benchmark (node ${process.version}); template ${(text.length / 1e6).toFixed(2)} MB per interchange`);
  console.log('mode    size_MB  sets     claims   seconds  MB/s    claims/s  peak_RSS_MB');
  for (const copies of sizes) {
    const file = await build(copies, text);
    for (const whole of [false, true]) {
      const r = run(file, whole);
      const mb = Number(r.bytes) / 1e6;
      const seconds = Number(r.seconds);
      console.log(
        [
          String(r.mode).padEnd(7),
          mb.toFixed(1).padStart(7),
          String(r.sets).padStart(6),
          String(r.claims).padStart(9),
          seconds.toFixed(2).padStart(9),
          (mb / seconds).toFixed(1).padStart(6),
          Math.round(Number(r.claims) / seconds).toString().padStart(9),
          (Number(r.maxRssKb) / 1024).toFixed(0).padStart(11),
        ].join('  '),
      );
      if (Number(r.errors) > 0) console.log(`  ${r.errors} read errors`);
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
