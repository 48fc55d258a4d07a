export * from './countries';
export * from './form-definition';
export * from './intake-forms';
export * from './validate-intake';
