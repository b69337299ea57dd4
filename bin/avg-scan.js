#!/usr/bin/env node
// Launcher: runs the compiled CLI and turns anything that escapes it into exit code 2.
import("../dist/cli/main.js")
  .then(({ main }) => main(process.argv))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    process.stderr.write(`avg-scan: ${err && err.code === "ERR_MODULE_NOT_FOUND" ? "not built yet: run npm run build" : err?.stack ?? err}\n`);
    process.exitCode = 2;
  });
