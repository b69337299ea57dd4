// One pass over a unit's text finds the keywords of every rule at once (Aho-Corasick), so a
// rule set whose keyword prefilters hold thousands of words (party and union names, origin
// adjectives expanded from list files) costs one scan per unit instead of one per rule.
import type { CompiledRule } from "../ruleset/types.js";

/** Where each rule's keywords occur in one text: [start, end) ranges in order of their end. */
export type KeywordHits = ReadonlyMap<CompiledRule, readonly [number, number][]>;

const NO_HITS: KeywordHits = new Map();

export class KeywordIndex {
  /** Trie over UTF-16 code units: per node its children, failure link and the words ending there. */
  private readonly children: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Per node: the indices (into `words`) of the words that end here or at a node on its failure chain. */
  private readonly out: number[][] = [[]];
  private readonly words: { length: number; rules: CompiledRule[] }[] = [];
  readonly empty: boolean;

  constructor(rules: readonly CompiledRule[]) {
    const byWord = new Map<string, number>();
    for (const rule of rules) {
      for (const word of rule.keywordList ?? []) {
        let at = byWord.get(word);
        if (at === undefined) {
          at = this.words.length;
          byWord.set(word, at);
          this.words.push({ length: word.length, rules: [] });
          this.insert(word, at);
        }
        this.words[at].rules.push(rule);
      }
    }
    this.empty = this.words.length === 0;
    this.link();
  }

  private insert(word: string, index: number): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let next = this.children[node].get(c);
      if (next === undefined) {
        next = this.children.length;
        this.children.push(new Map());
        this.fail.push(0);
        this.out.push([]);
        this.children[node].set(c, next);
      }
      node = next;
    }
    this.out[node].push(index);
  }

  /** Breadth-first failure links; each node's output gains its failure node's output. */
  private link(): void {
    const queue: number[] = [];
    for (const child of this.children[0].values()) queue.push(child);
    for (let q = 0; q < queue.length; q++) {
      const node = queue[q];
      for (const [c, child] of this.children[node]) {
        let f = this.fail[node];
        while (f !== 0 && !this.children[f].has(c)) f = this.fail[f];
        const target = this.children[f].get(c);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        if (this.out[this.fail[child]].length) this.out[child] = [...this.out[child], ...this.out[this.fail[child]]];
        queue.push(child);
      }
    }
  }

  /** The keyword hits per rule in `lower` (already lower-cased). */
  scan(lower: string): KeywordHits {
    if (this.empty) return NO_HITS;
    let hits: Map<CompiledRule, [number, number][]> | undefined;
    let node = 0;
    for (let i = 0; i < lower.length; i++) {
      const c = lower.charCodeAt(i);
      let next = this.children[node].get(c);
      while (next === undefined && node !== 0) {
        node = this.fail[node];
        next = this.children[node].get(c);
      }
      node = next ?? 0;
      const found = this.out[node];
      for (let k = 0; k < found.length; k++) {
        const word = this.words[found[k]];
        const range: [number, number] = [i + 1 - word.length, i + 1];
        for (const rule of word.rules) {
          hits ??= new Map();
          const list = hits.get(rule);
          if (list) list.push(range);
          else hits.set(rule, [range]);
        }
      }
    }
    return hits ?? NO_HITS;
  }
}

const indexes = new WeakMap<readonly CompiledRule[], KeywordIndex>();

/** The index of a rule list, built once per list (the engine is called with the same list for every unit). */
export function keywordIndexFor(rules: readonly CompiledRule[]): KeywordIndex {
  let index = indexes.get(rules);
  if (!index) {
    index = new KeywordIndex(rules);
    indexes.set(rules, index);
  }
  return index;
}
