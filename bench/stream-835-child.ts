/**
 * Child process of bench/stream-835.ts: reads one 835 file the way the
 * remittance Lambda does (chunks from a stream, never the whole file), or
 * whole (`--whole`, the in-memory reader) for comparison, and prints one
 * JSON line of figures. Run in its own process so its peak RSS is its own.
 */
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { balance } from '../lambdas/core/x12/835/balance.js';
import { read835 } from '../lambdas/core/x12/835/read-835.js';
import { stream835 } from '../lambdas/core/x12/835/stream-835.js';
import { parseX12 } from '../lambdas/core/x12/reader.js';

const [file, mode] = process.argv.slice(2);
if (!file) throw new Error('usage: stream-835-child.ts <file> [--whole]');
const bytes = statSync(file).size;
const started = process.hrtime.bigint();
let claims = 0;
let sets = 0;
let balanced = 0;
let errors = 0;
if (mode === '--whole') {
  const parsed = parseX12(readFileSync(file));
  if (!parsed.ok) throw new Error(parsed.error.describe());
  for (const interchange of parsed.value.interchanges) {
    for (const tx of interchange.groups.flatMap((g) => g.transactions)) {
      const { remittance } = read835(tx, interchange.delimiters);
      sets++;
      claims += remittance.claims.length;
      if (balance(remittance).every((c) => c.ok === true)) balanced++;
    }
  }
} else {
  for await (const event of stream835(createReadStream(file, { highWaterMark: 64 * 1024 }))) {
    if (event.type === 'claim') claims++;
    else if (event.type === 'remittance-end') {
      sets++;
      if (event.payment.ok === true) balanced++;
    } else if (event.type === 'error') errors++;
  }
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const usage = process.resourceUsage();
console.log(JSON.stringify({ mode: mode === '--whole' ? 'whole' : 'stream', bytes, sets, claims, balanced, errors, seconds, maxRssKb: usage.maxRSS }));
