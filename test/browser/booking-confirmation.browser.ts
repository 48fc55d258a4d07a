import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { bookableStaffConsultant, screenshot, signIn, startHarness, type BrowserHarness } from './browser';

jest.setTimeout(60_000);

/**
 * With BOOKING_EMAIL_CONFIRMATION on: the page says to check the email, shows no manage link, and the emailed
 * link opens the manage page in its pending state, where the visitor confirms.
 */
describe('public booking with email confirmation (browser)', () => {
  let sink: SmtpSink;
  let h: BrowserHarness;
  let visitor: Page;
  let consultantEmail: string;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    h = await startHarness({
      env: {
        BOOKING_EMAIL_CONFIRMATION: 'true',
        BOOKING_CONFIRMATION_HOLD_MINUTES: '30',
        SMTP_URL: sink.url,
      },
    });
    const admin = await h.test.signedInAs(StaffRole.Admin);
    consultantEmail = (await bookableStaffConsultant(admin)).email;
    visitor = await (await h.context({ timezoneId: 'America/Vancouver' })).newPage();
  });

  afterAll(async () => {
    await h?.close();
    await sink?.close();
  });

  it('asks the visitor to check their email, then confirms on the manage page', async () => {
    await visitor.goto(`${h.baseUrl}/book`);
    await visitor.getByRole('button', { name: /Work permit assessment/ }).click();
    await visitor.getByRole('button', { name: /Inès Gagnon/ }).click();
    const firstTime = visitor.locator('.chip.time').first();
    await firstTime.waitFor();
    await firstTime.click();
    await visitor.getByLabel('Full name').fill('Priya Sharma');
    await visitor.getByLabel('Email').fill('priya@example.com');
    const response = visitor.waitForResponse(
      (r) => r.url().endsWith('/api/public/bookings') && r.request().method() === 'POST',
    );
    await visitor.getByRole('button', { name: 'Book this time' }).click();
    const { id } = (await (await response).json()) as { id: string };

    await visitor.getByRole('heading', { name: 'Check your email to confirm' }).waitFor();
    expect(await visitor.getByTestId('pending-notice').textContent()).toContain('priya@example.com');
    expect(await visitor.getByTestId('manage-link').count()).toBe(0);
    expect(await visitor.getByRole('link', { name: 'Add to calendar (.ics)' }).count()).toBe(0);
    await screenshot(visitor, 'book-pending');

    // The consultant sees it is not confirmed yet.
    const staff = await (await h.context({ timezoneId: 'America/Toronto' })).newPage();
    await signIn(staff, h.baseUrl, consultantEmail, `/admin/consultations/${id}/show`);
    await staff.getByTestId('awaiting-confirmation').waitFor();
    await screenshot(staff, 'consultation-awaiting-confirmation');

    const mail = await waitFor(() => sink.to('priya@example.com')[0], 10_000, 'the confirmation request');
    const link = /https?:\/\/\S+\/book\/manage\/[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
    await visitor.goto(`${h.baseUrl}${new URL(link).pathname}`);
    await visitor.getByTestId('booking-status').getByText('Awaiting your confirmation').waitFor();
    await visitor.getByRole('button', { name: 'Confirm my consultation' }).click();
    await visitor.getByTestId('booking-status').getByText('Booked').waitFor();
    await visitor.getByText('Your consultation is confirmed.').waitFor();
    await screenshot(visitor, 'book-manage-confirmed');
  });
});
