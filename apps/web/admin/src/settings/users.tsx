import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  PasswordInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
  TextField,
  TextInput,
  email,
  required,
  useLocale,
  useTranslate,
} from 'react-admin';
import { ApiSimpleForm } from '../common/ApiForm';
import { EditLinkField, choicesOf } from '../common/fields';
import { forgetStaff } from '../common/StaffInput';
import { timeZones } from '../../../shared/time';

const ROLES = ['admin', 'consultant', 'assistant'] as const;
const LANGUAGES = ['en', 'fr', 'es', 'pt', 'hi', 'pa', 'zh', 'ar', 'tl', 'uk'];
const zoneChoices = timeZones('America/Toronto').map((id) => ({ id, name: id }));

const userFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={choicesOf(ROLES, 'role')} alwaysOn />,
];

export function UserList() {
  return (
    <List filters={userFilters} perPage={50} empty={false} exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <EditLinkField source="name" sortable={false} />
        <TextField source="email" sortable={false} />
        <FunctionField
          source="role"
          sortable={false}
          render={(u: { role: string }) => <RoleName role={u.role} />}
        />
        <TextField source="timezone" sortable={false} />
        <BooleanField source="isBookable" sortable={false} />
        <BooleanField source="isActive" sortable={false} />
      </Datagrid>
    </List>
  );
}

export function RoleName({ role }: { role: string }) {
  return <>{useTranslate()(`pd.role.${role}`, { _: role })}</>;
}

function UserForm({ isNew }: { isNew: boolean }) {
  const languageNames = new Intl.DisplayNames([useLocale()], { type: 'language' });
  return (
    <ApiSimpleForm
      redirectTo="list"
      successMessage={(saved, t) => t('pd.notify.user_saved', { name: String(saved.name) })}
    >
      <TextInput source="name" validate={required()} />
      <TextInput source="email" type="email" validate={[required(), email()]} />
      <SelectInput source="role" choices={choicesOf(ROLES, 'role')} validate={required()} />
      {isNew && <PasswordInput source="password" validate={required()} autoComplete="new-password" />}
      <SelectInput source="timezone" choices={zoneChoices} />
      <SelectArrayInput
        source="languages"
        translateChoice={false}
        choices={LANGUAGES.map((id) => ({ id, name: languageNames.of(id) ?? id }))}
      />
      <TextInput source="rcicLicenceNumber" helperText="R712345" />
      <BooleanInput source="isBookable" />
      {!isNew && <BooleanInput source="isActive" />}
    </ApiSimpleForm>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list" mutationOptions={{ onSettled: forgetStaff }}>
      <UserForm isNew />
    </Create>
  );
}

export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list" mutationOptions={{ onSettled: forgetStaff }}>
      <UserForm isNew={false} />
    </Edit>
  );
}
