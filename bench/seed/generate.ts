import type { ReferenceData } from '@app/reference-data';

export const ZONE = 'America/Toronto';
export const DAY_MS = 86_400_000;
/** Files and clients are spread over this many days before today. */
export const HISTORY_DAYS = 3 * 365;

export type Column = readonly [name: string, pgType: string];
export type Row = unknown[];

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface SeededClient {
  id: string;
  consultantId: string;
  createdMs: number;
}

export interface SeededFile {
  id: string;
  clientId: string;
  consultantId: string;
  createdMs: number;
  status: FileStatus;
}

/** A small seeded PRNG (mulberry32): the same seed gives the same firm on every run. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Picks by weight: `[[value, weight], ...]`. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    const total = items.reduce((sum, [, w]) => sum + w, 0);
    let r = this.next() * total;
    for (const [value, weight] of items) {
      r -= weight;
      if (r < 0) {
        return value;
      }
    }
    return items[items.length - 1][0];
  }

  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
      s += String(this.int(0, 9));
    }
    return s;
  }
}

export const FIRST_NAMES = [
  'Priya',
  'Arjun',
  'Mei',
  'Wei',
  'Carlos',
  'Sofia',
  'Aisha',
  'Omar',
  'Tomas',
  'Ana',
  'Kwame',
  'Amara',
  'Minh',
  'Linh',
  'Jean-Luc',
  'Camille',
  'Hiroshi',
  'Yuki',
  'Olena',
  'Dmytro',
  'Fatima',
  'Youssef',
  'Gabriel',
  'Isabela',
  'Santiago',
  'Valentina',
  'Chinedu',
  'Ngozi',
  'Rahul',
  'Ananya',
  'Jin',
  'Seo-yeon',
  'Mateo',
  'Lucia',
  'Emeka',
  'Zainab',
  'Nikhil',
  'Divya',
  'Pierre',
  'Lea',
  'Harpreet',
  'Gurpreet',
  'Manpreet',
  'Jasleen',
  'Xin',
  'Hao',
  'Yan',
  'Jose',
  'Maria',
  'Juan',
  'Miguel',
  'Alejandro',
  'Daniela',
  'Oluwaseun',
  'Adebayo',
  'Folake',
  'Tunde',
  'Ali',
  'Mohammed',
  'Hassan',
  'Leila',
  'Reza',
  'Parisa',
  'Nguyen',
  'Thanh',
  'Hoa',
  'Ravi',
  'Sunita',
  'Deepak',
  'Kavya',
  'Sergio',
  'Paula',
  'Andres',
  'Camila',
  'Ivan',
  'Natalia',
  'Marta',
  'Piotr',
  'Agnieszka',
  'Joseph',
  'Grace',
  'Samuel',
  'Esther',
  'David',
  'Sarah',
  'Michael',
  'Emma',
  'Lucas',
  'Chloe',
  'Noah',
  'Olivia',
  'Ethan',
  'Amelia',
];

export const LAST_NAMES = [
  'Sharma',
  'Singh',
  'Chen',
  'Zhang',
  'Garcia',
  'Rodriguez',
  'Khan',
  'Haddad',
  'Silva',
  'Santos',
  'Mensah',
  'Okafor',
  'Nguyen',
  'Tran',
  'Dubois',
  'Martin',
  'Tanaka',
  'Sato',
  'Kovalenko',
  'Shevchenko',
  'Rahman',
  'El Amrani',
  'Moreau',
  'Costa',
  'Lopez',
  'Fernandez',
  'Eze',
  'Adeyemi',
  'Gupta',
  'Iyer',
  'Park',
  'Kim',
  'Torres',
  'Ramirez',
  'Nwosu',
  'Abubakar',
  'Mehta',
  'Reddy',
  'Lefebvre',
  'Roy',
  'Gill',
  'Sandhu',
  'Dhillon',
  'Grewal',
  'Wang',
  'Li',
  'Liu',
  'Huang',
  'Hernandez',
  'Gonzalez',
  'Perez',
  'Sanchez',
  'Oyelaran',
  'Balogun',
  'Ahmed',
  'Hussain',
  'Karimi',
  'Hosseini',
  'Pham',
  'Le',
  'Patel',
  'Desai',
  'Joshi',
  'Kumar',
  'Alvarez',
  'Castro',
  'Morales',
  'Vargas',
  'Petrenko',
  'Bondarenko',
  'Nowak',
  'Kowalski',
  'Wisniewski',
  'Mwangi',
  'Otieno',
  'Kamau',
  'Cohen',
  'Levy',
  'Smith',
  'Brown',
  'Wilson',
  'Taylor',
  'Tremblay',
  'Gagnon',
  'Bouchard',
  'Gauthier',
  'Cote',
];

export const COUNTRIES = [
  ['IN', 30],
  ['CN', 10],
  ['PH', 8],
  ['NG', 6],
  ['MX', 5],
  ['BR', 4],
  ['FR', 4],
  ['US', 4],
  ['VN', 3],
  ['PK', 3],
  ['IR', 3],
  ['KR', 3],
  ['CO', 3],
  ['UA', 3],
  ['GB', 2],
  ['JP', 2],
  ['MA', 2],
  ['BD', 2],
  ['GH', 1],
  ['KE', 1],
] as const;

export const PROVINCE_WEIGHTS = [
  ['ON', 40],
  ['BC', 20],
  ['AB', 12],
  ['QC', 10],
  ['MB', 5],
  ['SK', 4],
  ['NS', 3],
  ['NB', 2],
  ['NL', 1],
  ['PE', 1],
  ['YT', 0.5],
  ['NT', 0.3],
  ['NU', 0.2],
] as const;

/** Common occupations of work-permit holders get most files; every other NOC group gets a few. */
const POPULAR_NOC = [
  '21231',
  '21232',
  '21211',
  '31301',
  '33102',
  '65201',
  '63200',
  '73300',
  '75110',
  '85100',
  '44101',
  '62020',
  '72310',
  '72410',
  '11202',
];

