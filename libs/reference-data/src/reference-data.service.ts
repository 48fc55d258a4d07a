import { Injectable } from '@nestjs/common';
import { describeRetiredCode, filterExemptionCodes, type ExemptionCodeFilter } from './rules/exemption-codes';
import { ruleOn, type LmiaWageRules, type RefusedCmaList } from './rules/lmia-wage-rules';
import {
  indexNocUnitGroups,
  searchNocUnitGroups,
  type IndexedNocUnitGroup,
  type NocLanguage,
} from './rules/noc-search';
import { ReferenceDataError, ReferenceDataErrorCode } from './reference-data.errors';
import { loadReferenceData, locateDataDir, type ReferenceData } from './reference-data.loader';
import type {
  DeadlineFact,
  DeadlinePeriod,
  DeadlinePeriodId,
  ExemptionCode,
  LmiaStream,
  LmiaValidity,
  Noc2016Successors,
  NocUnitGroup,
  Province,
  WorkPermitHoldersRow,
  WorkPermitsIssuedRow,
} from './reference-data.types';

export const DEFAULT_NOC_SEARCH_LIMIT = 20;

/** Loaded once per data folder: the files never change while the process runs. */
const loaded = new Map<string, ReferenceData>();

function load(dir: string): ReferenceData {
  let data = loaded.get(dir);
  if (!data) {
    data = loadReferenceData(dir);
    loaded.set(dir, data);
  }
  return data;
}

/**
 * IRCC and ESDC reference data (exemption codes, LMIA streams, provinces, NOC, deadlines), read from
 * libs/reference-data/data when constructed. Lookups are synchronous; returned objects are frozen.
 */
@Injectable()
export class ReferenceDataService {
  private readonly data: ReferenceData;
  private readonly codesByCode: Map<string, ExemptionCode>;
  private readonly streamsById: Map<string, LmiaStream>;
  private readonly provincesByCode: Map<string, Province>;
  private readonly nocByCode: Map<string, NocUnitGroup>;
  private readonly noc2016ByCode: Map<string, Noc2016Successors>;
  private readonly nocIndex: IndexedNocUnitGroup[];

  constructor() {
    this.data = load(locateDataDir(__dirname));
    this.codesByCode = new Map(this.data.exemptionCodes.map((code) => [code.code, code]));
    this.streamsById = new Map(this.data.lmiaStreams.map((stream) => [stream.id, stream]));
    this.provincesByCode = new Map(this.data.provinces.map((province) => [province.code, province]));
    this.nocByCode = new Map(this.data.nocUnitGroups.map((group) => [group.code, group]));
    this.noc2016ByCode = new Map(this.data.noc2016.map((entry) => [entry.noc2016Code, entry]));
    this.nocIndex = indexNocUnitGroups(this.data.nocUnitGroups);
  }

  /** Every IMP exemption code, current and retired, in IRCC's order. */
  exemptionCodes(): ExemptionCode[] {
    return [...this.data.exemptionCodes];
  }

  /** A code such as `C10` (case-insensitive), current or not. */
  exemptionCode(code: string): ExemptionCode | undefined {
    return this.codesByCode.get(code.trim().toUpperCase());
  }

  requireExemptionCode(code: string): ExemptionCode {
    const found = this.exemptionCode(code);
    if (!found) {
      throw new ReferenceDataError(
        ReferenceDataErrorCode.ExemptionCodeNotFound,
        `${code} is not an exemption code on IRCC's list`,
      );
    }
    return found;
  }

  /** Exemption codes by status (`current` = usable on a new file) and text (code prefix or title words). */
  searchExemptionCodes(filter: ExemptionCodeFilter): ExemptionCode[] {
    return filterExemptionCodes(this.data.exemptionCodes, filter);
  }

  /** Why a code takes no new files ("C12 was retired on 2022-12-15; use C61, C62 or C63 instead"). */
  describeRetiredCode(code: ExemptionCode): string {
    return describeRetiredCode(code);
  }

  lmiaStreams(): LmiaStream[] {
    return [...this.data.lmiaStreams];
  }

  /** By API id (`high_wage`, `global_talent`, ...). */
  lmiaStream(id: string): LmiaStream | undefined {
    return this.streamsById.get(id);
  }

