import { Group, Kbd } from '@mantine/core';

/** A visible keyboard shortcut, drawn as key caps: <Shortcut keys={keysOf('print')} /> (see app/shortcuts.ts). */
export function Shortcut({ keys }: { keys: string[] }) {
  return (
    <Group gap={2} wrap="nowrap" component="span" aria-hidden>
      {keys.map((k, i) => (
        <Kbd key={`${k}-${i}`} size="xs">
          {k}
        </Kbd>
      ))}
    </Group>
  );
}
