import { InitialSchema1795000000000 } from './1795000000000-InitialSchema';
import { CreateClients1795000001000 } from './1795000001000-CreateClients';
import { CreateWorkPermitFiles1795000002000 } from './1795000002000-CreateWorkPermitFiles';
import { CreateDeadlines1795000003000 } from './1795000003000-CreateDeadlines';
import { CreateEmailOutbox1795000004000 } from './1795000004000-CreateEmailOutbox';
import { CreateReminders1795000005000 } from './1795000005000-CreateReminders';
import { CreateConsultations1795000010000 } from './1795000010000-CreateConsultations';
import { HideOutboxSecrets1795000014000 } from './1795000014000-HideOutboxSecrets';
import { AddConfirmationHoldToConsultations1795000031000 } from './1795000031000-AddConfirmationHoldToConsultations';
import { CreateStaffSessions1796398529619 } from './1796398529619-CreateStaffSessions';
import { OutboxDelivery1796400000000 } from './1796400000000-OutboxDelivery';
import { AddLetterDatesAndDeadlinePeriods1796401065671 } from './1796401065671-AddLetterDatesAndDeadlinePeriods';
import { AddCalendarFeedsAndMeetingPlaces1796401186836 } from './1796401186836-AddCalendarFeedsAndMeetingPlaces';
import { AddStatusDatesToClients1796401312876 } from './1796401312876-AddStatusDatesToClients';
import { AddLmiaRefusedAreaListsAndWorkLocation1796401463612 } from './1796401463612-AddLmiaRefusedAreaListsAndWorkLocation';
import { CreateDocuments1796411438544 } from './1796411438544-CreateDocuments';
import { AddDocumentExpiryDeadlinesAndPurge1796452516595 } from './1796452516595-AddDocumentExpiryDeadlinesAndPurge';
import { AddDocumentReviewWaiversAndFirmChecklistItems1796453276995 } from './1796453276995-AddDocumentReviewWaiversAndFirmChecklistItems';
import { AddRequestOriginToAuditEvents1796456490817 } from './1796456490817-AddRequestOriginToAuditEvents';
import { AddFirmProfileAndConsultationTypeDetails1796470026516 } from './1796470026516-AddFirmProfileAndConsultationTypeDetails';
import { CreateClientPortal1796476207507 } from './1796476207507-CreateClientPortal';
import { CreateBilling1796479168669 } from './1796479168669-CreateBilling';

/** Every migration, in order. `npm run migration:generate` writes a file; add its class here. */
export const MIGRATIONS = [InitialSchema1795000000000, CreateClients1795000001000, CreateWorkPermitFiles1795000002000, CreateDeadlines1795000003000, CreateEmailOutbox1795000004000, CreateReminders1795000005000, CreateConsultations1795000010000, HideOutboxSecrets1795000014000, AddConfirmationHoldToConsultations1795000031000, CreateStaffSessions1796398529619, OutboxDelivery1796400000000, AddLetterDatesAndDeadlinePeriods1796401065671, AddCalendarFeedsAndMeetingPlaces1796401186836, AddStatusDatesToClients1796401312876, AddLmiaRefusedAreaListsAndWorkLocation1796401463612, CreateDocuments1796411438544, AddDocumentExpiryDeadlinesAndPurge1796452516595, AddDocumentReviewWaiversAndFirmChecklistItems1796453276995, AddRequestOriginToAuditEvents1796456490817, AddFirmProfileAndConsultationTypeDetails1796470026516, CreateClientPortal1796476207507, CreateBilling1796479168669];
