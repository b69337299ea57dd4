// Vitest settings (kept in test/, so the project's top level stays as it is).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), ".."),
  test: {
    globalSetup: ["test/temp-root.ts"],
  },
});