  /** How long a positive LMIA may be used to apply for a work permit: 6 months since 2024-05-01. */
  lmiaValidityMonths(): number {
    return this.data.lmiaValidity.months;
  }

  lmiaValidity(): LmiaValidity {
    return this.data.lmiaValidity;
  }

  /** Dated TFWP wage rules: high-wage thresholds, low-wage cap and duration, CMA refusal to process. */
  lmiaWageRules(): LmiaWageRules {
    return this.data.lmiaWageRules;
  }

  /** The shipped list of CMAs where low-wage LMIAs are refused, if its quarter covers the day. */
  refusedCmas(day: string): RefusedCmaList | undefined {
    return ruleOn([this.data.lmiaWageRules.shippedRefusedCmas], day);
  }

  /** The 10 provinces and 3 territories. */
  provinces(): Province[] {
    return [...this.data.provinces];
  }

  /** A two-letter code such as `ON` (case-insensitive). */
  province(code: string): Province | undefined {
    return this.provincesByCode.get(code.trim().toUpperCase());
  }

  /** The 516 NOC 2021 unit groups, by code. */
  nocUnitGroups(): NocUnitGroup[] {
    return [...this.data.nocUnitGroups];
  }

  /** A NOC 2021 unit group by its 5-digit code. */
  nocUnitGroup(code: string): NocUnitGroup | undefined {
    return this.nocByCode.get(code.trim());
  }

  /**
   * A NOC 2021 unit group; a 4-digit NOC 2016 code or an unknown code throws NocNotFound, naming the 2021
   * successors of a 2016 code.
   */
  requireNocUnitGroup(code: string): NocUnitGroup {
    const found = this.nocUnitGroup(code);
    if (found) {
      return found;
    }
    const old = this.noc2016Successors(code);
    if (old) {
      const successors = old.successors.map((group) => `${group.code} ${group.title}`).join('; ');
      throw new ReferenceDataError(
        ReferenceDataErrorCode.NocNotFound,
        `${old.noc2016Code} is a NOC 2016 code (${old.noc2016Title}); files use NOC 2021 codes: ${successors}`,
      );
    }
    throw new ReferenceDataError(ReferenceDataErrorCode.NocNotFound, `${code} is not a NOC 2021 unit group`);
  }

  /** The NOC 2021 unit groups whose code starts with the query or whose title holds every word of it. */
  searchNoc(
    q: string,
    limit: number = DEFAULT_NOC_SEARCH_LIMIT,
    language: NocLanguage = 'en',
  ): NocUnitGroup[] {
    return searchNocUnitGroups(this.nocIndex, q, limit, language);
  }

  /** What a 4-digit NOC 2016 unit group became in NOC 2021 (Statistics Canada concordance). */
  noc2016Successors(code: string): Noc2016Successors | undefined {
    return this.noc2016ByCode.get(code.trim());
  }

  requireNoc2016Successors(code: string): Noc2016Successors {
    const found = this.noc2016Successors(code);
    if (!found) {
      throw new ReferenceDataError(
        ReferenceDataErrorCode.Noc2016NotFound,
        `${code} is not a NOC 2016 unit group`,
      );
    }
    return found;
  }

  /** Periods IRCC and ESDC set (biometrics 30 days, medical 30 days, LMIA 6 months, ...). */
  deadlineFacts(): DeadlineFact[] {
    return [...this.data.deadlineFacts];
  }

  /** The periods due dates are derived from (biometrics letter 30 days, restoration 90 days, ...), with sources. */
  deadlinePeriods(): DeadlinePeriod[] {
    return [...this.data.deadlinePeriods];
  }

  deadlinePeriod(id: DeadlinePeriodId): DeadlinePeriod {
    const period = this.data.deadlinePeriods.find((row) => row.id === id);
    if (!period) {
      throw new Error(`No deadline period ${id}`);
    }
    return period;
  }

  /** IRCC open data: IMP and TFWP work-permit holders on December 31, by province, 2000 onward. */
  workPermitHolders(): WorkPermitHoldersRow[] {
    return [...this.data.workPermitHolders];
  }

  /** IRCC open data: IMP and TFWP work permits that took effect, by province and year (2015 onward), with CA totals. */
  workPermitsIssued(): WorkPermitsIssuedRow[] {
    return [...this.data.workPermitsIssued];
  }
}
