/** The reminder offsets PermitDesk ships with, in days before each kind of deadline. */
export const DEFAULT_OFFSETS = {
  permit_expiry: [120, 90, 60, 30, 14, 7],
  lmia_expiry: [60, 30, 14, 7],
  biometrics: [21, 7, 2],
  medical: [21, 7, 2],
  pfl_response: [14, 7, 2, 1],
  document_request: [7, 2],
  passport_expiry: [180, 90],
  status_expiry: [90, 60, 30, 14, 7],
  custom: [7, 1],
};

/** One or two reminders per kind: the process specs count every job and email, so they keep the counts small. */
export const FEW_OFFSETS = {
  permit_expiry: [30],
  lmia_expiry: [30],
  biometrics: [7],
  medical: [7],
  pfl_response: [7],
  document_request: [7],
  passport_expiry: [90],
  status_expiry: [30],
  custom: [7, 1],
};

/** A body for PUT /api/settings/reminders: the shipped offsets at 08:00, no extras, with the changes given. */
export const reminderPolicy = (patch: Record<string, unknown> = {}) => ({
  sendHour: 8,
  offsets: { ...DEFAULT_OFFSETS },
  notifyAssistants: false,
  escalateOverdue: false,
  dailyDigest: false,
  ...patch,
});
