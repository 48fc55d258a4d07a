import { Box, Divider, Typography } from '@mui/material';
import DashboardIcon from '@mui/icons-material/Dashboard';
import PeopleIcon from '@mui/icons-material/People';
import FolderIcon from '@mui/icons-material/Folder';
import DescriptionIcon from '@mui/icons-material/Description';
import RequestQuoteIcon from '@mui/icons-material/RequestQuote';
import EventIcon from '@mui/icons-material/Event';
import CalendarMonthIcon from '@mui/icons-material/CalendarMonth';
import ViewWeekIcon from '@mui/icons-material/ViewWeek';
import NotificationsIcon from '@mui/icons-material/Notifications';
import MailIcon from '@mui/icons-material/Mail';
import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import BusinessIcon from '@mui/icons-material/Business';
import CategoryIcon from '@mui/icons-material/Category';
import ScheduleIcon from '@mui/icons-material/Schedule';
import SettingsIcon from '@mui/icons-material/Settings';
import CodeIcon from '@mui/icons-material/Code';
import QueueIcon from '@mui/icons-material/Queue';
import ChatIcon from '@mui/icons-material/Forum';
import ChecklistIcon from '@mui/icons-material/Checklist';
import BarChartIcon from '@mui/icons-material/BarChart';
import MarkChatUnreadIcon from '@mui/icons-material/MarkChatUnread';
import type { ReactNode } from 'react';
import {
  AppBar,
  Layout as RaLayout,
  LocalesMenuButton,
  Menu,
  TitlePortal,
  ToggleThemeButton,
  useGetIdentity,
  useNotify,
  usePermissions,
  useSidebarState,
  useTranslate,
  UserMenu,
} from 'react-admin';
import { openQueues } from '../settings/forms';

/** The signed-in person's name and role, always visible. */
function WhoAmI() {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  if (!identity) {
    return null;
  }
  return (
    <Typography
      variant="body2"
      component="span"
      sx={{ mr: 1, display: { xs: 'none', sm: 'block' } }}
      data-testid="who-am-i"
    >
      {identity.fullName} · {translate(`pd.role.${String(identity.role)}`)}
    </Typography>
  );
}

/** The user menu, named by the person's name (the name it shows), with the logout item. */
function PermitDeskUserMenu() {
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ?? 'ra.auth.user_menu'} />;
}

function PermitDeskAppBar() {
  return (
    // alwaysOn: on a phone react-admin slides the bar away on scroll, hiding it (and the page's h1 in it) from
    // screen readers too; a page without its heading fails axe's page-has-heading-one.
    <AppBar
      alwaysOn
      userMenu={<PermitDeskUserMenu />}
      toolbar={
        // On a phone the page title needs the room: the language keeps its name, not its icon, and the theme
        // switch waits for a wider screen.
        <>
          <Box sx={{ '& .MuiButton-startIcon': { display: { xs: 'none', sm: 'inherit' } } }}>
            <LocalesMenuButton />
          </Box>
          <Box sx={{ display: { xs: 'none', sm: 'block' } }}>
            <ToggleThemeButton />
          </Box>
        </>
      }
    >
      <TitlePortal component="h1" />
      <WhoAmI />
    </AppBar>
  );
}

function SectionLabel({ children }: { children: ReactNode }) {
  const [open] = useSidebarState();
  return open ? (
    <Typography variant="overline" component="div" sx={{ px: 2, pt: 1, color: 'text.secondary' }}>
      {children}
    </Typography>
  ) : (
    <Divider />
  );
}

function PermitDeskMenu() {
  const { permissions } = usePermissions<string | null>();
  const translate = useTranslate();
  const notify = useNotify();
  const isAdmin = permissions === 'admin';
  return (
    <Menu>
      <Menu.DashboardItem leftIcon={<DashboardIcon />} primaryText="pd.menu.dashboard" />
      <Menu.ResourceItem name="clients" leftIcon={<PeopleIcon />} />
      <Menu.ResourceItem name="files" leftIcon={<FolderIcon />} />
      <Menu.Item to="/messages" primaryText="pd.menu.messages_inbox" leftIcon={<MarkChatUnreadIcon />} />
      <Menu.ResourceItem name="deadlines" leftIcon={<EventIcon />} />
      <Menu.Item
        to="/deadlines/calendar"
        primaryText="pd.menu.deadline_calendar"
        leftIcon={<CalendarMonthIcon />}
      />
      <Menu.ResourceItem name="consultations" leftIcon={<ChatIcon />} />
      <Menu.Item
        to="/consultations/calendar"
        primaryText="pd.menu.consultation_calendar"
        leftIcon={<ViewWeekIcon />}
      />
      <Menu.ResourceItem name="reminders" leftIcon={<NotificationsIcon />} />
      <Menu.ResourceItem name="emails" leftIcon={<MailIcon />} />
      <Menu.Item to="/reports" primaryText="pd.menu.reports" leftIcon={<BarChartIcon />} />
      {(isAdmin || permissions === 'consultant') && (
        <Menu.Item to="/availability" primaryText="pd.menu.availability" leftIcon={<ScheduleIcon />} />
      )}
      {isAdmin && (
        <>
          <SectionLabel>{translate('pd.menu.admin')}</SectionLabel>
          <Menu.ResourceItem name="users" leftIcon={<ManageAccountsIcon />} />
          <Menu.Item to="/settings/firm" primaryText="pd.menu.firm_profile" leftIcon={<BusinessIcon />} />
          <Menu.Item
            to="/settings/agreement-template"
            primaryText="pd.menu.agreement_template"
            leftIcon={<DescriptionIcon />}
          />
          <Menu.Item
            to="/settings/fee-schedule"
            primaryText="pd.menu.fee_schedule"
            leftIcon={<RequestQuoteIcon />}
          />
          <Menu.ResourceItem name="consultation-types" leftIcon={<CategoryIcon />} />
          <Menu.Item
            to="/settings/reminders"
            primaryText="pd.menu.reminder_settings"
            leftIcon={<SettingsIcon />}
          />
          <Menu.Item to="/booking-page" primaryText="pd.menu.booking_page" leftIcon={<CodeIcon />} />
          <Menu.Item
            to="/settings/checklist-items"
            primaryText="pd.menu.checklist_items"
            leftIcon={<ChecklistIcon />}
          />
          <Menu.Item
            to="/queues"
            primaryText="pd.menu.queues"
            leftIcon={<QueueIcon />}
            onClick={(event: { preventDefault(): void }) => {
              event.preventDefault();
              openQueues().catch((error: Error) => notify(error.message, { type: 'error' }));
            }}
          />
        </>
      )}
      <Box sx={{ height: 16 }} />
    </Menu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  return (
    // react-admin lets the layout grow to its widest child (min-width: fit-content): on a phone a wide table would
    // make the whole page scroll sideways. Held to the screen, a wide table scrolls inside its own box instead.
    <RaLayout appBar={PermitDeskAppBar} menu={PermitDeskMenu} sx={{ minWidth: 0 }}>
      {children}
    </RaLayout>
  );
}
