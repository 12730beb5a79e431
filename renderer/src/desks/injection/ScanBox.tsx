import { Group, TextInput } from '@mantine/core';
import { forwardRef, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keysOf } from '../../app/shortcuts';
import { Shortcut } from '../../components/Shortcut';
import { BurstDetector } from '../../scanning/burst-detector';

/**
 * The injection desk's box for a scan or a typed queue number. A scan always
 * stands on its own: a scanner's burst typed into the box (after a failed
 * lookup, or onto digits someone started typing) replaces what the box held
 * instead of being appended to it, and every lookup empties the box.
 */
export const ScanBox = forwardRef<HTMLInputElement, { onLookup(text: string): void }>(function ScanBox({ onLookup }, ref) {
  const { t } = useTranslation('injection');
  const [text, setText] = useState('');
  // The same detector the desk uses outside fields, fed the box's own keys: it tells a scanner from a person here too.
  const detector = useRef(new BurstDetector());
  const timer = useRef<number | null>(null);
  const onLookupRef = useRef(onLookup);
  useEffect(() => {
    onLookupRef.current = onLookup;
  });
  useEffect(() => () => void (timer.current !== null && window.clearTimeout(timer.current)), []);
  const lookup = (value: string) => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    detector.current.reset();
    setText('');
    if (value.trim() !== '') onLookupRef.current(value);
  };
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        lookup(text);
      }}
    >
      <TextInput
        ref={ref}
        label={
          <Group gap={6}>
            {t('scan.label')} <Shortcut keys={keysOf('search')} />
          </Group>
        }
        placeholder={t('scan.placeholder')}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        onKeyDown={(e) => {
          const decision = detector.current.handleKey({ key: e.key, timeStamp: e.timeStamp, targetIsEditable: false, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, isComposing: e.nativeEvent.isComposing });
          if (decision.scan) {
            e.preventDefault();
            lookup(decision.scan.text);
          } else if (decision.preventDefault && e.key.length === 1) {
            // A recognised burst: its keys are the scan's, kept by the detector, not typed after the old text.
            e.preventDefault();
          }
          if (e.key === 'Escape') setText('');
          // A scanner set to send no Enter: the burst ends with a short pause.
          if (timer.current !== null) window.clearTimeout(timer.current);
          const deadline = detector.current.deadline();
          if (deadline !== null && detector.current.recognised) {
            timer.current = window.setTimeout(() => {
              const scan = detector.current.flush(performance.now());
              if (scan) lookup(scan.text);
            }, Math.max(0, deadline - e.timeStamp) + 5);
          }
        }}
        autoFocus
        autoComplete="off"
        data-testid="injection-scan"
      />
    </form>
  );
});
