import DeleteIcon from '@mui/icons-material/Delete';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useLocale, useNotify, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { errorsOf } from '../common/field-errors';
import { intlLocale } from '../common/fields';
import { send } from '../dataProvider';
import { apiClient } from '../session';
import { centsOf, dollarsOf } from './fee-schedule-money';
import { moneyText } from './FileInvoices';

type Service = Schemas['FeeScheduleServiceResponse'];
type GovernmentFee = Schemas['GovernmentFeeResponse'];

interface MilestoneRow {
  label: string;
  labelFr: string;
  amount: string;
}

interface FormState {
  name: string;
  nameFr: string;
  stream: '' | 'TFWP' | 'IMP';
  fee: string;
  governmentFeeKeys: string[];
  milestones: MilestoneRow[];
  active: boolean;
}

function initial(service: Service | null): FormState {
  if (!service) {
    return { name: '', nameFr: '', stream: '', fee: '', governmentFeeKeys: [], milestones: [], active: true };
  }
  return {
    name: service.name,
    nameFr: service.nameFr,
    stream: service.stream ?? '',
    fee: dollarsOf(service.professionalFeeCents),
    governmentFeeKeys: [...service.governmentFeeKeys],
    milestones: service.milestones.map((m) => ({
      label: m.label,
      labelFr: m.labelFr,
      amount: dollarsOf(m.amountCents),
    })),
    active: service.active,
  };
}

/** Cents of a typed amount, 0 while it is not one yet (for the running total only). */
const centsOrZero = (text: string) => {
  const cents = centsOf(text);
  return Number.isNaN(cents) ? 0 : cents;
};

