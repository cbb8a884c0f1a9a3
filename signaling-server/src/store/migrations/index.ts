import type { Migration } from 'kysely';
import { initial } from './0001-initial.js';
import { skillsPriorityHours } from './0002-skills-priority-hours.js';
import { timers } from './0003-timers.js';
import { lookupIndexes } from './0004-lookup-indexes.js';
import { skillsVersion } from './0005-skills-version.js';
import { skillsAsData } from './0006-skills-as-data.js';
import { kioskCredentials } from './0007-kiosk-credentials.js';
import { kioskMediaGeneration } from './0008-kiosk-media-generation.js';
import { kioskHealth } from './0009-kiosk-health.js';
import { visitLinks } from './0010-visit-links.js';
import { surveys } from './0011-surveys.js';
import { visitSummaries } from './0012-visit-summaries.js';
import { reportIndexes } from './0013-report-indexes.js';
import { retention } from './0014-retention.js';
import { surveyComments } from './0015-survey-comments.js';
import { adminVersions } from './0016-admin-versions.js';
import { adminPeople } from './0017-admin-people.js';
import { chat } from './0018-chat.js';
import { callRecords } from './0019-call-records.js';
import { complaints } from './0021-complaints.js';
import { activeTicketIndex } from './0022-active-ticket-index.js';
import { officeBrand } from './0023-office-brand.js';
import { waitingOrderIndex } from './0025-waiting-order-index.js';
import { listVersions } from './0028-list-versions.js';
import { earlierVisits } from './0029-earlier-visits.js';
import { kioskPendingCredentialIndex } from './0032-kiosk-pending-credential-index.js';
import { waitingLineVersions } from './0033-waiting-line-versions.js';
import { captionTroubles } from './0034-caption-troubles.js';
import { catalogueVersion } from './0035-catalogue-version.js';
import { onePendingCredentialIndex } from './0036-one-pending-credential-index.js';
import { credentialsByKiosk } from './0037-credentials-by-kiosk.js';
import { waitingLineChanges } from './0038-waiting-line-changes.js';

/** Every migration, in order; names sort the way they must run. */
export const migrations: Record<string, Migration> = {
  '0001-initial': initial,
  '0002-skills-priority-hours': skillsPriorityHours,
  '0003-timers': timers,
  '0004-lookup-indexes': lookupIndexes,
  '0005-skills-version': skillsVersion,
  '0006-skills-as-data': skillsAsData,
  '0007-kiosk-credentials': kioskCredentials,
  '0008-kiosk-media-generation': kioskMediaGeneration,
  '0009-kiosk-health': kioskHealth,
  '0010-visit-links': visitLinks,
  '0011-surveys': surveys,
  '0012-visit-summaries': visitSummaries,
  '0013-report-indexes': reportIndexes,
  '0014-retention': retention,
  '0015-survey-comments': surveyComments,
  '0016-admin-versions': adminVersions,
  '0017-admin-people': adminPeople,
  '0018-chat': chat,
  '0019-call-records': callRecords,
  '0021-complaints': complaints,
  '0022-active-ticket-index': activeTicketIndex,
  '0023-office-brand': officeBrand,
  '0025-waiting-order-index': waitingOrderIndex,
  '0028-list-versions': listVersions,
  '0029-earlier-visits': earlierVisits,
  '0032-kiosk-pending-credential-index': kioskPendingCredentialIndex,
  '0033-waiting-line-versions': waitingLineVersions,
  '0034-caption-troubles': captionTroubles,
  '0035-catalogue-version': catalogueVersion,
  '0036-one-pending-credential-index': onePendingCredentialIndex,
  '0037-credentials-by-kiosk': credentialsByKiosk,
  '0038-waiting-line-changes': waitingLineChanges,
};
