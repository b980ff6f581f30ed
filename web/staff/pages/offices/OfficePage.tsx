import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '#contracts/actions.ts';
import { Link, useParams } from 'react-router';
import { Alert } from '#web/ui/Alert.tsx';
import { Button } from '#web/ui/Button.tsx';
import { PageHeader } from '#web/ui/PageHeader.tsx';
import { ProblemError } from '#web/staff/api.ts';
import { useDocumentTitle } from '#web/staff/page.tsx';
import { officeScope, usePermissions } from '#web/staff/permissions.ts';
import { useOffice } from '#web/staff/queries.ts';
import type { OfficeDetail } from '#web/staff/types.ts';
import { LoadingPage } from '#web/staff/pages/LoadingPage.tsx';
import { NotFoundPage } from '#web/staff/pages/NotFoundPage.tsx';
import { LeadTimesSection } from './LeadTimesSection.tsx';
import { AccessibilityForm } from './AccessibilityForm.tsx';
import { MoveOfficeForm } from './MoveOfficeForm.tsx';
import { AccessibilitySection, AddressSection, HoursSection, StopsSection } from './OfficeFacts.tsx';
import { HoursForm } from './HoursForm.tsx';
import { OfficeDetailsForm } from './OfficeDetailsForm.tsx';
import { ScorecardSection } from './ScorecardSection.tsx';
import { ServicesSection } from './ServicesSection.tsx';
import { SiteAssessmentForm } from './SiteAssessmentForm.tsx';

type Panel = 'details' | 'hours' | 'access' | 'site' | 'move';

function OfficeView({ office }: { office: OfficeDetail }) {
  const { t } = useTranslation();
  const { mayOn } = usePermissions();
  useDocumentTitle(office.name);
  const [panel, setPanel] = useState<Panel | null>(null);
  const [saved, setSaved] = useState(false);
  const may = (action: Action) => mayOn(action, officeScope(office), office);
  const canEdit = may('office.edit');
  const canMove = may('office.move') && office.validTo === null;
  const canAssess = may('office.assess-site');
  const open = (next: Panel) => {
    setSaved(false);
    setPanel(next);
  };
  const close = (didSave: boolean) => {
    setSaved(didSave);
    setPanel(null);
  };
  const props = { office, onClose: close };

  return (
    <>
      <PageHeader title={office.name} lead={t('offices.detailLead', { region: office.region.name, provider: office.provider.name })} />
      <nav aria-label={t('offices.officeNav')}>
        <ul className="staff-link-row">
          <li>
            <Link className="kern-link" to="/offices">
              {t('offices.backToList')}
            </Link>
          </li>
          {may('appointment.read-calendar') ? (
            <li>
              <Link className="kern-link" to={`/offices/${office.id}/calendar`}>
                {t('calendar.title')}
              </Link>
            </li>
          ) : null}
          {may('quick-contact.create') ? (
            <li>
              <Link className="kern-link" to={`/offices/${office.id}/quick-contacts`}>
                {t('quickContacts.title')}
              </Link>
            </li>
          ) : null}
          {may('appointment-setup.edit') ? (
            <li>
              <Link className="kern-link" to={`/offices/${office.id}/setup`}>
                {t('setup.title')}
              </Link>
            </li>
          ) : null}
          {office.predecessorId ? (
            <li>
              <Link className="kern-link" to={`/offices/${office.predecessorId}`}>
                {t('offices.predecessor')}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
      {saved ? <Alert variant="success" role="status" title={t('offices.saved')} /> : null}
      {canEdit || canAssess || canMove ? (
        <div className="staff-actions">
          {canEdit ? (
            <>
              <Button variant="secondary" small onClick={() => open('details')}>
                {t('offices.editDetails')}
              </Button>
              <Button variant="secondary" small onClick={() => open('hours')}>
                {t('offices.editHours')}
              </Button>
              <Button variant="secondary" small onClick={() => open('access')}>
                {t('offices.editAccess')}
              </Button>
            </>
          ) : null}
          {canAssess ? (
            <Button variant="secondary" small onClick={() => open('site')}>
              {t('offices.editSite')}
            </Button>
          ) : null}
          {canMove ? (
            <Button variant="secondary" small onClick={() => open('move')}>
              {t('offices.move')}
            </Button>
          ) : null}
        </div>
      ) : null}
      {panel === 'details' ? <OfficeDetailsForm {...props} /> : null}
      {panel === 'hours' ? <HoursForm {...props} /> : null}
      {panel === 'access' ? <AccessibilityForm {...props} /> : null}
      {panel === 'site' ? <SiteAssessmentForm {...props} /> : null}
      {panel === 'move' ? <MoveOfficeForm {...props} /> : null}
      {may('office.read-scorecard') ? <ScorecardSection officeId={office.id} /> : null}
      <AddressSection office={office} />
      <ServicesSection office={office} />
      <HoursSection office={office} />
      <AccessibilitySection office={office} />
      <StopsSection office={office} />
      {may('office.read-lead-times') ? <LeadTimesSection officeId={office.id} /> : null}
    </>
  );
}

/** One integration office: facts, scorecard, and for its editors the forms to change it. */
export function OfficePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const office = useOffice(id);
  if (office.error instanceof ProblemError && (office.error.status === 404 || office.error.status === 400)) return <NotFoundPage />;
  if (office.isError) {
    return (
      <>
        <PageHeader title={t('offices.title')} />
        <Alert variant="danger" role="alert" title={t('errors.loadFailed')} />
      </>
    );
  }
  if (!office.data) return <LoadingPage />;
  return <OfficeView key={office.data.id} office={office.data} />;
}