/** Adds or changes one service of the fee schedule, with its milestones and what is left to allocate. */
export function FeeServiceForm({
  service,
  governmentFees,
  onSaved,
  onCancel,
}: {
  service: Service | null;
  governmentFees: GovernmentFee[];
  onSaved: () => void;
  onCancel: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = intlLocale(useLocale());
  const french = locale === 'fr-CA';
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.fee_schedule.${key}`, args);
  const [form, setForm] = useState<FormState>(() => initial(service));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const feeCents = centsOrZero(form.fee);
  const remaining = feeCents - form.milestones.reduce((sum, m) => sum + centsOrZero(m.amount), 0);
  /** A change of the amounts takes back the API's word that they did not add up. */
  const setAmounts = (next: FormState) => {
    setForm(next);
    if (errors.milestones) {
      setErrors(Object.fromEntries(Object.entries(errors).filter(([field]) => field !== 'milestones')));
    }
  };
  const setMilestone = (index: number, patch: Partial<MilestoneRow>) =>
    setAmounts({
      ...form,
      milestones: form.milestones.map((m, i) => (i === index ? { ...m, ...patch } : m)),
    });

  async function save() {
    const body: Schemas['FeeScheduleServiceDto'] = {
      name: form.name,
      nameFr: form.nameFr,
      stream: form.stream === '' ? null : form.stream,
      professionalFeeCents: centsOf(form.fee),
      governmentFeeKeys: form.governmentFeeKeys,
      milestones: form.milestones.map((m) => ({
        label: m.label,
        labelFr: m.labelFr,
        amountCents: centsOf(m.amount),
      })),
      active: form.active,
    };
    try {
      if (service) {
        await send(apiClient.PUT('/api/fee-schedule/{id}', { params: { path: { id: service.id } }, body }));
      } else {
        await send(apiClient.POST('/api/fee-schedule', { body }));
      }
      notify('pd.fee_schedule.saved', { type: 'success', messageArgs: { name: form.name } });
      onSaved();
    } catch (e) {
      setErrors(errorsOf(e, translate));
      notify((e as Error).message, { type: 'error' });
    }
  }

  const text = (name: 'name' | 'nameFr') => (
    <TextField
      label={t(name)}
      value={form[name]}
      onChange={(event) => setForm({ ...form, [name]: event.target.value })}
      error={!!errors[name]}
      helperText={errors[name]}
      required
      fullWidth
    />
  );

  return (
    <Stack
      spacing={2}
      sx={{ maxWidth: 760 }}
      component="form"
      aria-label={service ? t('edit_named', { name: service.name }) : t('add')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <Typography variant="subtitle1" component="h3">
        {service ? t('edit_named', { name: service.name }) : t('add')}
      </Typography>
      {text('name')}
      {text('nameFr')}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
        <TextField
          select
          label={t('stream')}
          value={form.stream}
          onChange={(event) => setForm({ ...form, stream: event.target.value as FormState['stream'] })}
          error={!!errors.stream}
          helperText={errors.stream}
          sx={{ minWidth: 200 }}
        >
          <MenuItem value="">{t('stream_any')}</MenuItem>
          <MenuItem value="TFWP">TFWP</MenuItem>
          <MenuItem value="IMP">IMP</MenuItem>
        </TextField>
        <TextField
          label={t('fee')}
          value={form.fee}
          onChange={(event) => setAmounts({ ...form, fee: event.target.value })}
          error={!!errors.professionalFeeCents}
          helperText={errors.professionalFeeCents ?? t('fee_help')}
          slotProps={{ htmlInput: { inputMode: 'decimal' } }}
          required
        />
      </Stack>
      <FormControl component="fieldset" error={!!errors.governmentFeeKeys}>
        <FormLabel component="legend">{t('government_fees')}</FormLabel>
        <FormGroup>
          {governmentFees.map((fee) => (
            <FormControlLabel
              key={fee.key}
              control={
                <Checkbox
                  checked={form.governmentFeeKeys.includes(fee.key)}
                  onChange={(event) =>
                    setForm({
                      ...form,
                      governmentFeeKeys: event.target.checked
                        ? [...form.governmentFeeKeys, fee.key]
                        : form.governmentFeeKeys.filter((key) => key !== fee.key),
                    })
                  }
                />
              }
              label={`${french ? fee.nameFr : fee.name} (${fee.authority}) — ${moneyText(fee.cents, locale)}`}
            />
          ))}
        </FormGroup>
        <FormHelperText>{errors.governmentFeeKeys ?? t('government_fees_help')}</FormHelperText>
      </FormControl>
      <Box component="fieldset" sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 2 }}>
        <Typography component="legend" variant="subtitle2" sx={{ px: 0.5 }}>
          {t('milestones')}
        </Typography>
        <Stack spacing={1.5}>
          {form.milestones.map((milestone, index) => (
            <Stack
              key={index}
              direction={{ xs: 'column', md: 'row' }}
              spacing={1}
              role="group"
              aria-label={t('milestone_n', { n: index + 1 })}
            >
              <TextField
                label={t('milestone_label')}
                value={milestone.label}
                onChange={(event) => setMilestone(index, { label: event.target.value })}
                error={!!errors[`milestones.${index}.label`]}
                helperText={errors[`milestones.${index}.label`]}
                size="small"
                fullWidth
              />
              <TextField
                label={t('milestone_labelFr')}
                value={milestone.labelFr}
                onChange={(event) => setMilestone(index, { labelFr: event.target.value })}
                error={!!errors[`milestones.${index}.labelFr`]}
                helperText={errors[`milestones.${index}.labelFr`]}
                size="small"
                fullWidth
              />
              <TextField
                label={t('milestone_amount')}
                value={milestone.amount}
                onChange={(event) => setMilestone(index, { amount: event.target.value })}
                error={!!errors[`milestones.${index}.amountCents`]}
                helperText={errors[`milestones.${index}.amountCents`]}
                slotProps={{ htmlInput: { inputMode: 'decimal' } }}
                size="small"
                sx={{ minWidth: 140 }}
              />
              <IconButton
                aria-label={t('milestone_remove', { n: index + 1 })}
                onClick={() =>
                  setForm({ ...form, milestones: form.milestones.filter((_, i) => i !== index) })
                }
              >
                <DeleteIcon />
              </IconButton>
            </Stack>
          ))}
          <Typography
            role="status"
            variant="body2"
            color={remaining === 0 ? 'success.main' : 'warning.main'}
            sx={{ fontWeight: 600 }}
          >
            {remaining === 0
              ? t('allocated')
              : remaining > 0
                ? t('remaining', { amount: moneyText(remaining, locale) })
                : t('over', { amount: moneyText(-remaining, locale) })}
          </Typography>
          {errors.milestones && <Alert severity="error">{errors.milestones}</Alert>}
          <Box>
            <Button
              size="small"
              onClick={() =>
                setAmounts({
                  ...form,
                  milestones: [
                    ...form.milestones,
                    { label: '', labelFr: '', amount: remaining > 0 ? dollarsOf(remaining) : '' },
                  ],
                })
              }
            >
              {t('milestone_add')}
            </Button>
          </Box>
        </Stack>
      </Box>
      <FormControlLabel
        control={
          <Checkbox
            checked={form.active}
            onChange={(event) => setForm({ ...form, active: event.target.checked })}
          />
        }
        label={t('active_help')}
      />
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained">
          {t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </Stack>
    </Stack>
  );
}
