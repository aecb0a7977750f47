import { Alert, Group, Radio, Stack, Text } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { CountedTextarea } from '../../components/CountedTextarea';
import { FormActions } from '../../components/FormActions';
import { ErrorState, FormError, PageSkeleton } from '../../components/States';
import { AuthCard } from '../accounts/AuthCard';
import { useSurveyAnswer, useSurveyToken } from './api';
import { formatWhen } from './format';
import { LIMITS } from './types';

const RATINGS = ['1', '2', '3', '4', '5'] as const;

/** The satisfaction survey an e-mail links to: a 1–5 rating and an optional comment, answered once. */
export default function SurveyPage() {
  const { t } = useTranslation('trainings');
  const { token = '' } = useParams();
  const survey = useSurveyToken(token);
  const answer = useSurveyAnswer(token);
  const form = useForm({
    initialValues: { rating: '', comment: '' },
    validateInputOnChange: ['comment'],
    validate: {
      rating: (v) => (v ? null : t('survey.ratingRequired')),
      comment: (v) => (v.length > LIMITS.surveyComment ? t('validation.maxLength', { count: LIMITS.surveyComment }) : null),
    },
  });
  const state = survey.data?.state;

  return (
    <AuthCard title={t('survey.title')}>
      {survey.isPending ? <PageSkeleton lines={4} /> : null}
      {survey.isError ? <ErrorState error={survey.error} title={t('survey.invalidTitle')} /> : null}
      {survey.data?.session ? (
        <Stack gap={2}>
          <Text fw={700}>{survey.data.session.title}</Text>
          <Text size="sm" c="dimmed">
            {formatWhen(survey.data.session.startsAt, survey.data.session.endsAt)}
          </Text>
        </Stack>
      ) : null}
      {state === 'answered' ? (
        <Alert color="cevennes" variant="light" role="status" title={t('survey.thanksTitle')}>
          {t('survey.thanks')}
        </Alert>
      ) : null}
      {state === 'invalid' ? (
        <Alert color="red" variant="light" role="alert" title={t('survey.invalidTitle')}>
          {t('survey.invalid')}
        </Alert>
      ) : null}
      {state === 'open' ? (
        <form
          noValidate
          onSubmit={form.onSubmit((v) =>
            answer.mutate({ rating: Number(v.rating), comment: v.comment.trim() ? v.comment.trim() : null }),
          )}
        >
          <Stack gap="md">
            <Radio.Group label={t('survey.rating')} description={t('survey.ratingHelp')} withAsterisk {...form.getInputProps('rating')}>
              <Group gap="sm" mt="xs">
                {RATINGS.map((r) => (
                  <Radio key={r} value={r} label={t(`survey.ratings.${r}`)} />
                ))}
              </Group>
            </Radio.Group>
            <CountedTextarea label={t('survey.comment')} max={LIMITS.surveyComment} minRows={3} maxRows={10} {...form.getInputProps('comment')} />
            <FormError error={answer.error} />
            <FormActions submitLabel={t('survey.submit')} saving={answer.isPending} />
          </Stack>
        </form>
      ) : null}
    </AuthCard>
  );
}
