// Vitest global setup: every temporary folder a test makes (os.tmpdir() reads TMPDIR) goes
// into one fresh folder for this run, removed when the run ends. Without it each run left
// some 40 scratch shares, reports and rule folders behind in /tmp.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "avg-scan-test-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(root, { recursive: true, force: true });
  };
}