export const EMPLOYERS = [
  'Maple Software Inc.',
  'Northern Farms Ltd.',
  'Great Lakes Logistics',
  'Prairie Health Services',
  'Coastal Seafood Co.',
  'Laurentian Construction',
  'Rocky Mountain Resorts',
  'Atlantic Care Homes',
  'Toronto Fintech Labs',
  'Vancouver Games Studio',
  'Montreal AI Research',
  'Calgary Energy Partners',
  'Ottawa Data Systems',
  'Halifax Shipyards',
  'Winnipeg Transport',
  'Edmonton Trucking',
  'Niagara Vineyards',
  'Okanagan Orchards',
  'Saskatoon Agritech',
  'Quebec Aerospace',
];

export type FileStatus =
  | 'intake'
  | 'preparing'
  | 'submitted'
  | 'biometrics_requested'
  | 'additional_info_requested'
  | 'approved'
  | 'refused'
  | 'withdrawn'
  | 'closed';

export const STATUS_WEIGHTS: readonly (readonly [FileStatus, number])[] = [
  ['intake', 8],
  ['preparing', 12],
  ['submitted', 15],
  ['biometrics_requested', 5],
  ['additional_info_requested', 4],
  ['approved', 35],
  ['refused', 6],
  ['withdrawn', 3],
  ['closed', 12],
];

export const SUBMITTED_STATUSES = new Set<FileStatus>([
  'submitted',
  'biometrics_requested',
  'additional_info_requested',
  'approved',
  'refused',
  'closed',
]);

/** The reference data the generator draws from: current IMP codes, LMIA streams, NOC groups, provinces. */
export interface Pools {
  impCodes: { code: string; permitType: 'open' | 'employer_specific'; weight: number }[];
  lmiaStreams: string[];
  nocCodes: { code: string; title: string; weight: number }[];
}

export function poolsFrom(reference: ReferenceData): Pools {
  const popularCodes = new Set(['C10', 'C16', 'C20', 'C43', 'T36', 'A70', 'C41', 'C42', 'T13', 'F12']);
  const impCodes = reference.exemptionCodes
    .filter((c) => c.isCurrent)
    .map((c) => ({
      code: c.code,
      // A `varies` code needs the file to say which; the seed says employer-specific.
      permitType: c.permitType === 'open' ? ('open' as const) : ('employer_specific' as const),
      weight: popularCodes.has(c.code) ? 20 : 1,
    }));
  const nocCodes = reference.nocUnitGroups.map((g) => ({
    code: g.code,
    title: g.title,
    weight: POPULAR_NOC.includes(g.code) ? 60 : 1,
  }));
  return { impCodes, lmiaStreams: reference.lmiaStreams.map((s) => s.id), nocCodes };
}
