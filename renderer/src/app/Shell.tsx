import { AppShell, Badge, Button, Group, NavLink, Stack, Text, Title } from '@mantine/core';
import { useHotkeys, useIdle } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { HashRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { Shortcut } from '../components/Shortcut';
import { CheckInDesk } from '../desks/CheckInDesk';
import { InjectionDesk } from '../desks/InjectionDesk';
import { ObservationDesk } from '../desks/ObservationDesk';
import { ScreeningDesk } from '../desks/ScreeningDesk';
import { SupervisorDesk } from '../supervisor/SupervisorDesk';
import { AutoPrintNotices } from '../certificates/AutoPrintNotices';
import { CertificatesPage } from '../certificates/CertificatesPage';
import { CERTIFICATE_NAV } from '../certificates/nav';
import { VerifyPage } from '../certificates/VerifyPage';
import { DESKS } from './desks';
import { useSession } from './session';
import { CurrentPlanProvider, useCurrentPlan } from './current-plan';
import { useDateFormat } from '../components/dates';
import { SeriousAefiAlerts } from './SeriousAefiAlerts';
import { DayClosedNotice } from './DayClosedNotice';
import { SyncHealthBanner, SyncIndicator } from './SyncIndicator';
import { ShortcutHelp } from './ShortcutHelp';
import { keysOf, useShortcuts, type DeskKey } from './shortcuts';

/** Which desk's lines the shortcut table puts first, from the route. */
function deskOf(pathname: string): DeskKey | null {
  const key = pathname.split('/')[1];
  return key === 'checkin' || key === 'screening' || key === 'injection' || key === 'observation' || key === 'supervisor' || key === 'certificates' || key === 'verify' ? key : null;
}

export function Shell() {
  return (
    <HashRouter>
      <CurrentPlanProvider>
        <ShellLayout />
      </CurrentPlanProvider>
    </HashRouter>
  );
}

function ShellLayout() {
  const { t } = useTranslation();
  const formatDate = useDateFormat();
  const session = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const plan = useCurrentPlan();
  const desks = DESKS.filter((d) => d.roles.includes(session.staff.role));
  const idle = useIdle(session.idleLockMinutes * 60_000, { initialState: false });
  const [help, setHelp] = useState(false);

  useEffect(() => {
    if (idle) void session.lock('idle');
  }, [idle, session]);

  // Alt+digit opens a desk from anywhere, inside fields too: desks are used with the cursor in a search box.
  useHotkeys([
    ...desks.map((d) => [`alt+${d.digit}`, () => navigate(d.path)] as [string, () => void]),
    ...CERTIFICATE_NAV.map((d) => [`alt+${d.digit}`, () => navigate(d.path)] as [string, () => void]),
  ], []);
  useShortcuts({ lock: () => void session.lock('manual'), help: () => setHelp(true) });

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 230, breakpoint: 0 }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <Title order={1} size="h5" maw={300} lineClamp={1} title={session.site.name}>
              {session.site.name}
            </Title>
            <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {t('today', { date: formatDate(session.siteToday) })}
            </Text>
            <Badge color={plan.current ? 'teal' : 'gray'} maw={220} data-testid="session-badge" title={plan.current?.location}>
              {plan.current ? t('sessionOpen') : t('noSessionOpen')}
            </Badge>
          </Group>
          <Group gap="xs" wrap="nowrap">
            <SyncIndicator />
            <LanguageSwitch />
            <Text size="sm" data-testid="signed-in-as" maw={220} lineClamp={1} title={session.staff.fullName}>
              {session.staff.fullName} · {t(`role.${session.staff.role}`)}
            </Text>
            <Button size="xs" variant="subtle" onClick={() => setHelp(true)} rightSection={<Shortcut keys={keysOf('help')} />} data-testid="open-shortcuts">
              {t('open', { ns: 'shortcuts' })}
            </Button>
            <Button size="xs" variant="default" onClick={() => void session.lock('manual')} rightSection={<Shortcut keys={keysOf('lock')} />}>
              {t('lock')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => void session.logout()}>
              {t('signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs">
        <Stack gap={4} component="nav" aria-label={t('desks')}>
          {desks.map((d) => (
            <NavLink
              key={d.key}
              label={t(`desk.${d.key}`)}
              active={location.pathname.startsWith(d.path)}
              onClick={() => navigate(d.path)}
              rightSection={<Shortcut keys={['Alt', d.digit]} />}
              data-testid={`nav-${d.key}`}
            />
          ))}
          {CERTIFICATE_NAV.map((d) => (
            <NavLink
              key={d.key}
              label={t(`nav.${d.key}`, { ns: 'certificates' })}
              active={location.pathname.startsWith(d.path)}
              onClick={() => navigate(d.path)}
              rightSection={<Shortcut keys={['Alt', d.digit]} />}
              data-testid={`nav-${d.key}`}
            />
          ))}
        </Stack>
      </AppShell.Navbar>
      <ShortcutHelp opened={help} onClose={() => setHelp(false)} desk={deskOf(location.pathname)} />
      <AppShell.Main>
        {session.staff.role === 'supervisor' && <SeriousAefiAlerts />}
        <DayClosedNotice />
        {session.staff.role === 'supervisor' && <SyncHealthBanner />}
        <AutoPrintNotices />
        <Routes>
          <Route path="/checkin" element={<CheckInDesk />} />
          <Route path="/screening" element={<ScreeningDesk />} />
          <Route path="/injection" element={<InjectionDesk />} />
          <Route path="/observation" element={<ObservationDesk />} />
          <Route path="/certificates" element={<CertificatesPage />} />
          <Route path="/verify" element={<VerifyPage />} />
          {session.staff.role === 'supervisor' && <Route path="/supervisor/*" element={<SupervisorDesk />} />}
          <Route path="*" element={<Navigate to={session.staff.role === 'supervisor' ? '/supervisor' : '/checkin'} replace />} />
        </Routes>
      </AppShell.Main>
    </AppShell>
  );
}
