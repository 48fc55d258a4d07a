export * from './demo-data.module';
export * from './demo-data.service';
export { DEMO_PASSWORD, DEMO_STAFF } from './demo-firm';
export * from './demo-portal-client.service';
