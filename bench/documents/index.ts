import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { createApiClient, unwrap } from '@app/api-client';
import type { BenchContext, Check, SectionResult, SeedInfo } from '../support/context';
import { profileEnv } from '../reminders/profiling';
import { mb, ms, num } from '../support/format';
import { builtMain, freePort, residentBytes, startNode, type Started } from '../support/processes';
import {
  decryptingPipe,
  downloadDocument,
  encryptingPipe,
  rawPipe,
  uploadDocument,
  withRssGrowth,
  writeSamplePdf,
} from './transfer';

/** Budgets of the documents issue: throughput against the encrypting pipe and the raw pipe, memory, checklist. */
const MIN_RATIO_ENCRYPTING = 0.7;
const MIN_RATIO_RAW = 0.5;
const TRANSFER_GROWTH_BUDGET = 30 * 1024 * 1024;
const CONCURRENT_RSS_BUDGET = 350 * 1024 * 1024;
const CHECKLIST_P99_BUDGET_MS = 20;
const MIB = 1024 * 1024;

type Side = 'api' | 'raw' | 'encrypting';
type Direction = 'upload' | 'download';

interface Round {
  ms: Record<Direction, Record<Side, number>>;
  growth: Record<Direction, number>;
}

interface Concurrent {
  seconds: number;
  before: number;
  peak: number;
}

