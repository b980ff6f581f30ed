import autocannon from 'autocannon';
import type { FastifyInstance } from 'fastify';

/**
 * Shared pieces of the benchmarks: every figure is measured beside a baseline from the same run,
 * on the same machine, against 127.0.0.1 only.
 */

export interface Target {
  label: string;
  /** Full URL on 127.0.0.1. */
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

/** One line of the table: a Lotse route and the baseline it is compared with. */
export interface Figure {
  name: string;
  subject: Target;
  baseline: Target;
  close: () => Promise<void>;
}

export interface Measurement {
  label: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failures: number;
}

export const settings = {
  seconds: Number(process.env['BENCH_SECONDS'] ?? 10),
  connections: Number(process.env['BENCH_CONNECTIONS'] ?? 10),
  warmupSeconds: Number(process.env['BENCH_WARMUP_SECONDS'] ?? 2),
};

async function run(target: Target, seconds: number): Promise<autocannon.Result> {
  return autocannon({
    url: target.url,
    method: target.method ?? 'GET',
    connections: settings.connections,
    duration: seconds,
    ...(target.body !== undefined ? { body: target.body } : {}),
    ...(target.headers ? { headers: target.headers } : {}),
  });
}

/** Warms the target up, then measures it for the configured time. */
export async function measure(target: Target): Promise<Measurement> {
  if (!new URL(target.url).hostname.match(/^127\.0\.0\.1$/)) throw new Error(`benchmarks run on 127.0.0.1 only, not ${target.url}`);
  if (settings.warmupSeconds > 0) await run(target, settings.warmupSeconds);
  const result = await run(target, settings.seconds);
  return {
    label: target.label,
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result.requests.total,
    failures: result.errors + result.timeouts + result.non2xx,
  };
}

/** Listens on an ephemeral port of 127.0.0.1 and answers the base URL. */
export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP address');
  return `http://127.0.0.1:${address.port}`;
}

export interface Row {
  figure: string;
  subject: Measurement;
  baseline: Measurement;
}

const fmt = (n: number, digits = 0): string => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The table: route, req/s, p50 and p99 latency, and the ratio of each figure to its baseline. */
export function formatTable(rows: Row[]): string {
  const header = ['route', 'req/s', 'p50 ms', 'p99 ms', 'vs baseline', 'failures'];
  const lines: string[][] = [];
  for (const r of rows) {
    lines.push([r.subject.label, fmt(r.subject.requestsPerSecond), fmt(r.subject.p50Ms, 1), fmt(r.subject.p99Ms, 1), `${fmt((r.subject.requestsPerSecond / r.baseline.requestsPerSecond) * 100, 0)} %`, String(r.subject.failures)]);
    lines.push([`  baseline: ${r.baseline.label}`, fmt(r.baseline.requestsPerSecond), fmt(r.baseline.p50Ms, 1), fmt(r.baseline.p99Ms, 1), '100 %', String(r.baseline.failures)]);
  }
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(line)].join('\n');
}
