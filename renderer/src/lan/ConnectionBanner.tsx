import { Affix, Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkState } from '../../../preload/contract';
import { station } from '../station';

/**
 * A desk of a hub says at once when the hub cannot be reached, and that
 * what was typed is kept and the link comes back by itself. Nothing on the
 * desk is unmounted meanwhile: the banner sits on top of the work.
 */
export function ConnectionBanner() {
  const { t } = useTranslation('lan');
  const [state, setState] = useState<LinkState | null>(null);
  useEffect(() => {
    let live = true;
    void station.desk.link({}).then((r) => live && r.ok && setState((s) => s ?? r.value.state));
    const stop = station.on('link:state', (e) => setState(e.state));
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (state !== 'offline' && state !== 'connecting') return null;
  return (
    <Affix position={{ bottom: 12, left: '50%' }} style={{ transform: 'translateX(-50%)', width: 'min(760px, 96vw)' }} zIndex={450}>
      <Alert color="orange" variant="filled" role="alert" data-testid="link-banner" data-state={state} title={t('banner.title')}>
        {t('banner.text')}
      </Alert>
    </Affix>
  );
}
