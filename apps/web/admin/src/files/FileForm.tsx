import {
  BooleanInput,
  Create,
  DateInput,
  Edit,
  NumberInput,
  ReferenceInput,
  AutocompleteInput,
  SelectInput,
  TextInput,
  required,
  useRecordContext,
  useLocale,
  useTranslate,
  useDataProvider,
} from 'react-admin';
import { Box, Grid, Typography } from '@mui/material';
import { useEffect, useRef } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { APPLICATION_TYPES, choicesOf, LMIA_STATUSES, STREAMS, WAGE_PERIODS } from '../common/fields';
import { ApiSimpleForm } from '../common/ApiForm';
import { today } from '../common/today';
import { Section } from '../common/Section';
import { SaveOnlyToolbar } from '../common/SaveOnlyToolbar';
import { fileDateWarnings } from './date-checks';
import { StaffInput } from '../common/StaffInput';
import { FileWarnings } from './FileWarnings';
import {
  codeStatusText,
  nocTitleOf,
  ExemptionCodeInput,
  NocInput,
  useExemptionCodes,
  useLmiaStreams,
  type ExemptionCode as ExemptionCodeInfo,
  provinceChoices,
  useLmiaStreamChoices,
} from './pickers';

const half = { xs: 12, sm: 6 } as const;
const third = { xs: 12, sm: 4 } as const;

function ImpFields() {
  const translate = useTranslate();
  const codes = useExemptionCodes();
  const code = useWatch({ name: 'imp.exemptionCode' }) as string | undefined;
  const chosenType = useWatch({ name: 'imp.permitType' }) as string | undefined;
  const info = codes.find((c) => c.code === code);
  const permitType = info?.permitType === 'varies' ? chosenType : info?.permitType;
  useClearOnCodeChange(code, info);
  return (
    <Section title={translate('pd.files.imp')}>
      <ExemptionCodeInput source="imp.exemptionCode" />
      {info && (
        <Typography variant="body2" sx={{ mb: 1 }} data-testid="permit-type">
          {translate('resources.files.fields.imp.permitType')}:{' '}
          {translate(`pd.permitType.${info.permitType}`)}
          {codeStatusText(info, translate) && (
            <Typography component="span" variant="body2" color="warning.main" data-testid="code-status">
              {` — ${codeStatusText(info, translate)}`}
            </Typography>
          )}
        </Typography>
      )}
      {info?.permitType === 'varies' && (
        <SelectInput
          source="imp.permitType"
          choices={choicesOf(['open', 'employer_specific'], 'permitType')}
        />
      )}
      {permitType === 'employer_specific' && (
        <Grid container columnSpacing={2}>
          <Grid size={half}>
            <TextInput source="imp.offerOfEmploymentNumber" helperText="A1234567" fullWidth />
          </Grid>
          <Grid size={half}>
            <BooleanInput source="imp.complianceFeePaid" />
          </Grid>
        </Grid>
      )}
    </Section>
  );
}

/**
 * A newly chosen code decides the permit type: what the previous code needed (a permit type chosen for a code
 * that varies, an offer number and compliance fee for an employer-specific permit) is dropped when the new code
 * does not take it, so no hidden value is sent that the API must refuse.
 */
function useClearOnCodeChange(code: string | undefined, info: ExemptionCodeInfo | undefined) {
  const { setValue } = useFormContext();
  const first = useRef(code);
  useEffect(() => {
    if (code === first.current || !info) {
      return;
    }
    first.current = code;
    if (info.permitType !== 'varies') {
      setValue('imp.permitType', undefined);
    }
    if (info.permitType === 'open') {
      setValue('imp.offerOfEmploymentNumber', undefined);
      setValue('imp.complianceFeePaid', undefined);
    }
  }, [code, info, setValue]);
}

function TfwpFields() {
  const translate = useTranslate();
  const streams = useLmiaStreams();
  return (
    <Section title={translate('pd.files.tfwp')}>
      <Grid container columnSpacing={2}>
        <Grid size={half}>
          <SelectInput
            source="tfwp.lmiaStream"
            choices={useLmiaStreamChoices(streams)}
            translateChoice={false}
            validate={required()}
            fullWidth
          />
        </Grid>
        <Grid size={half}>
          <SelectInput
            source="tfwp.lmiaStatus"
            choices={choicesOf(LMIA_STATUSES, 'lmiaStatus')}
            validate={required()}
            fullWidth
          />
        </Grid>
        <Grid size={third}>
          <TextInput source="tfwp.lmiaNumber" fullWidth />
        </Grid>
        <Grid size={third}>
          <DateInput source="tfwp.lmiaIssuedOn" fullWidth />
        </Grid>
        <Grid size={third}>
          <DateInput source="tfwp.lmiaExpiresOn" fullWidth />
        </Grid>
      </Grid>
    </Section>
  );
}

function StreamFields() {
  const stream = useWatch({ name: 'stream' }) as string | undefined;
  if (stream === 'IMP') {
    return <ImpFields />;
  }
  if (stream === 'TFWP') {
    return <TfwpFields />;
  }
  return null;
}

