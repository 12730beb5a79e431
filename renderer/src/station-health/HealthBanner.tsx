import { Affix, Alert } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StationHealth } from '../../../preload/contract';
import { station } from '../station';

/**
 * While the station is read-only (disk full, damage found), every desk says
 * so, signed in or not, before anyone types a dose that cannot be saved. The
 * banner follows the core's `station:health` event and goes away by itself
 * when the station writes again.
 */
export function HealthBanner() {
  const { t } = useTranslation('station');
  const [health, setHealth] = useState<StationHealth | null>(null);
  useEffect(() => {
    let live = true;
    void station.station.health({}).then((r) => live && r.ok && setHealth(r.value));
    const stop = station.on('station:health', (h) => setHealth(h));
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (health?.state !== 'read-only' || !health.problem) return null;
  const problem = health.problem;
  return (
    <Affix position={{ top: 8, left: '50%' }} style={{ transform: 'translateX(-50%)', width: 'min(900px, 96vw)' }} zIndex={400}>
      <Alert color="red" variant="filled" role="alert" data-testid="health-banner" data-problem={problem.code} title={t(`banner.${problem.code}.title`, { defaultValue: t('banner.other.title') })}>
        {t(`banner.${problem.code}.text`, { defaultValue: t('banner.other.text') })}
      </Alert>
    </Affix>
  );
}
