import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig, parseConfig } from "../../src/config/config.js";

describe("avg-scan.config.yaml", () => {
  it("reads the controller and the retention table", () => {
    const c = parseConfig("controller:\n  name: Stichting X\n  contact: info@x.nl\nretention:\n  leden: 2 jaar\n", "c.yaml");
    expect(c).toEqual({ controller: { name: "Stichting X", contact: "info@x.nl" }, retention: { leden: "2 jaar" } });
  });
  it("names the place of every mistake", () => {
    expect(() => parseConfig("controler: {}\n", "c.yaml")).toThrow('c.yaml: (top): unknown key "controler"');
    expect(() => parseConfig("controller:\n  name: 5\n", "c.yaml")).toThrow("c.yaml: /controller/name: must be string");
    expect(() => parseConfig("retention:\n  leden: [1]\n", "c.yaml")).toThrow(ConfigError);
    expect(() => parseConfig("a: [\n", "c.yaml")).toThrow(/^c\.yaml: /);
    expect(() => parseConfig("a: 1\na: 2\n", "c.yaml")).toThrow(ConfigError);
  });
  it("is found in the current folder, and is optional", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "avg-cfg-"));
    expect(loadConfig(undefined, dir)).toEqual({ config: {} });
    writeFileSync(path.join(dir, "avg-scan.config.yaml"), "controller:\n  name: Y\n");
    expect(loadConfig(undefined, dir)).toMatchObject({ config: { controller: { name: "Y" } } });
    expect(() => loadConfig(path.join(dir, "missing.yaml"))).toThrow(/cannot read .*missing\.yaml: ENOENT/);
  });
});
