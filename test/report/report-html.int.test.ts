/**
 * The HTML report in a real browser: a tenant's records are stored in
 * DynamoDB Local through the real repositories, the report service renders
 * the page from them, headless Chromium (Debian's `chromium`, driven by
 * playwright-core) opens it, and every figure the page shows (the visible
 * text of the figure cells and the data-value of the chart bars) must equal
 * the figure this test computes itself from the stored records, not from
 * buildReport. The page must not request anything beyond itself.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdapters, type Adapters } from '../../lambdas/adapters/index.js';
import { tenantReport } from '../../lambdas/app/report.js';
import { claimTotalCents } from '../../lambdas/core/claim/validate.js';
import { CLAIM_STATUSES } from '../../lambdas/core/claim/state-machine.js';
import { fromCents, sumCents, toCents } from '../../lambdas/core/money.js';
import type { AcknowledgmentRecord, BatchRecord, ClaimRecord, ExceptionRecord, RemittanceRecord } from '../../lambdas/core/ports.js';
import { useLocalStack } from '../support/local-stack.js';
import { scenario, scenarioPhi, SCENARIO_AS_OF } from '../support/report-scenario.js';
import { seedScenario } from '../support/report-seed.js';

const CHROMIUM = process.env.CLAIMFLOW_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) console.warn(`report-html.int.test.ts: skipped, no Chromium at ${CHROMIUM} (apt-get install chromium, or set CLAIMFLOW_CHROMIUM)`);

const TENANT = 'html-clinic';
const OTHER = 'html-other';
const asOf = SCENARIO_AS_OF;
const seeded = scenario(TENANT, asOf);

interface Stored {
  claims: ClaimRecord[];
  batches: BatchRecord[];
  acknowledgments: AcknowledgmentRecord[];
  remittances: RemittanceRecord[];
  exceptions: ExceptionRecord[];
}

/**
 * The figures, worked out here from the stored records in the plainest way:
 * each posting's amounts summed (reversals carry negative amounts), ages from
 * the claim's batch writtenAt, the denial rule as docs/report.md states it.
 */
