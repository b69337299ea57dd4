import { describe, expect, it } from "vitest";
import { KeywordIndex } from "../../src/detect/keyword-index.js";
import type { CompiledRule } from "../../src/ruleset/types.js";

const rule = (id: string, keywordList?: string[]) => ({ id, keywordList }) as unknown as CompiledRule;

describe("KeywordIndex", () => {
  it("finds every rule's keywords in one pass, overlapping and nested ones included", () => {
    const a = rule("a", ["lid", "vakbondslid"]);
    const b = rule("b", ["bond", "vakbond"]);
    const c = rule("c", ["he", "she", "hers", "his"]);
    const none = rule("none");
    const index = new KeywordIndex([a, b, c, none]);
    const hits = index.scan("vakbondslid: ushers");
    const sorted = (r: CompiledRule) => [...(hits.get(r) ?? [])].sort((x, y) => x[0] - y[0]);
    expect(sorted(a)).toEqual([[0, 11], [8, 11]]);
    expect(sorted(b)).toEqual([[0, 7], [3, 7]]);
    // "ushers" holds she, he and hers (Aho-Corasick's textbook case), not his
    expect(hits.get(c)?.map(([s, e]) => "vakbondslid: ushers".slice(s, e)).sort()).toEqual(["he", "hers", "she"]);
    expect(hits.has(none)).toBe(false);
    expect(index.scan("niets").size).toBe(0);
  });

  it("is empty without keywords", () => {
    const index = new KeywordIndex([rule("x")]);
    expect(index.empty).toBe(true);
    expect(index.scan("alles").size).toBe(0);
  });
});
