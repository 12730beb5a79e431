import { Alert, Badge, Button, Group, List, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CardIdentity, ScanFinding, ScanResult } from '../../../../preload/contract';
import { formatBirthDate } from '../../components/person-format';
import { findingText } from './finding-text';

/** A code this short is a ticket, a product or a shelf label: never a card (whose QR carries seven fields). */
const SHORT_CODE = 20;

/**
 * What was scanned, said plainly: the card's identity with what the reader
 * noticed, or what else the code is (health-insurance card, certificate,
 * link, text) and what to do instead.
 */
export function ScanResultCard({ scan, onSearchPerson }: { scan: ScanResult; onSearchPerson: (name: string, dateOfBirth: string | null) => void }) {
  const { t } = useTranslation('checkin');
  const r = scan.reading;
  const frame = (children: React.ReactNode) => (
    <Paper withBorder p="sm" data-testid="scan-result" data-kind={r.kind} data-source={scan.source}>
      {children}
    </Paper>
  );
  switch (r.kind) {
    case 'cccd':
      if (!r.identity) {
        return frame(
          <Alert color="red" title={t('reading.cardUnreadable')} data-testid="scan-refused">
            <Findings findings={r.findings} />
          </Alert>,
        );
      }
      return frame(
        <>
          <Group justify="space-between" mb={4}>
            <Title order={2} size="h5" c="dimmed">
              {t('reading.card')}
            </Title>
            <Badge variant="light" tt="none">
              {t(`source.${scan.source}`)}
            </Badge>
          </Group>
          <IdentityFields identity={r.identity} />
          {r.findings.length > 0 && (
            <Alert color="yellow" mt="sm" title={t('reading.check')}>
              <Findings findings={r.findings} />
            </Alert>
          )}
        </>,
      );
    case 'bhyt':
      return frame(
        <Alert color="yellow" title={t('reading.bhyt')} data-testid="scan-other">
          <Text size="sm">{t('reading.bhytHint')}</Text>
          {r.fullName && (
            <Text size="sm" mt="xs">
              {r.fullName}
              {r.dateOfBirth ? ` · ${formatBirthDate(r.dateOfBirth)}` : ''} · {t('reading.bhytNumber', { number: r.cardNumber })}
            </Text>
          )}
          {r.fullName && (
            <Button size="xs" variant="light" mt="xs" onClick={() => onSearchPerson(r.fullName ?? '', r.dateOfBirth)}>
              {t('reading.searchByName')}
            </Button>
          )}
        </Alert>,
      );
    case 'dcc':
      return frame(
        <Alert color="blue" title={t('reading.dcc')} data-testid="scan-other">
          {t('reading.dccHint')}
        </Alert>,
      );
    case 'url':
      return frame(
        <Alert color="gray" title={t('reading.url')} data-testid="scan-other">
          {t('reading.urlHint', { host: r.host ?? r.url })}
        </Alert>,
      );
    case 'text':
      return frame(
        <Alert color="orange" title={[...r.text].length < SHORT_CODE ? t('reading.shortCode', { count: [...r.text].length }) : t('reading.text')} data-testid="scan-other">
          {t('reading.textHint', { text: r.text })}
        </Alert>,
      );
    case 'empty':
      return frame(
        <Alert color="gray" title={t('reading.empty')} data-testid="scan-other">
          {t('reading.emptyHint')}
        </Alert>,
      );
    case 'rejected':
      return frame(
        <Alert color="red" title={t('reading.rejected')} data-testid="scan-refused">
          <Findings findings={r.findings} />
        </Alert>,
      );
  }
}

function IdentityFields({ identity }: { identity: CardIdentity }) {
  const { t } = useTranslation('checkin');
  const main: [string, string, string][] = [
    ['idNumber', t('field.idNumber'), identity.idNumber],
    ['dateOfBirth', t('field.dateOfBirth'), formatBirthDate(identity.dateOfBirth)],
    ['sex', t('field.sex'), t(`common:sex.${identity.sex}`)],
  ];
  const more = [
    identity.oldIdNumber ? `${t('field.oldIdNumber')} ${identity.oldIdNumber}` : null,
    identity.issueDate ? `${t('field.issueDate')} ${formatBirthDate(identity.issueDate)}` : null,
    identity.address || null,
  ].filter(Boolean);
  return (
    <>
      <Text fw={700} size="xl" data-testid="card-fullName">
        {identity.fullName}
      </Text>
      <Group gap="lg" mt={2}>
        {main.map(([key, label, value]) => (
          <Text key={key} size="sm">
            <Text span c="dimmed" size="xs">
              {label}{' '}
            </Text>
            <Text span fw={600} data-testid={`card-${key}`}>
              {value}
            </Text>
          </Text>
        ))}
      </Group>
      {more.length > 0 && (
        <Text size="xs" c="dimmed" mt={2} lineClamp={1} title={more.join(' · ')}>
          {more.join(' · ')}
        </Text>
      )}
    </>
  );
}

export function Findings({ findings }: { findings: readonly ScanFinding[] }) {
  const { t } = useTranslation('checkin');
  return (
    <List size="sm" spacing={2} data-testid="findings">
      {findings.map((f, i) => (
        <List.Item key={`${f.code}-${i}`} data-finding={f.code} data-severity={f.severity} c={f.severity === 'error' ? 'red.8' : undefined}>
          {findingText(t, f)}
        </List.Item>
      ))}
    </List>
  );
}
