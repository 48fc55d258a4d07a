// Reading and checking the files of the data folder: every problem names the file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsvRecords } from '../rules/csv';

export function fail(file: string, message: string): never {
  throw new Error(`Reference data ${file}: ${message}`);
}

export function readJson<T>(dir: string, file: string): T {
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as T;
}

export function readCsv<K extends string>(
  dir: string,
  file: string,
  columns: readonly K[],
): Record<K, string>[] {
  try {
    return parseCsvRecords(readFileSync(join(dir, file), 'utf8'), columns);
  } catch (error) {
    return fail(file, (error as Error).message);
  }
}

export const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
