import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router-dom';
import { authProvider } from './authProvider';
import { ClientCreate, ClientEdit, ClientList, ClientShow, clientName } from './clients/clients';
import { ConsultationCalendar } from './consultations/consultation-calendar';
import { ConsultationConvert, ConsultationList, ConsultationShow } from './consultations/consultations';
import { Dashboard } from './dashboard/Dashboard';
import { dataProvider } from './dataProvider';
import { DeadlineCalendar, DeadlineList } from './deadlines/deadlines';
import { FirmChecklistItemsPage } from './documents/FirmChecklistItems';
import { FileCreate, FileEdit } from './files/FileForm';
import { FileList } from './files/FileList';
import { FileShow } from './files/FileShow';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout } from './layout/Layout';
import { LoginPage } from './login/LoginPage';
import { EmailList, ReminderList } from './reminders/reminders';
import { ReportsPage } from './reports/ReportsPage';
import {
  ConsultationTypeCreate,
  ConsultationTypeEdit,
  ConsultationTypeList,
} from './settings/consultation-types';
import { AvailabilityPage } from './settings/availability';
import { BookingEmbedPage } from './settings/forms';
import { ReminderSettingsPage } from './settings/reminder-settings';
import { FirmProfilePage } from './settings/firm-profile';
import { AgreementTemplatePage } from './agreements/AgreementTemplatePage';
import { FeeSchedulePage } from './billing/FeeSchedulePage';
import { UserCreate, UserEdit, UserList } from './settings/users';
import { MessagesInbox } from './messages/MessagesInbox';
import { theme, darkTheme } from './theme';

export function App() {
  return (
    <Admin
      title="PermitDesk"
      dataProvider={dataProvider}
      authProvider={authProvider}
      loginPage={LoginPage}
      i18nProvider={i18nProvider}
      dashboard={Dashboard}
      layout={Layout}
      theme={theme}
      darkTheme={darkTheme}
      requireAuth
      disableTelemetry
    >
      {(role: string | null) => (
        <>
          <Resource
            name="clients"
            list={ClientList}
            create={ClientCreate}
            edit={ClientEdit}
            show={ClientShow}
            recordRepresentation={clientName}
          />
          <Resource
            name="files"
            list={FileList}
            create={FileCreate}
            edit={FileEdit}
            show={FileShow}
            recordRepresentation="fileNumber"
          />
          <Resource name="deadlines" list={DeadlineList} recordRepresentation="title">
            <Route path="calendar" element={<DeadlineCalendar />} />
          </Resource>
          <Resource name="consultations" list={ConsultationList} show={ConsultationShow}>
            <Route path="calendar" element={<ConsultationCalendar />} />
            <Route path=":id/convert" element={<ConsultationConvert />} />
          </Resource>
          <Resource name="reminders" list={ReminderList} />
          <Resource name="emails" list={EmailList} />
          {role === 'admin' && (
            <>
              <Resource
                name="users"
                list={UserList}
                create={UserCreate}
                edit={UserEdit}
                recordRepresentation="name"
              />
              <Resource
                name="consultation-types"
                list={ConsultationTypeList}
                create={ConsultationTypeCreate}
                edit={ConsultationTypeEdit}
                recordRepresentation="name"
              />
            </>
          )}
          <CustomRoutes>
            <Route path="/availability" element={<AvailabilityPage />} />
            <Route path="/reports" element={<ReportsPage />} />
            <Route path="/messages" element={<MessagesInbox />} />
            <Route path="/settings/reminders" element={<ReminderSettingsPage />} />
            <Route path="/booking-page" element={<BookingEmbedPage />} />
            {role === 'admin' && (
              <Route path="/settings/checklist-items" element={<FirmChecklistItemsPage />} />
            )}
            {role === 'admin' && <Route path="/settings/firm" element={<FirmProfilePage />} />}
            {role === 'admin' && (
              <Route path="/settings/agreement-template" element={<AgreementTemplatePage />} />
            )}
            {role === 'admin' && <Route path="/settings/fee-schedule" element={<FeeSchedulePage />} />}
          </CustomRoutes>
        </>
      )}
    </Admin>
  );
}
