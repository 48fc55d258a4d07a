// The demo firm: people, occupations and codes of the kind a Canadian work-permit practice handles.

export const DEMO_PASSWORD = 'permitdesk-demo';

export const DEMO_STAFF = [
  {
    role: 'admin',
    email: 'admin@demo.permitdesk.ca',
    name: 'Hélène Gagnon',
    timezone: 'America/Toronto',
    languages: ['en', 'fr'],
  },
  {
    role: 'consultant',
    email: 'amelie.tremblay@demo.permitdesk.ca',
    name: 'Amélie Tremblay',
    timezone: 'America/Toronto',
    languages: ['en', 'fr'],
    rcicLicenceNumber: 'R512345',
  },
  {
    role: 'consultant',
    email: 'rajesh.patel@demo.permitdesk.ca',
    name: 'Rajesh Patel',
    timezone: 'America/Vancouver',
    languages: ['en', 'hi', 'pa'],
    rcicLicenceNumber: 'R623456',
  },
  {
    role: 'assistant',
    email: 'li.wei@demo.permitdesk.ca',
    name: 'Li Wei',
    timezone: 'America/Toronto',
    languages: ['en', 'zh'],
  },
] as const;

export const FIRST_NAMES = [
  'Priya',
  'Arjun',
  'Mei',
  'Wei',
  'Carlos',
  'Sofía',
  'Aisha',
  'Omar',
  'Tomás',
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
  'Lucía',
  'Emeka',
  'Zainab',
  'Nikhil',
  'Divya',
  'Pierre',
  'Léa',
];
export const LAST_NAMES = [
  'Sharma',
  'Singh',
  'Chen',
  'Zhang',
  'García',
  'Rodríguez',
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
  'López',
  'Fernández',
  'Eze',
  'Adeyemi',
  'Gupta',
  'Iyer',
  'Park',
  'Kim',
  'Torres',
  'Ramírez',
  'Nwosu',
  'Abubakar',
  'Mehta',
  'Reddy',
  'Lefebvre',
  'Roy',
];
/** Citizenship of each demo client, by index (ISO 3166-1 alpha-2). */
export const CITIZENSHIPS = [
  'IN',
  'IN',
  'CN',
  'CN',
  'MX',
  'CO',
  'PK',
  'LB',
  'BR',
  'BR',
  'GH',
  'NG',
  'VN',
  'VN',
  'FR',
  'FR',
  'JP',
  'JP',
  'UA',
  'UA',
  'BD',
  'MA',
  'FR',
  'BR',
  'CO',
  'AR',
  'NG',
  'NG',
  'IN',
  'IN',
  'KR',
  'KR',
  'MX',
  'ES',
  'NG',
  'NG',
  'IN',
  'IN',
  'BE',
  'FR',
];

/** The occupations the demo files are spread over (NOC 2021). */
export const OCCUPATIONS = [
  { nocCode: '21232', jobTitle: 'Software developer' },
  { nocCode: '21222', jobTitle: 'Information systems specialist' },
  { nocCode: '21231', jobTitle: 'Software engineer' },
  { nocCode: '41200', jobTitle: 'University professor' },
  { nocCode: '31100', jobTitle: 'Specialist physician' },
  { nocCode: '31101', jobTitle: 'Surgeon' },
  { nocCode: '53121', jobTitle: 'Actor' },
  { nocCode: '52120', jobTitle: 'Graphic designer' },
];

export const PROVINCES = ['ON', 'BC', 'QC', 'AB', 'MB'];

export const EMPLOYERS = [
  { name: 'Maple Software Inc.', businessNumber: '123456789' },
  { name: 'Fraser Analytics Ltd.', businessNumber: '234567891' },
  { name: 'Laurentian University Health Centre', businessNumber: '345678912' },
  { name: 'Prairie Pixel Studio', businessNumber: '456789123' },
  { name: 'Northern Lights Theatre Company', businessNumber: '567891234' },
  { name: 'Québec Numérique Inc.', businessNumber: '678912345' },
];

/** IMP files: the code and, where its permit type varies, which one. */
export const IMP_CODES: { code: string; permitType?: 'open' | 'employer_specific' }[] = [
  { code: 'C43' },
  { code: 'C10' },
  { code: 'C16' },
  { code: 'T36' },
  { code: 'C41' },
  { code: 'C20', permitType: 'employer_specific' },
  { code: 'C21', permitType: 'open' },
  { code: 'C62' },
];

export const LMIA_STREAMS = [
  'high_wage',
  'low_wage',
  'global_talent',
  'agricultural',
  'permanent_residence_only',
];

/** What clients can book on the demo firm's public page. */
/** What the booking page shows as the firm (name, address, contact), as an admin would enter it. */
/** Fictitious numbers in the CRA's and Revenu Québec's formats, so the demo firm can issue taxed invoices. */
export const DEMO_TAX_NUMBERS = { gstHstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' };

export const DEMO_FIRM_PROFILE = {
  name: 'Érable Immigration Conseil',
  address: '1250 boulevard René-Lévesque Ouest, bureau 2200, Montréal QC H3B 4W8',
  phone: '+15145550142',
  publicEmail: 'bonjour@demo.permitdesk.ca',
};

export const DEMO_CONSULTATION_TYPES = [
  {
    name: 'Work permit assessment',
    nameFr: 'Évaluation de permis de travail',
    durationMinutes: 30,
    priceCents: 15000,
    mode: 'video',
    description:
      'We review your situation and tell you which work permit fits, what it takes and how long it lasts.',
    descriptionFr:
      'Nous examinons votre situation et vous disons quel permis de travail convient, ce qu’il exige et sa durée.',
  },
  {
    name: 'LMIA / employer consultation',
    nameFr: 'Consultation EIMT / employeur',
    durationMinutes: 60,
    priceCents: 25000,
    mode: 'in_person',
    description:
      'For employers: whether you need an LMIA, which stream, the wage and the recruitment it requires.',
    descriptionFr:
      'Pour les employeurs : faut-il une EIMT, quel volet, quel salaire et quel recrutement elle exige.',
  },
  {
    name: 'Open work-permit review',
    nameFr: 'Révision de permis de travail ouvert',
    durationMinutes: 30,
    priceCents: 12000,
    mode: 'phone',
    description:
      'A check of your open work-permit application (spouse, PGWP, bridging) before you submit it.',
    descriptionFr:
      'Une vérification de votre demande de permis ouvert (conjoint, PTPD, transition) avant de la soumettre.',
  },
] as const;

/** Weekly hours of the two demo consultants, in their own zones (Amélie in Toronto, Rajesh in Vancouver). */
export const DEMO_WEEKLY_HOURS: Record<string, { weekday: number; start: string; end: string }[]> = {
  'amelie.tremblay@demo.permitdesk.ca': [1, 2, 3, 4, 5].flatMap((weekday) => [
    { weekday, start: '09:00', end: '12:00' },
    { weekday, start: '13:00', end: '17:00' },
  ]),
  'rajesh.patel@demo.permitdesk.ca': [
    ...[1, 2, 3, 4].flatMap((weekday) => [
      { weekday, start: '08:00', end: '12:00' },
      { weekday, start: '13:00', end: '16:00' },
    ]),
    { weekday: 5, start: '08:00', end: '12:00' },
  ],
};

export const DEMO_CONSULTATION_TOPICS = [
  'PGWP expires in two months',
  'Employer wants to hire through the Global Talent Stream',
  'Spousal open work permit',
  'Extension while on maintained status',
  'Intra-company transfer to Montréal',
  'Switching employers on a closed permit',
];
