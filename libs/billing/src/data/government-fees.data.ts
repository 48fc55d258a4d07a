/**
 * Government fees a consultant pays for a client and bills as disbursements (never taxed), as dated data in
 * cents. Each fee keeps its past amounts so an invoice for an earlier date shows what was due then; `to` is the
 * last day of an amount (absent: still in force). Checked 2026-12-05.
 *
 * Sources:
 * - Work permit processing $155: Immigration and Refugee Protection Regulations (IRPR, SOR/2002-227) s.299(1);
 *   IRCC fee list (https://ircc.canada.ca/english/information/fees/fees.asp).
 * - Open work permit holder fee $100: IRPR s.303.2(1).
 * - Employer compliance fee $230 (employer-specific IMP offers): IRPR s.303.1(1).
 * - LMIA processing fee $1,000 per position requested (since 2014-06-20): ESDC, "Program requirements for
 *   high-wage positions" and IRPR s.315.2; exempt streams (primary agriculture, some caregivers) pay none.
 * - Biometrics $85 per person, $170 family maximum (since 2018-07-31, the biometrics expansion): IRCC fee list.
 * - Restoration of temporary resident status: $229.00 until 2024-11-30, $239.75 from 2024-12-01, $246.25 from
 *   2025-12-01 (IRCC's yearly inflation adjustments of 1 December; the worker's permit fee is billed apart).
 *   The date $229.00 started is not recorded here.
 */
export type GovernmentFeeKey =
  | 'work_permit'
  | 'open_work_permit_holder'
  | 'employer_compliance'
  | 'lmia_processing'
  | 'biometrics_individual'
  | 'biometrics_family_max'
  | 'restoration';

export interface DatedAmount {
  /** First day (YYYY-MM-DD); null: in force since before what is recorded. */
  from: string | null;
  /** Last day; absent: still in force. */
  to?: string;
  cents: number;
}

export interface GovernmentFee {
  key: GovernmentFeeKey;
  name: string;
  nameFr: string;
  /** Who collects it. */
  authority: 'IRCC' | 'ESDC';
  /** Per what it is charged. */
  per: 'person' | 'family' | 'position' | 'offer';
  source: string;
  amounts: DatedAmount[];
}

export const GOVERNMENT_FEES_CHECKED_ON = '2026-12-05';

export const GOVERNMENT_FEES: readonly GovernmentFee[] = [
  {
    key: 'work_permit',
    name: 'Work permit processing fee',
    nameFr: 'Frais de traitement du permis de travail',
    authority: 'IRCC',
    per: 'person',
    source: 'IRPR s.299(1); IRCC fee list',
    amounts: [{ from: null, cents: 15_500 }],
  },
  {
    key: 'open_work_permit_holder',
    name: 'Open work permit holder fee',
    nameFr: 'Frais de privilège du titulaire de permis de travail ouvert',
    authority: 'IRCC',
    per: 'person',
    source: 'IRPR s.303.2(1); IRCC fee list',
    amounts: [{ from: null, cents: 10_000 }],
  },
  {
    key: 'employer_compliance',
    name: 'Employer compliance fee',
    nameFr: 'Frais relatifs à la conformité de l’employeur',
    authority: 'IRCC',
    per: 'offer',
    source: 'IRPR s.303.1(1); IRCC fee list',
    amounts: [{ from: null, cents: 23_000 }],
  },
  {
    key: 'lmia_processing',
    name: 'LMIA processing fee',
    nameFr: 'Frais de traitement de l’EIMT',
    authority: 'ESDC',
    per: 'position',
    source: 'ESDC, Temporary Foreign Worker Program: LMIA processing fee; IRPR s.315.2',
    amounts: [{ from: '2014-06-20', cents: 100_000 }],
  },
  {
    key: 'biometrics_individual',
    name: 'Biometrics fee (one person)',
    nameFr: 'Frais de biométrie (une personne)',
    authority: 'IRCC',
    per: 'person',
    source: 'IRCC fee list',
    amounts: [{ from: '2018-07-31', cents: 8_500 }],
  },
  {
    key: 'biometrics_family_max',
    name: 'Biometrics fee (family, maximum)',
    nameFr: 'Frais de biométrie (famille, maximum)',
    authority: 'IRCC',
    per: 'family',
    source: 'IRCC fee list',
    amounts: [{ from: '2018-07-31', cents: 17_000 }],
  },
  {
    key: 'restoration',
    name: 'Restoration of temporary resident status',
    nameFr: 'Rétablissement du statut de résident temporaire',
    authority: 'IRCC',
    per: 'person',
    source: 'IRCC fee list; fee adjustments of 2024-12-01 and 2025-12-01',
    amounts: [
      { from: null, to: '2024-11-30', cents: 22_900 },
      { from: '2024-12-01', to: '2025-11-30', cents: 23_975 },
      { from: '2025-12-01', cents: 24_625 },
    ],
  },
];
