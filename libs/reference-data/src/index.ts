export * from './reference-data.errors';
export * from './reference-data.module';
export * from './reference-data.service';
export * from './reference-data.types';
export { describeRetiredCode, exemptionCodeWarnings, type ExemptionCodeFilter } from './rules/exemption-codes';
export { loadReferenceData, type ReferenceData } from './reference-data.loader';
export * from './rules/lmia-wage-rules';
export { formatReviewTable, reviewItems, type ReviewItem } from './rules/review-dates';
