import { Badge, Group, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { siteTime, useSyncStatus } from './use-sync-status';

const COLORS = { online: 'teal', offline: 'orange', unknown: 'gray', locked: 'yellow', not_configured: 'gray' } as const;

/**
 * The upload state on every desk, in the header: how many records wait, when
 * the last upload succeeded, online or not, and the next try after a failure.
 * Nurses see it too: a dose recorded offline is safe, and this says it waits.
 */
export function SyncIndicator() {
  const { t, i18n } = useTranslation('sync');
  const s = useSyncStatus();
  if (!s) return null;
  const time = (iso: string | null) => siteTime(iso, i18n.language);
  const detail = [
    t(`indicator.connection.${s.connection}`),
    s.lastSuccessAt ? t('indicator.lastSuccess', { time: time(s.lastSuccessAt) }) : t('indicator.never'),
    s.nextTryAt && s.connection === 'offline' ? t('indicator.nextTry', { time: time(s.nextTryAt) }) : null,
    s.rejected ? t('indicator.rejected', { count: s.rejected }) : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return (
    <Tooltip label={detail} withArrow>
      <Group gap={4} wrap="nowrap" style={{ flexShrink: 0 }} data-testid="sync-state" data-connection={s.connection} data-queued={s.queued} aria-label={`${t('indicator.label')}: ${detail}`}>
        <Badge color={COLORS[s.connection]} variant="light" tt="none" style={{ flexShrink: 0 }}>
          {s.running ? t('indicator.sending', { sent: s.running.sent, total: s.running.total }) : t(`indicator.connection.${s.connection}`)}
          {' · '}
          <span data-testid="sync-queued">{t('indicator.queued', { count: s.queued })}</span>
        </Badge>
        {s.rejected > 0 && (
          <Badge color="red" variant="outline" size="sm" style={{ flexShrink: 0 }} title={t('indicator.rejected', { count: s.rejected })}>
            {s.rejected}
          </Badge>
        )}
      </Group>
    </Tooltip>
  );
}

/** The supervisor is told when nothing has gone for a day while records wait, or a rejection has waited two days. */
export function SyncHealthBanner() {
  const { t, i18n } = useTranslation('sync');
  const s = useSyncStatus();
  if (!s || s.alerts.length === 0) return null;
  return (
    <Group mb="sm" data-testid="sync-health">
      {s.alerts.map((a) => (
        <Badge key={a.code} color="red" size="lg" variant="light" style={{ textTransform: 'none', height: 'auto', whiteSpace: 'normal', padding: 8 }}>
          {t('health.title')}: {t(`health.${a.code}`, { count: a.count, since: siteTime(a.since, i18n.language) })}
        </Badge>
      ))}
    </Group>
  );
}
