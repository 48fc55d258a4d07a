import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import { bookableStaffConsultant, screenshot, signIn, startHarness, type BrowserHarness } from './browser';

jest.setTimeout(60_000);

/**
 * A visitor in India books on /book; the consultation shows in the consultant's week calendar at the right
 * Toronto time; the visitor cancels through the manage link.
 */
describe('public booking (browser)', () => {
  let h: BrowserHarness;
  let consultant: { id: string; email: string };
  let visitor: Page;
  let manageUrl: string;
  let bookedAt: string;

  beforeAll(async () => {
    h = await startHarness();
    const admin = await h.test.signedInAs(StaffRole.Admin);
    consultant = await bookableStaffConsultant(admin, { type: { priceCents: 15000 } });
    const context = await h.context({ timezoneId: 'Asia/Kolkata', locale: 'en-IN' });
    visitor = await context.newPage();
  });

  afterAll(async () => {
    await h?.close();
  });

  it('books from another time zone, with the times shown in that zone', async () => {
    await visitor.goto(`${h.baseUrl}/book`);
    await visitor.getByRole('button', { name: /Work permit assessment/ }).click();
    await visitor.getByRole('button', { name: /Inès Gagnon/ }).click();
    // The visitor's zone is detected.
    expect(await visitor.getByRole('combobox', { name: 'Your time zone' }).getAttribute('data-zone')).toBe(
      'Asia/Kolkata',
    );
    const firstTime = visitor.locator('.chip.time').first();
    await firstTime.waitFor();
    await screenshot(visitor, 'book-times');
    await firstTime.click();
    await visitor.getByLabel('Full name').fill('Priya Sharma');
    await visitor.getByLabel('Email').fill('priya@example.com');
    await visitor
      .getByRole('group', { name: 'Do you have a job offer in Canada?' })
      .getByLabel('Yes')
      .check();
    await visitor
      .getByLabel('When does your current permit expire?')
      .fill(DateTime.now().plus({ days: 40 }).toISODate());
    const response = visitor.waitForResponse(
      (r) => r.url().endsWith('/api/public/bookings') && r.request().method() === 'POST',
    );
    await visitor.getByRole('button', { name: 'Book this time' }).click();
    const booking = (await (await response).json()) as { id: string; startsAt: string; manageUrl: string };
    bookedAt = booking.startsAt;
    manageUrl = booking.manageUrl;

    const confirmed = visitor.getByTestId('confirmed-time');
    await confirmed.waitFor();
    expect(await confirmed.getAttribute('data-local')).toBe(
      DateTime.fromISO(bookedAt, { zone: 'Asia/Kolkata' }).toFormat("yyyy-MM-dd'T'HH:mm"),
    );
    expect(await confirmed.textContent()).toContain('Kolkata, India (UTC+05:30)');
    expect(await confirmed.textContent()).not.toContain('Asia/Kolkata');
    const addToCalendar = visitor.getByRole('link', { name: 'Add to calendar (.ics)' });
    expect(await addToCalendar.getAttribute('download')).toBe('consultation.ics');
    // The download is the emailed invite's event: the API writes it, with the UID on the APP_URL host.
    const ics = await visitor.request.get(
      new URL((await addToCalendar.getAttribute('href'))!, h.baseUrl).toString(),
    );
    expect(ics.headers()['content-type']).toMatch(/^text\/calendar/);
    const event = new ICAL.Component(ICAL.parse(await ics.text())).getFirstSubcomponent('vevent')!;
    expect(event.getFirstPropertyValue('uid')).toBe(
      `${booking.id}@${new URL(h.test.config.appUrl).hostname}`,
    );
    expect(event.getFirstPropertyValue('sequence')).toBe(0);
    await screenshot(visitor, 'book-confirmation');
  });

  it('shows the consultation in the staff week calendar at the consultant’s local time', async () => {
    const staff = await (await h.context({ timezoneId: 'America/Toronto' })).newPage();
    await signIn(staff, h.baseUrl, consultant.email, `/admin/consultations/calendar`);
    const expected = DateTime.fromISO(bookedAt, { zone: 'America/Toronto' }).toFormat("yyyy-MM-dd'T'HH:mm");
    const event = staff.locator(`[data-testid="calendar-event"][data-start="${expected}"]`);
    for (let week = 0; week < 5 && !(await event.count()); week++) {
      await staff.waitForTimeout(500);
      if (!(await event.count())) {
        await staff.getByRole('button', { name: 'Next week' }).click();
      }
    }
    await event.waitFor();
    expect(await event.textContent()).toContain('Priya Sharma');
    await screenshot(staff, 'consultations-week');
  });

  it('lets the visitor cancel through the manage link', async () => {
    await visitor.goto(`${h.baseUrl}${new URL(manageUrl).pathname}`);
    await visitor.getByTestId('booking-status').getByText('Booked').waitFor();
    await screenshot(visitor, 'book-manage');
    await visitor.getByRole('button', { name: 'Cancel the consultation' }).click();
    await visitor.getByRole('button', { name: 'Yes, cancel it' }).click();
    await visitor.getByTestId('booking-status').getByText('Cancelled').waitFor();

    const admin = await h.test.signedInAs(StaffRole.Admin);
    const list = await admin.get(`/api/consultations?consultantId=${consultant.id}`).expect(200);
    expect((list.body as { items: { status: string }[] }).items.map((c) => c.status)).toEqual(['cancelled']);
  });
});
