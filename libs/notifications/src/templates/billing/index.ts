export * from './payment-receipt.template';
