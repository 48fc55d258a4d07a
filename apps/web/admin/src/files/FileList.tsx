import {
  Datagrid,
  FunctionField,
  List,
  SearchInput,
  SelectInput,
  TextField,
  TextInput,
  useTranslate,
} from 'react-admin';
import { choicesOf, FILE_STATUSES, STREAMS, StatusField } from '../common/fields';
import { StaffInput } from '../common/StaffInput';
import { ChecklistSummaryField } from '../documents/ChecklistSummary';
import { UnreadMessagesField } from '../messages/UnreadMessagesField';
import { provinceChoices, useLmiaStreamChoices, useLmiaStreams } from './pickers';
import { ExportListActions } from '../common/ExportCsvButton';

/** Where a file stands on its service agreement (the API's FileAgreementState), as the list shows and filters it. */
const AGREEMENT_STATES = ['none', 'draft', 'sent', 'client_signed', 'signed', 'overridden'] as const;

function AgreementStateText({ state }: { state: (typeof AGREEMENT_STATES)[number] }) {
  const translate = useTranslate();
  return <>{translate(`pd.agreement.list_state.${state}`)}</>;
}

function LmiaStreamFilter(props: { source: string; alwaysOn?: boolean }) {
  const streams = useLmiaStreams();
  return <SelectInput {...props} choices={useLmiaStreamChoices(streams)} translateChoice={false} />;
}

const fileFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="stream" source="stream" choices={STREAMS.map((id) => ({ id, name: id }))} alwaysOn />,
  <SelectInput key="status" source="status" choices={choicesOf(FILE_STATUSES, 'status')} alwaysOn />,
  <TextInput key="exemptionCode" source="exemptionCode" />,
  <LmiaStreamFilter key="lmiaStream" source="lmiaStream" />,
  <TextInput key="nocCode" source="nocCode" />,
  <SelectInput key="province" source="province" choices={provinceChoices} />,
  <StaffInput key="consultantId" source="consultantId" />,
  <SelectInput
    key="agreement"
    source="agreement"
    choices={choicesOf(AGREEMENT_STATES, 'agreement.list_state')}
  />,
];

export function FileList() {
  return (
    <List filters={fileFilters} perPage={25} empty={false} actions={<ExportListActions path="/api/files" />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="fileNumber" sortable={false} />
        <FunctionField
          source="client"
          sortable={false}
          render={(r: { client: { firstName: string; lastName: string } }) =>
            `${r.client.firstName} ${r.client.lastName}`
          }
        />
        <TextField source="stream" sortable={false} />
        <StatusField source="status" />
        <FunctionField
          label="pd.files.code_or_lmia"
          render={(r: {
            imp?: { exemptionCode: string } | null;
            tfwp?: { lmiaStreamName: string | null } | null;
          }) => r.imp?.exemptionCode ?? r.tfwp?.lmiaStreamName ?? '—'}
        />
        <TextField source="nocCode" sortable={false} emptyText="—" />
        <TextField source="province" sortable={false} emptyText="—" />
        <FunctionField
          source="consultant"
          sortable={false}
          render={(r: { consultant: { name: string } | null }) => r.consultant?.name ?? '—'}
        />
        <ChecklistSummaryField label="pd.documents.column" />
        <FunctionField
          source="agreement"
          sortable={false}
          render={(r: { agreement: (typeof AGREEMENT_STATES)[number] }) => (
            <AgreementStateText state={r.agreement} />
          )}
        />
        <UnreadMessagesField source="unreadMessages" sortable={false} />
      </Datagrid>
    </List>
  );
}
