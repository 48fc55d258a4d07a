export * from './reference-data.errors';
export * from './reference-data.module';
export * from './reference-data.service';
export * from './reference-data.types';
export {
  describeRetiredCode,
  exemptionCodeWarningDetails,
  exemptionCodeWarnings,
  type ExemptionCodeFilter,
  type RuleWarning,
} from './rules/exemption-codes';
export { loadReferenceData, type ReferenceData } from './reference-data.loader';
export * from './rules/lmia-wage-rules';
export { formatReviewTable, reviewItems, type ReviewItem } from './rules/review-dates';
export { nocTitleIn, type NocLanguage } from './rules/noc-search';
export * from './refused-areas/refused-area-list.entity';
export * from './refused-areas/refused-area-rules';
export * from './refused-areas/refused-areas.module';
export * from './refused-areas/refused-areas.service';
export { parseCsvRecords } from './rules/csv';
