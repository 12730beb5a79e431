import { Alert, Button, Checkbox, Group, Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckInResult, CitizenSummary, StationErrorData, Target } from '../../../../preload/contract';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatBirthDate, parseBirthDate } from '../../components/person-format';
import { useCoreQuery } from '../../components/use-core-query';
import { station } from '../../station';
import { countryOptions } from './countries';
import { Findings } from './ScanResultCard';

export type PersonFormMode = 'manual' | 'foreigner';

export interface PersonFormModalProps {
  mode: PersonFormMode | null;
  /** A row of today's list to check in (a listed person without their card); fills the form. */
  target?: Target | null;
  onClose: () => void;
  onDone: (result: CheckInResult) => void;
}

/**
 * A person checked in without a card: a foreigner from the passport, or a
 * citizen typed in (recorded as unverified). The core checks the entry as
 * it is typed, the same checks a card gets, and points out anyone already
 * registered with the number, passport, or the same name and birth date.
 */
export function PersonFormModal({ mode, target = null, onClose, onDone }: PersonFormModalProps) {
  const { t } = useTranslation('checkin');
  return (
    <Modal opened={mode !== null} onClose={onClose} title={mode === 'foreigner' ? t('person.foreignerTitle') : t('person.manualTitle')} size="lg">
      {mode && <PersonForm key={`${mode}-${target?.id ?? ''}`} mode={mode} target={target} onDone={onDone} />}
    </Modal>
  );
}

