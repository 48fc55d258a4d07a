import { useState, type FormEvent } from 'react';
import { ApiError, portalApi } from './api';
import type { Translate } from './i18n';
import type { Arrival } from './main';
import { useHeadingFocus } from './useHeadingFocus';

/** Asks for a sign-in link by email; the answer is the same whether the address is known or not. */
export function RequestLinkPage({ t, arrival }: { t: Translate; arrival: Arrival }) {
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent'>('idle');
  const [error, setError] = useState<string | null>(null);
  const heading = useHeadingFocus<HTMLHeadingElement>(state === 'sent');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError(t('emailInvalid'));
      return;
    }
    setState('sending');
    try {
      await portalApi.requestLink(email.trim());
      setState('sent');
    } catch (caught) {
      setState('idle');
      const status = caught instanceof ApiError ? caught.status : 0;
      setError(
        status === 400 ? t('emailInvalid') : status === 429 ? t('tooManyRequests') : t('somethingWrong'),
      );
    }
  };

  return (
    <section className="card" aria-labelledby="request-title">
      <h1 id="request-title" ref={heading} tabIndex={-1}>
        {t('requestTitle')}
      </h1>
      {arrival === 'session-ended' && state !== 'sent' && (
        <p className="warning" role="alert" data-testid="session-ended">
          {t('sessionEnded')}
        </p>
      )}
      {arrival === 'signed-out' && state !== 'sent' && <p className="notice">{t('signedOut')}</p>}
      {state === 'sent' ? (
        <p className="notice" role="status" data-testid="link-sent">
          {t('linkSent')}
        </p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <p>{t('requestIntro')}</p>
          <label className="field">
            <span>{t('email')}</span>
            <input
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              aria-invalid={error !== null}
              aria-describedby={error ? 'email-error' : undefined}
              required
            />
          </label>
          {error && (
            <p id="email-error" className="error" role="alert">
              {error}
            </p>
          )}
          <button type="submit" className="button" disabled={state === 'sending'}>
            {state === 'sending' ? t('sending') : t('sendLink')}
          </button>
        </form>
      )}
    </section>
  );
}
