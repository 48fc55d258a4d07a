export * from './demo-data.module';
export * from './demo-data.service';
export { DEMO_PASSWORD, DEMO_STAFF, DEMO_TAX_NUMBERS } from './demo-firm';
export { DEMO_BILLING } from './demo-client-billing.service';
export * from './demo-portal-client.service';
