export * from './portal.module';
export * from './portal.errors';
export * from './portal-auth.service';
export * from './portal-auth.guard';
export * from './portal-view.service';
export * from './portal-documents.service';
export * from './portal-route.decorators';
export * from './entities/portal-account.entity';
export * from './entities/portal-sign-in-link.entity';
export * from './entities/portal-session.entity';
export {
  CLIENT_DEADLINE_KINDS,
  portalLanguage,
  type ClientDeadlineKind,
  type PortalLanguage,
  type WaitingOn,
} from './rules/client-view';
export { SIGN_IN_LINK_MS } from './rules/portal-tokens';
