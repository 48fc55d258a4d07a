// Long because it is data: the intake questionnaire's sections, field by field in English and French,
// read beside the IRCC forms they feed (IMM 1295, IMM 5710 and their schedules); the rules live elsewhere.
import type { IntakeField, IntakeItem, IntakeSection, Localized } from './form-definition';

const l = (en: string, fr: string): Localized => ({ en, fr });
const yes = (field: string) => ({ field, equals: true });

const PERIOD_FIELDS: IntakeField[] = [
  { key: 'fromOn', type: 'date', label: l('From', 'Du'), required: true, notInFuture: true },
  { key: 'toOn', type: 'date', label: l('To (empty if ongoing)', 'Au (vide si en cours)') },
];

/** A yes/no question with the explanation it calls for when the answer is yes. */
function askAndExplain(key: string, label: Localized): IntakeItem[] {
  return [
    { key, type: 'yesNo', label, required: true },
    {
      key: `${key}Details`,
      type: 'textarea',
      label: l('Please explain (dates, places, outcome)', 'Veuillez préciser (dates, lieux, résultat)'),
      required: true,
      showIf: yes(key),
    },
  ];
}

export const PERSONAL_SECTION: IntakeSection = {
  key: 'personal',
  title: l('Personal details', 'Renseignements personnels'),
  help: l('As written in your passport.', 'Tels qu’ils figurent dans votre passeport.'),
  items: [
    { key: 'familyName', type: 'text', label: l('Family name', 'Nom de famille'), required: true },
    { key: 'givenNames', type: 'text', label: l('Given name(s)', 'Prénom(s)'), required: true },
    {
      key: 'usedOtherNames',
      type: 'yesNo',
      label: l('Have you ever used another name?', 'Avez-vous déjà utilisé un autre nom?'),
      required: true,
    },
    {
      key: 'otherNames',
      type: 'text',
      label: l('Other names used', 'Autres noms utilisés'),
      help: l('Maiden name, nickname, alias', 'Nom de jeune fille, surnom, pseudonyme'),
      required: true,
      showIf: yes('usedOtherNames'),
    },
    {
      key: 'sex',
      type: 'select',
      label: l('Sex', 'Sexe'),
      required: true,
      options: [
        { value: 'F', label: l('Female', 'Féminin') },
        { value: 'M', label: l('Male', 'Masculin') },
        { value: 'X', label: l('Another gender', 'Autre genre') },
      ],
    },
    {
      key: 'dateOfBirth',
      type: 'date',
      label: l('Date of birth', 'Date de naissance'),
      required: true,
      notInFuture: true,
      clientField: 'dateOfBirth',
    },
    { key: 'cityOfBirth', type: 'text', label: l('City of birth', 'Ville de naissance'), required: true },
    {
      key: 'countryOfBirth',
      type: 'country',
      label: l('Country of birth', 'Pays de naissance'),
      required: true,
    },
    {
      key: 'citizenship',
      type: 'country',
      label: l('Citizenship', 'Citoyenneté'),
      required: true,
      clientField: 'citizenship',
    },
    {
      key: 'countryOfResidence',
      type: 'country',
      label: l('Country where you live now', 'Pays où vous habitez actuellement'),
      required: true,
      clientField: 'countryOfResidence',
    },
    {
      key: 'maritalStatus',
      type: 'select',
      label: l('Marital status', 'État matrimonial'),
      required: true,
      options: [
        { value: 'single', label: l('Single', 'Célibataire') },
        { value: 'married', label: l('Married', 'Marié(e)') },
        { value: 'common_law', label: l('Common-law', 'Conjoint(e) de fait') },
        { value: 'separated', label: l('Separated', 'Séparé(e)') },
        { value: 'divorced', label: l('Divorced', 'Divorcé(e)') },
        { value: 'widowed', label: l('Widowed', 'Veuf ou veuve') },
      ],
    },
    {
      key: 'uci',
      type: 'text',
      label: l('UCI (client ID), if you have one', 'IUC (identificateur client), si vous en avez un'),
      help: l('On any earlier IRCC document', 'Sur tout document antérieur d’IRCC'),
      maxLength: 20,
      clientField: 'uci',
    },
  ],
};

