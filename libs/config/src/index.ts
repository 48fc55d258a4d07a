// First: refuse an outdated runtime before anything else loads (see runtime-guard.ts).
import './runtime-guard';
export * from './app-config';
export * from './config.module';
export { ConfigError, EnvironmentVariables } from './environment';
export { isIanaTimeZone, IsIanaTimeZone } from './validators';
export * from './tzdata';
