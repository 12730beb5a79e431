import { Alert, Button, Checkbox, Group, Paper, PasswordInput, Select, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionInput, ConnectionVerdict, ConnectionView, StationErrorData } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { station } from '../../station';

type Auth = ConnectionInput['auth'];

/**
 * The platform connection: address, authentication (OAuth2 client
 * credentials and/or a client certificate), proxy; secrets sealed by the
 * core, never shown again; a test that says plainly whether it works.
 */
export function ConnectionPanel({ onSaved }: { onSaved?: () => void }) {
  const { t } = useTranslation('sync');
  const [view, setView] = useState<ConnectionView | null>(null);
  const [form, setForm] = useState({ baseUrl: '', auth: 'oauth2' as Auth, tokenUrl: '', clientId: '', clientSecret: '', scope: '', cert: '', key: '', ca: '', proxy: '', passphrase: '', uploadDeferrals: true });
  const [error, setError] = useState<StationErrorData | null>(null);
  const [verdict, setVerdict] = useState<ConnectionVerdict | null>(null);
  const [unlockWith, setUnlockWith] = useState('');
  const [busy, setBusy] = useState(false);

  const load = (v: ConnectionView) => {
    setView(v);
    setForm((f) => ({ ...f, baseUrl: v.baseUrl ?? '', auth: v.configured ? v.auth : f.auth, tokenUrl: v.tokenUrl ?? '', clientId: v.clientId ?? '', scope: v.scope ?? '', proxy: v.proxyUrl ?? '', uploadDeferrals: v.uploadDeferrals }));
  };
  useEffect(() => {
    void station.sync.getConnection({}).then((r) => r.ok && load(r.value));
  }, []);
  const set = (k: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [k]: e.currentTarget.value });
  const oauth = form.auth.includes('oauth2');
  const mtls = form.auth.includes('mtls');

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    setBusy(true);
    const input: ConnectionInput = {
      baseUrl: form.baseUrl,
      auth: form.auth,
      ...(oauth ? { tokenUrl: form.tokenUrl || null, clientId: form.clientId || null, scope: form.scope || null } : {}),
      ...(oauth && form.clientSecret ? { clientSecret: form.clientSecret } : {}),
      ...(mtls && form.cert ? { clientCertificatePem: form.cert } : {}),
      ...(mtls && form.key ? { clientKeyPem: form.key } : {}),
      ...(mtls && form.ca ? { caPem: form.ca } : {}),
      proxyUrl: form.proxy || null,
      ...(form.passphrase ? { passphrase: form.passphrase } : {}),
      uploadDeferrals: form.uploadDeferrals,
    };
    const r = await station.sync.saveConnection(input);
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setError(null);
    setForm((f) => ({ ...f, clientSecret: '', key: '', passphrase: '' }));
    load(r.value);
    notifications.show({ color: 'teal', message: t('connection.saved') });
    onSaved?.();
  };
  const test = async () => {
    setBusy(true);
    const r = await station.sync.testConnection({});
    setBusy(false);
    if (!r.ok) return setError(r.error);
    setVerdict(r.value);
  };
  const unlock = async () => {
    const r = await station.sync.unlock({ passphrase: unlockWith });
    if (!r.ok) return setError(r.error);
    setError(null);
    setUnlockWith('');
    load(r.value);
  };

  return (
    <Paper withBorder p="md">
      <form onSubmit={save} aria-label={t('connection.title')}>
        <Title order={2} size="h4" mb="sm">
          {t('connection.title')}
        </Title>
        <Stack gap="xs" maw={640}>
          {error && <ErrorAlert error={error} />}
          {view?.configured && !view.unlocked && (
            <Alert color="yellow">
              <Text size="sm">{t('connection.locked')}</Text>
              <Group mt="xs">
                <PasswordInput aria-label={t('connection.passphrase')} value={unlockWith} onChange={(e) => setUnlockWith(e.currentTarget.value)} w={280} />
                <Button size="xs" onClick={() => void unlock()}>
                  {t('connection.unlock')}
                </Button>
              </Group>
            </Alert>
          )}
          <TextInput label={t('connection.baseUrl')} description={t('connection.baseUrlHint')} value={form.baseUrl} onChange={set('baseUrl')} required data-testid="sync-base-url" />
          <Select
            label={t('connection.auth')}
            data={(['oauth2', 'mtls', 'oauth2+mtls', 'none'] as const).map((a) => ({ value: a, label: t(`connection.auths.${a}`) }))}
            value={form.auth}
            onChange={(v) => v && setForm({ ...form, auth: v as Auth })}
            allowDeselect={false}
            data-testid="sync-auth"
          />
          {oauth && (
            <>
              <TextInput label={t('connection.tokenUrl')} value={form.tokenUrl} onChange={set('tokenUrl')} />
              <TextInput label={t('connection.clientId')} value={form.clientId} onChange={set('clientId')} />
              <PasswordInput label={t('connection.clientSecret')} description={view?.secrets.clientSecret ? `${t('connection.sealed')} — ${t('connection.keepSecret')}` : undefined} value={form.clientSecret} onChange={set('clientSecret')} />
              <TextInput label={t('connection.scope')} value={form.scope} onChange={set('scope')} />
            </>
          )}
          {mtls && (
            <>
              <Textarea label={t('connection.certificate')} description={view?.secrets.clientCertificate ? `${t('connection.sealed')} — ${t('connection.keepSecret')}` : undefined} value={form.cert} onChange={set('cert')} autosize minRows={2} maxRows={6} />
              <Textarea label={t('connection.key')} value={form.key} onChange={set('key')} autosize minRows={2} maxRows={6} />
              <Textarea label={t('connection.ca')} value={form.ca} onChange={set('ca')} autosize minRows={1} maxRows={6} />
            </>
          )}
          <TextInput label={t('connection.proxy')} value={form.proxy} onChange={set('proxy')} />
          {form.auth !== 'none' && <PasswordInput label={t('connection.passphrase')} description={t('connection.passphraseHint')} value={form.passphrase} onChange={set('passphrase')} />}
          <Checkbox label={t('connection.uploadDeferrals')} checked={form.uploadDeferrals} onChange={(e) => setForm({ ...form, uploadDeferrals: e.currentTarget.checked })} />
          <Group>
            <Button type="submit" loading={busy} data-testid="sync-save">
              {t('connection.save')}
            </Button>
            <Button variant="default" onClick={() => void test()} disabled={!view?.configured} loading={busy} data-testid="sync-test">
              {t('connection.test')}
            </Button>
          </Group>
          {verdict && (
            <Alert color={verdict.ok ? 'teal' : 'red'} data-testid="sync-verdict" data-ok={verdict.ok}>
              {verdict.ok ? t('connection.testOk', { message: verdict.message, ms: verdict.latencyMs ?? '?' }) : `${t('connection.testFailed')}: ${t(`errors:${verdict.code}`, { defaultValue: '' })} ${verdict.message}`}
            </Alert>
          )}
        </Stack>
      </form>
    </Paper>
  );
}
