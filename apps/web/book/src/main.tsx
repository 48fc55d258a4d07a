import { StrictMode, useEffect, useMemo, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BookingFlow } from './BookingFlow';
import { detectLang, translator, type Lang } from './i18n';
import { ManagePage } from './ManagePage';
import { FirmHeader } from '../../shared/FirmHeader';
import { publicApi, type Firm } from './api';
import '../../shared/styles.css';

/** /book: the booking steps; /book/manage/<token>: a booking's own page. */
function App() {
  const [lang, setLang] = useState<Lang>(detectLang());
  const t = useMemo(() => translator(lang), [lang]);
  const [firm, setFirm] = useState<Firm | null>(null);
  useEffect(() => {
    publicApi.firm().then(setFirm, () => setFirm(null));
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
    document.title = firm?.name ? `${t('title')} · ${firm.name}` : t('title');
  }, [lang, t, firm]);
  const manage = /^\/book\/manage\/([^/?#]+)/.exec(window.location.pathname);
  return (
    <>
      <a className="skip" href="#main">
        {t('skip')}
      </a>
      <header className="top">
        {firm && <FirmHeader firm={firm} t={t} />}
        <div className="title-row">
          <h1>{t('title')}</h1>
          <button
            type="button"
            className="link"
            lang={lang === 'en' ? 'fr' : 'en'}
            aria-label={`${t('languageName')}: ${t('language')}`}
            onClick={() => setLang(lang === 'en' ? 'fr' : 'en')}
          >
            {t('language')}
          </button>
        </div>
      </header>
      <main id="main">
        {manage ? (
          <ManagePage token={decodeURIComponent(manage[1])} lang={lang} t={t} />
        ) : (
          <BookingFlow lang={lang} t={t} />
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
