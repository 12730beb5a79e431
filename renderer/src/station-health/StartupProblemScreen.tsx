import { Alert, Code, List, Paper, Stack, Text, Title, Center } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { StorageProblem } from '../../../preload/contract';
import { LanguageSwitch } from '../components/LanguageSwitch';
import { formatSiteDateTime } from '../components/dates';

/**
 * The station could not open its database: what happened, in words for the
 * site, which file, and what to do. One text per problem code
 * (locales/<lang>/station.json, `problem.<code>`); a new case (a backup to
 * restore, an encrypted file whose key is missing) adds its code, its texts
 * and, if it needs one, an action below the steps.
 */
export function StartupProblemScreen({ problem }: { problem: StorageProblem }) {
  const { t, i18n } = useTranslation('station');
  const steps = t(`problem.${problem.code}.steps`, { returnObjects: true }) as unknown;
  return (
    <Center mih="100vh" p="md">
      <Paper withBorder p="xl" maw={720} w="100%" data-testid="startup-problem" data-problem={problem.code}>
        <Stack>
          <Title order={1} size="h3">
            {t(`problem.${problem.code}.title`)}
          </Title>
          <Alert color="red" title={t('startup.nothingWorks')}>
            {t(`problem.${problem.code}.what`)}
          </Alert>
          <div>
            <Text fw={500}>{t('startup.file')}</Text>
            <Code block data-testid="startup-problem-file">
              {problem.databaseFile}
            </Code>
          </div>
          <div>
            <Text fw={500}>{t('startup.whatToDo')}</Text>
            <List type="ordered" spacing={4}>
              {(Array.isArray(steps) ? (steps as string[]) : []).map((step) => (
                <List.Item key={step}>{step}</List.Item>
              ))}
            </List>
          </div>
          <Text size="sm" c="dimmed">
            {t('startup.detail', { since: formatSiteDateTime(problem.since, i18n.language) })} <Code>{problem.detail}</Code>
          </Text>
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
