import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DoseOption } from '../../../../preload/contract';
import { readableRuleParams, useCatalogue } from '../../components/catalogue';
import { Shortcut } from '../../components/Shortcut';

/** Why this lot departs from the series or the list, each reason in words. */
export function DeviationList({ option }: { option: DoseOption }) {
  const { t } = useTranslation('injection');
  const products = useCatalogue();
  return (
    <List size="sm" data-testid="deviation-reasons">
      {option.deviations.map((d) => (
        <List.Item key={d.code}>{t(`deviation.${d.code}`, readableRuleParams(d.params, products))}</List.Item>
      ))}
    </List>
  );
}

/**
 * A dose against the citizen's series or today's list is never what Enter
 * does by default: the nurse reads why and confirms this once.
 */
// In both dialogs the confirm button takes the keyboard (data-autofocus, honoured by the modal's focus trap):
// Enter confirms, Esc goes back. Where the keyboard goes next is the desk's business (the dose's confirm
// button), so the modal does not hand the focus back to whatever had it before.

export function DeviationConfirm({ option, onConfirm, onCancel }: { option: DoseOption; onConfirm(): void; onCancel(): void }) {
  const { t } = useTranslation('injection');
  return (
    <Modal opened onClose={onCancel} title={t('deviation.title')} returnFocus={false} data-testid="deviation-confirm">
      <Stack>
        <Alert color="orange" title={t('deviation.chosen', { product: option.productName, dose: option.doseNumber, lot: option.lotNumber })}>
          <DeviationList option={option} />
        </Alert>
        <Text size="sm">{t('deviation.ask')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} rightSection={<Shortcut keys={['Esc']} />}>
            {t('deviation.back')}
          </Button>
          <Button data-autofocus color="orange" onClick={onConfirm} rightSection={<Shortcut keys={['Enter']} />} data-testid="deviation-confirm-button">
            {t('deviation.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/**
 * Opening a vial starts its in-use clock and commits its doses: a deliberate
 * step that names the product, the lot and how many doses the vial holds, and
 * warns when another product's vial with doses left is open.
 */
export function OpenVialConfirm({
  lot,
  otherOpen,
  onConfirm,
  onCancel,
}: {
  lot: { productName: string; lotNumber: string; dosesPerVial: number };
  otherOpen: { productName: string; lotNumber: string; dosesLeft: number }[];
  onConfirm(): void;
  onCancel(): void;
}) {
  const { t } = useTranslation('injection');
  return (
    <Modal opened onClose={onCancel} title={t('openVial.title')} returnFocus={false} data-testid="open-vial-confirm">
      <Stack>
        <Text fw={700} data-testid="open-vial-what">
          {t('openVial.what', { product: lot.productName, lot: lot.lotNumber, doses: lot.dosesPerVial })}
        </Text>
        {otherOpen.length > 0 && (
          <Alert color="orange" data-testid="open-vial-others">
            {t('openVial.others', { list: otherOpen.map((v) => t('openVial.other', { product: v.productName, lot: v.lotNumber, left: v.dosesLeft })).join('; ') })}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel} rightSection={<Shortcut keys={['Esc']} />}>
            {t('deviation.back')}
          </Button>
          <Button data-autofocus color="orange" onClick={onConfirm} rightSection={<Shortcut keys={['Enter']} />} data-testid="open-vial-confirm-button">
            {t('openVial.confirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
