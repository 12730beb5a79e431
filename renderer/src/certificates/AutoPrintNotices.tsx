import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { station } from '../station';

/** Says so on every desk when a certificate could not print by itself on release (locked key, no printer…). */
export function AutoPrintNotices() {
  const { t } = useTranslation('certificates');
  const { t: te } = useTranslation('errors');
  useEffect(
    () =>
      station.on('certificates:autoPrint', (e) => {
        if (!e.ok) notifications.show({ color: 'orange', title: t('autoPrint.failed'), message: e.code ? te(e.code) : '' });
      }),
    [t, te],
  );
  return null;
}
