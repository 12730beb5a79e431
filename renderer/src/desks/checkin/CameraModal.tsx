import { Alert, Modal, Stack, Text } from '@mantine/core';
import type { IScannerControls } from '@zxing/browser';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { qrReader } from '../../scanning/qr-image';

/**
 * Reads a QR code from the webcam until one is found, then hands its text
 * on and closes. The camera is released when the dialog closes, whatever
 * happened.
 */
export function CameraModal({ opened, onClose, onText }: { opened: boolean; onClose: () => void; onText: (text: string) => void }) {
  const { t } = useTranslation('checkin');
  return (
    <Modal opened={opened} onClose={onClose} title={t('camera.title')} size="lg">
      {opened && <CameraView onText={onText} />}
    </Modal>
  );
}

function CameraView({ onText }: { onText: (text: string) => void }) {
  const { t } = useTranslation('checkin');
  const video = useRef<HTMLVideoElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const onTextRef = useRef(onText);
  useEffect(() => {
    onTextRef.current = onText;
  });

  useEffect(() => {
    let live = true;
    let controls: IScannerControls | null = null;
    const element = video.current;
    if (!element) return;
    if (!navigator.mediaDevices?.getUserMedia) {
      queueMicrotask(() => live && setProblem('unsupported'));
      return;
    }
    qrReader()
      .decodeFromVideoDevice(undefined, element, (result, _error, c) => {
        if (!result || !live) return;
        live = false;
        c.stop();
        onTextRef.current(result.getText());
      })
      .then((c) => {
        controls = c;
        if (!live) c.stop();
      })
      .catch((error: unknown) => {
        const name = error instanceof Error ? error.name : '';
        if (live) setProblem(name === 'NotAllowedError' ? 'denied' : name === 'NotFoundError' || name === 'OverconstrainedError' ? 'none' : 'failed');
      });
    return () => {
      live = false;
      controls?.stop();
    };
  }, []);

  return (
    <Stack>
      {problem ? (
        <Alert color="red" data-testid="camera-problem" data-problem={problem}>
          {t(`camera.${problem}`)}
        </Alert>
      ) : (
        <Text size="sm" c="dimmed">
          {t('camera.hint')}
        </Text>
      )}
      <video ref={video} muted playsInline style={{ width: '100%', maxHeight: 420, background: '#111', borderRadius: 4 }} data-testid="camera-video" />
    </Stack>
  );
}
