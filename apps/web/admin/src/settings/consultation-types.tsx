import {
  BooleanField,
  BooleanInput,
  Create,
  Datagrid,
  Edit,
  FunctionField,
  List,
  NumberField,
  NumberInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  required,
  useLocale,
} from 'react-admin';
import { ApiSimpleForm } from '../common/ApiForm';
import { EditLinkField, intlLocale } from '../common/fields';

const MODES = [
  { id: 'video', name: 'pd.mode.video' },
  { id: 'phone', name: 'pd.mode.phone' },
  { id: 'in_person', name: 'pd.mode.in_person' },
];

export function ConsultationTypeList() {
  const locale = intlLocale(useLocale());
  return (
    <List perPage={50} empty={false} exporter={false}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <EditLinkField source="name" sortable={false} />
        <TextField source="nameFr" sortable={false} />
        <NumberField source="durationMinutes" sortable={false} />
        <FunctionField
          source="priceCents"
          sortable={false}
          render={(t: { priceCents: number | null }) =>
            t.priceCents === null
              ? '—'
              : new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(
                  t.priceCents / 100,
                )
          }
        />
        <SelectField source="mode" choices={MODES} sortable={false} />
        <BooleanField source="active" sortable={false} />
      </Datagrid>
    </List>
  );
}

/** An emptied field clears the setting. */
const emptyToNull = (value: string) => (value === '' ? null : value);

function TypeForm() {
  return (
    <ApiSimpleForm
      redirectTo="list"
      successMessage={(saved, t) => t('pd.notify.type_saved', { name: String(saved.name) })}
    >
      <TextInput source="name" validate={required()} />
      <TextInput source="nameFr" validate={required()} />
      <NumberInput source="durationMinutes" validate={required()} min={5} max={480} step={5} />
      <NumberInput source="priceCents" min={0} helperText="15000 = 150.00 $" />
      <SelectInput source="mode" choices={MODES} defaultValue="video" validate={required()} />
      <TextInput
        source="description"
        multiline
        minRows={2}
        parse={emptyToNull}
        helperText="pd.consultationTypes.description_help"
        fullWidth
      />
      <TextInput
        source="descriptionFr"
        multiline
        minRows={2}
        parse={emptyToNull}
        helperText="pd.consultationTypes.description_help"
        fullWidth
      />
      <BooleanInput source="active" defaultValue />
      <TextInput
        source="videoLink"
        type="url"
        parse={emptyToNull}
        helperText="pd.places.type_help"
        fullWidth
      />
      <TextInput source="phoneNumber" type="tel" parse={emptyToNull} helperText="pd.places.type_help" />
      <TextInput source="officeAddress" parse={emptyToNull} helperText="pd.places.type_help" fullWidth />
    </ApiSimpleForm>
  );
}

export function ConsultationTypeCreate() {
  return (
    <Create redirect="list">
      <TypeForm />
    </Create>
  );
}

export function ConsultationTypeEdit() {
  return (
    <Edit mutationMode="pessimistic" redirect="list">
      <TypeForm />
    </Edit>
  );
}
