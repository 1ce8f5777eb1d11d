import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import { err, ok, type Result } from '../result.js';

/**
 * A workflow file as a small tree that keeps the line of every key and value. The `yaml` package parses (YAML 1.2
 * core schema, so `on:` stays a string key, as GitHub reads it); everything after this file sees plain data.
 */
export type YNode =
  | { kind: 'map'; line: number; entries: YEntry[] }
  | { kind: 'seq'; line: number; items: YNode[] }
  | { kind: 'scalar'; line: number; value: string | number | boolean | null };

export interface YEntry {
  key: string;
  /** The key's line (1-based). */
  line: number;
  value: YNode;
}

/** Where the YAML is broken: the first error's line and its message (one line). */
export interface YamlProblem {
  line: number;
  message: string;
}

/** Text → tree, or the first syntax error with its line. Aliases are resolved; merge keys (`<<`) are kept as keys. */
export function parseYamlTree(text: string): Result<YNode> & { problem?: YamlProblem } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
    const message = first.message.split('\n', 1)[0] ?? first.message;
    return { ...err(`line ${line}: ${message}`), problem: { line, message } };
  }
  const line = (node: { range?: [number, number, number] | null | undefined } | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 1;
  const convert = (node: unknown, depth: number): YNode => {
    if (depth > 64) return { kind: 'scalar', line: 1, value: null };
    if (isAlias(node)) return convert(node.resolve(doc as Document), depth + 1);
    if (isMap(node)) {
      const entries: YEntry[] = [];
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key ?? '');
        const keyLine = line(pair.key as YamlNode | null);
        entries.push({ key, line: keyLine, value: pair.value === null || pair.value === undefined ? { kind: 'scalar', line: keyLine, value: null } : convert(pair.value, depth + 1) });
      }
      return { kind: 'map', line: line(node), entries };
    }
    if (isSeq(node)) return { kind: 'seq', line: line(node), items: node.items.map((item) => convert(item, depth + 1)) };
    if (isScalar(node)) {
      const value = node.value;
      const plain = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null ? value : String(value);
      return { kind: 'scalar', line: line(node), value: plain };
    }
    return { kind: 'scalar', line: 1, value: null };
  };
  return ok(doc.contents === null ? { kind: 'scalar', line: 1, value: null } : convert(doc.contents, 0));
}

/** The entry for `key` in a map node, or undefined. */
export function entry(node: YNode | undefined, key: string): YEntry | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key) : undefined;
}

/** A scalar as text (`true` → 'true'); null for maps, sequences and null. */
export function text(node: YNode | undefined): string | null {
  if (node?.kind !== 'scalar' || node.value === null) return null;
  return String(node.value);
}
