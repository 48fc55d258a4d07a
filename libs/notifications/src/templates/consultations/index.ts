export * from './client-emails.template';
export * from './consultant-notice.template';
export {
  modeLabel,
  timeRange,
  type ConsultationEmailView,
  type ConsultationLanguage,
  type ConsultationModeName,
  type RenderedConsultationEmail,
} from './consultation-text';