interface Checklist {
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

/**
 * The built API storing and serving one large PDF over HTTP (encrypted, on disk), beside two pipes of the same
 * bytes in this process: fs to fs, and fs to fs through the product's encryption (or decryption). Then the API's
 * memory under concurrent uploads, and the checklist of a file timed one request at a time.
 */
export async function runDocumentsBench(ctx: BenchContext): Promise<SectionResult[]> {
  const seed = requireSeed(ctx);
  const { sizes } = ctx;
  const work = mkdtempSync(join(tmpdir(), 'permitdesk-bench-documents-'));
  const db = new Pool({ connectionString: ctx.databaseUrl, max: 1 });
  const created: string[] = [];
  let api: Started | undefined;
  let nextFile = 0;
  const anotherFile = () => seed.fileIds[nextFile++ % seed.fileIds.length];
  try {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    ctx.log('documents: starting the API (documents on disk, encrypted)');
    api = await startNode(
      builtMain('api'),
      ctx.appEnv({
        PORT: String(port),
        DOCUMENTS_DIR: join(work, 'store'),
        DOCUMENT_MAX_BYTES: String(Math.max(sizes.documentBytes, sizes.concurrentUploadBytes) + MIB),
        ...profileEnv('documents-api'),
      }),
      `${origin}/api/health`,
    );
    const pid = api.child.pid as number;
    const token = await signIn(origin, seed);
    // First, on the API as it starts: after the transfers its collector is still reclaiming hundreds of MB.
    ctx.log('documents: checklist of a file, one request at a time');
    const checklist = await timeChecklist(origin, token, seed.fileIds[0], sizes.checklistRequests);
    const source = join(work, 'source.pdf');
    const size = sizes.documentBytes;

    const apiRound = async (): Promise<{
      ms: Record<Direction, number>;
      growth: Record<Direction, number>;
    }> => {
      const fileId = anotherFile();
      let t0 = performance.now();
      const up = await withRssGrowth(pid, () => uploadDocument(origin, token, fileId, source, size));
      const uploadMs = performance.now() - t0;
      if (up.result.status !== 201) {
        throw new Error(`Upload answered ${up.result.status}: ${up.result.text.slice(0, 500)}`);
      }
      const id = (JSON.parse(up.result.text) as { document: { id: string } }).document.id;
      created.push(id);
      t0 = performance.now();
      const down = await withRssGrowth(pid, () => downloadDocument(origin, token, id, join(work, 'out.pdf')));
      const downloadMs = performance.now() - t0;
      if (down.result !== size) {
        throw new Error(`The download carried ${down.result} bytes of ${size}`);
      }
      return {
        ms: { upload: uploadMs, download: downloadMs },
        growth: { upload: up.peak - up.before, download: down.peak - down.before },
      };
    };
    const timed = async (job: () => Promise<void>): Promise<number> => {
      const t0 = performance.now();
      await job();
      return performance.now() - t0;
    };

    ctx.log(`documents: ${mb(size)} upload and download, 1 warm-up then ${sizes.documentRuns} rounds`);
    writeSamplePdf(source, size);
    await apiRound();
    const rounds: Round[] = [];
    const dataKey = randomBytes(32);
    for (let i = 0; i < sizes.documentRuns; i++) {
      writeSamplePdf(source, size);
      const product = await apiRound();
      const raw = {
        upload: await timed(() => rawPipe(source, join(work, 'raw.stored'))),
        download: await timed(() => rawPipe(join(work, 'raw.stored'), join(work, 'out.pdf'))),
      };
      const encrypting = {
        upload: await timed(() => encryptingPipe(source, join(work, 'sealed.stored'), dataKey)),
        download: await timed(() =>
          decryptingPipe(join(work, 'sealed.stored'), join(work, 'out.pdf'), dataKey, size),
        ),
      };
      rounds.push({
        ms: {
          upload: { api: product.ms.upload, raw: raw.upload, encrypting: encrypting.upload },
          download: { api: product.ms.download, raw: raw.download, encrypting: encrypting.download },
        },
        growth: product.growth,
      });
    }

    ctx.log(`documents: ${sizes.concurrentUploads} uploads of ${mb(sizes.concurrentUploadBytes)} at once`);
    const small = join(work, 'small.pdf');
    writeSamplePdf(small, sizes.concurrentUploadBytes);
    const t0 = performance.now();
    const together = await withRssGrowth(pid, () =>
      Promise.all(
        Array.from({ length: sizes.concurrentUploads }, () =>
          uploadDocument(origin, token, anotherFile(), small, sizes.concurrentUploadBytes),
        ),
      ),
    );
    const concurrent: Concurrent = {
      seconds: (performance.now() - t0) / 1000,
      before: together.before,
      peak: together.peak,
    };
    for (const answer of together.result) {
      if (answer.status !== 201) {
        throw new Error(`A concurrent upload answered ${answer.status}: ${answer.text.slice(0, 500)}`);
      }
      created.push((JSON.parse(answer.text) as { document: { id: string } }).document.id);
    }

    const rssAfter = residentBytes(pid);
    return [transferSection(ctx, rounds, concurrent, rssAfter), checklistSection(ctx, checklist)];
  } finally {
    await api?.stop();
    if (created.length > 0) {
      // The stored bytes go with the folder: the rows must not outlive them in the reused bench database.
      await db.query('DELETE FROM documents WHERE id = ANY($1::uuid[])', [created]);
    }
    await db.end();
    rmSync(work, { recursive: true, force: true });
  }
}

function requireSeed(ctx: BenchContext): SeedInfo {
  if (!ctx.seed) {
    throw new Error('The documents benchmark needs the seed: run it first (--only=seed)');
  }
  return ctx.seed;
}

async function signIn(origin: string, seed: SeedInfo): Promise<string> {
  const api = createApiClient({ baseUrl: origin });
  const body = { email: seed.adminEmail, password: seed.password };
  return (await unwrap(api.POST('/api/auth/login', { body }))).accessToken;
}

/** GET /api/files/:id/checklist: 2 warm-up requests, then `count` one after the other. */
async function timeChecklist(
  origin: string,
  token: string,
  fileId: string,
  count: number,
): Promise<Checklist> {
  const url = `${origin}/api/files/${fileId}/checklist`;
  const headers = { authorization: `Bearer ${token}` };
  const times: number[] = [];
  for (let i = 0; i < count + 2; i++) {
    const t0 = performance.now();
    const res = await fetch(url, { headers });
    const body = await res.text();
    const took = performance.now() - t0;
    if (!res.ok) {
      throw new Error(`GET /api/files/:id/checklist answered ${res.status}: ${body.slice(0, 500)}`);
    }
    if (i >= 2) {
      times.push(took);
    }
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
  return { p50Ms: at(0.5), p99Ms: at(0.99), maxMs: times[times.length - 1] };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
}

function checklistSection(ctx: BenchContext, checklist: Checklist): SectionResult {
  const title = `Documents: checklist of a file (${ctx.sizes.checklistRequests} requests one after the other, after 2 warm-up)`;
  const headers = ['Request', 'p50', 'p99', 'Max'];
  return {
    title,
    headers,
    rows: [['GET /api/files/:id/checklist', ms(checklist.p50Ms), ms(checklist.p99Ms), ms(checklist.maxMs)]],
    checks: [
      {
        label: 'Checklist of a file: p99',
        value: ms(checklist.p99Ms),
        budget: `< ${CHECKLIST_P99_BUDGET_MS} ms`,
        pass: checklist.p99Ms < CHECKLIST_P99_BUDGET_MS,
      },
    ],
    notes: [
      "A seeded file (one of the uploads' files), as the admin, timed before the transfers (the API not yet busy collecting their garbage).",
    ],
  };
}

function transferSection(
  ctx: BenchContext,
  rounds: Round[],
  concurrent: Concurrent,
  rssAfter: number,
): SectionResult {
  const { sizes } = ctx;
  const size = sizes.documentBytes;
  const mbPerSecond = (millis: number) => size / MIB / (millis / 1000);
  const checks: Check[] = [];
  const rows: (string | number)[][] = [];
  for (const direction of ['upload', 'download'] as const) {
    const speed = (side: Side) => mbPerSecond(median(rounds.map((r) => r.ms[direction][side])));
    const [product, raw, encrypting] = [speed('api'), speed('raw'), speed('encrypting')];
    const growth = Math.max(...rounds.map((r) => r.growth[direction]));
    const label = direction === 'upload' ? `Upload ${mb(size)}` : `Download ${mb(size)}`;
    rows.push([
      label,
      `${num(product)} MB/s`,
      `${num(encrypting)} MB/s`,
      `${num(raw)} MB/s`,
      num(product / encrypting),
      num(product / raw),
      mb(growth),
    ]);
    checks.push(
      {
        label: `${label}: API / encrypting pipe`,
        value: num(product / encrypting),
        budget: `≥ ${MIN_RATIO_ENCRYPTING}`,
        pass: product / encrypting >= MIN_RATIO_ENCRYPTING,
      },
      {
        label: `${label}: API / raw pipe`,
        value: num(product / raw),
        budget: `≥ ${MIN_RATIO_RAW}`,
        pass: product / raw >= MIN_RATIO_RAW,
      },
      {
        label: `${label}: API RSS growth`,
        value: mb(growth),
        budget: `< ${mb(TRANSFER_GROWTH_BUDGET)}`,
        pass: growth < TRANSFER_GROWTH_BUDGET,
      },
    );
  }
  const totalMb = (sizes.concurrentUploads * sizes.concurrentUploadBytes) / MIB;
  rows.push([
    `${sizes.concurrentUploads} uploads of ${mb(sizes.concurrentUploadBytes)} at once`,
    `${num(totalMb / concurrent.seconds)} MB/s`,
    '',
    '',
    '',
    '',
    `${mb(concurrent.peak - concurrent.before)} (peak ${mb(concurrent.peak)})`,
  ]);
  checks.push({
    label: `${sizes.concurrentUploads} concurrent uploads: API RSS peak`,
    value: mb(concurrent.peak),
    budget: `< ${mb(CONCURRENT_RSS_BUDGET)}`,
    pass: concurrent.peak < CONCURRENT_RSS_BUDGET,
  });
  const notes = [
    `Throughput budgets, read from the issue: the API at least ${MIN_RATIO_ENCRYPTING} of the pipe through the same encryption (the product's EncryptingStream / decryptRange, AES-256-GCM in 64 KiB chunks) and at least ${MIN_RATIO_RAW} of the raw fs pipe (encryption off).`,
    `API: the built API (NODE_ENV=production, the start:api heap flags, documents on disk under the bench's temp folder) over HTTP on 127.0.0.1: the upload streams the file from disk as a multipart body (POST /api/files/:id/documents, kind "other", each round a new random body on another seeded file); the download streams GET /api/documents/:id/content into a file. Each includes sign-in checks, type sniffing, SHA-256, the row and its audit event.`,
    'Encrypting pipe: fs.createReadStream → EncryptingStream → fs.createWriteStream (and back through decryptRange), in this process. Raw pipe: fs.createReadStream → fs.createWriteStream. Same file, same folder, one after the other in each round.',
    `MB/s: the median of ${sizes.documentRuns} rounds after a warm-up round. RSS growth: the API process's peak resident memory (/proc, every 10 ms) over its value just before the transfer, the largest of the rounds.`,
    `Concurrent uploads: ${sizes.concurrentUploads} distinct files, each one upload, all sent at once; MB/s = all bytes ÷ time until the last answer; the RSS peak is the budget (it counts garbage V8 has not collected yet). API RSS after the section: ${mb(rssAfter)}.`,
  ];
  return {
    title: `Documents: a ${mb(size)} PDF up and down through the API, beside fs pipes with and without encryption`,
    headers: [
      'Measure',
      'API',
      'Encrypting pipe',
      'Raw pipe',
      'Ratio (API/encrypting)',
      'Ratio (API/raw)',
      'API RSS growth',
    ],
    rows,
    checks,
    notes,
  };
}
