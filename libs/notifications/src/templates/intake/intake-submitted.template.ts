import { compose, greeting, type RenderedConsultationEmail } from '../consultations/consultation-text';

export interface IntakeSubmittedEmailView {
  consultantName: string | null;
  fileNumber: string;
  clientName: string;
  /** The file's page in the staff UI. */
  fileUrl: string;
}

/**
 * To the file's consultant when the client submits the intake questionnaire. It says that it was submitted and
 * where to read it, never what was answered (the answers stay encrypted in the application).
 */
export function intakeSubmittedEmail(view: IntakeSubmittedEmailView): RenderedConsultationEmail {
  const { text, html } = compose('en', {
    greeting: greeting('Hello', view.consultantName ?? ''),
    paragraphs: [
      `${view.clientName} submitted the intake questionnaire for ${view.fileNumber}. Read the answers on the file, ` +
        'confirm those that belong in the client record, or reopen it for changes.',
    ],
    rows: [
      ['File', view.fileNumber],
      ['Client', view.clientName],
    ],
    link: { label: 'Open the file', url: view.fileUrl },
  });
  return { subject: `Intake questionnaire submitted for ${view.fileNumber}`, text, html };
}
