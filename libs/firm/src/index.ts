export * from './entities/firm-profile.entity';
export * from './firm.module';
export * from './firm-profile.service';
export { LOGO_MAX_BYTES, logoContentType, type LogoContentType } from './rules/logo';