function expectedFigures(s: Stored): Map<string, string> {
  const figures = new Map<string, string>();
  const set = (id: string, value: string | number) => figures.set(id, String(value));
  const written = new Map(s.batches.filter((b) => b.writtenAt).map((b) => [b.batchId, Date.parse(b.writtenAt!)]));
  const submittedAt = (c: ClaimRecord) => (c.batchId ? written.get(c.batchId) : undefined);
  const column = (c: ClaimRecord) => {
    const at = submittedAt(c);
    if (at === undefined) return 'not-submitted';
    const days = Math.floor((asOf.getTime() - at) / 86_400_000);
    return days <= 30 ? '0-30' : days <= 60 ? '31-60' : days <= 90 ? '61-90' : '90+';
  };
  type Amounts = { paid: number; pr: number; adjustments: number; allowed?: number };
  const amounts = (c: ClaimRecord): Amounts | undefined => {
    if (c.postings?.length) {
      const allowedKnown = c.postings.every((p) => p.allowed !== undefined);
      return {
        paid: sumCents(c.postings.map((p) => toCents(p.paid))),
        pr: sumCents(c.postings.map((p) => toCents(p.patientResponsibility))),
        adjustments: sumCents(c.postings.flatMap((p) => [...p.adjustments, ...p.lines.flatMap((l) => l.adjustments)]).map((a) => toCents(a.amount))),
        ...(allowedKnown ? { allowed: sumCents(c.postings.map((p) => toCents(p.allowed!))) } : {}),
      };
    }
    if (c.payment) {
      return { paid: toCents(c.payment.paid), pr: toCents(c.payment.patientResponsibility), adjustments: sumCents(c.payment.adjustments.map((a) => toCents(a.amount))) };
    }
    return undefined;
  };

  const groups = [
    ['totals', s.claims],
    ...[...new Set(s.claims.map((c) => c.claim.payer.payerId))].map((id) => [`payer.${id}`, s.claims.filter((c) => c.claim.payer.payerId === id)] as const),
  ] as const;
  for (const [prefix, claims] of groups) {
    const submitted = claims.filter((c) => submittedAt(c) !== undefined);
    const posted = claims.map(amounts).filter((a): a is Amounts => a !== undefined);
    set(`${prefix}.claims`, claims.length);
    set(`${prefix}.submittedClaims`, submitted.length);
    set(`${prefix}.billed`, fromCents(sumCents(submitted.map((c) => claimTotalCents(c.claim)))));
    set(`${prefix}.paid`, fromCents(sumCents(posted.map((a) => a.paid))));
    set(`${prefix}.patientResponsibility`, fromCents(sumCents(posted.map((a) => a.pr))));
    set(`${prefix}.adjustments`, fromCents(sumCents(posted.map((a) => a.adjustments))));
    set(`${prefix}.allowed`, fromCents(sumCents(posted.map((a) => a.allowed ?? 0))));
    if (prefix !== 'totals') {
      set(`${prefix}.postedClaims`, posted.length);
      set(`${prefix}.allowedUnknownClaims`, posted.filter((a) => a.allowed === undefined).length);
      // Reconciliation over the claims whose latest posting is not a reversal (legacy records: their one payment).
      const current = claims.filter((c) => (c.postings?.length ? c.postings.at(-1)!.claimStatusCode !== '22' : c.payment !== undefined));
      const billed = sumCents(current.map((c) => claimTotalCents(c.claim)));
      const accounted = sumCents(current.map((c) => amounts(c)!).map((a) => a.paid + a.adjustments));
      set(`${prefix}.reconciliation.claims`, current.length);
      set(`${prefix}.reconciliation.billed`, fromCents(billed));
      set(`${prefix}.reconciliation.difference`, fromCents(billed - accounted));
      set(`${prefix}.reconciliation.mismatches`, current.filter((c) => claimTotalCents(c.claim) !== amounts(c)!.paid + amounts(c)!.adjustments).length);
      set(`${prefix}.reversedClaims`, claims.filter((c) => c.postings?.at(-1)?.claimStatusCode === '22').length);
    }
  }

  for (const status of CLAIM_STATUSES) {
    const claims = s.claims.filter((c) => c.status === status);
    for (const col of ['0-30', '31-60', '61-90', '90+', 'not-submitted']) set(`statusAge.${status}.${col}`, claims.filter((c) => column(c) === col).length);
    set(`statusAge.${status}.total`, claims.length);
  }
  for (const col of ['0-30', '31-60', '61-90', '90+', 'not-submitted']) set(`statusAge.total.${col}`, s.claims.filter((c) => column(c) === col).length);
  set('statusAge.total', s.claims.length);

  // Denials: the latest posting when it is not a reversal; a denied claim gives all its CAS, a paid
  // claim the CAS of its unpaid lines; never PR, CO-45, CO-253 or OA-23.
  const denials = new Map<string, { count: number; amount: number; claims: Set<string> }>();
  for (const c of s.claims) {
    const last = c.postings?.at(-1);
    if (!last || last.claimStatusCode === '22') continue;
    const deniedClaim = last.claimStatusCode === '4' || (toCents(last.paid) === 0 && toCents(last.charge) > 0);
    const cas = deniedClaim
      ? [...last.adjustments, ...last.lines.flatMap((l) => l.adjustments)]
      : last.lines.filter((l) => toCents(l.paid) === 0 && toCents(l.charge) > 0).flatMap((l) => l.adjustments);
    const expectedReduction = (x: { group: string; reason: string }) => ['CO-45', 'CO-253', 'OA-23'].includes(`${x.group}-${x.reason}`);
    for (const a of cas.filter((x) => x.group !== 'PR' && !expectedReduction(x) && toCents(x.amount) !== 0)) {
      const key = `${a.group}-${a.reason}`;
      const d = denials.get(key) ?? { count: 0, amount: 0, claims: new Set() };
      d.count++;
      d.amount += toCents(a.amount);
      d.claims.add(c.claimId);
      denials.set(key, d);
    }
  }
  for (const [key, d] of denials) {
    set(`denial.${key}.count`, d.count);
    set(`denial.${key}.claims`, d.claims.size);
    set(`denial.${key}.amount`, fromCents(d.amount));
  }
  set('totals.denied', fromCents(sumCents([...denials.values()].map((d) => d.amount))));

  for (const kind of ['remittance-unmatched', 'remittance-line-unmatched', 'remittance-unbalanced', 'remittance-illegal-transition']) {
    set(`remittanceExceptions.${kind}`, s.exceptions.filter((e) => e.kind === kind).length);
  }
  set('remittances.flagged', s.remittances.filter((r) => r.balanced !== true || r.state === 'held').length);
  set('remittances.count', s.remittances.length);

  set('batches.count', s.batches.length);
  for (const b of s.batches) {
    const mine = s.claims.filter((c) => c.batchId === b.batchId && b.claimIds.includes(c.claimId));
    const later = ['accepted', 'paid', 'partially_paid', 'denied', 'forwarded', 'reversed', 'corrected'];
    set(`batch.${b.batchId}.controlNumber`, b.controlNumber);
    set(`batch.${b.batchId}.claims`, b.claimIds.length);
    set(`batch.${b.batchId}.ack999`, b.acknowledgment?.status ?? 'awaiting');
    set(`batch.${b.batchId}.acceptedOrLater`, mine.filter((c) => later.includes(c.status)).length);
    set(`batch.${b.batchId}.rejected`, mine.filter((c) => c.status === 'rejected').length);
    set(`batch.${b.batchId}.awaiting`, mine.filter((c) => c.status === 'submitted').length);
    set(`batch.${b.batchId}.elsewhere`, b.claimIds.length - mine.filter((c) => [...later, 'rejected', 'submitted'].includes(c.status)).length);
  }
  return figures;
}

/** Records (and refuses) every request but the page itself and inline data: URLs. */
async function guardRequests(page: Page, own: string, outside: string[]): Promise<void> {
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    if (url === own || url.startsWith('data:')) return route.continue();
    if (!outside.includes(url)) outside.push(url);
    return route.abort();
  });
  page.on('request', (request) => {
    const url = request.url();
    if (url !== own && !url.startsWith('data:') && !outside.includes(url)) outside.push(url);
  });
}

