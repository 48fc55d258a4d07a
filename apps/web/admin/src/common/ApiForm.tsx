import {
  Alert,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { useCallback, useRef, useState, type ReactNode } from 'react';
import {
  SimpleForm,
  useNotify,
  useRecordContext,
  useRedirect,
  useResourceContext,
  useSaveContext,
  useTranslate,
  type RaRecord,
  type RedirectionSideEffect,
  type SimpleFormProps,
} from 'react-admin';
import { useFormContext, type FieldValues, type UseFormReturn } from 'react-hook-form';
import { apiFieldsOf, friendlyMessage, placeFieldErrors } from './field-errors';

type Translate = ReturnType<typeof useTranslate>;

/** What to check before saving: plain-words warnings the user confirms (or goes back to fix). */
export type FormWarnings = (
  values: FieldValues,
  record: RaRecord | undefined,
) => string[] | Promise<string[]>;

export interface ApiSimpleFormProps extends Omit<SimpleFormProps, 'onSubmit'> {
  /** Warnings shown before saving; saving goes on once the user confirms. */
  warnings?: FormWarnings;
  /** The success notification naming what was saved, from the saved record. */
  successMessage: (record: RaRecord, translate: Translate) => string;
  /** Where to go once saved (react-admin's redirect: show, edit, list, or false). */
  redirectTo?: RedirectionSideEffect;
  /** API field paths that have no input of their own, and the input that shows them (imp → imp.exemptionCode). */
  errorAliases?: Record<string, string>;
}

interface Pending {
  warnings: string[];
  resolve: (go: boolean) => void;
}

/**
 * A react-admin SimpleForm that saves through the API and puts every 400 `fields` error on its input (nested
 * paths included), in plain words of the UI's language; errors no input on screen can show appear above the
 * fields. Warnings, when given, are confirmed in a dialog before saving. The success notification names the record.
 */
export function ApiSimpleForm({
  warnings,
  successMessage,
  redirectTo = 'show',
  errorAliases,
  children,
  ...props
}: ApiSimpleFormProps) {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const resource = useResourceContext();
  const record = useRecordContext();
  const { save } = useSaveContext();
  const form = useRef<UseFormReturn | null>(null);
  const [pending, setPending] = useState<Pending | null>(null);
  const [formErrors, setFormErrors] = useState<string[]>([]);

  const confirm = (list: string[]) =>
    new Promise<boolean>((resolve) => setPending({ warnings: list, resolve }));

  const onSubmit = useCallback(
    async (values: FieldValues) => {
      setFormErrors([]);
      const list = (await warnings?.(values, record)) ?? [];
      if (list.length > 0 && !(await confirm(list))) {
        return;
      }
      let failure: unknown;
      await save?.(values, {
        onSuccess: (saved: RaRecord) => {
          notify(successMessage(saved, translate), { type: 'success' });
          redirect(redirectTo, resource, saved.id, saved);
        },
        onError: (error: unknown) => {
          failure = error;
        },
      });
      if (failure === undefined) {
        return;
      }
      const methods = form.current;
      const fields = apiFieldsOf(failure);
      if (!methods || Object.keys(fields).length === 0) {
        const message = (failure as Error).message;
        notify(message ? friendlyMessage(message, translate) : 'ra.notification.http_error', {
          type: 'error',
        });
        return;
      }
      const inputs = [...methods.control._names.mount];
      const placed = placeFieldErrors(fields, inputs, translate, errorAliases);
      let first = true;
      for (const [source, message] of Object.entries(placed.byInput)) {
        methods.setError(source, { type: 'server', message }, { shouldFocus: first });
        first = false;
      }
      setFormErrors(placed.unplaced);
      // react-admin shows this once the submit ends, as the form has errors.
      methods.setError('root.serverError', {
        type: 'server',
        message:
          placed.unplaced.length > 0
            ? placed.unplaced.join(' ')
            : translate('pd.errors.check_fields', {
                fields: Object.keys(placed.byInput)
                  .map((source) => translate(`resources.${resource}.fields.${source}`, { _: source }))
                  .join(', '),
              }),
      });
    },
    [warnings, record, save, notify, successMessage, translate, redirect, redirectTo, resource, errorAliases],
  );

  return (
    <SimpleForm {...props} onSubmit={onSubmit}>
      <FormHandle into={form} />
      {formErrors.length > 0 && (
        <Stack spacing={1} sx={{ mb: 2, width: '100%' }} role="alert">
          {formErrors.map((text) => (
            <Alert key={text} severity="error">
              {text}
            </Alert>
          ))}
        </Stack>
      )}
      {children}
      <Dialog
        open={pending !== null}
        onClose={() => {
          pending?.resolve(false);
          setPending(null);
        }}
        aria-labelledby="save-warnings-title"
      >
        <DialogTitle id="save-warnings-title">{translate('pd.checks.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText component="div">
            <Stack spacing={1} data-testid="save-warnings">
              {pending?.warnings.map((text) => (
                <Alert key={text} severity="warning">
                  {text}
                </Alert>
              ))}
            </Stack>
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <MuiButton
            onClick={() => {
              pending?.resolve(false);
              setPending(null);
            }}
          >
            {translate('pd.checks.back')}
          </MuiButton>
          <MuiButton
            variant="contained"
            onClick={() => {
              pending?.resolve(true);
              setPending(null);
            }}
          >
            {translate('pd.checks.save_anyway')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </SimpleForm>
  );
}

/** Hands the form's methods to ApiSimpleForm, which sits outside the form context. */
function FormHandle({ into }: { into: { current: UseFormReturn | null } }): ReactNode {
  into.current = useFormContext();
  return null;
}
