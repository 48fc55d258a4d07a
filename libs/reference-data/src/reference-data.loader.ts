import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadDeadlineFacts, loadDeadlinePeriods } from './loaders/deadlines';
import { loadExemptionCodes } from './loaders/exemption-codes';
import { loadWorkPermitHolders, loadWorkPermitsIssued } from './loaders/ircc-statistics';
import { loadLmia } from './loaders/lmia';
import { loadNoc2016, loadNocUnitGroups } from './loaders/noc';
import { loadProvinces } from './loaders/provinces';
import type { LmiaWageRules } from './rules/lmia-wage-rules';
import {
  type DeadlineFact,
  type DeadlinePeriod,
  type ExemptionCode,
  type LmiaStream,
  type LmiaValidity,
  type Noc2016Successors,
  type NocUnitGroup,
  type Province,
  type WorkPermitHoldersRow,
  type WorkPermitsIssuedRow,
} from './reference-data.types';

/** The data folder, relative to the repository root; the build does not copy it into dist/. */
const DATA_FOLDER = join('libs', 'reference-data', 'data');
const MARKER_FILE = 'noc-2021.csv';

/**
 * Finds libs/reference-data/data by walking up from `start` (the sources under jest, or
 * dist/libs/reference-data/src once compiled) to the first folder that holds it.
 */
export function locateDataDir(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, DATA_FOLDER);
    if (existsSync(join(candidate, MARKER_FILE))) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Reference data not found: no ${DATA_FOLDER}/${MARKER_FILE} above ${start}`);
    }
    dir = parent;
  }
}

export interface ReferenceData {
  exemptionCodes: ExemptionCode[];
  lmiaStreams: LmiaStream[];
  lmiaValidity: LmiaValidity;
  lmiaWageRules: LmiaWageRules;
  provinces: Province[];
  nocUnitGroups: NocUnitGroup[];
  noc2016: Noc2016Successors[];
  deadlineFacts: DeadlineFact[];
  deadlinePeriods: DeadlinePeriod[];
  workPermitHolders: WorkPermitHoldersRow[];
  workPermitsIssued: WorkPermitsIssuedRow[];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) {
      deepFreeze(child);
    }
  }
  return value;
}

/** Reads and checks every file of the data folder; throws naming the file on anything unexpected. */
export function loadReferenceData(dir: string = locateDataDir()): ReferenceData {
  const nocUnitGroups = loadNocUnitGroups(dir);
  const groupsByCode = new Map(nocUnitGroups.map((group) => [group.code, group]));
  const lmia = loadLmia(dir);
  return deepFreeze({
    exemptionCodes: loadExemptionCodes(dir),
    lmiaStreams: lmia.streams,
    lmiaValidity: lmia.validity,
    lmiaWageRules: lmia.wageRules,
    provinces: loadProvinces(dir),
    nocUnitGroups,
    noc2016: loadNoc2016(dir, groupsByCode),
    deadlineFacts: loadDeadlineFacts(dir),
    deadlinePeriods: loadDeadlinePeriods(dir),
    workPermitHolders: loadWorkPermitHolders(dir),
    workPermitsIssued: loadWorkPermitsIssued(dir),
  });
}
