export * from './portal-emails.template';
