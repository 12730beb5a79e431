import { Text, Title } from '@mantine/core';

/** A page's name and, under it, what the page is for: the same heading on every desk and page. */
export function PageHeader({ title, purpose }: { title: string; purpose: string }) {
  return (
    <div>
      <Title order={1} size="h2">
        {title}
      </Title>
      <Text c="dimmed" size="sm">
        {purpose}
      </Text>
    </div>
  );
}
