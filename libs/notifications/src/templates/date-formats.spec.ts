import { moment, timeRange } from './consultations/consultation-text';
import { longDate } from './reminders/reminder-text';

const locale = (language: 'en' | 'fr') => (language === 'fr' ? 'fr-CA' : 'en-CA');

describe('dates in emails (formatters kept per language and zone)', () => {
  it('longDate writes each day as a new formatter would, alternating languages', () => {
    const days = ['2026-12-05', '2027-01-01', '2026-03-08', '2028-02-29', '2026-12-31'];
    for (const day of days) {
      for (const language of ['en', 'fr', 'en'] as const) {
        const fresh = new Intl.DateTimeFormat(locale(language), {
          weekday: 'long',
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          timeZone: 'UTC',
        }).format(new Date(`${day}T00:00:00Z`));
        expect(longDate(day, language)).toBe(fresh);
      }
    }
    expect(longDate('2026-12-05', 'en')).toBe('Saturday, December 5, 2026');
    expect(longDate('2026-12-03', 'fr')).toBe('jeudi 3 décembre 2026');
  });

  it('timeRange and moment use the reader language and zone of each call', () => {
    const startsAt = new Date('2026-12-01T15:00:00Z');
    const endsAt = new Date('2026-12-01T15:30:00Z');
    for (const timezone of ['America/Toronto', 'America/Vancouver', 'America/Toronto', 'Asia/Kolkata']) {
      for (const language of ['en', 'fr'] as const) {
        const day = new Intl.DateTimeFormat(locale(language), {
          weekday: 'long',
          year: 'numeric',
          month: 'long',
          day: 'numeric',
          timeZone: timezone,
        }).format(startsAt);
        const time = new Intl.DateTimeFormat(locale(language), {
          hour: 'numeric',
          minute: '2-digit',
          timeZone: timezone,
        });
        expect(timeRange({ startsAt, endsAt, timezone, language })).toBe(
          `${day}, ${time.format(startsAt)} – ${time.format(endsAt)} (${timezone})`,
        );
        expect(moment(startsAt, timezone, language)).toBe(
          new Intl.DateTimeFormat(locale(language), {
            dateStyle: 'full',
            timeStyle: 'short',
            timeZone: timezone,
          }).format(startsAt),
        );
      }
    }
    expect(timeRange({ startsAt, endsAt, timezone: 'Asia/Kolkata', language: 'en' })).toMatch(
      /^Tuesday, December 1, 2026, 8:30\sp\.m\. – 9:00\sp\.m\. \(Asia\/Kolkata\)$/,
    );
  });
});