export const PASSPORT_SECTION: IntakeSection = {
  key: 'passport',
  title: l('Passport', 'Passeport'),
  items: [
    {
      key: 'passportNumber',
      type: 'text',
      label: l('Passport number', 'Numéro de passeport'),
      required: true,
      maxLength: 20,
      clientField: 'passportNumber',
    },
    {
      key: 'passportCountry',
      type: 'country',
      label: l('Country that issued it', 'Pays de délivrance'),
      required: true,
    },
    {
      key: 'passportIssuedOn',
      type: 'date',
      label: l('Issue date', 'Date de délivrance'),
      required: true,
      notInFuture: true,
    },
    {
      key: 'passportExpiresOn',
      type: 'date',
      label: l('Expiry date', 'Date d’expiration'),
      required: true,
      clientField: 'passportExpiresOn',
    },
  ],
};

export const CONTACT_SECTION: IntakeSection = {
  key: 'contact',
  title: l('Contact and addresses', 'Coordonnées et adresses'),
  items: [
    {
      key: 'phone',
      type: 'text',
      label: l('Phone number', 'Numéro de téléphone'),
      required: true,
      maxLength: 30,
      clientField: 'phone',
    },
    {
      key: 'addresses',
      type: 'group',
      label: l(
        'Where you lived in the last 10 years',
        'Où vous avez habité au cours des 10 dernières années',
      ),
      help: l('Newest first, without gaps.', 'Du plus récent au plus ancien, sans trou.'),
      required: true,
      maxItems: 15,
      fields: [
        { key: 'street', type: 'text', label: l('Street address', 'Adresse'), required: true },
        { key: 'city', type: 'text', label: l('City', 'Ville'), required: true },
        { key: 'region', type: 'text', label: l('Province or state', 'Province ou État') },
        { key: 'postalCode', type: 'text', label: l('Postal code', 'Code postal'), maxLength: 20 },
        { key: 'country', type: 'country', label: l('Country', 'Pays'), required: true },
        ...PERIOD_FIELDS,
      ],
    },
  ],
};

export const LANGUAGES_SECTION: IntakeSection = {
  key: 'languages',
  title: l('Languages', 'Langues'),
  items: [
    { key: 'nativeLanguage', type: 'text', label: l('Native language', 'Langue maternelle'), required: true },
    {
      key: 'officialLanguages',
      type: 'select',
      label: l(
        'Can you communicate in English or French?',
        'Pouvez-vous communiquer en anglais ou en français?',
      ),
      required: true,
      options: [
        { value: 'english', label: l('English', 'Anglais') },
        { value: 'french', label: l('French', 'Français') },
        { value: 'both', label: l('Both', 'Les deux') },
        { value: 'neither', label: l('Neither', 'Ni l’un ni l’autre') },
      ],
    },
    {
      key: 'languageTest',
      type: 'yesNo',
      label: l(
        'Have you taken a language test (IELTS, CELPIP, TEF…)?',
        'Avez-vous passé un test de langue (IELTS, CELPIP, TEF…)?',
      ),
      required: true,
    },
  ],
};

export const EDUCATION_SECTION: IntakeSection = {
  key: 'education',
  title: l('Education', 'Études'),
  items: [
    {
      key: 'hasPostSecondary',
      type: 'yesNo',
      label: l('Have you studied after secondary school?', 'Avez-vous fait des études postsecondaires?'),
      required: true,
    },
    {
      key: 'schools',
      type: 'group',
      label: l('Studies after secondary school', 'Études postsecondaires'),
      required: true,
      showIf: yes('hasPostSecondary'),
      maxItems: 10,
      fields: [
        { key: 'school', type: 'text', label: l('School', 'Établissement'), required: true },
        { key: 'fieldOfStudy', type: 'text', label: l('Field of study', 'Domaine d’études'), required: true },
        { key: 'city', type: 'text', label: l('City', 'Ville'), required: true },
        { key: 'country', type: 'country', label: l('Country', 'Pays'), required: true },
        ...PERIOD_FIELDS,
      ],
    },
  ],
};

export const EMPLOYMENT_SECTION: IntakeSection = {
  key: 'employment',
  title: l('Employment history', 'Antécédents professionnels'),
  help: l(
    'The last 10 years, newest first; include unemployment and study periods.',
    'Les 10 dernières années, du plus récent au plus ancien; indiquez aussi les périodes sans emploi ou d’études.',
  ),
  items: [
    {
      key: 'jobs',
      type: 'group',
      label: l('Jobs and activities', 'Emplois et activités'),
      required: true,
      maxItems: 20,
      fields: [
        { key: 'occupation', type: 'text', label: l('Occupation', 'Profession'), required: true },
        { key: 'employer', type: 'text', label: l('Employer', 'Employeur') },
        { key: 'city', type: 'text', label: l('City', 'Ville'), required: true },
        { key: 'country', type: 'country', label: l('Country', 'Pays'), required: true },
        ...PERIOD_FIELDS,
        { key: 'duties', type: 'textarea', label: l('Main duties', 'Principales tâches') },
      ],
    },
  ],
};