interface Shown {
  tag: string;
  figure: string;
  text: string;
  value: string | null;
}

const stack = useLocalStack({ tenants: [TENANT, OTHER] });
let adapters: Adapters;
let stored: Stored;
let html: string;
let dir: string;

beforeAll(async () => {
  adapters = createAdapters(stack.resources.env);
  await seedScenario(adapters, seeded);
  // A second tenant with the same records: none of them may reach the first tenant's page.
  await seedScenario(adapters, scenario(OTHER, asOf));
  const lists = await Promise.all(CLAIM_STATUSES.map((status) => adapters.claims.listByStatus(TENANT, status)));
  stored = {
    claims: lists.flat(),
    batches: await adapters.batches.list(TENANT),
    acknowledgments: await adapters.acknowledgments.list(TENANT),
    remittances: await adapters.remittances.list(TENANT),
    exceptions: await adapters.exceptions.list(TENANT),
  };
  html = (await tenantReport(adapters, TENANT, asOf)).html;
  dir = await mkdtemp(join(tmpdir(), 'claimflow-report-html-'));
});

afterAll(async () => {
  adapters?.destroy();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('stored every seeded record (the test data made it through the repositories)', () => {
  expect(stored.claims).toHaveLength(seeded.records.length);
  expect(stored.claims.filter((c) => c.postings?.length).length).toBe(seeded.records.filter((c) => c.postings?.length).length);
  expect(stored.batches.filter((b) => b.acknowledgment).length).toBe(3);
});

describe.skipIf(!hasChromium)('the HTML report in headless Chromium (needs /usr/bin/chromium)', () => {
  let browser: Browser;
  let page: Page;
  const outside: string[] = [];
  let shown: Shown[];

  beforeAll(async () => {
    const file = join(dir, 'report.html');
    await writeFile(file, html);
    const own = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM });
    page = await browser.newPage();
    await guardRequests(page, own, outside);
    await page.goto(own, { waitUntil: 'load' });
    shown = await page.$$eval(`section[data-tenant="${TENANT}"] [data-figure]`, (elements) =>
      elements.map((e) => ({
        tag: e.tagName.toLowerCase(),
        figure: e.getAttribute('data-figure') ?? '',
        // innerText: what is rendered (not hidden markup); SVG elements have none.
        text: 'innerText' in e ? String((e as { innerText: unknown }).innerText) : (e.textContent ?? ''),
        value: e.getAttribute('data-value'),
      })),
    );
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('shows every figure computed from the stored records, in its cell', () => {
    const expected = expectedFigures(stored);
    const cells = new Map(shown.filter((s) => s.tag !== 'rect').map((s) => [s.figure, s.text.trim()]));
    expect(expected.size).toBeGreaterThan(100);
    const mismatches = [...expected].filter(([figure, value]) => cells.get(figure) !== value).map(([figure, value]) => `${figure}: page ${cells.get(figure)} != ${value}`);
    expect(mismatches).toEqual([]);
    // Figure ids are unique within the tenant's section.
    const ids = shown.filter((s) => s.tag !== 'rect').map((s) => s.figure);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('draws chart bars whose data-value equals the figure the table shows (and the stored data)', () => {
    const expected = expectedFigures(stored);
    const bars = shown.filter((s) => s.tag === 'rect');
    // One bar per non-zero status/age cell, two per payer, one per denial row.
    const nonZeroCells = [...expected].filter(([k, v]) => /^statusAge\.[a-z_]+\.(0-30|31-60|61-90|90\+|not-submitted)$/.test(k) && !k.startsWith('statusAge.total') && v !== '0');
    const payers = new Set(stored.claims.map((c) => c.claim.payer.payerId));
    const denialRows = [...expected.keys()].filter((k) => /^denial\..+\.amount$/.test(k));
    expect(bars).toHaveLength(nonZeroCells.length + payers.size * 2 + denialRows.length);
    for (const bar of bars) {
      expect(bar.value, bar.figure).toBe(expected.get(bar.figure));
    }
  });

  it('loads nothing from outside the page and holds no PHI or claim ids', async () => {
    expect(outside).toEqual([]);
    const text = await page.content();
    for (const value of scenarioPhi(seeded.claims)) expect(text, value).not.toContain(value);
    expect(await page.$$eval('script, link, img, iframe, object, embed', (els) => els.length)).toBe(0);
    expect(await page.$$eval(`section[data-tenant]`, (els) => els.map((e) => e.getAttribute('data-tenant')))).toEqual([TENANT]);
  });

  it('the request guard is live: an external image on a page of its own is caught', async () => {
    const probe = await browser.newPage();
    const file = join(dir, 'probe.html');
    await writeFile(file, '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/pixel.png"></body></html>');
    const caught: string[] = [];
    await guardRequests(probe, pathToFileURL(file).href, caught);
    await probe.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await probe.close();
    expect(caught).toEqual(['http://127.0.0.1:9/pixel.png']);
  });
});
