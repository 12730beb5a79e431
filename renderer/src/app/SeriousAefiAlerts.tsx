import { Button } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { station } from '../station';

/**
 * A serious adverse event, or a referral, reaches the supervisor wherever they are working:
 * a notification that stays until dismissed, naming the citizen and opening
 * the supervisor's list of today's doses and reactions.
 */
export function SeriousAefiAlerts() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useEffect(
    () =>
      station.on('aefi:recorded', (event) => {
        if (!event.serious) return;
        void station.queue.get({ visitId: event.visitId }).then((visit) => {
          const who = visit.ok ? `${visit.value.queueNumber}. ${visit.value.citizen.fullName}` : '';
          notifications.show({
            id: `aefi-${event.aefiId}`,
            color: 'red',
            autoClose: false,
            title: t('seriousAefi.title'),
            message: (
              <>
                {t('seriousAefi.message', { who })}
                <Button size="compact-xs" variant="light" color="red" ml="xs" onClick={() => navigate('/supervisor/doses')}>
                  {t('seriousAefi.open')}
                </Button>
              </>
            ),
          });
        });
      }),
    [t, navigate],
  );
  // A referral is the supervisor's to follow up, wherever it was decided.
  useEffect(
    () =>
      station.on('queue:changed', (event) => {
        if (event.step !== 'referred') return;
        void station.queue.get({ visitId: event.visitId }).then((visit) => {
          const who = visit.ok ? `${visit.value.queueNumber}. ${visit.value.citizen.fullName}` : '';
          notifications.show({
            id: `referral-${event.visitId}`,
            color: 'red',
            autoClose: false,
            title: t('referral.title'),
            message: (
              <>
                {t('referral.message', { who })}
                <Button size="compact-xs" variant="light" color="red" ml="xs" onClick={() => navigate('/supervisor/doses')}>
                  {t('seriousAefi.open')}
                </Button>
              </>
            ),
          });
        });
      }),
    [t, navigate],
  );
  return null;
}