export const TRAVEL_SECTION: IntakeSection = {
  key: 'travel',
  title: l('Travel and immigration history', 'Voyages et antécédents d’immigration'),
  items: [
    {
      key: 'travelledAbroad',
      type: 'yesNo',
      label: l(
        'Have you travelled outside your country of residence in the last 10 years?',
        'Avez-vous voyagé hors de votre pays de résidence au cours des 10 dernières années?',
      ),
      required: true,
    },
    {
      key: 'trips',
      type: 'group',
      label: l('Trips', 'Voyages'),
      required: true,
      showIf: yes('travelledAbroad'),
      maxItems: 30,
      fields: [
        { key: 'country', type: 'country', label: l('Country', 'Pays'), required: true },
        ...PERIOD_FIELDS,
        { key: 'purpose', type: 'text', label: l('Purpose', 'But du voyage'), required: true },
      ],
    },
    ...askAndExplain(
      'appliedToCanadaBefore',
      l(
        'Have you ever applied to come to Canada?',
        'Avez-vous déjà présenté une demande pour venir au Canada?',
      ),
    ),
    ...askAndExplain(
      'refusedVisaOrEntry',
      l(
        'Have you ever been refused a visa or permit, denied entry or ordered to leave Canada or any other country?',
        'Vous a-t-on déjà refusé un visa ou un permis, interdit l’entrée ou ordonné de quitter le Canada ou un autre pays?',
      ),
    ),
  ],
};

export const IN_CANADA_SECTION: IntakeSection = {
  key: 'inCanada',
  title: l('Your stay in Canada', 'Votre séjour au Canada'),
  items: [
    {
      key: 'currentStatus',
      type: 'select',
      label: l('Your current status in Canada', 'Votre statut actuel au Canada'),
      required: true,
      options: [
        { value: 'worker', label: l('Worker', 'Travailleur') },
        { value: 'student', label: l('Student', 'Étudiant') },
        { value: 'visitor', label: l('Visitor', 'Visiteur') },
        { value: 'other', label: l('Other', 'Autre') },
      ],
    },
    {
      key: 'statusExpiresOn',
      type: 'date',
      label: l('Your status expires on', 'Date d’expiration de votre statut'),
      required: true,
    },
    {
      key: 'originalEntryOn',
      type: 'date',
      label: l('Date of your first entry to Canada', 'Date de votre première entrée au Canada'),
      required: true,
      notInFuture: true,
    },
    {
      key: 'originalEntryPlace',
      type: 'text',
      label: l('Place of first entry', 'Lieu de première entrée'),
      required: true,
    },
    {
      key: 'newEmployer',
      type: 'yesNo',
      label: l('Are you changing employers?', 'Changez-vous d’employeur?'),
      required: true,
    },
  ],
};

export const FAMILY_SECTION: IntakeSection = {
  key: 'family',
  title: l('Family members', 'Membres de la famille'),
  help: l(
    'Your spouse or partner, children and parents, whether or not they come with you.',
    'Votre époux ou conjoint, vos enfants et vos parents, qu’ils vous accompagnent ou non.',
  ),
  items: [
    {
      key: 'familyMembers',
      type: 'group',
      label: l('Family members', 'Membres de la famille'),
      required: true,
      maxItems: 20,
      fields: [
        {
          key: 'relationship',
          type: 'select',
          label: l('Relationship', 'Lien de parenté'),
          required: true,
          options: [
            { value: 'spouse', label: l('Spouse or partner', 'Époux ou conjoint') },
            { value: 'child', label: l('Child', 'Enfant') },
            { value: 'mother', label: l('Mother', 'Mère') },
            { value: 'father', label: l('Father', 'Père') },
          ],
        },
        { key: 'familyName', type: 'text', label: l('Family name', 'Nom de famille'), required: true },
        { key: 'givenNames', type: 'text', label: l('Given name(s)', 'Prénom(s)'), required: true },
        {
          key: 'dateOfBirth',
          type: 'date',
          label: l('Date of birth', 'Date de naissance'),
          required: true,
          notInFuture: true,
        },
        { key: 'countryOfBirth', type: 'country', label: l('Country of birth', 'Pays de naissance') },
        {
          key: 'accompanying',
          type: 'yesNo',
          label: l('Coming to Canada with you?', 'Vous accompagne au Canada?'),
          required: true,
        },
      ],
    },
  ],
};

