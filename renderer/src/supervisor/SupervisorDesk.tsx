import { Loader, Stack, Tabs, Title } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Route, Routes, useLocation, useNavigate } from 'react-router';
import { PlanDetailPage } from './plans/PlanDetailPage';
import { PlanListPage } from './plans/PlanListPage';
import { SettingsPanel } from './SettingsPanel';
import { ClinicalPanel } from './clinical/ClinicalPanel';
import { StaffPanel } from './staff/StaffPanel';
import { BatchPanel } from '../certificates/BatchPanel';
import { SigningKeyPanel } from '../certificates/SigningKeyPanel';
import { HubPanel } from '../lan/HubPanel';
import { SyncPage } from './sync/SyncPage';

// The close of day carries its chart library: loaded when the supervisor opens it, not with every desk.
const DayPage = lazy(() => import('./day/DayPage').then((m) => ({ default: m.DayPage })));
const HistoryPage = lazy(() => import('./day/HistoryPage').then((m) => ({ default: m.HistoryPage })));

/** The supervisor's desk: session plans, the close of day and its history, doses, staff accounts, station settings. */
export function SupervisorDesk() {
  const { t } = useTranslation('supervisor');
  const navigate = useNavigate();
  const location = useLocation();
  const tab = (['day', 'history', 'doses', 'staff', 'settings', 'certificates', 'signing', 'sync', 'hub'] as const).find((k) => location.pathname.startsWith(`/supervisor/${k}`)) ?? 'plans';
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('title')}
      </Title>
      <Tabs value={tab} onChange={(v) => navigate(v === 'plans' ? '/supervisor' : `/supervisor/${v}`)}>
        <Tabs.List>
          <Tabs.Tab value="plans">{t('tabs.plans')}</Tabs.Tab>
          <Tabs.Tab value="day">{t('tab', { ns: 'day' })}</Tabs.Tab>
          <Tabs.Tab value="history">{t('history.tab', { ns: 'day' })}</Tabs.Tab>
          <Tabs.Tab value="doses">{t('corrections:tab')}</Tabs.Tab>
          <Tabs.Tab value="staff">{t('tabs.staff')}</Tabs.Tab>
          <Tabs.Tab value="settings">{t('tabs.settings')}</Tabs.Tab>
          <Tabs.Tab value="certificates">{t('nav.certificates', { ns: 'certificates' })}</Tabs.Tab>
          <Tabs.Tab value="signing">{t('keys.title', { ns: 'certificates' })}</Tabs.Tab>
          <Tabs.Tab value="sync" data-testid="tab-sync">{t('tab', { ns: 'sync' })}</Tabs.Tab>
          <Tabs.Tab value="hub" data-testid="tab-hub">
            {t('hub.tab', { ns: 'lan' })}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Suspense fallback={<Loader />}>
        <Routes>
          <Route index element={<PlanListPage />} />
          <Route path="plans/:id" element={<PlanDetailPage />} />
          <Route path="day" element={<DayPage />} />
          <Route path="day/:planId" element={<DayPage />} />
          <Route path="history" element={<HistoryPage />} />
          <Route path="doses" element={<ClinicalPanel />} />
          <Route path="staff" element={<StaffPanel />} />
          <Route path="settings" element={<SettingsPanel />} />
          <Route path="certificates" element={<BatchPanel />} />
          <Route path="signing" element={<SigningKeyPanel />} />
          <Route path="sync" element={<SyncPage />} />
          <Route path="hub" element={<HubPanel />} />
        </Routes>
      </Suspense>
    </Stack>
  );
}
