export * from './portal-emails.template';
export * from './document-rejected.template';
