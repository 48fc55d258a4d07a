export * from './checklist.types';
export {
  loadChecklistCatalogue,
  locateChecklistData,
  parseChecklistCatalogue,
} from './checklist-data.loader';
export { deriveChecklist, shippedChecklistCatalogue } from './checklists';
export { appliesFromInsideCanada, deriveChecklistFrom } from './rules/derive-checklist';
export * from './rules/checklist-status';
