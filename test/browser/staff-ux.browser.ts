import type { Locator, Page } from 'playwright-core';
import { StaffRole } from '@app/auth';
import {
  axeViolations,
  describeViolations,
  goInApp,
  screenshot,
  signIn,
  startHarness,
  STAFF_PASSWORD,
  type BrowserHarness,
  PHONE,
} from './browser';

jest.setTimeout(120_000);

/**
 * What a consultancy sees first and reads every day: the sign-in page (labels, messages that say what to do, in
 * English and French), dates with their year, and list paging that claims no total it does not know.
 */
describe('staff UI: sign-in, dates and paging (browser)', () => {
  let h: BrowserHarness;
  let consultantId: string;
  let clientWithFile: string;
  let clientWithout: string;

  beforeAll(async () => {
    // Two failures in a row hold an account for 5 minutes, so the page can show the wait.
    h = await startHarness({ env: { LOGIN_LOCKOUT_THRESHOLD: '2', LOGIN_LOCKOUT_BASE_SECONDS: '300' } });
    const consultant = await h.test.given.consultant({ name: 'Rajesh Patel' });
    consultantId = consultant.id;
    for (let i = 1; i <= 20; i += 1) {
      await h.test.given.client({ firstName: `Paged${String(i).padStart(2, '0')}`, consultantId });
    }
    for (let i = 1; i <= 6; i += 1) {
      await h.test.given.client({ firstName: `Other${i}` });
    }
    // 28 clients in all: 20 of the consultant's, 6 others, and the two below.
    const future = await h.test.given.client({
      firstName: 'Future',
      lastName: 'Expiry',
      statusInCanada: 'worker',
      statusExpiresOn: '2028-01-16',
    } as never);
    clientWithFile = future.id;
    const file = await h.test.given.file({ clientId: future.id, permitExpiresOn: '2028-01-16' });
    await h.test.given.deadline(file.id, { title: 'Passport renewal', dueOn: '2027-04-01' });
    await h.test.given.deadline(file.id, { title: 'Permit renewal', dueOn: '2028-01-16' });
    clientWithout = (
      await h.test.given.client({
        firstName: 'Past',
        lastName: 'Expiry',
        statusInCanada: 'visitor',
        statusExpiresOn: '2025-03-01',
      } as never)
    ).id;
  });

  afterAll(async () => {
    await h?.close();
  });

  async function newPage(options: { phone?: boolean; locale?: string } = {}): Promise<Page> {
    const context = await h.context({
      timezoneId: 'America/Toronto',
      ...(options.phone ? { viewport: PHONE, isMobile: true, hasTouch: true } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
    });
    return context.newPage();
  }

  async function tryToSignIn(page: Page, email: string, password: string, button = 'Sign in'): Promise<void> {
    await page.locator('input[name=username]').fill(email);
    await page.locator('input[name=password]').fill(password);
    await page.getByRole('button', { name: button }).click();
  }

  it('moves nothing for staff whose system asks for less motion: no transitions, no ripples', async () => {
    const motionOf = async (reducedMotion: 'reduce' | 'no-preference') => {
      const context = await h.context({ reducedMotion });
      const page = await context.newPage();
      await page.goto(`${h.baseUrl}/admin/login`);
      const button = page.getByRole('button', { name: 'Sign in' });
      await button.waitFor();
      const transition = await button.evaluate((b) => {
        // Runs in the page; the test's TypeScript has no DOM types.
        const view = globalThis as unknown as { getComputedStyle(e: object): { transitionProperty: string } };
        return view.getComputedStyle(b).transitionProperty;
      });
      // MUI adds a button's ripple at its first press (the empty form is then refused: nothing is sent).
      await button.hover();
      await page.mouse.down();
      await page.mouse.up();
      const ripples = await button.locator('.MuiTouchRipple-root').count();
      await context.close(); // a page left open keeps Chromium's compositor busy for the rest of the file
      return { transition, ripples };
    };
    expect(await motionOf('reduce')).toEqual({ transition: 'none', ripples: 0 });
    const moving = await motionOf('no-preference');
    expect(moving.transition).toContain('background-color');
    expect(moving.ripples).toBe(1);
  });

  it('the sign-in page names the product, asks for an email, has no moderate axe violation and says what went wrong', async () => {
    const admin = await h.test.signedInAs(StaffRole.Admin, { email: 'amelie@firm.test' });
    const page = await newPage();
    // Signed out, the app goes to the sign-in page once (it used to loop through sign-out a thousand times first).
    await page.addInitScript(`
      window.visits = [];
      const pushState = history.pushState.bind(history);
      history.pushState = (state, unused, url) => {
        window.visits.push(String(url));
        pushState(state, unused, url);
      };
    `);
    await page.goto(`${h.baseUrl}/admin/`);
    await page.getByRole('heading', { level: 1, name: 'PermitDesk' }).waitFor();
    expect(await page.evaluate('window.visits')).toEqual(['/admin/login']);
    await page.getByText('Staff sign-in').waitFor();
    expect(await page.getByRole('textbox', { name: 'Email' }).count()).toBe(1);
    expect(await page.getByText('Username').count()).toBe(0);
    const violations = await axeViolations(page, 'moderate');
    expect(describeViolations(violations)).toBe('');
    await screenshot(page, 'login');

    await tryToSignIn(page, admin.user.email, 'not-the-password');
    await page
      .getByRole('alert')
      .getByText('Email or password is incorrect. Check both and try again.')
      .waitFor();
    expect(await page.getByText('Authentication failed').count()).toBe(0);
    await screenshot(page, 'login-wrong-password');
  });

  it('after too many attempts it says how long to wait, from the Retry-After header', async () => {
    const held = await h.test.given.user({ role: StaffRole.Assistant, email: 'held@firm.test' });
    const page = await newPage();
    await page.goto(`${h.baseUrl}/admin/`);
    for (let i = 0; i < 2; i += 1) {
      await tryToSignIn(page, held.email, `wrong-${i}`);
      await page.getByRole('alert').getByText('Email or password is incorrect').waitFor();
      await page.getByRole('button', { name: 'Sign in' }).isEnabled();
    }
    await tryToSignIn(page, held.email, STAFF_PASSWORD);
    await page.getByRole('alert').getByText('Too many sign-in attempts. Try again in 5 minutes.').waitFor();
  });

  it('in French on a phone: labels and messages in French, wait included', async () => {
    const page = await newPage({ phone: true, locale: 'fr-CA' });
    await page.goto(`${h.baseUrl}/admin/`);
    await page.getByRole('heading', { level: 1, name: 'PermitDesk' }).waitFor();
    await page.getByText('Connexion du personnel').waitFor();
    await page.getByRole('textbox', { name: 'Courriel' }).waitFor();
    await screenshot(page, 'login-fr-phone');
    await tryToSignIn(page, 'held@firm.test', STAFF_PASSWORD, 'Connexion');
    await page
      .getByRole('alert')
      .getByText('Trop de tentatives de connexion. Réessayez dans 5 minutes.')
      .waitFor();
    await tryToSignIn(page, 'nobody@firm.test', 'not-the-password', 'Connexion');
    await page
      .getByRole('alert')
      .getByText('Courriel ou mot de passe incorrect. Vérifiez-les et réessayez.')
      .waitFor();
    await screenshot(page, 'login-fr-phone-error');
  });

  it('the dashboard has a level-one heading, landmarks and no moderate axe violation', async () => {
    const admin = await h.test.signedInAs(StaffRole.Admin, { name: 'Dana Admin' });
    const page = await newPage();
    await signIn(page, h.baseUrl, admin.user.email);
    await page.getByRole('region', { name: 'Deadlines in the next 14 days' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
    await page.getByRole('main').waitFor();
    const violations = await axeViolations(page, 'moderate');
    expect(describeViolations(violations)).toBe('');
  });

  describe('as an admin', () => {
    let page: Page;

    beforeAll(async () => {
      const admin = await h.test.signedInAs(StaffRole.Admin, { name: 'Paula Admin' });
      page = await newPage();
      await signIn(page, h.baseUrl, admin.user.email);
    });

    const rangeText = (p: Page | Locator) => p.locator('.MuiTablePagination-displayedRows');

    it('dates show their year and how far away they are, in English and in French', async () => {
      await goInApp(page, `/admin/clients?filter=${encodeURIComponent(JSON.stringify({ q: 'Expiry' }))}`);
      await page.getByRole('cell', { name: /Sun, Jan 16, 2028/ }).waitFor();
      await page.getByRole('cell', { name: /Sat, Mar 1, 2025 · .* ago/ }).waitFor();
      await screenshot(page, 'dates-clients');

      await goInApp(page, `/admin/clients/${clientWithFile}/show`);
      await page.getByText('Sun, Jan 16, 2028').first().waitFor();

      await goInApp(page, `/admin/deadlines`);
      const due = page.getByRole('cell', { name: /^(Thu, Apr 1, 2027|Sun, Jan 16, 2028)/ });
      await due.first().waitFor();
      const order = await due.allTextContents();
      expect(order[0]).toMatch(/^Thu, Apr 1, 2027 · in \d+ (months|years?)/);
      expect(order[1]).toMatch(/^Sun, Jan 16, 2028 · in \d+ (months|years?)/);
      await screenshot(page, 'dates-deadlines');

      await page.getByRole('button', { name: 'English', exact: true }).click();
      await page.getByRole('menuitem', { name: 'Français' }).click();
      await page.getByRole('cell', { name: /^jeu\. 1 avr\. 2027 · dans \d+ (mois|ans?)/ }).waitFor();
      await page
        .getByRole('cell', { name: /^dim\. 16 janv\. 2028/ })
        .first()
        .waitFor();
      await screenshot(page, 'dates-deadlines-fr');
      await goInApp(page, `/admin/clients/${clientWithout}/show`);
      await page.getByText(/sam\. 1 mars 2025 · il y a/).waitFor();
      await page.getByRole('button', { name: 'Français', exact: true }).click();
      await page.getByRole('menuitem', { name: 'English' }).click();
      await page.getByText(/Sat, Mar 1, 2025 · .* ago/).waitFor();
    });

    it("a consultant's 20 clients read 1-20 of 20; more than a page reads 'of more than'", async () => {
      await goInApp(page, `/admin/clients?filter=${encodeURIComponent(JSON.stringify({ consultantId }))}`);
      await page.getByRole('cell', { name: 'Paged20 Tester' }).waitFor();
      expect(await rangeText(page).textContent()).toBe('1-20 of 20');

      await goInApp(page, `/admin/clients?filter=${encodeURIComponent('{}')}`);
      await page.getByRole('cell', { name: 'Future Expiry' }).waitFor();
      expect(await rangeText(page).textContent()).toBe('1-25 of more than 25');
      await page.getByRole('button', { name: 'Go to next page' }).click();
      await page.locator('.MuiTablePagination-displayedRows', { hasText: '26-28 of 28' }).waitFor();
    });

    it("a client's Files panel shows 1-1 of 1 for one file and no paging for none", async () => {
      await goInApp(page, `/admin/clients/${clientWithFile}/show`);
      const files = page.getByRole('region', { name: 'Files' });
      await files.getByRole('cell', { name: /^WP-/ }).waitFor();
      expect(await rangeText(files).textContent()).toBe('1-1 of 1');

      await goInApp(page, `/admin/clients/${clientWithout}/show`);
      const none = page.getByRole('region', { name: 'Files' });
      await none.getByText('No files').waitFor();
      expect(await rangeText(none).count()).toBe(0);
    });

    it('on a phone, in both languages', async () => {
      const phone = await newPage({ phone: true });
      const admin = await h.test.signedInAs(StaffRole.Admin, { name: 'Phone Admin' });
      // The name in the top bar is hidden on a phone: wait for the dashboard instead.
      await phone.goto(`${h.baseUrl}/admin/`);
      await tryToSignIn(phone, admin.user.email, STAFF_PASSWORD);
      await phone.getByRole('region', { name: 'Deadlines in the next 14 days' }).waitFor();
      await goInApp(phone, `/admin/clients/${clientWithFile}/show`);
      await phone.getByText('Sun, Jan 16, 2028').first().waitFor();
      await screenshot(phone, 'dates-client-phone');
      await goInApp(phone, `/admin/deadlines`);
      await phone
        .getByText(/Thu, Apr 1, 2027/)
        .first()
        .waitFor();
      await screenshot(phone, 'dates-deadlines-phone');

      const french = await newPage({ phone: true, locale: 'fr-CA' });
      await french.goto(`${h.baseUrl}/admin/`);
      await tryToSignIn(french, admin.user.email, STAFF_PASSWORD, 'Connexion');
      await french.getByRole('heading', { level: 1, name: 'Tableau de bord' }).waitFor();
      await goInApp(french, `/admin/clients/${clientWithFile}/show`);
      await french.getByText('dim. 16 janv. 2028').first().waitFor();
      await screenshot(french, 'dates-client-phone-fr');
    });
  });
});
