import type { FieldErrors } from '@app/shared';

/** Keys that would reach an object's prototype if a body or query object were ever merged or assigned. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Deeper than any request DTO goes; the body parser refuses deeper JSON before parsing it. */
export const MAX_INPUT_DEPTH = 32;

/** True when the string has no lone UTF-16 surrogate (String.prototype.isWellFormed, written out for clarity). */
export function isWellFormedUnicode(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = value.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) {
        return false;
      }
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return false;
    }
  }
  return true;
}

function add(into: Map<string, string[]>, path: string, message: string): void {
  into.set(path, [...(into.get(path) ?? []), message]);
}

/**
 * Checks a parsed request value (body, query object or path value) before any DTO sees it: every string and
 * every key must be well-formed Unicode, no key may be `__proto__`, `constructor` or `prototype`, and nesting
 * stays within MAX_INPUT_DEPTH. Returns the offending field paths with messages, or null when all is well.
 * Iterative, so hostile depth cannot exhaust the stack.
 */
export function findUnsafeInput(value: unknown, root: string): FieldErrors | null {
  // A Map, not an object: a key such as __proto__ must not be assigned to an object here either.
  const fields = new Map<string, string[]>();
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    const label = item.path || 'body';
    if (typeof item.value === 'string') {
      if (!isWellFormedUnicode(item.value)) {
        add(fields, label, `${label} is not well-formed Unicode text`);
      }
      continue;
    }
    if (typeof item.value !== 'object' || item.value === null) {
      continue;
    }
    if (item.depth >= MAX_INPUT_DEPTH) {
      add(fields, label, `${label} is nested deeper than ${MAX_INPUT_DEPTH} levels`);
      continue;
    }
    const isArray = Array.isArray(item.value);
    for (const key of Object.keys(item.value)) {
      const path = item.path ? `${item.path}.${key}` : key;
      if (!isArray && FORBIDDEN_KEYS.has(key)) {
        add(fields, path, `${key} is not an allowed key`);
        continue;
      }
      if (!isWellFormedUnicode(key)) {
        add(fields, label, `${label} has a key that is not well-formed Unicode text`);
        continue;
      }
      stack.push({ value: (item.value as Record<string, unknown>)[key], path, depth: item.depth + 1 });
    }
  }
  // Object.fromEntries defines own properties, so a `__proto__` path stays a plain key.
  return fields.size > 0 ? Object.fromEntries<string[]>(fields) : null;
}