function PersonForm({ mode, target, onDone }: { mode: PersonFormMode; target: Target | null; onDone: (r: CheckInResult) => void }) {
  const { t, i18n } = useTranslation('checkin');
  const foreigner = mode === 'foreigner';
  const [fullName, setFullName] = useState(target?.fullName ?? '');
  const [dob, setDob] = useState(target ? formatBirthDate(target.dateOfBirth) : '');
  const [sex, setSex] = useState<'male' | 'female' | ''>(target?.sex ?? '');
  const [idNumber, setIdNumber] = useState(target?.idNumber ?? '');
  const [phone, setPhone] = useState(target?.phone ?? '');
  const [passportNumber, setPassportNumber] = useState('');
  const [nationality, setNationality] = useState<string | null>(null);
  const [notDuplicate, setNotDuplicate] = useState(false);
  const [error, setError] = useState<StationErrorData | null>(null);
  const [busy, setBusy] = useState(false);
  const countries = useMemo(() => countryOptions(i18n.language), [i18n.language]);

  const dateOfBirth = parseBirthDate(dob);
  const entry =
    fullName.trim() && dateOfBirth && sex
      ? {
          fullName,
          dateOfBirth,
          sex,
          ...(foreigner ? { passportNumber: passportNumber || null, nationality } : { idNumber: idNumber.trim() || null }),
        }
      : null;
  const [checkKey] = useDebouncedValue(JSON.stringify(entry), 250);
  const check = useCoreQuery(
    () => {
      const req = JSON.parse(checkKey) as Parameters<typeof station.checkin.checkPerson>[0] | null;
      return req ? station.checkin.checkPerson(req) : Promise.resolve({ ok: true as const, value: null });
    },
    [checkKey],
  );
  const checked = entry ? check.data : null;

  const finish = async (run: () => ReturnType<typeof station.checkin.registerManual>) => {
    setBusy(true);
    const answer = await run();
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    onDone(answer.value);
  };
  const targetId = target?.id ?? undefined;
  const checkInKnown = (c: CitizenSummary) => void finish(() => station.checkin.checkInKnown({ citizenId: c.id, targetId }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!entry || !sex || !dateOfBirth) return setError({ code: 'VALIDATION_FAILED', message: 'incomplete' });
    void finish(() =>
      foreigner
        ? station.checkin.registerForeigner({ fullName, dateOfBirth, sex, passportNumber, nationality: nationality ?? '', targetId, notDuplicate })
        : station.checkin.registerManual({ fullName, dateOfBirth, sex, idNumber: idNumber.trim() || null, phone: phone.trim() || null, targetId, notDuplicate }),
    );
  };

  return (
    <form noValidate onSubmit={submit} aria-label={foreigner ? t('person.foreignerTitle') : t('person.manualTitle')} data-testid="person-form">
      <Stack gap="sm">
        {!foreigner && (
          <Text size="sm" c="dimmed">
            {t('person.manualHint')}
          </Text>
        )}
        {foreigner && (
          <SimpleGrid cols={2}>
            <TextInput label={t('person.passportNumber')} value={passportNumber} onChange={(e) => setPassportNumber(e.currentTarget.value)} required data-autofocus />
            <Select
              label={t('person.nationality')}
              data={countries}
              value={nationality}
              onChange={setNationality}
              searchable
              required
              nothingFoundMessage={t('person.noCountry')}
              data-testid="nationality"
            />
          </SimpleGrid>
        )}
        <TextInput label={t('field.fullName')} value={fullName} onChange={(e) => setFullName(e.currentTarget.value)} required data-autofocus={!foreigner || undefined} />
        <SimpleGrid cols={2}>
          <TextInput
            label={t('field.dateOfBirth')}
            description={t('person.dateHint')}
            placeholder="dd/mm/yyyy"
            value={dob}
            onChange={(e) => setDob(e.currentTarget.value)}
            error={dob.trim() && !dateOfBirth ? t('person.dateInvalid') : undefined}
            required
          />
          <div>
            <Text size="sm" fw={500} mb={4}>
              {t('field.sex')}
            </Text>
            <SegmentedControl
              value={sex}
              onChange={(v) => setSex(v as 'male' | 'female')}
              data={[
                { value: 'male', label: t('common:sex.male') },
                { value: 'female', label: t('common:sex.female') },
              ]}
              aria-label={t('field.sex')}
            />
          </div>
        </SimpleGrid>
        {!foreigner && (
          <SimpleGrid cols={2}>
            <TextInput label={t('person.idNumberOptional')} value={idNumber} onChange={(e) => setIdNumber(e.currentTarget.value)} inputMode="numeric" />
            <TextInput label={t('person.phone')} value={phone} onChange={(e) => setPhone(e.currentTarget.value)} />
          </SimpleGrid>
        )}

        {checked && checked.findings.length > 0 && (
          <Alert color={checked.person ? 'yellow' : 'red'} title={t('reading.check')}>
            <Findings findings={checked.findings} />
          </Alert>
        )}
        {checked?.holder && (
          <Alert color="orange" title={t('person.holderTitle')} data-testid="holder">
            <Group justify="space-between">
              <Text size="sm">{describe(checked.holder)}</Text>
              <Button size="compact-sm" onClick={() => checkInKnown(checked.holder!)}>
                {t('person.checkInThis')}
              </Button>
            </Group>
          </Alert>
        )}
        {checked && checked.possibleDuplicates.length > 0 && (
          <Alert color="yellow" title={t('person.duplicatesTitle', { count: checked.possibleDuplicates.length })} data-testid="possible-duplicates">
            <Stack gap={4}>
              {checked.possibleDuplicates.map((c) => (
                <Group key={c.id} justify="space-between">
                  <Text size="sm">{describe(c)}</Text>
                  <Button size="compact-sm" variant="light" onClick={() => checkInKnown(c)}>
                    {t('person.checkInThis')}
                  </Button>
                </Group>
              ))}
              <Checkbox mt={4} label={t('person.notDuplicate')} checked={notDuplicate} onChange={(e) => setNotDuplicate(e.currentTarget.checked)} />
            </Stack>
          </Alert>
        )}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} disabled={!entry} data-testid="register-person">
            {foreigner ? t('person.registerForeigner') : t('person.registerManual')}
          </Button>
        </Group>
      </Stack>
    </form>
  );

  function describe(c: CitizenSummary): string {
    const doc = c.idNumber ?? (c.passportNumber ? `${c.nationality ?? ''} ${c.passportNumber}` : t('match.noNumber'));
    return `${c.fullName} · ${formatBirthDate(c.dateOfBirth)} · ${doc} · ${t(`verification.${c.verification}`)}`;
  }
}
