import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { LocalesMenuButton, useCheckAuth, useLocale, useLogin, useNavigate, useTranslate } from 'react-admin';
import { intlLocale } from '../common/fields';
import { LoginError } from '../authProvider';
import { requestJson } from '../../../shared/http';

/** The firm's name from its public profile, once an admin has set it; null meanwhile or when unset. */
function useFirmName(): string | null {
  const [name, setName] = useState<string | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    requestJson<{ name: string | null }>('/api/public/firm', { signal: controller.signal }).then(
      (firm) => setName(firm.name),
      () => setName(null),
    );
    return () => controller.abort();
  }, []);
  return name;
}

/** "45 seconds" / "15 minutes" ("15 minutes" / "45 secondes"): how long to wait, in the reader's language. */
export function waitText(seconds: number, locale: string): string {
  const s = Math.max(1, Math.ceil(seconds));
  const [value, unit] = s < 90 ? [s, 'second'] : [Math.ceil(s / 60), 'minute'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/**
 * The staff sign-in page: the product's name, an email (not a "username") and a password, and on failure a
 * message that says what to do, translated from the API's answer (wrong email or password, too many attempts
 * with how long to wait, server unreachable).
 */
export function LoginPage() {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const login = useLogin();
  const checkAuth = useCheckAuth();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<LoginError | null>(null);
  const firmName = useFirmName();

  useEffect(() => {
    // Already signed in (another tab): straight to the dashboard.
    checkAuth({}, false)
      .then(() => navigate('/'))
      .catch(() => undefined);
  }, [checkAuth, navigate]);

  useEffect(() => {
    document.title = `${translate('pd.login.title')} · ${firmName ?? translate('pd.app')}`;
  }, [translate, firmName]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login({ username: email.trim(), password });
    } catch (caught) {
      setError(caught instanceof LoginError ? caught : new LoginError('unreachable'));
      setBusy(false);
    }
  };

  const message = error
    ? translate(`pd.login.error.${error.reason}`, {
        wait: error.retryAfterSeconds
          ? waitText(error.retryAfterSeconds, locale)
          : translate('pd.login.a_moment'),
      })
    : null;

  return (
    <Box
      component="main"
      sx={{
        minHeight: '100vh',
        display: 'flex',
        alignItems: 'center',
        justifyContent: 'center',
        bgcolor: 'background.default',
        p: 2,
      }}
    >
      <Card sx={{ width: '100%', maxWidth: 400 }}>
        <CardContent>
          <Stack direction="row" sx={{ justifyContent: 'flex-end', mt: -1, mr: -1 }}>
            <LocalesMenuButton />
          </Stack>
          {firmName && (
            <Typography variant="h6" component="p" data-testid="firm-name" sx={{ fontWeight: 600 }}>
              {firmName}
            </Typography>
          )}
          <Typography variant="h4" component="h1">
            {translate('pd.app')}
          </Typography>
          <Typography variant="subtitle1" component="p" color="text.secondary">
            {translate('pd.login.title')}
          </Typography>
          <Box component="form" onSubmit={(event) => void submit(event)} noValidate={false} sx={{ mt: 2 }}>
            <TextField
              name="username"
              type="email"
              label={translate('pd.login.email')}
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              required
              fullWidth
              autoFocus
              margin="normal"
            />
            <TextField
              name="password"
              type="password"
              label={translate('ra.auth.password')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              fullWidth
              margin="normal"
            />
            <Box role="alert" aria-live="assertive" sx={{ minHeight: 8 }}>
              {message && (
                <Alert severity="error" sx={{ mt: 1 }}>
                  {message}
                </Alert>
              )}
            </Box>
            <Button type="submit" variant="contained" fullWidth disabled={busy} sx={{ mt: 2 }}>
              {busy && <CircularProgress size={18} sx={{ mr: 1 }} color="inherit" />}
              {translate('ra.auth.sign_in')}
            </Button>
          </Box>
        </CardContent>
      </Card>
    </Box>
  );
}
