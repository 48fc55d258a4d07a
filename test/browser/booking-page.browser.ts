import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import { LIFTED_BOOKING_LIMITS } from '../support/bookable';
import {
  axeViolations,
  bookableStaffConsultant,
  describeViolations,
  screenshot,
  signIn,
  startHarness,
  type BrowserHarness,
  PHONE,
} from './browser';

jest.setTimeout(90_000);

const VIDEO_LINK = 'https://meet.example.ca/amelie-tremblay';
const FIRM = {
  name: 'Maple Leaf Immigration',
  address: '1055 W Georgia St, Suite 1500\nVancouver, BC V6E 3P3',
  phone: '+1 604 555 0100',
  publicEmail: 'info@mapleleaf.example',
};

/**
 * The public booking page as a visitor sees it: the firm's header, each consultation type's description, price and
 * mode before a time is chosen, a searchable time-zone picker (detected zone first, grouped, with offsets and names
 * in the visitor's language), and the video link on the confirmation; on a desktop in English and a phone in French.
 */
describe('booking page: firm header, type details, time-zone search, video link (browser)', () => {
  let h: BrowserHarness;
  let adminEmail: string;

  beforeAll(async () => {
    h = await startHarness({
      env: { ...LIFTED_BOOKING_LIMITS },
    });
    const admin = await h.test.signedInAs(StaffRole.Admin);
    adminEmail = admin.user.email;
    await bookableStaffConsultant(admin, {
      name: 'Amélie Tremblay',
      email: 'amelie@firm.test',
      timezone: 'America/Vancouver',
      hours: ['08:00', '18:00'],
      minNoticeHours: 48,
      type: {
        description: 'We review your job offer and tell you which work permit fits.',
        descriptionFr: 'Nous examinons votre offre d’emploi et vous disons quel permis convient.',
        durationMinutes: 45,
        priceCents: 15000,
        mode: 'video',
        videoLink: VIDEO_LINK,
      },
    });
    await admin
      .post('/api/consultation-types')
      .send({
        name: 'Quick question',
        nameFr: 'Question rapide',
        durationMinutes: 15,
        priceCents: null,
        mode: 'phone',
        phoneNumber: '+1 604 555 0100',
      })
      .expect(201);
    await admin.put('/api/firm-profile').send(FIRM).expect(200);
    // A real logo, drawn by the browser: a red square with the firm's initials.
    const painter = await (await h.context()).newPage();
    const dataUrl = await painter.evaluate<string>(`(() => {
      const canvas = document.createElement('canvas');
      canvas.width = 160;
      canvas.height = 96;
      const g = canvas.getContext('2d');
      g.fillStyle = '#c8102e';
      g.fillRect(0, 0, 96, 96);
      g.fillStyle = '#fff';
      g.font = 'bold 44px sans-serif';
      g.fillText('ML', 14, 64);
      g.fillStyle = '#1d4f91';
      g.fillRect(104, 24, 48, 48);
      return canvas.toDataURL('image/png');
    })()`);
    await admin
      .put('/api/firm-profile/logo')
      .set('Content-Type', 'image/png')
      .send(Buffer.from(dataUrl.split(',')[1], 'base64'))
      .expect(200);
  });

  afterAll(async () => {
    await h?.close();
  });

  async function newPage(options: { phone?: boolean; locale: string; timezoneId: string }): Promise<Page> {
    const context = await h.context({
      timezoneId: options.timezoneId,
      locale: options.locale,
      ...(options.phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : {}),
    });
    return context.newPage();
  }

  async function expectNoViolations(page: Page): Promise<void> {
    expect(describeViolations(await axeViolations(page, 'moderate'))).toBe('');
  }

  async function expectNoSidewaysScroll(page: Page): Promise<void> {
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(
      page.viewportSize()!.width,
    );
  }

  /** Types a search into the zone picker and picks the highlighted (first) match with Enter. */
  async function searchZone(page: Page, label: string, query: string): Promise<void> {
    const picker = page.getByRole('combobox', { name: label });
    await picker.click();
    await picker.fill(query);
    await page.getByRole('listbox').waitFor();
    await picker.press('Enter');
  }

  it('on a desktop in English: firm header, details before choosing, zone search, video link on the confirmation', async () => {
    // The staff sign-in page names the firm.
    const staff = await newPage({ locale: 'en-CA', timezoneId: 'America/Vancouver' });
    await staff.goto(`${h.baseUrl}/admin/`);
    await staff.getByTestId('firm-name').getByText(FIRM.name).waitFor();
    await screenshot(staff, 'booking-page-staff-sign-in');
    // The admin's settings page shows what the booking page will show, and names a bad field.
    await signIn(staff, h.baseUrl, adminEmail);
    await staff.getByRole('menuitem', { name: 'Firm profile' }).click();
    const phone = staff.getByLabel('Phone');
    await staff
      .getByLabel('Firm name')
      .and(staff.locator(`[value="${FIRM.name}"]`))
      .waitFor();
    expect(await phone.inputValue()).toBe(FIRM.phone);
    expect(
      await staff
        .getByTestId('firm-logo')
        .evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(160);
    await phone.fill('123');
    await staff.getByRole('button', { name: 'Save' }).click();
    await staff
      .getByText(/phone must be a phone number clients can dial/)
      .first()
      .waitFor();
    expect(await phone.getAttribute('aria-invalid')).toBe('true');
    await expectNoViolations(staff);
    await screenshot(staff, 'booking-page-admin-firm-profile');

    const page = await newPage({ locale: 'en-IN', timezoneId: 'Asia/Kolkata' });
    await page.goto(`${h.baseUrl}/book`);
    const header = page.getByTestId('firm-header');
    await header.getByText(FIRM.name).waitFor();
    expect(await header.getByTestId('firm-address').innerText()).toContain('Vancouver, BC V6E 3P3');
    expect(await header.getByRole('link', { name: /Phone: \+1 604 555 0100/ }).getAttribute('href')).toBe(
      'tel:+16045550100',
    );
    expect(await header.getByRole('link', { name: /info@mapleleaf\.example/ }).getAttribute('href')).toBe(
      'mailto:info@mapleleaf.example',
    );
    const logo = header.locator('img.firm-logo');
    await logo.waitFor();
    expect(await logo.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(160);
    expect(await page.title()).toBe(`Book a consultation · ${FIRM.name}`);

    // Price, length and mode are shown on each type before anything is chosen.
    const video = page.getByRole('button', { name: /Work permit assessment/ });
    expect(await video.innerText()).toContain('We review your job offer');
    expect(await video.getByTestId('type-details').innerText()).toBe('45 minutes · $150.00 · Video call');
    expect(
      await page
        .getByRole('button', { name: /Quick question/ })
        .getByTestId('type-details')
        .innerText(),
    ).toBe('15 minutes · No charge · Phone call');
    await expectNoViolations(page);
    await screenshot(page, 'booking-page-types-en');

    await video.click();
    await page.getByRole('button', { name: /Amélie Tremblay/ }).click();
    const picker = page.getByRole('combobox', { name: 'Your time zone' });
    expect(await picker.getAttribute('data-zone')).toBe('Asia/Kolkata');
    expect(await picker.inputValue()).toBe('Kolkata, India (UTC+05:30)');
    await page.locator('.chip.time').first().waitFor();

    // Opened, the detected zone comes first, then the regions, each zone with its current offset.
    await picker.click();
    const list = page.getByRole('listbox', { name: 'Your time zone' });
    await list.waitFor();
    const groups = list.getByRole('group');
    expect(await groups.first().getAttribute('aria-labelledby')).toBeTruthy();
    expect(await groups.first().locator('[role=presentation]').innerText()).toBe('Detected on this device');
    expect(await groups.first().getByRole('option').innerText()).toMatch(/Kolkata, India\s+UTC\+05:30/);
    expect(await groups.nth(1).locator('[role=presentation]').innerText()).toBe('Americas');
    expect(await picker.getAttribute('aria-expanded')).toBe('true');
    await expectNoViolations(page);
    await screenshot(page, 'booking-page-zones-open-en');

    // Search by city, keyboard only: the first match is highlighted, Enter picks it.
    await picker.fill('Paris');
    const paris = list.getByRole('option', { name: /Paris, France/ });
    await paris.waitFor();
    expect(await picker.getAttribute('aria-activedescendant')).toBe(await paris.getAttribute('id'));
    await page.getByRole('status').filter({ hasText: 'time zones match' }).waitFor();
    await screenshot(page, 'booking-page-zone-search-en');
    await picker.press('Enter');
    expect(await picker.getAttribute('data-zone')).toBe('Europe/Paris');
    expect(await picker.getAttribute('aria-expanded')).toBe('false');
    await page.getByText(/Times are shown in Paris, France \(UTC\+0[12]:00\)\./).waitFor();
    // By country: "India" finds Kolkata; a click picks it.
    await picker.click();
    await picker.fill('india');
    await list.getByRole('option', { name: /Kolkata, India/ }).click();
    expect(await picker.getAttribute('data-zone')).toBe('Asia/Kolkata');
    await searchZone(page, 'Your time zone', 'Kolkata');
    expect(await picker.getAttribute('data-zone')).toBe('Asia/Kolkata');
    // Escape closes without changing the zone.
    await picker.fill('Tokyo');
    await picker.press('Escape');
    expect(await picker.getAttribute('data-zone')).toBe('Asia/Kolkata');

    await page.locator('.chip.time').first().click();
    expect(await page.getByTestId('commit-details').innerText()).toBe('45 minutes · $150.00 · Video call');
    await page.getByLabel('Full name').fill('Priya Sharma');
    await page.getByLabel('Email').fill('priya@example.com');
    await page.getByRole('button', { name: 'Book this time' }).click();
    const join = page.getByTestId('meeting-link');
    await join.waitFor();
    expect(await join.getAttribute('href')).toBe(VIDEO_LINK);
    expect(await join.innerText()).toBe('Join the video call');
    await expectNoViolations(page);
    await screenshot(page, 'booking-page-confirmation-en');
    // The confirmation email carries the same link.
    const [email] = await h.test.dataSource.query<{ text: string }[]>(
      `SELECT text FROM emails WHERE "to" = $1`,
      ['priya@example.com'],
    );
    expect(email.text).toContain(VIDEO_LINK);
  });

  it('on a phone in French: the same, in French, with no sideways scrolling', async () => {
    const page = await newPage({ phone: true, locale: 'fr-CA', timezoneId: 'Europe/Paris' });
    await page.goto(`${h.baseUrl}/book`);
    await page.getByTestId('firm-header').getByText(FIRM.name).waitFor();
    await page.getByRole('heading', { name: 'Réserver une consultation' }).waitFor();
    const video = page.getByRole('button', { name: /Évaluation de permis de travail/ });
    expect(await video.innerText()).toContain('Nous examinons votre offre');
    expect(await video.getByTestId('type-details').innerText()).toMatch(
      /^45 minutes · 150,00\s\$ · Appel vidéo$/,
    );
    await expectNoSidewaysScroll(page);
    await expectNoViolations(page);
    await screenshot(page, 'booking-page-types-fr-phone');

    await video.click();
    await page.getByRole('button', { name: /Amélie Tremblay/ }).click();
    const picker = page.getByRole('combobox', { name: 'Votre fuseau horaire' });
    expect(await picker.getAttribute('data-zone')).toBe('Europe/Paris');
    await picker.click();
    const list = page.getByRole('listbox', { name: 'Votre fuseau horaire' });
    expect(await list.getByRole('group').first().locator('[role=presentation]').innerText()).toBe(
      'Détecté sur cet appareil',
    );
    expect(await list.getByRole('group').first().getByRole('option').innerText()).toMatch(
      /Paris, France\s+UTC\+0[12]:00/,
    );
    // French names: "Inde" and "Londres" are found, and so is the English "Kolkata".
    await picker.fill('Inde');
    await list.getByRole('option', { name: /Calcutta, Inde/ }).waitFor();
    await picker.fill('londres');
    await list.getByRole('option', { name: /Londres, Royaume-Uni/ }).waitFor();
    await expectNoSidewaysScroll(page);
    await expectNoViolations(page);
    await screenshot(page, 'booking-page-zone-search-fr-phone');
    await picker.fill('Kolkata');
    await picker.press('Enter');
    expect(await picker.getAttribute('data-zone')).toBe('Asia/Kolkata');
    await page.getByText('Les heures sont affichées en Calcutta, Inde (UTC+05:30).').waitFor();
    await searchZone(page, 'Votre fuseau horaire', 'Paris');
    expect(await picker.getAttribute('data-zone')).toBe('Europe/Paris');

    const first = page.locator('.chip.time').first();
    await first.click();
    await page.getByLabel('Nom complet').fill('Léa Martin');
    await page.getByLabel('Courriel').fill('lea@example.fr');
    const booked = page.waitForResponse(
      (r) => r.url().endsWith('/api/public/bookings') && r.request().method() === 'POST',
    );
    await page.getByRole('button', { name: 'Réserver cette heure' }).click();
    const body = (await (await booked).json()) as { startsAt: string; timezone: string };
    expect(body.timezone).toBe('Europe/Paris');
    const join = page.getByTestId('meeting-link');
    await join.waitFor();
    expect(await join.getAttribute('href')).toBe(VIDEO_LINK);
    expect(await join.innerText()).toBe('Rejoindre l’appel vidéo');
    expect(await page.getByTestId('confirmed-time').getAttribute('data-local')).toBe(
      DateTime.fromISO(body.startsAt, { zone: 'Europe/Paris' }).toFormat("yyyy-MM-dd'T'HH:mm"),
    );
    await expectNoSidewaysScroll(page);
    await expectNoViolations(page);
    await screenshot(page, 'booking-page-confirmation-fr-phone');
  });
});
