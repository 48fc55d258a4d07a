import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReminderEntity } from './entities/reminder.entity';

/** The email a reminder becomes, rendered from the current state of its subject when it is sent. */
export interface RenderedReminder {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: 'en' | 'fr';
  /** The outbox `kind` (defaults to `<subjectType>_reminder`). */
  kind?: string;
  icalEvent?: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; content: string; filename?: string };
}

/**
 * Knows one subject type (`deadline`, `consultation`, ...). Called by the worker right before sending: it
 * re-reads the subject and returns the email to send, or null when the reminder no longer applies (a completed
 * deadline, a cancelled consultation), in which case the row ends `cancelled` and nothing is sent.
 * It must not write; throwing counts as a failed attempt (retried with backoff).
 */
export interface ReminderSubjectHandler {
  render(manager: EntityManager, reminder: ReminderEntity): Promise<RenderedReminder | null>;
}

/** Which handler renders each subject type. Features register theirs in their module's onModuleInit. */
@Injectable()
export class ReminderSubjects {
  private readonly handlers = new Map<string, ReminderSubjectHandler>();

  register(type: string, handler: ReminderSubjectHandler): void {
    if (this.handlers.has(type) && this.handlers.get(type) !== handler) {
      throw new Error(`A reminder subject handler for "${type}" is already registered`);
    }
    this.handlers.set(type, handler);
  }

  get(type: string): ReminderSubjectHandler | undefined {
    return this.handlers.get(type);
  }

  types(): string[] {
    return [...this.handlers.keys()];
  }
}
