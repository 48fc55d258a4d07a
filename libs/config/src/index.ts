export * from './app-config';
export * from './config.module';
export { ConfigError, EnvironmentVariables } from './environment';
export { isIanaTimeZone, IsIanaTimeZone } from './validators';
export * from './tzdata';
