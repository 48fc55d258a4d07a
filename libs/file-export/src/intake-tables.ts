import {
  isShown,
  type IntakeAnswers,
  type IntakeField,
  type IntakeForm,
  type IntakeValue,
} from '@app/intake';
import { csvLine } from '@app/shared';

/** One answer as a reader writes it: yes/no, a choice by its label, text and dates as given. */
function answerText(field: IntakeField, value: IntakeValue | undefined): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (typeof value === 'boolean') {
    return value ? 'yes' : 'no';
  }
  if (field.type === 'select') {
    return field.options.find((o) => o.value === value)?.label.en ?? value;
  }
  return value;
}

/**
 * The intake answers as a readable table: section, question and answer (English labels), and the answer's key. Only
 * questions shown to the client and answered; a list (addresses, jobs...) gives one row per field of each item,
 * its question numbered (`Addresses 2 – City`).
 */
export function intakeAnswersCsv(form: IntakeForm, answers: IntakeAnswers): string {
  const rows: (string | null)[][] = [];
  for (const section of form.sections) {
    for (const item of section.items) {
      if (!isShown(item, answers)) {
        continue;
      }
      if (item.type !== 'group') {
        const answer = answerText(item, answers[item.key] as IntakeValue | undefined);
        if (answer !== null) {
          rows.push([section.title.en, item.label.en, answer, item.key]);
        }
        continue;
      }
      const entries = Array.isArray(answers[item.key])
        ? (answers[item.key] as Record<string, IntakeValue>[])
        : [];
      entries.forEach((entry, index) => {
        for (const field of item.fields) {
          const answer = isShown(field, entry) ? answerText(field, entry[field.key]) : null;
          if (answer !== null) {
            rows.push([
              section.title.en,
              `${item.label.en} ${index + 1} – ${field.label.en}`,
              answer,
              `${item.key}[${index}].${field.key}`,
            ]);
          }
        }
      });
    }
  }
  return [csvLine(['section', 'question', 'answer', 'key']), ...rows.map((row) => csvLine(row))].join('');
}
