import { Center, Loader } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { AuthState, DeskLinkStatus, Site, StationErrorData, StorageProblem } from '../../../preload/contract';
import { LockedDesk } from '../auth/LockedDesk';
import { LoginPage } from '../auth/LoginPage';
import { ErrorAlert } from '../components/ErrorAlert';
import { SetupPage } from '../setup/SetupPage';
import { HealthBanner } from '../station-health/HealthBanner';
import { ConnectionBanner } from '../lan/ConnectionBanner';
import { PairingScreen } from '../lan/PairingScreen';
import { StartupProblemScreen } from '../station-health/StartupProblemScreen';
import { AUTH_LOST_EVENT, station } from '../station';
import { claimDrafts, clearDrafts } from './drafts';
import { SessionContext, type LockReason, type SessionValue } from './session';
import { Shell } from './Shell';

type Phase =
  | { kind: 'loading' }
  | { kind: 'failed'; error: StationErrorData }
  | { kind: 'unavailable'; problem: StorageProblem }
  | { kind: 'pair'; link: DeskLinkStatus; back: boolean }
  | { kind: 'setup'; link: DeskLinkStatus | null }
  | { kind: 'login'; site: Site; siteToday: string }
  | { kind: 'locked'; site: Site; siteToday: string; auth: AuthState }
  | { kind: 'ready'; site: Site; siteToday: string; auth: AuthState };

/** Where the app stands, asked of the core: a desk not paired with its hub? database usable? set up? who is signed in? locked? */
async function currentPhase(): Promise<Phase> {
  const link = await station.desk.link({});
  if (link.ok && link.value.mode === 'desk' && (!link.value.paired || link.value.refusal)) return { kind: 'pair', link: link.value, back: false };
  const health = await station.station.health({});
  if (health.ok && health.value.state === 'unavailable' && health.value.problem) return { kind: 'unavailable', problem: health.value.problem };
  const status = await station.setup.status({});
  if (!status.ok) return { kind: 'failed', error: status.error };
  const { site, siteToday } = status.value;
  if (!site) return { kind: 'setup', link: link.ok ? link.value : null };
  const who = await station.auth.whoami({});
  if (!who.ok) return { kind: 'failed', error: who.error };
  if (!who.value.staff) return { kind: 'login', site, siteToday };
  return { kind: who.value.locked ? 'locked' : 'ready', site, siteToday, auth: who.value };
}

/**
 * The app's top-level states: first-run setup, sign-in, locked, signed in.
 * Every state comes from the core (setup:status, auth:whoami); the UI never
 * decides on its own that someone is signed in.
 */
export function App() {
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });
  const [lockReason, setLockReason] = useState<LockReason>('manual');

  const refresh = useCallback(async () => setPhase(await currentPhase()), []);
  const phaseKind = useRef(phase.kind);
  useEffect(() => {
    phaseKind.current = phase.kind;
  }, [phase.kind]);

  // Drafts belong to the person signed in: kept across a lock, dropped when anyone else signs in or all sign out.
  useEffect(() => {
    if (phase.kind === 'ready' && phase.auth.staff) claimDrafts(phase.auth.staff.id);
    else if (phase.kind === 'login' || phase.kind === 'setup') clearDrafts();
  }, [phase]);

  useEffect(() => {
    let live = true;
    void currentPhase().then((p) => live && setPhase(p));
    const onLost = (e: Event) => {
      // The core locked the desk for idleness (its own timer, or the browser's ran late).
      if ((e as CustomEvent).detail === 'AUTH_SESSION_LOCKED') setLockReason('idle');
      void refresh();
    };
    window.addEventListener(AUTH_LOST_EVENT, onLost);
    window.addEventListener('station:disconnected', onLost);
    // A desk of a hub: refused (revoked) goes to pairing; a link back after a failed start finds where things stand.
    // A signed-in desk whose link comes back stays as it is: its sign-in was kept at the hub, and its screens reload.
    const stopLink = station.on('link:state', (e) => {
      if (e.state === 'refused' || (e.state === 'online' && phaseKind.current !== 'ready' && phaseKind.current !== 'locked')) void refresh();
    });
    return () => {
      live = false;
      stopLink();
      window.removeEventListener(AUTH_LOST_EVENT, onLost);
      window.removeEventListener('station:disconnected', onLost);
    };
  }, [refresh]);

  const session = useMemo<SessionValue | null>(() => {
    if (phase.kind !== 'ready' || !phase.auth.staff) return null;
    return {
      site: phase.site,
      staff: phase.auth.staff,
      siteToday: phase.siteToday,
      idleLockMinutes: phase.auth.idleLockMinutes,
      lock: async (reason = 'manual') => {
        setLockReason(reason);
        await station.auth.lock({});
        await refresh();
      },
      logout: async () => {
        await station.auth.logout({});
        await refresh();
      },
      refresh,
    };
  }, [phase, refresh]);

  return (
    <>
      {phase.kind !== 'unavailable' && <HealthBanner />}
      <ConnectionBanner />
      <PhaseView phase={phase} session={session} refresh={refresh} setPhase={setPhase} lockReason={lockReason} />
    </>
  );
}

function PhaseView({
  phase,
  session,
  refresh,
  setPhase,
  lockReason,
}: {
  phase: Phase;
  session: SessionValue | null;
  refresh: () => Promise<void>;
  setPhase: (p: Phase) => void;
  lockReason: LockReason;
}) {
  switch (phase.kind) {
    case 'unavailable':
      return <StartupProblemScreen problem={phase.problem} />;
    case 'loading':
      return (
        <Center h="100vh">
          <Loader />
        </Center>
      );
    case 'failed':
      return (
        <Center h="100vh">
          <ErrorAlert error={phase.error} />
        </Center>
      );
    case 'pair':
      return <PairingScreen link={phase.link} onPaired={refresh} onCancel={phase.back ? () => void refresh() : undefined} />;
    case 'setup': {
      // The desktop app, new and empty, may instead become a desk of the site's hub.
      const link = phase.link;
      const connect = link?.mode === 'local' && link.needsAddress ? () => setPhase({ kind: 'pair', link, back: true }) : undefined;
      return <SetupPage onDone={refresh} onConnectHub={connect} />;
    }
    case 'login':
      return <LoginPage site={phase.site} onSignedIn={refresh} />;
    case 'locked':
      return <LockedDesk auth={phase.auth} reason={lockReason} onUnlocked={refresh} />;
    case 'ready':
      return (
        <SessionContext.Provider value={session}>
          <Shell />
        </SessionContext.Provider>
      );
  }
}
