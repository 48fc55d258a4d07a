import { money } from '@app/notifications';
import type { GovernmentFeeOn } from '../../rules/government-fees';
import type { MilestoneInput } from './milestones';

export type TermsLanguage = 'en' | 'fr';

/** The fee sections of a service agreement, as the staff would have written them (lines, `- ` list items). */
export interface FeeTerms {
  professionalFees: string;
  irccFees: string;
  paymentSchedule: string;
}

export interface FeeTermsSource {
  name: string;
  nameFr: string;
  professionalFeeCents: number;
  milestones: MilestoneInput[];
  /** The service's government fees as they stand on `on`, in the service's order. */
  governmentFees: GovernmentFeeOn[];
  /** The day the government amounts are taken from (YYYY-MM-DD). */
  on: string;
}

const PER = {
  en: { person: 'per person', family: 'per family', position: 'per position', offer: 'per job offer' },
  fr: { person: 'par personne', family: 'par famille', position: 'par poste', offer: 'par offre d’emploi' },
} as const;

const WORDS = {
  en: {
    fee: (name: string, amount: string) => `A flat fee of ${amount} (CAD) for the service “${name}”.`,
    tax: 'Applicable taxes (GST/HST, and QST in Quebec) are added, at the rates of the client’s province.',
    disbursements: 'Government fees paid on the client’s behalf, at cost, not taxed:',
    asOf: (on: string) =>
      `Amounts in force on ${on}; if the government changes them before they are paid, the amount then in force applies.`,
    none: 'No government fee is expected for this service; other disbursements are billed at cost.',
    due: (label: string, amount: string) => `${label}: ${amount}`,
    before: 'Amounts before tax; each is invoiced when it falls due.',
    noPayment: 'No professional fee is charged for this service.',
  },
  fr: {
    fee: (name: string, amount: string) =>
      `Des honoraires forfaitaires de ${amount} (CAD) pour le service « ${name} ».`,
    tax: 'Les taxes applicables (TPS/TVH, et TVQ au Québec) s’ajoutent, aux taux de la province du client.',
    disbursements: 'Frais gouvernementaux payés pour le compte du client, au coût, non taxés :',
    asOf: (on: string) =>
      `Montants en vigueur le ${on}; si le gouvernement les modifie avant leur paiement, le montant alors en vigueur s’applique.`,
    none: 'Aucuns frais gouvernementaux ne sont prévus pour ce service; les autres débours sont facturés au coût.',
    due: (label: string, amount: string) => `${label} : ${amount}`,
    before: 'Montants avant taxes; chacun est facturé à son échéance.',
    noPayment: 'Aucuns honoraires professionnels ne sont exigés pour ce service.',
  },
} as const;

/** The professional fee, the government fees as disbursements and the milestones, in the client's language. */
export function feeTerms(source: FeeTermsSource, language: TermsLanguage): FeeTerms {
  const words = WORDS[language];
  const name = language === 'fr' ? source.nameFr : source.name;
  const professionalFees = [words.fee(name, money(source.professionalFeeCents, language)), words.tax].join(
    '\n',
  );
  const irccFees =
    source.governmentFees.length === 0
      ? words.none
      : [
          words.disbursements,
          ...source.governmentFees.map(
            (fee) =>
              `- ${words.due(
                `${language === 'fr' ? fee.nameFr : fee.name} (${fee.authority})`,
                `${money(fee.cents, language)} ${PER[language][fee.per]}`,
              )}`,
          ),
          '',
          words.asOf(source.on),
        ].join('\n');
  const paymentSchedule =
    source.milestones.length === 0
      ? words.noPayment
      : [
          ...source.milestones.map(
            (m) => `- ${words.due(language === 'fr' ? m.labelFr : m.label, money(m.amountCents, language))}`,
          ),
          '',
          words.before,
        ].join('\n');
  return { professionalFees, irccFees, paymentSchedule };
}
