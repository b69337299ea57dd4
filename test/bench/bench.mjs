#!/usr/bin/env node
// Benchmark: scans a synthetic share of a chosen size through the programmatic API and
// prints throughput and peak memory. Run `npm run bench` (builds first), or
//   node test/bench/bench.mjs [--size-mb 200] [--dir DIR] [--jobs N] [--json] [--seed N]
//                             [--regenerate] [--generate-only]
// The share is generated once per directory and reused while its marker file matches the
// size and seed. It is generated in a child process, so the peak RSS printed is the scan's.
// MB here means MiB (1024 * 1024 bytes).
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, "../..");
const MiB = 1024 * 1024;
/** Bump when the generator changes, so old shares are regenerated. */
const GENERATOR_VERSION = 2;
const MARKER = ".avg-scan-bench.json";
const PARTIAL = ".avg-scan-bench.partial";

const USAGE = `usage: node test/bench/bench.mjs [options]
  --size-mb N       size of the synthetic share in MB (default 200)
  --dir DIR         where the share lives (default <tmp>/avg-scan-bench-<N>mb); reused when its
                    marker matches, refused when it holds anything else
  --jobs N          scan workers (default os.availableParallelism())
  --seed N          PRNG seed of the share (default 1)
  --regenerate      generate the share even when it exists
  --generate-only   generate (or reuse) the share, do not scan
  --json            print the result as one JSON object
  -h, --help        this text`;

function fail(message, code = 2) {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(code);
}

function options() {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        "size-mb": { type: "string", default: "200" },
        dir: { type: "string" },
        jobs: { type: "string" },
        seed: { type: "string", default: "1" },
        regenerate: { type: "boolean", default: false },
        "generate-only": { type: "boolean", default: false },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (e) {
    fail(`${e.message}\n${USAGE}`);
  }
  if (parsed.help) { process.stdout.write(USAGE + "\n"); process.exit(0); }
  const number = (name, value, min) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) fail(`--${name} must be a number >= ${min}, got "${value}"`);
    return n;
  };
  const sizeMb = number("size-mb", parsed["size-mb"], 1);
  return {
    sizeMb,
    seed: Math.floor(number("seed", parsed.seed, 0)),
    jobs: parsed.jobs === undefined ? availableParallelism() : Math.floor(number("jobs", parsed.jobs, 1)),
    dir: resolve(parsed.dir ?? join(tmpdir(), `avg-scan-bench-${sizeMb}mb`)),
    regenerate: parsed.regenerate,
    generateOnly: parsed["generate-only"],
    json: parsed.json,
  };
}

function readMarker(dir) {
  try {
    return JSON.parse(readFileSync(join(dir, MARKER), "utf8"));
  } catch {
    return undefined;
  }
}

const markerMatches = (marker, opts) => marker?.generator === GENERATOR_VERSION && marker.sizeMb === opts.sizeMb && marker.seed === opts.seed;

/** Makes sure `dir` holds a share of the requested size; returns { marker, reused, seconds }. */
function ensureShare(opts) {
  const marker = readMarker(opts.dir);
  if (!opts.regenerate && markerMatches(marker, opts)) return { marker, reused: true, seconds: 0 };
  if (existsSync(opts.dir)) {
    const entries = readdirSync(opts.dir);
    const ours = entries.includes(MARKER) || entries.includes(PARTIAL);
    if (entries.length > 0 && !ours) fail(`${opts.dir} exists and is not a bench share (no ${MARKER}); choose another --dir`);
  }
  process.stderr.write(`bench: generating a ${opts.sizeMb} MB share in ${opts.dir}\n`);
  const started = performance.now();
  // In a child process, so generation does not count towards the scan's peak RSS.
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), "--generate-child", JSON.stringify(opts)], {
    stdio: ["ignore", "inherit", "inherit"],
  });
  if (child.status !== 0) fail(`generating the share failed (exit ${child.status ?? child.signal})`);
  const fresh = readMarker(opts.dir);
  if (!markerMatches(fresh, opts)) fail(`generation finished without a valid ${MARKER}`);
  return { marker: fresh, reused: false, seconds: (performance.now() - started) / 1000 };
}

/** The child side of ensureShare: wipe, generate, write the marker last. */
async function generateChild(opts) {
  const { generateShare } = await import("./generate-share.mjs");
  rmSync(opts.dir, { recursive: true, force: true });
  mkdirSync(opts.dir, { recursive: true });
  writeFileSync(join(opts.dir, PARTIAL), "generation in progress\n");
  // The bench's own files stay out of the scan.
  writeFileSync(join(opts.dir, ".avgscanignore"), `/${MARKER}\n/${PARTIAL}\n`);
  const started = performance.now();
  const stats = await generateShare({ dir: opts.dir, sizeMb: opts.sizeMb, seed: opts.seed, log: (m) => process.stderr.write(`bench: ${m}\n`) });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(join(opts.dir, MARKER), JSON.stringify({ generator: GENERATOR_VERSION, sizeMb: opts.sizeMb, seed: opts.seed, ...stats, seconds }, null, 2) + "\n");
  rmSync(join(opts.dir, PARTIAL), { force: true });
  process.stderr.write(`bench: generated ${stats.files} files, ${(stats.bytes / MiB).toFixed(1)} MB in ${seconds.toFixed(1)} s\n`);
}

