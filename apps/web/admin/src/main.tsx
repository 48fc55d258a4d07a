import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './App';
import './styles.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {/* Real paths (/admin/clients/…) rather than react-admin's default hash routes; the API serves index.html for them.
        Navigations are plain state updates, not transitions: signed out, react-admin's sign-out clears its query cache
        right after navigating to /login, which interrupted the transition and re-ran the sign-out, over a thousand
        times (10–15 s) before the sign-in page showed. */}
    <BrowserRouter basename="/admin" useTransitions={false}>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
