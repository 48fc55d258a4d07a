export * from './client-emails.template';
export * from './consultant-notice.template';
export {
  greetingName,
  GREETING_NAME_MAX,
  modeAndPlace,
  modeLabel,
  timeRange,
  type ConsultationEmailView,
  type ConsultationLanguage,
  type ConsultationModeName,
  type RenderedConsultationEmail,
} from './consultation-text';