export const BACKGROUND_SECTION: IntakeSection = {
  key: 'background',
  title: l('Background questions', 'Questions sur les antécédents'),
  items: [
    ...askAndExplain(
      'tuberculosis',
      l(
        'In the last two years, have you or a family member had tuberculosis or been in close contact with someone who has?',
        'Au cours des deux dernières années, vous ou un membre de votre famille avez-vous eu la tuberculose ou été en contact étroit avec une personne atteinte?',
      ),
    ),
    ...askAndExplain(
      'medicalCondition',
      l(
        'Do you have a physical or mental disorder that would require social or health services in Canada?',
        'Avez-vous un trouble physique ou mental qui nécessiterait des services sociaux ou de santé au Canada?',
      ),
    ),
    ...askAndExplain(
      'overstayed',
      l(
        'Have you ever remained beyond your authorized stay, attended school or worked without authorization in Canada?',
        'Êtes-vous déjà resté au-delà de la période autorisée, ou avez-vous étudié ou travaillé sans autorisation au Canada?',
      ),
    ),
    ...askAndExplain(
      'criminalOffence',
      l(
        'Have you ever committed, been arrested for, charged with or convicted of any criminal offence in any country?',
        'Avez-vous déjà commis une infraction criminelle, ou été arrêté, accusé ou reconnu coupable d’une telle infraction dans un pays?',
      ),
    ),
    ...askAndExplain(
      'militaryService',
      l(
        'Have you served in any military, militia, civil defence unit or police force?',
        'Avez-vous servi dans une armée, une milice, une unité de défense civile ou une force policière?',
      ),
    ),
    ...askAndExplain(
      'violentOrganization',
      l(
        'Have you been a member of or associated with any political party or group that used or advocated violence?',
        'Avez-vous été membre ou associé d’un parti politique ou d’un groupe ayant prôné ou utilisé la violence?',
      ),
    ),
  ],
};

function jobOfferSection(numberField: IntakeField): IntakeSection {
  return {
    key: 'jobOffer',
    title: l('Your job in Canada', 'Votre emploi au Canada'),
    items: [
      { key: 'offerEmployer', type: 'text', label: l('Employer', 'Employeur'), required: true },
      { key: 'offerJobTitle', type: 'text', label: l('Job title', 'Titre du poste'), required: true },
      { key: 'offerCity', type: 'text', label: l('City of work', 'Ville de travail'), required: true },
      { key: 'offerStartOn', type: 'date', label: l('Expected start date', 'Date de début prévue') },
      numberField,
    ],
  };
}

export const TFWP_JOB_OFFER_SECTION = jobOfferSection({
  key: 'lmiaNumber',
  type: 'text',
  label: l('LMIA number, if you know it', 'Numéro de l’EIMT, si vous le connaissez'),
  maxLength: 30,
});

export const IMP_JOB_OFFER_SECTION = jobOfferSection({
  key: 'offerOfEmploymentNumber',
  type: 'text',
  label: l(
    'Offer of employment number (A…), if you know it',
    'Numéro de l’offre d’emploi (A…), si vous le connaissez',
  ),
  maxLength: 30,
});

/** The firm's own questions, asked on every form. */
export const FIRM_SECTION: IntakeSection = {
  key: 'firm',
  title: l('A few more questions', 'Quelques questions de plus'),
  items: [
    {
      key: 'referralSource',
      type: 'select',
      label: l('How did you hear about us?', 'Comment nous avez-vous connus?'),
      options: [
        { value: 'friend', label: l('A friend or family member', 'Un ami ou un proche') },
        { value: 'employer', label: l('My employer', 'Mon employeur') },
        { value: 'web', label: l('The web or social media', 'Le Web ou les réseaux sociaux') },
        { value: 'other', label: l('Other', 'Autre') },
      ],
    },
    {
      key: 'anythingElse',
      type: 'textarea',
      label: l('Anything else we should know?', 'Autre chose que nous devrions savoir?'),
    },
  ],
};