export function FileForm({ isNew, clientFixed = false }: { isNew: boolean; clientFixed?: boolean }) {
  const translate = useTranslate();
  const locale = useLocale();
  const record = useRecordContext();
  const dataProvider = useDataProvider();
  return (
    <ApiSimpleForm
      sx={{ maxWidth: 960 }}
      toolbar={<SaveOnlyToolbar />}
      warnings={async (values, previous) => {
        const clientId =
          (previous?.client as { id?: string } | undefined)?.id ?? (values.clientId as string | undefined);
        const client = clientId
          ? await dataProvider
              .getOne<{ id: string; passportExpiresOn: string | null }>('clients', { id: clientId })
              .catch(() => null)
          : null;
        const passport = client?.data.passportExpiresOn ?? null;
        return fileDateWarnings(values, previous, passport, today(), translate);
      }}
      successMessage={(saved, t) => {
        const message = t(isNew ? 'pd.notify.file_created' : 'pd.notify.file_saved', {
          fileNumber: String(saved.fileNumber),
        });
        const invite = saved.portalInvite as { invited: boolean; message: string | null } | null | undefined;
        if (!invite) {
          return message;
        }
        return `${message}. ${
          invite.invited
            ? t('pd.notify.portal_invited')
            : t('pd.notify.portal_not_invited', { reason: invite.message ?? '' })
        }`;
      }}
      errorAliases={FILE_ERROR_ALIASES}
    >
      {!isNew && (
        <Box sx={{ width: '100%' }}>
          <FileWarnings />
        </Box>
      )}
      <Grid container columnSpacing={2} sx={{ width: '100%' }}>
        {isNew && !clientFixed && (
          <Grid size={half}>
            <ReferenceInput source="clientId" reference="clients">
              <AutocompleteInput
                optionText={(c: { firstName: string; lastName: string; email?: string }) =>
                  `${c.firstName} ${c.lastName}${c.email ? ` <${c.email}>` : ''}`
                }
                filterToQuery={(q: string) => ({ q })}
                validate={required()}
                fullWidth
              />
            </ReferenceInput>
          </Grid>
        )}
        {isNew && clientFixed && (
          <Grid size={{ xs: 12 }}>
            <BooleanInput
              source="invitePortal"
              label="pd.consultations.invite_portal"
              helperText="pd.consultations.invite_portal_help"
              defaultValue
            />
          </Grid>
        )}
        {isNew && (
          <Grid size={half}>
            <SelectInput
              source="stream"
              choices={STREAMS.map((id) => ({ id, name: id }))}
              validate={required()}
              fullWidth
            />
          </Grid>
        )}
        <Grid size={half}>
          <SelectInput
            source="applicationType"
            choices={choicesOf(APPLICATION_TYPES, 'applicationType')}
            validate={required()}
            fullWidth
          />
        </Grid>
        <Grid size={half}>
          <StaffInput source="consultantId" nameSource="consultant" />
        </Grid>
      </Grid>
      <Box sx={{ width: '100%' }}>
        <StreamFields />
      </Box>
      <Section title={translate('pd.files.job')}>
        <Grid container columnSpacing={2}>
          <Grid size={half}>
            <TextInput source="employer.name" fullWidth />
          </Grid>
          <Grid size={half}>
            <TextInput source="employer.businessNumber" fullWidth />
          </Grid>
          <Grid size={half}>
            <TextInput source="jobTitle" fullWidth />
          </Grid>
          <Grid size={half}>
            <NocInput source="nocCode" initialTitle={nocTitleOf(record, locale)} />
          </Grid>
          <Grid size={half}>
            <SelectInput source="province" choices={provinceChoices} fullWidth />
          </Grid>
          <Grid size={half}>
            <TextInput source="workLocation" helperText="pd.files.work_location_help" fullWidth />
          </Grid>
          <Grid size={half}>
            <NumberInput source="wage.amount" fullWidth />
          </Grid>
          <Grid size={half}>
            <SelectInput source="wage.period" choices={choicesOf(WAGE_PERIODS, 'wagePeriod')} fullWidth />
          </Grid>
        </Grid>
      </Section>
      <Section title={translate('pd.files.key_dates')}>
        <Grid container columnSpacing={2}>
          {[
            'submittedOn',
            'biometricsLetterOn',
            'biometricsDueOn',
            'medicalLetterOn',
            'medicalDueOn',
            'pflLetterOn',
            'pflResponseDueOn',
            'decisionOn',
            'permitExpiresOn',
          ].map((source) => (
            <Grid key={source} size={third}>
              <DateInput source={source} fullWidth />
            </Grid>
          ))}
          <Grid size={third}>
            <TextInput source="irccApplicationNumber" fullWidth />
          </Grid>
        </Grid>
      </Section>
    </ApiSimpleForm>
  );
}

/** API paths with no input of their own, and the input that shows their errors. */
const FILE_ERROR_ALIASES = {
  imp: 'imp.exemptionCode',
  'imp.permitType': 'imp.exemptionCode',
  'imp.complianceFeePaid': 'imp.exemptionCode',
  'imp.offerOfEmploymentNumber': 'imp.exemptionCode',
  tfwp: 'tfwp.lmiaStream',
  clientId: 'clientId',
};

export function FileCreate() {
  return (
    <Create redirect="show">
      <FileForm isNew />
    </Create>
  );
}

export function FileEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="show">
      <FileForm isNew={false} />
    </Edit>
  );
}