async function loadScan() {
  const entry = join(REPO, "dist", "index.js");
  if (!existsSync(entry)) fail(`${entry} not found: build first (\`npm run build\`; \`npm run bench\` does both)`);
  let mod;
  try {
    mod = await import(pathToFileURL(entry).href);
  } catch (e) {
    fail(`loading ${entry} failed: ${e?.stack ?? e}`);
  }
  const scan = mod.scan ?? mod.default?.scan;
  if (typeof scan !== "function") fail(`${entry} does not export scan(options)`);
  return scan;
}

const fmt = (n, digits = 1) => n.toFixed(digits);

async function main() {
  if (process.argv[2] === "--generate-child") return generateChild(JSON.parse(process.argv[3]));
  const opts = options();
  const share = ensureShare(opts);
  const { marker } = share;
  const shareInfo = {
    dir: opts.dir,
    reused: share.reused,
    generationSeconds: share.reused ? marker.seconds : share.seconds,
    files: marker.files,
    bytes: marker.bytes,
    designed: marker.designed,
  };
  if (opts.generateOnly) {
    if (opts.json) process.stdout.write(JSON.stringify({ share: shareInfo }) + "\n");
    else process.stdout.write(`share ${opts.dir}: ${marker.files} files, ${fmt(marker.bytes / MiB)} MB (${share.reused ? "reused" : "generated"})\n`);
    return;
  }

  const scan = await loadScan();
  const rssBefore = process.memoryUsage().rss;
  process.stderr.write(`bench: scanning ${opts.dir} with ${opts.jobs} jobs\n`);
  const started = performance.now();
  let report;
  try {
    report = await scan({ roots: [opts.dir], jobs: opts.jobs });
  } catch (e) {
    fail(`scan() threw: ${e?.stack ?? e}`, 1);
  }
  const seconds = (performance.now() - started) / 1000;
  const peakRss = process.resourceUsage().maxRSS * 1024; // maxRSS is in KiB; includes worker threads
  const summary = report?.summary;
  if (!summary) fail("scan() returned no report.summary", 1);

  const mb = marker.bytes / MiB;
  const result = {
    share: shareInfo,
    jobs: opts.jobs,
    node: process.version,
    cpus: cpus().length,
    files: marker.files,
    reportEntries: Array.isArray(report.files) ? report.files.length : undefined,
    mb: Number(fmt(mb, 2)),
    bytesScanned: summary.bytesScanned,
    seconds: Number(fmt(seconds, 3)),
    mbPerSecond: Number(fmt(mb / seconds, 2)),
    filesPerSecond: Number(fmt(marker.files / seconds, 1)),
    peakRssMb: Number(fmt(peakRss / MiB, 1)),
    rssBeforeScanMb: Number(fmt(rssBefore / MiB, 1)),
    summary: {
      filesScanned: summary.filesScanned,
      filesFailed: summary.filesFailed,
      filesSkipped: summary.filesSkipped,
      byClassification: summary.byClassification,
      byCategory: summary.byCategory,
    },
  };

  if (opts.json) {
    process.stdout.write(JSON.stringify(result) + "\n");
    return;
  }
  const byCategory = Object.entries(summary.byCategory ?? {}).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k} ${v}`).join(", ");
  const c = summary.byClassification ?? {};
  const d = marker.designed ?? {};
  process.stdout.write([
    `avg-scan bench: ${opts.dir} (${share.reused ? "reused" : `generated in ${fmt(share.seconds)} s`})`,
    `  files        ${marker.files} (report entries ${result.reportEntries ?? "?"})`,
    `  size         ${fmt(mb)} MB (bytesScanned ${fmt((summary.bytesScanned ?? 0) / MiB)} MB)`,
    `  time         ${fmt(seconds, 2)} s with ${opts.jobs} jobs on ${result.cpus} CPUs, node ${process.version}`,
    `  throughput   ${fmt(result.mbPerSecond, 2)} MB/s, ${fmt(result.filesPerSecond)} files/s`,
    `  peak RSS     ${fmt(result.peakRssMb)} MB (before scan ${fmt(result.rssBeforeScanMb)} MB)`,
    `  status       scanned ${summary.filesScanned}, failed ${summary.filesFailed}, skipped ${summary.filesSkipped}`,
    `  classified   none ${c.none ?? 0}, generic ${c.generic ?? 0}, special ${c.special ?? 0}`
      + `   (as generated: none ${d.none ?? "?"}, generic ${d.generic ?? "?"}, special ${d.special ?? "?"})`,
    `  categories   ${byCategory || "-"}`,
    "",
  ].join("\n"));
}

await main();
